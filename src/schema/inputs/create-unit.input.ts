import { IsOptional, Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { UnitKind, UnitLevel } from '../../entities/unit-kind.enum';

@InputType({ description: '新建单位 (create a unit)' })
export class CreateUnitInput {
  @Field(() => String, { description: '单位编码，全局唯一；字母、数字、-、_ (code)' })
  @Length(1, 64, { message: '单位编码长度须为 1–64 个字符' })
  @Matches(/^[A-Za-z0-9_-]+$/, { message: '单位编码只能包含字母、数字、- 和 _' })
  code: string;

  @Field(() => String, { description: '单位名称 (name)' })
  @Length(1, 200, { message: '单位名称不能为空，且不超过 200 个字符' })
  @Matches(/\S/, { message: '单位名称不能为空' })
  name: string;

  @Field(() => UnitKind, { description: '单位类别 (kind)' })
  kind: UnitKind;

  @Field(() => UnitLevel, { description: '行政层级 (level)' })
  level: UnitLevel;

  @Field(() => ID, { nullable: true, description: '上级单位 ID (superior body)' })
  @IsOptional()
  parentId?: string;
}
