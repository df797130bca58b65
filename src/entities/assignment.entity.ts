import { Field, Int, ObjectType } from 'type-graphql';
import { Audience, Visible } from '../policy/audience';
import { Column, CreateDateColumn, Entity, Index } from 'typeorm';
import { UuidEntity } from './base.entity';
import { AssignmentMode, AssignmentRole, AssignmentStatus, Outcome } from './case-enums';

@Visible(Audience.CASE_PART)
@ObjectType({ simpleResolvers: true, description: '交办/转办：一件信访件交给一个承办单位 (assignment of a case to a unit)' })
@Entity({ name: 'assignment' })
@Index('ix_assignment_unit_status', ['unitId', 'status'])
// the deadline scan's undelivered assignments in due order: the delivered ones, nearly all of them over the years,
// are never read (DeadlineScheduler.scan)
@Index('ix_assignment_undelivered_due', ['deliveredAt', 'dueAt'])
// a case's assignments by caseId, holding every column the overdue rule reads at asOf, so that the statistics' check
// for an earlier overdue assignment of the same case reads this index alone
@Index('ix_assignment_case_report', ['caseId', 'unitId', 'assignedAt', 'dueAt', 'deliveredAt', 'status', 'endedAt', 'pausedSince'])
// a period's assignments in a congress's scope, holding every column the statistics judge at asOf, so that counting
// them per unit is one range of this index rather than one look-up per case (StatisticsService.unitFacts)
@Index('ix_assignment_report', ['caseCongressId', 'caseReceivedAt', 'unitId', 'assignedAt', 'dueAt', 'deliveredAt', 'status', 'endedAt', 'pausedSince', 'caseId'])
export class Assignment extends UuidEntity {
  @Column({ type: 'varchar', length: 36 })
  caseId: string;

  /** The case's congress, copied when the assignment is made: a case never changes congress. */
  @Column({ type: 'varchar', length: 36 })
  caseCongressId: string;

  /** The case's receipt instant, copied when the assignment is made: a case's receipt is never edited. */
  @Column({ type: 'datetime', precision: 3 })
  caseReceivedAt: Date;

  @Column({ type: 'varchar', length: 36 })
  unitId: string;

  @Field(() => AssignmentMode, { description: '转办或交办 (mode)' })
  @Column({ type: 'simple-enum', enum: AssignmentMode })
  mode: AssignmentMode;

  @Field(() => AssignmentRole, { description: '主办或协办 (role)' })
  @Column({ type: 'simple-enum', enum: AssignmentRole })
  role: AssignmentRole;

  @Field(() => AssignmentStatus, { description: '状态 (status)' })
  @Column({ type: 'simple-enum', enum: AssignmentStatus })
  status: AssignmentStatus;

  @Field(() => Int, { description: '办理期限天数 (days allowed)' })
  @Column({ type: 'int' })
  dueInDays: number;

  /** The due day before rolling past weekends and holidays, in office time; extensions add to it. */
  @Column({ type: 'varchar', length: 10 })
  unrolledDueDate: string;

  @Field(() => Date, { description: '办理期限：到期日办公时间结束时 (due at the end of the due day, office time)' })
  @Index('ix_assignment_due')
  @Column({ type: 'datetime', precision: 3 })
  dueAt: Date;

  @Field(() => Date, { description: '交办时间 (assigned at)' })
  @Column({ type: 'datetime', precision: 3 })
  assignedAt: Date;

  @Column({ type: 'varchar', length: 36 })
  assignedById: string;

  @Field(() => String, { nullable: true, description: '交办附言 (note)' })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Field(() => Date, { nullable: true, description: '签收时间 (accepted at)' })
  @Column({ type: 'datetime', precision: 3, nullable: true })
  acceptedAt: Date | null;

  @Field(() => String, { nullable: true, description: '异议或撤销理由 (reason for objection or cancellation)' })
  @Column({ type: 'text', nullable: true })
  endReason: string | null;

  @Field(() => Date, { nullable: true, description: '结束时间：办结、异议或撤销 (ended at)' })
  @Column({ type: 'datetime', precision: 3, nullable: true })
  endedAt: Date | null;

  @Column({ type: 'simple-enum', enum: Outcome, nullable: true })
  resultOutcome: Outcome | null;

  @Column({ type: 'text', nullable: true })
  resultReport: string | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  resultReportedAt: Date | null;

  /** When the unit delivered what its mode requires: the result (ASSIGN) or its reply (TRANSFER). */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  deliveredAt: Date | null;

  @Field(() => String, { nullable: true, description: '审核意见 (review note)' })
  @Column({ type: 'text', nullable: true })
  reviewNote: string | null;

  @Field(() => Date, { nullable: true, description: '听证开始时间：听证期间办理期限暂停计算 (hearing in progress since; the clock is paused)' })
  @Column({ type: 'datetime', precision: 3, nullable: true })
  pausedSince: Date | null;

  /** 承办单位明确领导落实到人: the unit's responsible leader, named at or after signing. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  responsibleLeaderName: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  responsibleLeaderTitle: string | null;

  /** The user of the handling unit who handles it. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  handlerId: string | null;

  @Column({ type: 'int', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
