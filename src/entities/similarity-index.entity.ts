import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { AsciiKey } from '../db/ascii-key';

/**
 * The similar-petition index (docs/rules.md "Similar petitions"): one row per (term, case), the term being a
 * character bigram or an amount of the case's normalised text, keyed by its 32-bit hash (`termKey` in
 * src/domain/petition-text.ts). The primary key is (term, congress, case), so a query reads each of its terms'
 * postings in the congresses it sees as one range of the clustered index; the case index serves re-indexing and removal.
 */
@Entity({ name: 'similarity_posting' })
@Index('ix_similarity_posting_case', ['caseId'])
export class SimilarityPosting {
  @PrimaryColumn({ type: 'int' })
  termKey: number;

  /**
   * The case's owning congress (it never changes), kept beside each posting and second in the key, so that an
   * office's query reads, for each term, only the postings of the congresses it sees, without joining them to cases.
   */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  @AsciiKey()
  congressId: string;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  @AsciiKey()
  caseId: string;

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
