import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '../scalars';

@InputType({ description: '统计条件：收到日期区间（办公时区）、统计时点与范围 (statistics input)' })
export class StatisticsInput {
  @Field(() => DateScalar, { description: '收到日期起（含）YYYY-MM-DD' })
  from: string;

  @Field(() => DateScalar, { description: '收到日期止（不含）YYYY-MM-DD' })
  to: string;

  @Field(() => Date, { nullable: true, description: '统计时点（默认现在；可为将来，期限按该时点判断）' })
  asOf?: Date | null;

  @Field(() => ID, { nullable: true, description: '统计范围：某人大及其下级人大（默认本人所在人大）' })
  unitId?: string | null;
}
