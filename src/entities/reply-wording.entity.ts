import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Audience, Visible } from '../policy/audience';
import { Column, CreateDateColumn, Entity, Index } from 'typeorm';
import { UuidEntity } from './base.entity';
import { Outcome } from './case-enums';

/** Version states of a unified reply wording. */
export enum WordingStatus {
  DRAFT = 'DRAFT',
  APPROVED = 'APPROVED',
  SUPERSEDED = 'SUPERSEDED',
}

registerEnumType(WordingStatus, {
  name: 'WordingStatus',
  description: '答复口径版本状态 (wording status)',
  valuesConfig: {
    DRAFT: { description: '草稿 (draft)' },
    APPROVED: { description: '已批准，为现行口径 (approved, current)' },
    SUPERSEDED: { description: '已被新版本取代 (superseded)' },
  },
});

@Visible(Audience.MATTER_VIEWER)
@ObjectType({ description: '统一答复口径的一个版本 (one version of a unified reply wording)' })
@Entity({ name: 'reply_wording' })
@Index('uq_wording_matter_version', ['matterId', 'version'], { unique: true })
export class ReplyWording extends UuidEntity {
  @Column({ type: 'varchar', length: 36 })
  matterId: string;

  @Field(() => Int, { description: '版本号，自 1 递增 (version)' })
  @Column({ type: 'int' })
  version: number;

  @Field(() => WordingStatus, { description: '状态 (status)' })
  @Column({ type: 'varchar', length: 16 })
  status: WordingStatus;

  @Field(() => Outcome, { description: '处理结果 (outcome)' })
  @Column({ type: 'simple-enum', enum: Outcome })
  outcome: Outcome;

  @Field(() => String, { description: '答复正文，可含占位符 {{petitionerName}} {{serialNo}} {{receivedDate}} (body)' })
  @Column({ type: 'text' })
  body: string;

  @Field(() => [String], { description: '核心表述：答复中必须逐字出现 (core statements)' })
  @Column({ type: 'simple-json' })
  coreStatements: string[];

  @Field(() => Date, { nullable: true, description: '批准时间 (approved at)' })
  @Column({ type: 'datetime', precision: 3, nullable: true })
  approvedAt: Date | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
