import { Field, ObjectType } from 'type-graphql';
import { Audience, Visible } from '../policy/audience';
import { Column, Entity, Index } from 'typeorm';
import { UuidEntity } from './base.entity';
import { SupervisionKind } from './case-enums';

@Visible(Audience.CASE_PART)
@ObjectType({ description: '督办记录：承办单位须书面回复 (supervision record)' })
@Entity({ name: 'supervision' })
export class Supervision extends UuidEntity {
  @Index('ix_supervision_assignment')
  @Column({ type: 'varchar', length: 36 })
  assignmentId: string;

  @Field(() => SupervisionKind, { description: '督办方式 (kind)' })
  @Column({ type: 'simple-enum', enum: SupervisionKind })
  kind: SupervisionKind;

  @Field(() => String, { description: '督办内容 (note)' })
  @Column({ type: 'text' })
  note: string;

  @Column({ type: 'varchar', length: 36 })
  byId: string;

  @Field(() => Date, { description: '督办时间 (created at)' })
  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;

  @Field(() => String, { nullable: true, description: '承办单位书面回复 (the unit\'s written answer)' })
  @Column({ type: 'text', nullable: true })
  answer: string | null;

  @Field(() => Date, { nullable: true, description: '回复时间 (answered at)' })
  @Column({ type: 'datetime', precision: 3, nullable: true })
  answeredAt: Date | null;
}
