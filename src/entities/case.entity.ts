import { Column, CreateDateColumn, Entity, Index, UpdateDateColumn } from 'typeorm';
import { UuidEntity } from './base.entity';
import { CaseChannel, CaseStatus, CaseType, Satisfaction } from './case-enums';

@Entity({ name: 'petition_case' })
@Index('uq_case_serial', ['congressId', 'serialNo'], { unique: true })
@Index('ix_case_status', ['status'])
// the office clocks still running (not done) by due time, for the deadline scan and the clock filters
@Index('ix_case_intake_open', ['intakeDoneAt', 'intakeDueAt'])
@Index('ix_case_review_open', ['reviewAnsweredAt', 'reviewDueAt'])
// a congress's cases by receipt (lists, reports), holding every column the statistics read from the row
// (StatisticsService.caseFacts), so that a county's month or a city's year is a range of this index and no table row
@Index('ix_case_report', ['congressId', 'receivedAt', 'channel', 'category', 'personCount', 'referredFromUnitId', 'referredFromCaseId', 'accusedUnitId', 'reviewCount', 'finishedAt', 'lastRepliedAt', 'firstAssignedAt', 'intakeDueAt', 'intakeDoneAt'])
export class Case extends UuidEntity {
  @Column({ type: 'varchar', length: 20 })
  serialNo: string;

  @Index('uq_case_query_code', { unique: true })
  @Column({ type: 'varchar', length: 16 })
  queryCode: string;

  /** The congress that registered the case and owns it. */
  @Column({ type: 'varchar', length: 36 })
  congressId: string;

  @Column({ type: 'simple-enum', enum: CaseStatus })
  status: CaseStatus;

  @Column({ type: 'simple-enum', enum: CaseChannel })
  channel: CaseChannel;

  @Column({ type: 'simple-enum', enum: CaseType })
  caseType: CaseType;

  @Index('ix_case_category')
  @Column({ type: 'varchar', length: 100 })
  category: string;

  @Column({ type: 'varchar', length: 500 })
  summary: string;

  @Column({ type: 'text' })
  content: string;

  @Column({ type: 'datetime', precision: 3 })
  receivedAt: Date;

  @Column({ type: 'int', default: 1 })
  personCount: number;

  @Column({ type: 'boolean', default: false })
  isKey: boolean;

  @Column({ type: 'boolean', default: false })
  isDifficult: boolean;

  @Column({ type: 'boolean', default: false })
  isTypical: boolean;

  @Index('ix_case_referred_from')
  @Column({ type: 'varchar', length: 36, nullable: true })
  referredFromUnitId: string | null;

  @Index('ix_case_referred_from_case')
  @Column({ type: 'varchar', length: 36, nullable: true })
  referredFromCaseId: string | null;

  @Index('ix_case_matter')
  @Column({ type: 'varchar', length: 36, nullable: true })
  matterId: string | null;

  /** 检举控告: the unit accused; it never sees the case. */
  @Index('ix_case_accused')
  @Column({ type: 'varchar', length: 36, nullable: true })
  accusedUnitId: string | null;

  /** 信访案件责任制: the staff member answerable for the case from registration to feedback. */
  @Column({ type: 'varchar', length: 36 })
  responsibleUserId: string;

  @Column({ type: 'simple-enum', enum: Satisfaction, nullable: true })
  satisfaction: Satisfaction | null;

  @Column({ type: 'boolean', default: false })
  ratedByPetitioner: boolean;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  lastRepliedAt: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  closedAt: Date | null;

  /** When the case last finished (closed, declined or archived); cleared on reopening. Drives statistics. */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  finishedAt: Date | null;

  /** When its first assignment was made (the earliest `assignedAt`; never cleared). Statistics skip cases without one. */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  firstAssignedAt: Date | null;

  @Column({ type: 'int', default: 0 })
  reviewCount: number;

  /** The office's intake clock (Art 22): end of the 15th day after receipt on the deadline calendar. */
  @Index('ix_case_intake_due')
  @Column({ type: 'datetime', precision: 3 })
  intakeDueAt: Date;

  /** When the case first left REGISTERED (accepted, declined or archived); null while undecided. */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  intakeDoneAt: Date | null;

  /** The 30-day clock to answer the latest 复查/复核 request; null for a case never reopened. */
  @Index('ix_case_review_due')
  @Column({ type: 'datetime', precision: 3, nullable: true })
  reviewDueAt: Date | null;

  /** The first reply to the petitioner after the latest 复查/复核 request. */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  reviewAnsweredAt: Date | null;

  /** 领导包案: the leader of the owning congress in personal charge of the case. */
  @Index('ix_case_charge_leader')
  @Column({ type: 'varchar', length: 36, nullable: true })
  chargeLeaderId: string | null;

  /** Flagged urgent by the office (a flash report was raised). */
  @Column({ type: 'boolean', default: false })
  isUrgent: boolean;

  /** 领导接访: the reception session at which the visit was received. */
  @Index('ix_case_reception')
  @Column({ type: 'varchar', length: 36, nullable: true })
  receptionId: string | null;

  /** Optimistic concurrency: every state change is `UPDATE … WHERE version = ?`. */
  @Column({ type: 'int', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date;
}
