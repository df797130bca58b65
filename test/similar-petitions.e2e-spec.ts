import { RequestContext } from '../src/context/request-context';
import { caseText, petitionTerms, termKey } from '../src/domain/petition-text';
import { REPEAT_THRESHOLD } from '../src/domain/similarity-score';
import { CaseChannel, CaseType } from '../src/entities/case-enums';
import { SimilarityPosting, SimilarityTerm } from '../src/entities/similarity-index.entity';
import { User } from '../src/entities/user.entity';
import { DISTRACTORS, MATTERS, type LabelledPetition } from './fixtures/similar-petitions';
import { ASSIGN_CASE, REGISTER_CASE, letterInput, seedCountyPeople, type CountyPeople } from './harness/case-fixtures';
import { expectErrorCode, type GraphQLTestClient } from './harness/graphql-client';
import { countSql } from './harness/sql-counter';
import { createTestServer, type TestServer } from './harness/test-server';

const SIMILAR = `query SimilarCases($id: ID!, $first: Int) {
  case(id: $id) {
    id
    similarCases(first: $first) { totalCount edges { score reasons node { id serialNo summary matter { id } } } }
    suggestedMatters(first: 5) { score matter { id title } }
  }
}`;
const REGISTER = 'mutation($input: RegisterCaseInput!) { registerCase(input: $input) { id serialNo repeatCandidates { id } } }';
const UPDATE_CONTENT = 'mutation($input: UpdateCaseContentInput!) { updateCaseContent(input: $input) { id summary content timeline { type detail } } }';
const CREATE_MATTER = 'mutation($input: CreateMatterInput!) { createMatter(input: $input) { id title } }';
const LINK = 'mutation($c: ID!, $m: ID!) { linkCaseToMatter(caseId: $c, matterId: $m) { id matter { id } } }';

interface Edge {
  score: number;
  reasons: string[];
  node: { id: string; serialNo: string; summary: string; matter: { id: string } | null };
}

let seq = 0;
/** A petition as the registrar registers it: a petitioner with a name only, so no two share a petitioner. */
function input(category: string, p: LabelledPetition, over: Record<string, unknown> = {}) {
  seq++;
  return {
    channel: p.channel,
    caseType: 'CLAIM',
    receivedAt: new Date(Date.now() - (1000 - seq) * 60_000).toISOString(),
    category,
    summary: p.summary,
    content: p.content,
    petitioners: [{ name: `信访人${seq}` }],
    ...over,
  };
}

const [LAND, WAGES, QUARRY] = ['liuhe-land', 'hongda-wages', 'qingshi-quarry'].map((k) => MATTERS.find((m) => m.key === k)!);

describe('similar petitions (相似信访件)', () => {
  let t: TestServer;
  let p: CountyPeople;

  beforeAll(async () => {
    t = await createTestServer({ DEADLINE_SCAN_INTERVAL_MS: '3600000' });
    p = await seedCountyPeople(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** The statement that sums the postings of a content ranking. */
  const isPostingSum = (sql: string) => /FROM\s+[`"]?similarity_posting[`"]?\s+[`"]?p[`"]?/i.test(sql) && /SUM\(/.test(sql);
  /** A context of `client`'s user, to call the services in-process (transactions the API never opens). */
  const contextOf = async (client: GraphQLTestClient, purpose: string) => {
    const runtime = t.server.runtime;
    const user = await runtime.db.dataSource.getRepository(User).findOneByOrFail({ id: (await client.ok('{ me { id } }')).me.id });
    return new RequestContext(runtime, { user }, purpose, 'local', runtime.logger);
  };
  const registerIn = (ctx: RequestContext, category: string, pet: LabelledPetition) =>
    t.server.runtime.services.cases.register(ctx, { ...input(category, pet), channel: CaseChannel.PHONE, caseType: CaseType.CLAIM, receivedAt: new Date() } as never);
  const register = async (client: GraphQLTestClient, category: string, pet: LabelledPetition, over: Record<string, unknown> = {}) =>
    (await client.ok(REGISTER, { input: input(category, pet, over) })).registerCase as { id: string; serialNo: string; repeatCandidates: Array<{ id: string }> };
  const similar = async (client: GraphQLTestClient, id: string, first = 10) => (await client.ok(SIMILAR, { id, first })).case as { similarCases: { totalCount: number; edges: Edge[] }; suggestedMatters: Array<{ score: number; matter: { id: string } }> };

  /** Every (term, document frequency) pair the term table holds equals a recount of the postings. */
  async function expectFrequenciesAgree(): Promise<void> {
    const ds = t.server.runtime.db.dataSource;
    const postings = await ds.getRepository(SimilarityPosting).find({ select: { termKey: true, caseId: true } });
    const counted = new Map<number, number>();
    for (const r of postings) counted.set(r.termKey, (counted.get(r.termKey) ?? 0) + 1);
    const stored = new Map((await ds.getRepository(SimilarityTerm).find()).filter((r) => r.df !== 0).map((r) => [r.termKey, r.df]));
    const docs = stored.get(0);
    stored.delete(0);
    expect(docs).toBe(new Set(postings.map((r) => r.caseId)).size);
    expect(stored).toEqual(counted);
  }

  describe('the labelled set, loaded through registerCase', () => {
    let q: CountyPeople;
    const ids = new Map<string, { matter: string | null }>();

    beforeAll(async () => {
      q = await seedCountyPeople(t);
      for (const m of MATTERS) for (const pet of m.petitions) ids.set((await register(q.registrar, m.category, pet)).id, { matter: m.key });
      for (const x of DISTRACTORS) ids.set((await register(q.registrar, x.category, x)).id, { matter: null });
    });

    it('ranks a same-matter case first for ≥ 85%, in the top 3 for ≥ 95%, and ≤ 10% of distractors get a confident wrong suggestion', async () => {
      let queries = 0;
      let first = 0;
      let top3 = 0;
      let distractors = 0;
      let confidentWrong = 0;
      for (const [id, { matter }] of ids) {
        const { edges } = (await similar(q.registrar, id, 3)).similarCases;
        for (const e of edges) expect(ids.has(e.node.id) && e.node.id !== id).toBe(true);
        if (matter) {
          queries++;
          if (edges[0] && ids.get(edges[0].node.id)!.matter === matter) first++;
          if (edges.some((e) => ids.get(e.node.id)!.matter === matter)) top3++;
        } else {
          distractors++;
          if (edges[0] && edges[0].score >= REPEAT_THRESHOLD) confidentWrong++;
        }
      }
      expect(queries).toBeGreaterThanOrEqual(90);
      expect(distractors).toBeGreaterThanOrEqual(50);
      expect(first / queries).toBeGreaterThanOrEqual(0.85);
      expect(top3 / queries).toBeGreaterThanOrEqual(0.95);
      expect(confidentWrong / distractors).toBeLessThanOrEqual(0.1);
    });

    it('scores lie in 0..1, best first, each edge with its reasons', async () => {
      const [id] = ids.keys();
      const { similarCases } = await similar(q.registrar, id, 100);
      expect(similarCases.totalCount).toBeGreaterThanOrEqual(similarCases.edges.length);
      const scores = similarCases.edges.map((e) => e.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      for (const e of similarCases.edges) {
        expect(e.score).toBeGreaterThan(0);
        expect(e.score).toBeLessThanOrEqual(1);
        expect(e.reasons).toEqual(['SIMILAR_CONTENT']);
      }
    });

    it('refuses first outside 1..100 with BAD_USER_INPUT', async () => {
      const [id] = ids.keys();
      expectErrorCode(await q.registrar.query(SIMILAR, { id, first: 0 }), 'BAD_USER_INPUT', 'first');
      expectErrorCode(await q.registrar.query(SIMILAR, { id, first: 101 }), 'BAD_USER_INPUT', 'first');
    });
  });

  it('ranks a case once per request: similarCases and suggestedMatters asked together read the index once', async () => {
    const county = await seedCountyPeople(t);
    const a = await register(county.registrar, LAND.category, LAND.petitions[0]);
    await register(county.registrar, LAND.category, LAND.petitions[1]);
    const counter = countSql(t.server.runtime.db.dataSource);
    try {
      const both = await similar(county.registrar, a.id);
      expect(both.similarCases.totalCount).toBeGreaterThan(0);
      expect(counter.statements.filter(isPostingSum)).toHaveLength(1);
    } finally {
      counter.stop();
    }
  });

  it('registerCase: a petition about a new issue gets no repeat candidates; a differently written one about a known issue gets its case', async () => {
    const first = await register(p.registrar, LAND.category, LAND.petitions[0]);
    const unrelated = await register(p.registrar, QUARRY.category, QUARRY.petitions[0]);
    expect(unrelated.repeatCandidates).toEqual([]);
    // the same letter as another clerk typed it: full-width digits, the amounts in words, the long form of the body
    const retyped = {
      ...LAND.petitions[0],
      summary: LAND.petitions[0].summary.replace('3.2万元', '三万二千元'),
      content: LAND.petitions[0].content.replace('2025', '２０２５').replace('8.6万元', '86000元').replace('5.4万元', '五万四千元').replace('3.2万元', '32000元').replace('镇政府', '镇人民政府'),
    };
    expect(retyped.content).not.toBe(LAND.petitions[0].content);
    const again = await register(p.registrar, LAND.category, retyped, { channel: 'VISIT' });
    expect(again.repeatCandidates.map((c) => c.id)).toEqual([first.id]);
    // the same petitioner (ID number) stays a repeat candidate whatever they write about
    const a = (await p.registrar.ok(REGISTER_CASE, { input: letterInput({ summary: WAGES.petitions[0].summary, content: WAGES.petitions[0].content }) })).registerCase;
    const b = (await p.registrar.ok(REGISTER_CASE, { input: letterInput({ summary: QUARRY.petitions[1].summary, content: QUARRY.petitions[1].content }) })).registerCase;
    expect(b.repeatCandidates.map((c: { id: string }) => c.id)).toContain(a.id);
    const edge = (await similar(p.registrar, b.id)).similarCases.edges.find((e) => e.node.id === a.id)!;
    expect(edge.reasons).toContain('SAME_PETITIONER');
  });

  it("registerCase's repeat candidates are those the case's own ranking gives once registered, read beside its transaction on MySQL", async () => {
    const county = await seedCountyPeople(t);
    const earlier: Array<{ id: string }> = [];
    for (const pet of WAGES.petitions.slice(0, 3)) earlier.push(await register(county.registrar, WAGES.category, pet));
    await register(county.registrar, QUARRY.category, QUARRY.petitions[0]);
    const registered = await register(county.registrar, WAGES.category, WAGES.petitions[3]);
    const confidentOf = async (id: string) =>
      (await similar(county.registrar, id, 100)).similarCases.edges.filter((e) => e.score >= REPEAT_THRESHOLD).map((e) => e.node.id);
    const confident = await confidentOf(registered.id);
    expect(confident.length).toBeGreaterThan(0);
    expect(registered.repeatCandidates.map((c) => c.id)).toEqual(confident);
    expect(confident.every((id) => earlier.some((e) => e.id === id))).toBe(true);
    if (t.server.runtime.db.engine !== 'mysql') return;

    // the ranking's sum is sent while the registering transaction is still open (it waits here until it has been),
    // and the candidates asked for after the commit are the ones it read: no second sum
    const ctx = await contextOf(county.registrar, 'read-ahead-test');
    const counter = countSql(t.server.runtime.db.dataSource);
    try {
      const sums = () => counter.statements.filter(isPostingSum).length;
      const again = await ctx.transaction(async () => {
        const c = await registerIn(ctx, WAGES.category, WAGES.petitions[3]);
        for (const deadline = Date.now() + 10_000; sums() === 0 && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 5));
        expect(sums()).toBe(1);
        return c;
      });
      const candidates = await t.server.runtime.services.cases.repeatCandidates(ctx, again);
      expect(sums()).toBe(1);
      expect(candidates.map((c) => c.id)).toEqual(await confidentOf(again.id));
    } finally {
      counter.stop();
    }
  });

  it('the same letter registered twice at once: the later registration lists the earlier', async () => {
    const county = await seedCountyPeople(t);
    const twice = await Promise.all([0, 1].map(() => register(county.registrar, LAND.category, LAND.petitions[2])));
    const [earlier, later] = twice.sort((a, b) => (a.serialNo < b.serialNo ? -1 : 1));
    expect(later.repeatCandidates.map((c) => c.id)).toContain(earlier.id);
  });

  it('cases registered in one transaction are each other’s candidates once it commits', async () => {
    const county = await seedCountyPeople(t);
    const ctx = await contextOf(county.registrar, 'batch-test');
    const [a, b] = await ctx.transaction(async () => [await registerIn(ctx, WAGES.category, WAGES.petitions[0]), await registerIn(ctx, WAGES.category, WAGES.petitions[0])]);
    const cases = t.server.runtime.services.cases;
    expect((await cases.repeatCandidates(ctx, a)).map((c) => c.id)).toContain(b.id);
    expect((await cases.repeatCandidates(ctx, b)).map((c) => c.id)).toContain(a.id);
  });

  describe('access', () => {
    it('a unit never receives a case it cannot see, and another congress never receives ours', async () => {
      const county = await seedCountyPeople(t);
      const other = await seedCountyPeople(t);
      const [a, b, c, d, e] = await Promise.all(WAGES.petitions.slice(0, 4).concat(WAGES.petitions[0]).map((pet) => register(county.registrar, WAGES.category, pet)));
      const elsewhere = await register(other.registrar, WAGES.category, WAGES.petitions[1]);
      for (const x of [a, b, c, d]) await county.registrar.ok('mutation($id: ID!) { acceptCase(id: $id) { id } }', { id: x.id });
      await county.registrar.ok(ASSIGN_CASE, { input: { caseId: b.id, unitId: county.county.court, mode: 'TRANSFER' } });
      await county.registrar.ok(ASSIGN_CASE, { input: { caseId: c.id, unitId: county.county.government, mode: 'TRANSFER' } });
      await county.registrar.ok(ASSIGN_CASE, { input: { caseId: d.id, unitId: county.county.court, mode: 'TRANSFER' } });
      const { createMatter: hidden } = await county.registrar.ok(CREATE_MATTER, { input: { title: '南湖花园欠薪', caseIds: [a.id, c.id] } });

      // the office sees its own congress's cases, never another congress's
      const office = (await similar(county.registrar, b.id, 100)).similarCases.edges.map((x) => x.node.id);
      expect(office).toEqual(expect.arrayContaining([a.id, c.id, d.id, e.id]));
      expect(office).not.toContain(elsewhere.id);
      expect(office).not.toContain(b.id);
      const theirs = (await similar(other.registrar, elsewhere.id, 100)).similarCases.edges.map((x) => x.node.id);
      for (const x of [a, b, c, d, e]) expect(theirs).not.toContain(x.id);

      // the court sees only what is assigned to it: d, not a (unrouted), c (the government's) or the other county's
      const court = await similar(county.court, b.id, 100);
      expect(court.similarCases.edges.map((x) => x.node.id)).toEqual([d.id]);
      expect(court.similarCases.totalCount).toBe(1);
      expect(court.suggestedMatters.map((s) => s.matter.id)).not.toContain(hidden.id);
      const office2 = await similar(county.registrar, b.id);
      expect(office2.suggestedMatters.map((s) => s.matter.id)).toContain(hidden.id);
      // and on a case it cannot see at all, nothing but NOT_FOUND
      expectErrorCode(await county.court.query(SIMILAR, { id: a.id, first: 10 }), 'NOT_FOUND');
    });

    it('an office is never offered an accusation against its own congress, however close its text', async () => {
      const county = await seedCountyPeople(t);
      // other issues beside them, so that what the wage petitions share stands out as it does in an office's index
      for (const m of [LAND, QUARRY]) for (const pet of m.petitions) await register(county.registrar, m.category, pet);
      const accusation = await register(county.registrar, WAGES.category, WAGES.petitions[0], { caseType: 'ACCUSATION', accusedUnitId: county.county.cityCongress });
      const near = await register(county.registrar, WAGES.category, WAGES.petitions[1]);
      const seen = await register(county.registrar, WAGES.category, WAGES.petitions[2]);
      // the county office sees both; the city office, the accused, sees the other one only
      expect((await similar(county.registrar, seen.id, 100)).similarCases.edges.map((x) => x.node.id)).toEqual(expect.arrayContaining([accusation.id, near.id]));
      const city = (await similar(county.cityRegistrar, seen.id, 100)).similarCases;
      expect(city.edges.map((x) => x.node.id)).toContain(near.id);
      expect(city.edges.map((x) => x.node.id)).not.toContain(accusation.id);
      expect(city.totalCount).toBe(city.edges.length);
    });
  });

  describe('the index stays right', () => {
    it('after a case is edited: its old text is forgotten, its new text found, the frequencies recounted', async () => {
      const a = await register(p.registrar, QUARRY.category, QUARRY.petitions[2]);
      const b = await register(p.registrar, WAGES.category, WAGES.petitions[2]);
      expect((await similar(p.registrar, a.id, 100)).similarCases.edges.map((x) => x.node.id)).not.toContain(b.id);
      const edited = (await p.registrar.ok(UPDATE_CONTENT, { input: { caseId: b.id, summary: QUARRY.petitions[3].summary, content: QUARRY.petitions[3].content, category: QUARRY.category } }))
        .updateCaseContent;
      expect(edited.timeline.map((x: { type: string }) => x.type)).toContain('CONTENT_EDITED');
      const after = (await similar(p.registrar, a.id, 100)).similarCases.edges.find((x) => x.node.id === b.id);
      expect(after?.reasons).toContain('SIMILAR_CONTENT');
      const rows = await t.server.runtime.db.dataSource.getRepository(SimilarityPosting).findBy({ caseId: b.id });
      const expected = new Set([...petitionTerms(caseText({ category: QUARRY.category, ...QUARRY.petitions[3] })).tf.keys()].map(termKey));
      expect(new Set(rows.map((r) => r.termKey))).toEqual(expected);
      await expectFrequenciesAgree();
    });

    it('only the owning office’s registrars and administrators correct a case', async () => {
      const a = await register(p.registrar, QUARRY.category, QUARRY.petitions[0]);
      expectErrorCode(await p.leader.query(UPDATE_CONTENT, { input: { caseId: a.id, summary: '改' } }), 'FORBIDDEN');
      expectErrorCode(await p.cityRegistrar.query(UPDATE_CONTENT, { input: { caseId: a.id, summary: '改' } }), 'FORBIDDEN');
      expectErrorCode(await p.registrar.query(UPDATE_CONTENT, { input: { caseId: a.id, summary: '   ' } }), 'BAD_USER_INPUT', 'summary');
    });

    it('after a case is linked to a matter: SAME_MATTER at once, and the matter suggested to a similar case', async () => {
      const visit = await register(p.registrar, LAND.category, LAND.petitions[2]);
      const other = await register(p.registrar, LAND.category, LAND.petitions[1]);
      const { createMatter: m } = await p.registrar.ok(CREATE_MATTER, { input: { title: '柳河村物流园征地补偿差额', caseIds: [visit.id] } });
      const letter = await register(p.registrar, LAND.category, LAND.petitions[3], { channel: CaseChannel.LETTER });
      const before = await similar(p.registrar, letter.id);
      expect(before.suggestedMatters[0].matter.id).toBe(m.id);
      await p.registrar.ok(LINK, { c: letter.id, m: m.id });
      await p.registrar.ok(LINK, { c: other.id, m: m.id });
      const after = await similar(p.registrar, letter.id);
      expect(after.suggestedMatters.map((s) => s.matter.id)).not.toContain(m.id);
      for (const id of [visit.id, other.id]) expect(after.similarCases.edges.find((e) => e.node.id === id)?.reasons).toContain('SAME_MATTER');
      await expectFrequenciesAgree();
    });

    it('after a failed registration: no index rows are left behind', async () => {
      const ds = t.server.runtime.db.dataSource;
      const count = async () => ({ postings: await ds.getRepository(SimilarityPosting).count(), docs: (await ds.getRepository(SimilarityTerm).findOneBy({ termKey: 0 }))?.df ?? 0 });
      const before = await count();
      // through the API: a refused registration
      expectErrorCode(await p.registrar.query(REGISTER, { input: input(LAND.category, LAND.petitions[0], { matterId: '00000000-0000-0000-0000-000000000000' }) }), 'NOT_FOUND', 'matterId');
      expect(await count()).toEqual(before);
      // and a registration whose transaction fails after the case and its index rows were written
      const ctx = await contextOf(p.registrar, 'rollback-test');
      let written = 0;
      await expect(
        ctx.transaction(async () => {
          const c = await registerIn(ctx, LAND.category, LAND.petitions[1]);
          written = await ctx.repo(SimilarityPosting).countBy({ caseId: c.id });
          throw new Error('the transaction fails after indexing');
        }),
      ).rejects.toThrow('after indexing');
      expect(written).toBeGreaterThan(0);
      expect(await count()).toEqual(before);
      await expectFrequenciesAgree();
    });
  });
});
