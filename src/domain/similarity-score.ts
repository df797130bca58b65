import type { TextTerms } from './petition-text';

/**
 * Scoring for similar petitions (docs/rules.md "Similar petitions"): BM25 over the weighted terms of
 * `petitionTerms`, normalised to 0..1 against the query's own score, and combined with the other reasons two cases
 * belong together. The index stores each (term, case) pair with `postingWeight`; a query sums, over its most telling
 * terms, posting weight × `queryWeight`. Nothing here reads data.
 */

/** BM25 constants; the average length is fixed (the median petition's term count) so that stored weights never go stale. */
export const BM25 = { k1: 1.2, b: 0.75, averageLength: 120 } as const;

/** How many of a query's terms are looked up: its most telling ones (idf × class weight × frequency). */
export const QUERY_TERMS = 48;

/** At most this many postings are read per query: the most telling terms first, a term that would overrun it is skipped. */
export const POSTING_BUDGET = 20_000;

/** A term in more than this share of all petitions says nothing about which issue a petition is about. */
export const MAX_DOCUMENT_SHARE = 0.2;

/** The content score at and above which a case is shown as similar at all (`similarCases`). */
export const SHOW_THRESHOLD = 0.12;

/**
 * The score at and above which a candidate is confident enough to put before the registrar at registration
 * (`repeatCandidates`) and a matter is suggested with confidence. Chosen on the labelled set (BENCHMARKS.md).
 */
export const REPEAT_THRESHOLD = 0.27;

/** What each reason other than content contributes on its own; see `combinedScore`. */
export const REASON_PRIOR = { SAME_PETITIONER: 0.6, SAME_MATTER: 0.9 } as const;

/**
 * The stored weight of a term in one document: BM25's saturated, length-normalised frequency. The class weight
 * (name, amount, boilerplate) is applied once, on the query side: applied on both sides it squared, and a shared
 * village name alone then made two petitions about different things look alike (measured on the labelled set).
 */
export function postingWeight(tf: number, length: number): number {
  const { k1, b, averageLength } = BM25;
  return (tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * length) / averageLength));
}

/** BM25's inverse document frequency (the non-negative form). */
export function idf(df: number, documents: number): number {
  return Math.log(1 + (documents - df + 0.5) / (df + 0.5));
}

/** A query term: the weight its postings are multiplied by, and its own posting weight (for the self score). */
export interface QueryTerm {
  term: string;
  weight: number;
  selfPosting: number;
}

/**
 * The query's terms, most telling first, at most `QUERY_TERMS`: each weighted idf × class weight; terms found in more
 * than `MAX_DOCUMENT_SHARE` of the petitions are left out. `df(term)` is the term's document frequency among
 * `documents` petitions (0 for a term no other petition has).
 */
export function queryTerms(terms: TextTerms, df: (term: string) => number, documents: number): QueryTerm[] {
  const n = Math.max(documents, 1);
  const out: Array<QueryTerm & { rank: number }> = [];
  for (const [term, tf] of terms.tf) {
    const d = df(term);
    if (documents >= 20 && d / n > MAX_DOCUMENT_SHARE) continue;
    const cls = terms.weight.get(term) ?? 1;
    const weight = idf(d, n) * cls;
    const selfPosting = postingWeight(tf, terms.length);
    out.push({ term, weight, selfPosting, rank: weight * selfPosting });
  }
  out.sort((a, b) => b.rank - a.rank || (a.term < b.term ? -1 : 1));
  // the cost of a query is the postings it reads: keep within the budget, the most telling terms first
  const chosen: QueryTerm[] = [];
  let postings = 0;
  for (const { term, weight, selfPosting } of out) {
    if (chosen.length === QUERY_TERMS) break;
    const d = df(term);
    if (postings + d > POSTING_BUDGET) continue;
    postings += d;
    chosen.push({ term, weight, selfPosting });
  }
  return chosen;
}

/** The query's score against itself: what a candidate's raw score is measured against. */
export function selfScore(terms: readonly QueryTerm[]): number {
  return terms.reduce((s, t) => s + t.weight * t.selfPosting, 0);
}

/** A candidate's raw BM25 sum as a content score in 0..1 (1: at least as close as the petition is to itself). */
export function contentScore(raw: number, self: number): number {
  if (self <= 0 || raw <= 0) return 0;
  return Math.min(1, raw / self);
}

export type SimilarityReasonName = 'SAME_PETITIONER' | 'SAME_MATTER' | 'SIMILAR_CONTENT';

/**
 * One score from every reason two cases belong together: each reason is independent evidence, so the score is
 * 1 − Π(1 − pᵢ) over the content score and the priors of the other reasons present. Rounded to 4 places.
 */
export function combinedScore(content: number, reasons: ReadonlySet<SimilarityReasonName>): number {
  let miss = 1 - Math.max(0, Math.min(1, content));
  if (reasons.has('SAME_PETITIONER')) miss *= 1 - REASON_PRIOR.SAME_PETITIONER;
  if (reasons.has('SAME_MATTER')) miss *= 1 - REASON_PRIOR.SAME_MATTER;
  return Math.round((1 - miss) * 10_000) / 10_000;
}

/** The reasons a candidate is shown for: content counts as a reason from `SHOW_THRESHOLD` on. */
export function reasonsFor(content: number, samePetitioner: boolean, sameMatter: boolean): SimilarityReasonName[] {
  const reasons: SimilarityReasonName[] = [];
  if (samePetitioner) reasons.push('SAME_PETITIONER');
  if (sameMatter) reasons.push('SAME_MATTER');
  if (content >= SHOW_THRESHOLD) reasons.push('SIMILAR_CONTENT');
  return reasons;
}

/**
 * Scores a query against documents held in memory, the same sums the database index computes: for unit tests, the
 * benchmark's quality figures, and the baseline comparison. Returns content scores, highest first.
 */
export function rankInMemory(
  query: TextTerms,
  docs: ReadonlyArray<{ id: string; terms: TextTerms }>,
  df: (term: string) => number,
  documents: number,
): Array<{ id: string; score: number }> {
  const qt = queryTerms(query, df, documents);
  const self = selfScore(qt);
  const scored: Array<{ id: string; score: number }> = [];
  for (const d of docs) {
    let raw = 0;
    for (const t of qt) {
      const tf = d.terms.tf.get(t.term);
      if (tf) raw += t.weight * postingWeight(tf, d.terms.length);
    }
    if (raw > 0) scored.push({ id: d.id, score: contentScore(raw, self) });
  }
  return scored.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
}

/** Character-bigram Jaccard similarity after NFKC and removing punctuation: the baseline the benchmark compares with. */
export function bigramJaccard(a: string, b: string): number {
  const grams = (s: string) => {
    const t = s.normalize('NFKC').replace(/[^\p{Script=Han}A-Za-z0-9]+/gu, '');
    const set = new Set<string>();
    for (let i = 0; i + 1 < t.length; i++) set.add(t.slice(i, i + 2));
    return set;
  };
  const ga = grams(a);
  const gb = grams(b);
  let inter = 0;
  for (const g of ga) if (gb.has(g)) inter++;
  const union = ga.size + gb.size - inter;
  return union ? inter / union : 0;
}
