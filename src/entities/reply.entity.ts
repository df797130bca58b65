import { Field, ObjectType } from 'type-graphql';
import { Audience, Visible } from '../policy/audience';
import { Column, Entity, Index } from 'typeorm';
import { UuidEntity } from './base.entity';
import { Outcome, ReplyMethod } from './case-enums';

@Visible(Audience.CASE_VIEWER)
@ObjectType({ description: '对信访人的答复 (reply to the petitioner)' })
@Entity({ name: 'reply' })
export class Reply extends UuidEntity {
  @Index('ix_reply_case')
  @Column({ type: 'varchar', length: 36 })
  caseId: string;

  /** The body that answered: the lead unit, or the congress office itself. */
  @Index('ix_reply_unit')
  @Column({ type: 'varchar', length: 36 })
  unitId: string;

  @Column({ type: 'varchar', length: 36 })
  authorId: string;

  @Field(() => ReplyMethod, { description: '答复方式 (method)' })
  @Column({ type: 'simple-enum', enum: ReplyMethod })
  method: ReplyMethod;

  @Field(() => Outcome, { description: '处理结果 (outcome)' })
  @Column({ type: 'simple-enum', enum: Outcome })
  outcome: Outcome;

  @Field(() => String, { description: '答复正文 (body)' })
  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  wordingId: string | null;

  @Index('ix_reply_matter')
  @Column({ type: 'varchar', length: 36, nullable: true })
  matterId: string | null;

  @Field(() => Date, { description: '答复时间 (replied at)' })
  @Column({ type: 'datetime', precision: 3 })
  repliedAt: Date;
}
