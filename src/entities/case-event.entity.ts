import { Column, Entity, Index } from 'typeorm';
import { UuidEntity } from './base.entity';
import { CaseEventType } from './case-enums';

/** The audit trail and timeline of a case: one row per change, with actor, time and before/after. */
@Entity({ name: 'case_event' })
@Index('ix_case_event_case_at', ['caseId', 'at'])
// with seq, "finished at asOf" of a reopened case (StatisticsService.caseFacts) reads its finishing and reopening
// events from this index alone, without a table row per event
@Index('ix_case_event_case_type_at_seq', ['caseId', 'type', 'at', 'seq'])
export class CaseEventRecord extends UuidEntity {
  @Column({ type: 'varchar', length: 36 })
  caseId: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  assignmentId: string | null;

  @Column({ type: 'simple-enum', enum: CaseEventType })
  type: CaseEventType;

  /** Null for changes made by the petitioner (rating) or the server itself. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  actorId: string | null;

  @Column({ type: 'datetime', precision: 3 })
  at: Date;

  @Column({ type: 'text', nullable: true })
  detail: string | null;

  @Column({ type: 'simple-json', nullable: true })
  before: Record<string, unknown> | null;

  @Column({ type: 'simple-json', nullable: true })
  after: Record<string, unknown> | null;

  /** Serial order within one case, so two events in the same millisecond keep their order. */
  @Column({ type: 'int', default: 0 })
  seq: number;
}
