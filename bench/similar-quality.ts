/**
 * The quality measures of similar petitions on the labelled set (test/fixtures/similar-petitions.ts), for our method
 * and for the character-bigram Jaccard baseline, computed the same way for both: every petition of a matter is a
 * query against all the others (leave one out); precision@1 = the top candidate is of the same matter; recall@3 =
 * one of the top three is; a distractor is "confidently wrong" when its top candidate scores at or above the
 * method's suggestion threshold.
 */
import { caseText, petitionTerms, type TextTerms } from '../src/domain/petition-text';
import { bigramJaccard, rankInMemory, REPEAT_THRESHOLD } from '../src/domain/similarity-score';
import { DISTRACTORS, MATTERS } from '../test/fixtures/similar-petitions';

export interface QualityFigures {
  method: string;
  threshold: number;
  queries: number;
  distractors: number;
  precisionAt1: number;
  recallAt3: number;
  confidentWrong: number;
  /** share of matter petitions whose top same-matter candidate reaches the threshold (what registration would show) */
  confidentRight: number;
}

interface Doc {
  id: string;
  matter: string | null;
  text: string;
}

/** The labelled set as documents: matter petitions (with their matter) and distractors (matter null). */
export function labelledDocs(): Doc[] {
  const docs: Doc[] = [];
  for (const m of MATTERS) m.petitions.forEach((p, i) => docs.push({ id: `${m.key}#${i}`, matter: m.key, text: caseText({ category: m.category, ...p }) }));
  DISTRACTORS.forEach((x, i) => docs.push({ id: `distractor#${i}`, matter: null, text: caseText(x) }));
  return docs;
}

type Ranker = (query: Doc, others: Doc[]) => Array<{ id: string; score: number }>;

function measure(method: string, threshold: number, docs: Doc[], rank: Ranker): QualityFigures {
  const matterOf = new Map(docs.map((x) => [x.id, x.matter]));
  let queries = 0;
  let p1 = 0;
  let r3 = 0;
  let right = 0;
  let distractors = 0;
  let wrong = 0;
  for (const q of docs) {
    const ranked = rank(
      q,
      docs.filter((x) => x.id !== q.id),
    );
    if (q.matter) {
      queries++;
      if (ranked[0] && matterOf.get(ranked[0].id) === q.matter) p1++;
      if (ranked.slice(0, 3).some((r) => matterOf.get(r.id) === q.matter)) r3++;
      const best = ranked.find((r) => matterOf.get(r.id) === q.matter);
      if (best && best.score >= threshold) right++;
    } else {
      distractors++;
      if (ranked[0] && ranked[0].score >= threshold) wrong++;
    }
  }
  return { method, threshold, queries, distractors, precisionAt1: p1 / queries, recallAt3: r3 / queries, confidentWrong: wrong / distractors, confidentRight: right / queries };
}

/** Our method: the weighted BM25 of src/domain/similarity-score.ts over the terms of src/domain/petition-text.ts. */
export function measureOurs(docs = labelledDocs()): QualityFigures {
  const terms = new Map<string, TextTerms>(docs.map((x) => [x.id, petitionTerms(x.text)]));
  return measure('n-gram BM25, normalised and weighted', REPEAT_THRESHOLD, docs, (q, others) => {
    // the index holds every other petition: document frequencies over them
    const df = new Map<string, number>();
    for (const o of others) for (const t of terms.get(o.id)!.tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
    return rankInMemory(
      terms.get(q.id)!,
      others.map((o) => ({ id: o.id, terms: terms.get(o.id)! })),
      (t) => df.get(t) ?? 0,
      others.length,
    );
  });
}

/** The threshold at which the Jaccard baseline flags a candidate: the usual near-duplicate cut for bigram sets. */
export const JACCARD_THRESHOLD = 0.2;

/** The baseline: plain character-bigram Jaccard over the raw text (NFKC, punctuation removed). */
export function measureJaccard(docs = labelledDocs(), threshold = JACCARD_THRESHOLD, method = 'character-bigram Jaccard (baseline)'): QualityFigures {
  return measure(method, threshold, docs, (q, others) =>
    others.map((o) => ({ id: o.id, score: bigramJaccard(q.text, o.text) })).sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1)),
  );
}

/**
 * The baseline at its own best threshold: the lowest (in steps of 0.01) at which no more than 10% of the distractors
 * get a confident wrong suggestion, so that its confident-right share compares fairly with ours.
 */
export function calibratedJaccard(docs = labelledDocs()): QualityFigures {
  for (let t = 1; t <= 100; t++) {
    const f = measureJaccard(docs, t / 100, 'character-bigram Jaccard (baseline), threshold calibrated to ≤ 10% wrong');
    if (f.confidentWrong <= 0.1) return f;
  }
  return measureJaccard(docs, 1);
}

if (require.main === module) {
  const docs = labelledDocs();
  for (const f of [measureOurs(docs), measureJaccard(docs), calibratedJaccard(docs)]) console.log(JSON.stringify(f));
}
