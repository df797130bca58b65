import { petitionTerms } from './petition-text';
import { bigramJaccard, combinedScore, contentScore, idf, postingWeight, queryTerms, rankInMemory, reasonsFor, REPEAT_THRESHOLD, selfScore, SHOW_THRESHOLD } from './similarity-score';

describe('similarity score (docs/rules.md "Similar petitions")', () => {
  const docs = [
    { id: 'letter', text: '青石镇柳河村物流园征地补偿每亩少发3.2万元，请求查清差额去向' },
    { id: 'phone', text: '来电称柳河村物流园占地补偿每亩差了三万二千元没给' },
    { id: 'other', text: '柳河村村道路灯损坏一年多无人维修' },
    { id: 'far', text: '县二中寒假补课每生收取一千二百元' },
  ].map((d) => ({ id: d.id, terms: petitionTerms(d.text) }));
  const df = (term: string) => docs.filter((d) => d.terms.tf.has(term)).length;

  it('BM25 parts: a rarer term weighs more, a repeated term saturates', () => {
    expect(idf(1, 100)).toBeGreaterThan(idf(50, 100));
    expect(idf(100, 100)).toBeGreaterThanOrEqual(0);
    expect(postingWeight(2, 120)).toBeGreaterThan(postingWeight(1, 120));
    expect(postingWeight(20, 120)).toBeLessThan(20 * postingWeight(1, 120));
  });

  it('ranks the same issue written differently above the same village with another issue', () => {
    const ranked = rankInMemory(docs[1].terms, docs.filter((d) => d.id !== 'phone'), df, docs.length);
    expect(ranked[0].id).toBe('letter');
    expect(ranked.find((r) => r.id === 'far')).toBeUndefined();
    for (const r of ranked) expect(r.score).toBeLessThanOrEqual(1);
  });

  it('a case scores 1 against itself, content scores stay in 0..1', () => {
    const qt = queryTerms(docs[0].terms, df, docs.length);
    expect(qt.length).toBeGreaterThan(0);
    expect(contentScore(selfScore(qt), selfScore(qt))).toBe(1);
    expect(contentScore(5 * selfScore(qt), selfScore(qt))).toBe(1);
    expect(contentScore(0, 1)).toBe(0);
    expect(contentScore(1, 0)).toBe(0);
  });

  it('combines reasons as independent evidence; the petitioner and the matter alone reach the threshold', () => {
    expect(combinedScore(0, new Set())).toBe(0);
    expect(combinedScore(0, new Set(['SAME_PETITIONER']))).toBeGreaterThanOrEqual(REPEAT_THRESHOLD);
    expect(combinedScore(0, new Set(['SAME_MATTER']))).toBeGreaterThan(combinedScore(0, new Set(['SAME_PETITIONER'])));
    expect(combinedScore(0.5, new Set(['SIMILAR_CONTENT', 'SAME_MATTER']))).toBeLessThanOrEqual(1);
    expect(combinedScore(0.5, new Set(['SIMILAR_CONTENT', 'SAME_MATTER']))).toBeGreaterThan(0.9);
  });

  it('content counts as a reason from the show threshold on', () => {
    expect(reasonsFor(SHOW_THRESHOLD, false, false)).toEqual(['SIMILAR_CONTENT']);
    expect(reasonsFor(SHOW_THRESHOLD / 2, true, true)).toEqual(['SAME_PETITIONER', 'SAME_MATTER']);
    expect(reasonsFor(0, false, false)).toEqual([]);
  });

  it('the baseline Jaccard: 1 for the same text, 0 for nothing shared', () => {
    expect(bigramJaccard('柳河村征地', '柳河村征地')).toBe(1);
    expect(bigramJaccard('柳河村', '补课费')).toBe(0);
  });
});
