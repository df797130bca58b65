import { Field, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, UpdateDateColumn } from 'typeorm';
import { UuidEntity } from './base.entity';
import { CaseChannel, CaseStatus, CaseType, Satisfaction } from './case-enums';

@ObjectType({ description: '信访件：一次来信、网上来信、来访、来电或上级人大批转 (petition case)' })
@Entity({ name: 'petition_case' })
@Index('uq_case_serial', ['congressId', 'serialNo'], { unique: true })
@Index('ix_case_congress_received', ['congressId', 'receivedAt'])
@Index('ix_case_status', ['status'])
export class Case extends UuidEntity {
  @Field(() => String, { description: '编号，登记机关内按年唯一，如 2026-000123 (serial number)' })
  @Column({ type: 'varchar', length: 20 })
  serialNo: string;

  @Field(() => String, { description: '查询码：信访人凭此查询进度、评价 (query code printed on the receipt)' })
  @Index('uq_case_query_code', { unique: true })
  @Column({ type: 'varchar', length: 16 })
  queryCode: string;

  /** The congress that registered the case and owns it. */
  @Column({ type: 'varchar', length: 36 })
  congressId: string;

  @Field(() => CaseStatus, { description: '状态 (status)' })
  @Column({ type: 'simple-enum', enum: CaseStatus })
  status: CaseStatus;

  @Field(() => CaseChannel, { description: '来源渠道 (channel)' })
  @Column({ type: 'simple-enum', enum: CaseChannel })
  channel: CaseChannel;

  @Field(() => CaseType, { description: '类别：建议意见、检举控告、申诉求决 (type)' })
  @Column({ type: 'simple-enum', enum: CaseType })
  caseType: CaseType;

  @Field(() => String, { description: '问题分类，如"土地征收""劳动社保" (category)' })
  @Index('ix_case_category')
  @Column({ type: 'varchar', length: 100 })
  category: string;

  @Field(() => String, { description: '内容摘要 (summary)' })
  @Column({ type: 'varchar', length: 500 })
  summary: string;

  @Field(() => String, { description: '信访内容全文 (content)' })
  @Column({ type: 'text' })
  content: string;

  @Field(() => Date, { description: '收信/接访时间 (received at)' })
  @Column({ type: 'datetime', precision: 3 })
  receivedAt: Date;

  @Field(() => Int, { description: '人次：来访时在场人数 (persons present)' })
  @Column({ type: 'int', default: 1 })
  personCount: number;

  @Field(() => Boolean, { description: '重点件：由领导督办 (key case)' })
  @Column({ type: 'boolean', default: false })
  isKey: boolean;

  @Field(() => Boolean, { description: '疑难件 (difficult case)' })
  @Column({ type: 'boolean', default: false })
  isDifficult: boolean;

  @Field(() => Boolean, { description: '典型件：编入送阅件 (typical case)' })
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

  @Field(() => Satisfaction, { nullable: true, description: '满意度 (satisfaction)' })
  @Column({ type: 'simple-enum', enum: Satisfaction, nullable: true })
  satisfaction: Satisfaction | null;

  @Column({ type: 'boolean', default: false })
  ratedByPetitioner: boolean;

  @Field(() => Date, { nullable: true, description: '最近一次答复时间 (last reply)' })
  @Column({ type: 'datetime', precision: 3, nullable: true })
  lastRepliedAt: Date | null;

  @Field(() => Date, { nullable: true, description: '办结时间 (closed at)' })
  @Column({ type: 'datetime', precision: 3, nullable: true })
  closedAt: Date | null;

  /** When the case last finished (closed, declined or archived); cleared on reopening. Drives statistics. */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  finishedAt: Date | null;

  @Field(() => Int, { description: '复查/复核次数：1 为复查，2 为复核 (number of reviews)' })
  @Column({ type: 'int', default: 0 })
  reviewCount: number;

  /** Optimistic concurrency: every state change is `UPDATE … WHERE version = ?`. */
  @Column({ type: 'int', default: 1 })
  version: number;

  @Field(() => Date, { description: '登记时间 (registered at)' })
  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  @Field(() => Date, { description: '最后修改时间 (updated at)' })
  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date;
}
