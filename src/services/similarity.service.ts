import DataLoader from 'dataloader';
import { In, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import type { LoaderFactory, RequestContext } from '../context/request-context';
import { congressesToNarrowTo } from '../policy/access-policy';
import { caseText, DOCUMENT_COUNT_KEY, petitionTerms, termKey, type TextTerms } from '../domain/petition-text';
import {
  combinedScore,
  contentScore,
  postingWeight,
  queryTerms,
  reasonsFor,
  REPEAT_THRESHOLD,
  selfScore,
  SHOW_THRESHOLD,
  type SimilarityReasonName,
} from '../domain/similarity-score';
import { Case } from '../entities/case.entity';
import { Matter } from '../entities/matter.entity';
import { Petitioner } from '../entities/petitioner.entity';
import { SimilarityPosting, SimilarityTerm } from '../entities/similarity-index.entity';
import { badInput } from '../errors/domain-error';
import type { CaseAccessService } from './case-access.service';
import type { PetitionerService } from './petitioner.service';

/** The text indexed per case is cut here: a 50,000-character letter says what it is about in its first pages. */
const INDEXED_TEXT_MAX = 5000;
/** Content candidates ranked per query (the connection's `totalCount` counts within them). */
const CONTENT_POOL = 50;
/** Candidates by petitioner or matter considered per query, as repeat detection always did. */
const SHARED_POOL = 20;
/** Rows per INSERT: four parameters a row, well inside SQLite's 32,766 bound parameters per statement. */
const INSERT_CHUNK = 1000;

/** One similar case with its score and the reasons it is shown for. */
export interface SimilarCase {
  node: Case;
  score: number;
  reasons: SimilarityReasonName[];
}

export interface SimilarCasePage {
  totalCount: number;
  edges: SimilarCase[];
}

export interface MatterSuggestion {
  matter: Matter;
  score: number;
}

type IndexedCase = Pick<Case, 'id' | 'congressId' | 'category' | 'summary' | 'content'>;

/**
 * Similar petitions (docs/rules.md "Similar petitions"): keeps the database index of every case's terms up to date
 * inside the transaction that changes the case, and ranks the other cases a viewer may see that are probably about
 * the same issue — by content (BM25 over normalised character bigrams), by petitioner and by matter.
 */
type RankedCandidate = SimilarCase & { contentScore: number };
type ContentCandidates = Map<string, { score: number; node: Case }>;
/** A registration's content candidates, read beside the transaction that registers the case. */
interface ReadAhead {
  caseId: string;
  /** The congress and text it ranked. */
  text: string;
  read: Promise<ContentCandidates>;
}
const textOf = (c: IndexedCase) => `${c.congressId}\u0000${caseText(c)}`;

export class SimilarityService {
  /**
   * A case's ranked candidates, once per request: `similarCases` and `suggestedMatters` asked together (as the
   * reference front end does) share one ranking. Keyed by the case's version and matter, so a change made earlier in
   * the same request is never answered from a ranking made before it.
   */
  private readonly ranked: LoaderFactory<Case, RankedCandidate[]> = (ctx) =>
    new DataLoader<Case, RankedCandidate[], string>((cases) => Promise.all(cases.map((c) => this.rank(ctx, c))), {
      cacheKeyFn: (c) => `${c.id}:${c.version}:${c.matterId ?? ''}`,
    });

  /**
   * The content candidates read ahead for the case a request registers (see {@link readAhead}) until they are taken;
   * null once a second registration came before they were.
   */
  private readonly readAheads = new WeakMap<RequestContext, ReadAhead | null>();

  constructor(
    private readonly caseAccess: CaseAccessService,
    private readonly petitioners: PetitionerService,
  ) {}

  /**
   * (Re)indexes a case's text in the caller's transaction: its old postings and their document frequencies go, the
   * new ones come. `fresh` skips the removal for a case registered in this very transaction.
   */
  async index(ctx: RequestContext, c: IndexedCase, fresh = false): Promise<void> {
    if (!fresh) await this.remove(ctx, c.id);
    const terms = termsOf(c);
    const rows = [...terms.tf].map(([term, tf]) => ({ termKey: termKey(term), caseId: c.id, congressId: c.congressId, weight: postingWeight(tf, terms.length) }));
    const byKey = new Map(rows.map((r) => [r.termKey, r]));
    await this.insertPostings(ctx, [...byKey.values()]);
    await this.addDocumentFrequencies(ctx, [...byKey.keys(), DOCUMENT_COUNT_KEY], 1);
  }

  /**
   * Starts reading the content candidates of `c`, a case being registered in the caller's open transaction, on a
   * connection of its own, so that the registration's `repeatCandidates` finds them read when the transaction has
   * committed instead of reading them only then. Until the commit no other connection sees `c` or its postings,
   * which is what its ranking leaves out in any case (itself, and its share of the frequencies), so the candidates
   * are those a read after the commit would find. One case a request: when a second is registered before the first's
   * candidates were taken (in one transaction, neither read saw the other case), neither read is used; nor one whose
   * case's text changed before it was asked for. MySQL only: SQLite has one connection, held by the transaction.
   */
  readAhead(ctx: RequestContext, c: IndexedCase): void {
    if (ctx.app.db.engine !== 'mysql' || !ctx.transactionManager) return;
    if (this.readAheads.has(ctx)) {
      this.readAheads.set(ctx, null);
      return;
    }
    const read = this.contentCandidates(ctx.detached(), c);
    // a registration that fails never asks for them; one that succeeds reads them again if this read failed
    read.catch(() => undefined);
    this.readAheads.set(ctx, { caseId: c.id, text: textOf(c), read });
  }

  /** Removes a case from the index (its postings, and its share of the document frequencies). */
  async remove(ctx: RequestContext, caseId: string): Promise<void> {
    const old = await ctx.repo(SimilarityPosting).find({ where: { caseId }, select: { termKey: true } });
    if (!old.length) return;
    await ctx.repo(SimilarityPosting).delete({ caseId });
    await this.addDocumentFrequencies(ctx, [...old.map((o) => o.termKey), DOCUMENT_COUNT_KEY], -1);
  }

  /**
   * Rebuilds the whole index from the cases, in the caller's transaction (`npm run similarity:rebuild`). Returns the
   * number of cases indexed.
   */
  async rebuild(ctx: RequestContext, progress?: (done: number) => void): Promise<number> {
    await ctx.manager.createQueryBuilder().delete().from(SimilarityPosting).execute();
    await ctx.manager.createQueryBuilder().delete().from(SimilarityTerm).execute();
    const df = new Map<number, number>();
    let done = 0;
    let after = '';
    for (;;) {
      const batch = await ctx
        .repo(Case)
        .createQueryBuilder('c')
        .select(['c.id', 'c.congressId', 'c.category', 'c.summary', 'c.content'])
        .where('c.id > :after', { after })
        .orderBy('c.id', 'ASC')
        .take(1000)
        .getMany();
      if (!batch.length) break;
      const rows: Array<{ termKey: number; caseId: string; congressId: string; weight: number }> = [];
      for (const c of batch) {
        const terms = termsOf(c);
        const byKey = new Map<number, number>();
        for (const [term, tf] of terms.tf) byKey.set(termKey(term), postingWeight(tf, terms.length));
        for (const [key, weight] of byKey) {
          rows.push({ termKey: key, caseId: c.id, congressId: c.congressId, weight });
          df.set(key, (df.get(key) ?? 0) + 1);
        }
      }
      await this.insertPostings(ctx, rows);
      done += batch.length;
      after = batch[batch.length - 1].id;
      progress?.(done);
    }
    df.set(DOCUMENT_COUNT_KEY, done);
    const entries = [...df].map(([key, n]) => ({ termKey: key, df: n }));
    for (let i = 0; i < entries.length; i += INSERT_CHUNK) {
      await ctx.manager.createQueryBuilder().insert().into(SimilarityTerm).values(entries.slice(i, i + INSERT_CHUNK)).execute();
    }
    return done;
  }

  /**
   * The other cases the viewer may see that are probably about the same issue as `c`, best first: `first` of them
   * (1–100), and how many there are in all among the candidates ranked.
   */
  async similarCases(ctx: RequestContext, c: Case, first: number): Promise<SimilarCasePage> {
    if (!Number.isInteger(first) || first < 1 || first > 100) throw badInput('first', 'first 须在 1–100 之间');
    const all = await this.candidates(ctx, c);
    return { totalCount: all.length, edges: all.slice(0, first).map(({ node, score, reasons }) => ({ node, score, reasons })) };
  }

  /**
   * The candidates confident enough to put before the registrar (score ≥ `REPEAT_THRESHOLD`): what `registerCase`
   * returns as `repeatCandidates`. A petition about a new issue has none.
   */
  async confidentCandidates(ctx: RequestContext, c: Case): Promise<Case[]> {
    return (await this.candidates(ctx, c)).filter((s) => s.score >= REPEAT_THRESHOLD).map((s) => s.node);
  }

  /**
   * Existing matters the viewer may see whose cases are close to `c` (not its own matter): each scored by its
   * closest case, best first.
   */
  async suggestedMatters(ctx: RequestContext, c: Case, first: number): Promise<MatterSuggestion[]> {
    if (!Number.isInteger(first) || first < 1 || first > 100) throw badInput('first', 'first 须在 1–100 之间');
    const best = new Map<string, number>();
    for (const s of await this.candidates(ctx, c)) {
      const m = s.node.matterId;
      if (!m || m === c.matterId || !s.reasons.includes('SIMILAR_CONTENT')) continue;
      // the matter is suggested for the content, not for the petitioner: strip the other reasons' share
      const content = combinedScore(s.contentScore, new Set());
      best.set(m, Math.max(best.get(m) ?? 0, content));
    }
    if (!best.size) return [];
    const matters = await ctx.repo(Matter).findBy({ id: In([...best.keys()]) });
    const out: MatterSuggestion[] = [];
    for (const matter of matters) if (await this.caseAccess.mayViewMatter(ctx, matter)) out.push({ matter, score: best.get(matter.id)! });
    return out.sort((a, b) => b.score - a.score || (a.matter.id < b.matter.id ? -1 : 1)).slice(0, first);
  }

  /** Every candidate for `c` with its reasons and score, best first; only cases the viewer may see, never `c`. */
  private candidates(ctx: RequestContext, c: Case): Promise<RankedCandidate[]> {
    return ctx.loader(this.ranked).load(c);
  }

  private async rank(ctx: RequestContext, c: Case): Promise<RankedCandidate[]> {
    const [content, shared] = await Promise.all([this.readAheadOrRead(ctx, c), this.sharedCandidates(ctx, c)]);
    const sharedById = new Map(shared.map((s) => [s.id, s]));
    const out: RankedCandidate[] = [];
    for (const id of new Set([...content.keys(), ...sharedById.keys()])) {
      const other = sharedById.get(id) ?? content.get(id)!.node;
      const s = content.get(id)?.score ?? 0;
      const reasons = reasonsFor(s, sharedById.get(id)?.samePetitioner ?? false, !!c.matterId && other.matterId === c.matterId);
      if (!reasons.length) continue;
      out.push({ node: other, contentScore: s, reasons, score: combinedScore(reasons.includes('SIMILAR_CONTENT') ? s : 0, new Set(reasons)) });
    }
    return out.sort((a, b) => b.score - a.score || b.node.receivedAt.getTime() - a.node.receivedAt.getTime() || (a.node.id < b.node.id ? -1 : 1));
  }

  /** `c`'s content candidates: those read ahead during its registration in this request if that read succeeded. */
  private async readAheadOrRead(ctx: RequestContext, c: Case): Promise<ContentCandidates> {
    const pending = this.readAheads.get(ctx);
    // only once committed, and only for the text it ranked: the case may still change inside the transaction
    if (pending?.caseId === c.id && !ctx.transactionManager) {
      this.readAheads.delete(ctx);
      const read = pending.text === textOf(c) ? await pending.read.catch(() => undefined) : undefined;
      if (read) return read;
    }
    return this.contentCandidates(ctx, c);
  }

  /**
   * The visible cases whose content is close enough to `c` to be shown (content score ≥ `SHOW_THRESHOLD`; a lower
   * one is never a reason, so it is never read further), with their rows: one statement for the frequencies (and
   * whether `c` itself is indexed), one that sums the postings and reads the rows of the best under the policy.
   */
  private async contentCandidates(ctx: RequestContext, c: IndexedCase): Promise<ContentCandidates> {
    const terms = termsOf(c);
    if (!terms.tf.size) return new Map();
    const keyOf = new Map([...terms.tf.keys()].map((t) => [t, termKey(t)]));
    const { df: dfByKey, indexed } = await this.frequencies(ctx, [...new Set(keyOf.values()), DOCUMENT_COUNT_KEY], c.id);
    // the case itself is in the index: leave it out of the frequencies, as if it were not there
    const own = indexed ? 1 : 0;
    const documents = Math.max(0, (dfByKey.get(DOCUMENT_COUNT_KEY) ?? 0) - own);
    const qt = queryTerms(terms, (t) => Math.max(0, (dfByKey.get(keyOf.get(t)!) ?? 0) - own), documents);
    const self = selfScore(qt);
    if (!qt.length || self <= 0) return new Map();
    const weights = new Map<number, number>();
    for (const t of qt) weights.set(keyOf.get(t.term)!, (weights.get(keyOf.get(t.term)!) ?? 0) + t.weight);
    // keys and weights are numbers computed here, written into the statement as numeric literals
    const sum = `SUM(p.weight * CASE p.termKey ${[...weights].map(([k, w]) => `WHEN ${Math.trunc(k)} THEN ${Number(w.toFixed(6))}`).join(' ')} ELSE 0 END)`;
    const inTerms = `p.termKey IN (${[...weights.keys()].map((k) => Math.trunc(k)).join(', ')})`;
    const scope = await this.caseAccess.scope(ctx);
    let best: SelectQueryBuilder<ObjectLiteral>;
    if (scope.kind === 'congresses') {
      // the office sees whole congresses: sum the postings of those congresses alone (no join); the policy's predicate
      // then confirms the best of them (it also leaves out an accusation against the office's own congress)
      best = ctx.repo(SimilarityPosting).createQueryBuilder('p').select('p.caseId', 'id').addSelect(sum, 'raw').where(inTerms);
      // naming every congress narrows nothing, and MySQL would estimate each term × congress range before reading
      // (a third of the statement's time for a city of 13)
      const congressIds = congressesToNarrowTo(scope, await ctx.app.units.all(ctx));
      if (congressIds) best.andWhere('p.congressId IN (:...congressIds)', { congressIds });
      best = best
        .andWhere('p.caseId <> :self', { self: c.id })
        .groupBy('p.caseId')
        .orderBy('raw', 'DESC')
        // copies of one petition tie: without the id, which of them fill the pool would be the engine's choice
        .addOrderBy('p.caseId', 'ASC')
        .limit(CONTENT_POOL * 2);
    } else {
      // a unit sees few cases: start from them, under the policy's predicate
      best = this.caseAccess
        .restrict(ctx.repo(Case).createQueryBuilder('c').innerJoin(SimilarityPosting, 'p', 'p.caseId = c.id').select('c.id', 'id').addSelect(sum, 'raw'), scope)
        .andWhere(inTerms)
        .andWhere('c.id <> :self', { self: c.id })
        .groupBy('c.id')
        .orderBy('raw', 'DESC')
        .addOrderBy('c.id', 'ASC')
        .limit(CONTENT_POOL);
    }
    // the rows of those shown, read in the same statement: a content score under SHOW_THRESHOLD is never a reason
    const { entities, raw } = await this.caseAccess
      .restrict(ctx.repo(Case).createQueryBuilder('c').innerJoin(`(${best.getQuery()})`, 'best', 'best.id = c.id').setParameters(best.getParameters()), scope)
      .addSelect('best.raw', 'raw')
      .andWhere('best.raw >= :minRaw', { minRaw: SHOW_THRESHOLD * self * (1 - 1e-9) })
      .orderBy('best.raw', 'DESC')
      .addOrderBy('c.id', 'ASC')
      .limit(CONTENT_POOL)
      .getRawAndEntities<{ c_id: string; raw: string | number }>();
    const rawById = new Map(raw.map((r) => [String(r.c_id), Number(r.raw)]));
    const out = new Map<string, { score: number; node: Case }>();
    for (const node of entities) {
      const score = contentScore(rawById.get(node.id) ?? 0, self);
      if (score >= SHOW_THRESHOLD) out.set(node.id, { score, node });
    }
    return out;
  }

  /**
   * The document frequencies of `keys`, and whether case `caseId` is in the index, in one statement: on a database
   * server across a network each statement costs a round trip, and a query waits for these before it can choose terms.
   */
  private async frequencies(ctx: RequestContext, keys: number[], caseId: string): Promise<{ df: Map<number, number>; indexed: boolean }> {
    const meta = ctx.app.db.dataSource;
    const terms = meta.getMetadata(SimilarityTerm).tableName;
    const postings = meta.getMetadata(SimilarityPosting).tableName;
    const rows = (await ctx.manager.query(
      `SELECT 0 AS own, termKey, df FROM ${terms} WHERE termKey IN (${keys.map(() => '?').join(', ')}) ` +
        `UNION ALL SELECT 1 AS own, 0 AS termKey, COUNT(*) AS df FROM (SELECT 1 AS x FROM ${postings} WHERE caseId = ? LIMIT 1) mine`,
      [...keys, caseId],
    )) as Array<{ own: number | string; termKey: number | string; df: number | string }>;
    const df = new Map<number, number>();
    let indexed = false;
    for (const r of rows) {
      if (Number(r.own) === 1) indexed = Number(r.df) > 0;
      else df.set(Number(r.termKey), Number(r.df));
    }
    return { df, indexed };
  }

  /** Visible cases of the same petitioner (ID-number or phone hash) or on the same matter: repeat detection's own query. */
  private async sharedCandidates(ctx: RequestContext, c: Case): Promise<Array<Case & { samePetitioner: boolean }>> {
    const petitioners = await ctx.repo(Petitioner).findBy({ caseId: c.id });
    const { idHashes, phoneHashes } = this.petitioners.matchKeys(petitioners);
    if (!idHashes.length && !phoneHashes.length && !c.matterId) return [];
    const qb = await this.caseAccess.visibleCases(ctx);
    const petitionerTable = ctx.app.db.dataSource.getMetadata(Petitioner).tableName;
    const same: string[] = [];
    if (idHashes.length) same.push(`EXISTS (SELECT 1 FROM ${petitionerTable} rp WHERE rp.caseId = c.id AND rp.idNumberHash IN (:...idHashes))`);
    if (phoneHashes.length) same.push(`EXISTS (SELECT 1 FROM ${petitionerTable} rq WHERE rq.caseId = c.id AND rq.phoneHash IN (:...phoneHashes))`);
    const samePetitioner = same.length ? `(${same.join(' OR ')})` : '1 = 0';
    const ors = [...same, ...(c.matterId ? ['c.matterId = :matterId'] : [])];
    const { entities, raw } = await qb
      .addSelect(`CASE WHEN ${samePetitioner} THEN 1 ELSE 0 END`, 'same_petitioner')
      .andWhere('c.id <> :self', { self: c.id })
      .andWhere(`(${ors.join(' OR ')})`, { idHashes, phoneHashes, matterId: c.matterId })
      .orderBy('c.receivedAt', 'DESC')
      .limit(SHARED_POOL)
      .getRawAndEntities<{ same_petitioner: number | string }>();
    return entities.map((e, i) => Object.assign(e, { samePetitioner: Number(raw[i].same_petitioner) === 1 }));
  }

  /**
   * Inserts postings with one plain statement per `INSERT_CHUNK` rows: TypeORM's insert builder spent about as long
   * writing a registration's statement as the database spent running it.
   */
  private async insertPostings(ctx: RequestContext, rows: Array<{ termKey: number; caseId: string; congressId: string; weight: number }>): Promise<void> {
    const table = ctx.app.db.dataSource.getMetadata(SimilarityPosting).tableName;
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      const chunk = rows.slice(i, i + INSERT_CHUNK);
      await ctx.manager.query(
        `INSERT INTO ${table} (termKey, congressId, caseId, weight) VALUES ${chunk.map(() => '(?, ?, ?, ?)').join(', ')}`,
        chunk.flatMap((r) => [r.termKey, r.congressId, r.caseId, r.weight]),
      );
    }
  }

  /** Adds `delta` to the document frequency of each key (creating the rows it lacks), in key order so that concurrent writers never deadlock. */
  private async addDocumentFrequencies(ctx: RequestContext, keys: number[], delta: 1 | -1): Promise<void> {
    const sorted = [...new Set(keys)].sort((a, b) => a - b);
    const table = ctx.app.db.dataSource.getMetadata(SimilarityTerm).tableName;
    for (let i = 0; i < sorted.length; i += INSERT_CHUNK) {
      const chunk = sorted.slice(i, i + INSERT_CHUNK);
      if (delta < 0) {
        await ctx.manager.query(`UPDATE ${table} SET df = df - 1 WHERE termKey IN (${chunk.map(() => '?').join(', ')})`, chunk);
        continue;
      }
      const values = chunk.map(() => '(?, 1)').join(', ');
      const upsert = ctx.app.db.engine === 'mysql' ? 'ON DUPLICATE KEY UPDATE df = df + 1' : 'ON CONFLICT(termKey) DO UPDATE SET df = df + 1';
      await ctx.manager.query(`INSERT INTO ${table} (termKey, df) VALUES ${values} ${upsert}`, chunk);
    }
  }
}

function termsOf(c: Pick<Case, 'category' | 'summary' | 'content'>): TextTerms {
  return petitionTerms(caseText({ category: c.category, summary: c.summary, content: c.content.slice(0, INDEXED_TEXT_MAX) }));
}
