import { CaseView } from './case.type';
import { Audience, Visible } from '../../policy/audience';
import { Field, Int, ObjectType } from 'type-graphql';
import { Case } from '../../entities/case.entity';
import { CaseEventType, CaseStatus, Outcome, Satisfaction } from '../../entities/case-enums';
import { User } from '../../entities/user.entity';

@Visible(Audience.CASE_PART)
@ObjectType({ description: '办理结果 (result reported by the unit)' })
export class AssignmentResult {
  @Field(() => Outcome, { description: '处理结果' })
  outcome: Outcome;

  @Field(() => String, { description: '办结报告' })
  report: string;

  @Field(() => Date, { description: '报送时间' })
  reportedAt: Date;
}

@Visible(Audience.CASE_PART)
@ObjectType({ description: '时间线条目：每一次变更，含操作人和时间 (timeline entry)' })
export class TimelineEntry {
  @Field(() => Date, { description: '时间' })
  at: Date;

  @Field(() => CaseEventType, { description: '类型' })
  type: CaseEventType;

  @Field(() => User, { nullable: true, description: '操作人；信访人自行评价时为空' })
  actor: User | null;

  @Field(() => String, { nullable: true, description: '说明' })
  detail: string | null;
}

@Visible(Audience.SIGNED_IN)
@ObjectType({ simpleResolvers: true, description: '分页信息 (Relay page info)' })
export class PageInfo {
  @Field(() => Boolean, { description: '是否还有下一页' })
  hasNextPage: boolean;

  @Field(() => Boolean, { description: '是否有上一页' })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: '本页第一条的游标' })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: '本页最后一条的游标，传给 after 取下一页' })
  endCursor: string | null;
}

@Visible(Audience.CASE_VIEWER)
@ObjectType({ simpleResolvers: true, description: '信访件列表中的一条 (case edge)' })
export class CaseEdge {
  @Field(() => String, { description: '游标（不透明）' })
  cursor: string;

  @Field(() => CaseView, { description: '信访件' })
  node: Case;
}

@Visible(Audience.SIGNED_IN)
@ObjectType({ simpleResolvers: true, description: '信访件分页列表 (case connection)' })
export class CaseConnection {
  @Field(() => Int, { description: '符合条件的总数' })
  totalCount: number;

  @Field(() => PageInfo, { description: '分页信息' })
  pageInfo: PageInfo;

  @Field(() => [CaseEdge], { description: '本页条目' })
  edges: CaseEdge[];
}

@Visible(Audience.PUBLIC)
@ObjectType({ description: '进度中的一步（公开）(public progress step)' })
export class ProgressStep {
  @Field(() => Date, { description: '时间' })
  at: Date;

  @Field(() => String, { description: '说明，如"已受理""已转交有关单位办理"' })
  label: string;
}

@Visible(Audience.PUBLIC)
@ObjectType({ description: '对信访人的最新答复（公开）(latest reply, public)' })
export class ProgressReply {
  @Field(() => String, { description: '答复正文' })
  body: string;

  @Field(() => Date, { description: '答复时间' })
  repliedAt: Date;
}

@Visible(Audience.PUBLIC)
@ObjectType({ description: '信访人凭查询码看到的办理进度；不含任何其他对象 (public progress by query code)' })
export class CaseProgress {
  @Field(() => String, { description: '编号' })
  serialNo: string;

  @Field(() => CaseStatus, { description: '状态' })
  status: CaseStatus;

  @Field(() => Date, { description: '收到时间' })
  receivedAt: Date;

  @Field(() => [ProgressStep], { description: '办理步骤' })
  steps: ProgressStep[];

  @Field(() => ProgressReply, { nullable: true, description: '最新答复' })
  reply: ProgressReply | null;

  @Field(() => Satisfaction, { nullable: true, description: '已作出的评价' })
  satisfaction: Satisfaction | null;
}

@Visible(Audience.PUBLIC)
@ObjectType({ description: '评价结果 (rating recorded)' })
export class RatingResult {
  @Field(() => String, { description: '编号' })
  serialNo: string;

  @Field(() => Satisfaction, { description: '满意度' })
  satisfaction: Satisfaction;
}
