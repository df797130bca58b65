import { Column, Entity, Index } from 'typeorm';
import { UuidEntity } from './base.entity';

/**
 * A deadline alert that has been raised. The unique key is the claim: whichever instance inserts the row
 * first publishes the alert, so several instances never raise it twice.
 */
@Entity({ name: 'deadline_alert' })
@Index('uq_deadline_alert', ['clock', 'subjectId', 'kind', 'dueAt'], { unique: true })
export class DeadlineAlertRecord extends UuidEntity {
  /** Whose clock: a unit's assignment (ASSIGNMENT) or the office's own (INTAKE, REVIEW). */
  @Column({ type: 'varchar', length: 16, default: 'ASSIGNMENT' })
  clock: string;

  /** The assignment of an ASSIGNMENT alert; the case of an office alert. */
  @Column({ type: 'varchar', length: 36 })
  subjectId: string;

  @Column({ type: 'varchar', length: 16 })
  kind: string;

  @Column({ type: 'datetime', precision: 3 })
  dueAt: Date;

  @Column({ type: 'datetime', precision: 3 })
  raisedAt: Date;
}
