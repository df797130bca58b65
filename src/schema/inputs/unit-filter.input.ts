import { Field, ID, InputType } from 'type-graphql';
import { UnitKind, UnitLevel } from '../../entities/unit-kind.enum';

@InputType({ description: '单位筛选条件 (unit filter)' })
export class UnitFilter {
  @Field(() => UnitKind, { nullable: true, description: '只看该类别' })
  kind?: UnitKind;

  @Field(() => UnitLevel, { nullable: true, description: '只看该层级' })
  level?: UnitLevel;

  @Field(() => ID, { nullable: true, description: '只看该单位的直属下级' })
  parentId?: string;
}
