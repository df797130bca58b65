import { IsOptional, Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { CODE_MAX } from '../../domain/text-rules';
import { UnitKind, UnitLevel } from '../../entities/unit-kind.enum';
import { Name } from './validated-fields';

@InputType({ description: '新建单位 (create a unit)' })
export class CreateUnitInput {
  @Field(() => String, { description: `单位编码，全局唯一；字母、数字、-、_，不超过 ${CODE_MAX} 个字符 (code)` })
  @Length(1, CODE_MAX, { message: `单位编码长度须为 1–${CODE_MAX} 个字符` })
  @Matches(/^[A-Za-z0-9_-]+$/, { message: '单位编码只能包含字母、数字、- 和 _' })
  code: string;

  @Name('单位名称')
  name: string;

  @Field(() => UnitKind, { description: '单位类别 (kind)' })
  kind: UnitKind;

  @Field(() => UnitLevel, { description: '行政层级 (level)' })
  level: UnitLevel;

  @Field(() => ID, { nullable: true, description: '上级单位 ID (superior body)' })
  @IsOptional()
  parentId?: string;
}
