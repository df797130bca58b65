import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The similar-petition index (docs/rules.md "Similar petitions"): one row per (term, case), the term being a
 * character bigram or an amount of the case's normalised text, keyed by its 32-bit hash (`termKey` in
 * src/domain/petition-text.ts). The primary key leads with the term, so a query reads each of its terms' postings as
 * one range of the clustered index; the case index serves re-indexing and removal.
 */
@Entity({ name: 'similarity_posting' })
@Index('ix_similarity_posting_case', ['caseId'])
export class SimilarityPosting {
  @PrimaryColumn({ type: 'int' })
  termKey: number;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  caseId: string;

  /**
   * The case's owning congress (it never changes), kept beside each posting so that an office's query sums only the
   * postings of the congresses it sees, without joining every posting to its case.
   */
  @Column({ type: 'varchar', length: 36 })
  congressId: string;

  /** BM25's saturated, length-normalised term frequency (src/domain/similarity-score.ts `postingWeight`). */
  @Column({ type: 'float' })
  weight: number;
}

/**
 * Document frequencies: in how many indexed cases each term occurs, for BM25's idf. The row with `termKey` 0 counts
 * the indexed cases themselves. Kept up to date in the same transaction as the postings.
 */
@Entity({ name: 'similarity_term' })
export class SimilarityTerm {
  @PrimaryColumn({ type: 'int' })
  termKey: number;

  @Column({ type: 'int' })
  df: number;
}
