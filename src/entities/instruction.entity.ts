import { Field, ObjectType } from 'type-graphql';
import { Audience, Visible } from '../policy/audience';
import { Column, Entity, Index } from 'typeorm';
import { UuidEntity } from './base.entity';

@Visible(Audience.CASE_PART)
@ObjectType({ description: '领导批示：呈送阅示与阅批意见 (leader instruction)' })
@Entity({ name: 'instruction' })
export class Instruction extends UuidEntity {
  @Index('ix_instruction_case')
  @Column({ type: 'varchar', length: 36 })
  caseId: string;

  @Column({ type: 'varchar', length: 36 })
  leaderId: string;

  @Column({ type: 'varchar', length: 36 })
  requestedById: string;

  @Field(() => Date, { description: '呈送时间 (requested at)' })
  @Column({ type: 'datetime', precision: 3 })
  requestedAt: Date;

  @Field(() => String, { nullable: true, description: '批办意见；领导尚未阅批时为空 (instruction text)' })
  @Column({ type: 'text', nullable: true })
  text: string | null;

  @Field(() => Date, { nullable: true, description: '阅批时间 (instructed at)' })
  @Column({ type: 'datetime', precision: 3, nullable: true })
  createdAt: Date | null;
}
