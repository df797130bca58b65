import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Unit } from '../../entities/unit.entity';
import { Audience, Visible } from '../../policy/audience';

@Visible(Audience.REPORT_VIEWER)
@ObjectType({ description: '收件与办结 (received and finished)' })
export class ClosureFigures {
  @Field(() => Int, { description: '受理件数 (received)' })
  received: number;

  @Field(() => Int, { description: '截至统计时点已办结件数：办结、不予受理或存查且此后未重新办理 (finished at asOf)' })
  closed: number;

  @Field(() => Float, { nullable: true, description: '办结率 0..1；受理数为 0 时为空 (closed / received)' })
  closureRate: number | null;
}

@Visible(Audience.REPORT_VIEWER)
@ObjectType({ description: '来访：批次、人次与答复 (visits)' })
export class VisitFigures {
  @Field(() => Int, { description: '批次 (batches: one visit case each)' })
  batches: number;

  @Field(() => Int, { description: '人次 (sum of personCount)' })
  persons: number;

  @Field(() => Int, { description: '截至统计时点已答复信访人的批次 (replied at asOf)' })
  replied: number;

  @Field(() => Float, { nullable: true, description: '接访答复率 0..1；批次为 0 时为空 (replied / batches)' })
  replyRate: number | null;
}

@Visible(Audience.REPORT_VIEWER)
@ObjectType({ description: '按问题类别 (by category)' })
export class CategoryFigures {
  @Field({ description: '问题类别 (category)' })
  category: string;

  @Field(() => Int, { description: '受理件数 (received)' })
  received: number;

  @Field(() => Int, { description: '已办结件数 (finished at asOf)' })
  closed: number;
}

@Visible(Audience.REPORT_VIEWER)
@ObjectType({ description: '按承办单位：交转办与按期报结 (by handling unit)' })
export class UnitFigures {
  @Field(() => Unit, { description: '承办单位 (unit)' })
  unit: Unit;

  @Field(() => Int, { description: '本期信访件交办、转办给该单位的件数 (assignments made by asOf)' })
  assigned: number;

  @Field(() => Int, { description: '在期限内报送结果或答复的件数 (delivered at or before the due time)' })
  reportedOnTime: number;

  @Field(() => Int, { description: '截至统计时点已超期未报的件数 (past due and undelivered at asOf)' })
  overdue: number;

  @Field(() => Float, { nullable: true, description: '按期报结率 0..1：按期报结 /（已报结 + 超期未报）；分母为 0 时为空' })
  onTimeRate: number | null;
}

@Visible(Audience.REPORT_VIEWER)
@ObjectType({ description: '按月 (by month, office time)' })
export class MonthFigures {
  @Field({ description: '月份 YYYY-MM（办公时区）' })
  month: string;

  @Field(() => Int, { description: '受理件数 (received)' })
  received: number;

  @Field(() => Int, { description: '已办结件数 (finished at asOf)' })
  closed: number;
}

@Visible(Audience.REPORT_VIEWER)
@ObjectType({ description: '信访统计：某期间收到的信访件，截至某时点的办理情况 (statistics)' })
export class Statistics {
  @Field(() => Int, { description: '共受理群众来信来访件（次），各渠道合计 (total received)' })
  totalReceived: number;

  @Field(() => ClosureFigures, { description: '群众来信（来信与网上来信，不含上级批转）(letters)' })
  letters: ClosureFigures;

  @Field(() => VisitFigures, { description: '群众来访（不含上级批转）(visits)' })
  visits: VisitFigures;

  @Field(() => ClosureFigures, { description: '省市人大批转信访件 (referrals)' })
  referrals: ClosureFigures;

  @Field(() => Int, { description: '截至统计时点有交办/转办超期未报的信访件数 (overdue cases)' })
  overdue: number;

  @Field(() => Int, { description: '截至统计时点超过受理期限（收到后 15 日）仍未受理、不予受理或存查的信访件数 (intake overdue at asOf)' })
  intakeOverdue: number;

  @Field(() => [CategoryFigures], { description: '按问题类别 (by category)' })
  byCategory: CategoryFigures[];

  @Field(() => [UnitFigures], { description: '按承办单位 (by unit)' })
  byUnit: UnitFigures[];

  @Field(() => [MonthFigures], { description: '按月 (by month)' })
  byMonth: MonthFigures[];

  @Field({ description: '报表用语：按统一模板填入数字的一句话 (the report sentence)' })
  sentence: string;
}
