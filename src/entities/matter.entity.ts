import { Field, ObjectType } from 'type-graphql';
import { Audience, Visible } from '../policy/audience';
import { Column, CreateDateColumn, Entity, Index } from 'typeorm';
import { UuidEntity } from './base.entity';

@Visible(Audience.MATTER_VIEWER)
@ObjectType({ description: '事项（问题线索）：多件信访件共同涉及的同一问题 (matter)' })
@Entity({ name: 'matter' })
export class Matter extends UuidEntity {
  @Field(() => String, { description: '事项标题 (title)' })
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Field(() => String, { nullable: true, description: '事项说明 (description)' })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  /** The congress that keeps the matter. */
  @Index('ix_matter_congress')
  @Column({ type: 'varchar', length: 36 })
  congressId: string;

  /** Set once a case on this matter has gone through 复核; the same matter is then not accepted again. */
  @Column({ type: 'boolean', default: false })
  reReviewed: boolean;

  @Field(() => Date, { description: '创建时间' })
  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
