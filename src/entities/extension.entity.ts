import { Field, Int, ObjectType } from 'type-graphql';
import { Audience, Visible } from '../policy/audience';
import { Column, Entity, Index } from 'typeorm';
import { UuidEntity } from './base.entity';
import { ExtensionStatus } from './case-enums';

@Visible(Audience.CASE_PART)
@ObjectType({ description: '延期申请：不超过 30 日，每个交办件一次，须在期限届满前提出并经批准 (extension request)' })
@Entity({ name: 'extension' })
export class Extension extends UuidEntity {
  @Index('ix_extension_assignment')
  @Column({ type: 'varchar', length: 36 })
  assignmentId: string;

  @Field(() => Int, { description: '延长天数 (days)' })
  @Column({ type: 'int' })
  days: number;

  @Field(() => String, { description: '延期理由，须告知信访人 (reason)' })
  @Column({ type: 'text' })
  reason: string;

  @Field(() => ExtensionStatus, { description: '状态 (status)' })
  @Column({ type: 'simple-enum', enum: ExtensionStatus })
  status: ExtensionStatus;

  @Column({ type: 'varchar', length: 36 })
  requestedById: string;

  @Field(() => Date, { description: '申请时间 (requested at)' })
  @Column({ type: 'datetime', precision: 3 })
  requestedAt: Date;

  @Column({ type: 'varchar', length: 36, nullable: true })
  decidedById: string | null;

  @Field(() => Date, { nullable: true, description: '审批时间 (decided at)' })
  @Column({ type: 'datetime', precision: 3, nullable: true })
  decidedAt: Date | null;
}
