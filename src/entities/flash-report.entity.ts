import { Column, Entity, Index } from 'typeorm';
import { UuidEntity } from './base.entity';
import { FlashReportKind } from './case-enums';

/** 快报: a case reported at once to the leaders and office staff of its congress and the congresses above it. */
@Entity({ name: 'flash_report' })
@Index('ix_flash_report_at', ['at'])
export class FlashReport extends UuidEntity {
  @Index('ix_flash_report_case')
  @Column({ type: 'varchar', length: 36 })
  caseId: string;

  @Column({ type: 'simple-enum', enum: FlashReportKind })
  kind: FlashReportKind;

  @Column({ type: 'datetime', precision: 3 })
  at: Date;

  /** Why: the office's reason for an urgent flag; for a group visit, how many came. */
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  raisedById: string | null;
}
