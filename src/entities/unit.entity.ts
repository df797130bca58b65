import { Field, ObjectType } from 'type-graphql';
import { Audience, Visible } from '../policy/audience';
import { Column, CreateDateColumn, Entity, Index } from 'typeorm';
import { UuidEntity } from './base.entity';
import { UnitKind, UnitLevel } from './unit-kind.enum';

@Visible(Audience.SIGNED_IN)
@ObjectType({ simpleResolvers: true, description: '单位：人大、政府及其部门、法院、检察院等承办或参与信访工作的机关 (unit / body)' })
@Entity({ name: 'unit' })
export class Unit extends UuidEntity {
  @Field(() => String, { description: '单位编码，全局唯一 (code)' })
  @Index('uq_unit_code', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  code: string;

  @Field(() => String, { description: '单位名称 (name)' })
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field(() => UnitKind, { description: '单位类别 (kind)' })
  @Column({ type: 'simple-enum', enum: UnitKind })
  kind: UnitKind;

  @Field(() => UnitLevel, { description: '行政层级 (level)' })
  @Column({ type: 'simple-enum', enum: UnitLevel })
  level: UnitLevel;

  @Index('ix_unit_parent')
  @Column({ type: 'varchar', length: 36, nullable: true })
  parentId: string | null;

  @Field(() => Date, { description: '创建时间 (created at)' })
  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
