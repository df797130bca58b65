import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The office's own stage summary (阶段性工作小结) of one bulletin — a congress, a year and a quarter (0 for the annual
 * summary) — which the bulletin and its Word file print in place of the draft written from the figures.
 */
@Entity({ name: 'bulletin_summary' })
export class BulletinSummary {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  congressId: string;

  @PrimaryColumn({ type: 'int' })
  year: number;

  /** 1–4, or 0 for the whole year. */
  @PrimaryColumn({ type: 'int' })
  quarter: number;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'varchar', length: 36 })
  updatedById: string;

  @Column({ type: 'datetime', precision: 3 })
  updatedAt: Date;
}
