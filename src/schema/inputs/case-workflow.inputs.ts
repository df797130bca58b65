import { IsOptional, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { AssignmentMode, AssignmentRole, CaseChannel, CaseStatus, DeadlineStateEnum, Outcome, ReplyMethod, SupervisionKind } from '../../entities/case-enums';
import { LongText, Name, Reason } from './validated-fields';

@InputType({ description: '交办/转办 (route a case to a unit)' })
export class AssignCaseInput {
  @Field(() => ID, { description: '信访件' })
  caseId: string;

  @Field(() => ID, { description: '承办单位' })
  unitId: string;

  @Field(() => AssignmentMode, { description: '转办 TRANSFER 或交办 ASSIGN' })
  mode: AssignmentMode;

  @Field(() => AssignmentRole, { nullable: true, defaultValue: AssignmentRole.LEAD, description: '主办 LEAD（默认）或协办 ASSIST' })
  role: AssignmentRole;

  @Field(() => Int, { nullable: true, description: '办理期限天数 1–90，默认 60 (日历日，末日遇节假日顺延)' })
  @IsOptional()
  @Min(1, { message: '办理期限须在 1–90 日之间' })
  @Max(90, { message: '办理期限须在 1–90 日之间' })
  dueInDays?: number;

  @Reason('交办附言', { nullable: true })
  note?: string;
}

@InputType({ description: '申请延期 (request an extension)' })
export class RequestExtensionInput {
  @Field(() => ID, { description: '交办件' })
  assignmentId: string;

  @Field(() => Int, { description: '延长天数，不超过 30 日' })
  @Min(1, { message: '延长天数至少 1 日' })
  days: number;

  @Reason('延期理由', { note: '将告知信访人' })
  reason: string;
}

@InputType({ description: '报送办理结果 (report the result)' })
export class ReportResultInput {
  @Field(() => ID, { description: '交办件' })
  assignmentId: string;

  @Field(() => Outcome, { description: '处理结果' })
  outcome: Outcome;

  @LongText('办结报告')
  report: string;
}

@InputType({ description: '答复信访人 (reply to the petitioner)' })
export class ReplyInput {
  @Field(() => ID, { description: '信访件' })
  caseId: string;

  @Field(() => ReplyMethod, { description: '答复方式' })
  method: ReplyMethod;

  @Field(() => Outcome, { description: '处理结果' })
  outcome: Outcome;

  @LongText('答复正文')
  body: string;

  @Field(() => ID, {
    nullable: true,
    description: '所依据的统一答复口径版本：事项已有批准的口径时必填且须为现行版本，答复须采用其处理结果并包含全部核心表述',
  })
  @IsOptional()
  wordingId?: string;
}

@InputType({ description: '督办 (supervise an assignment)' })
export class SuperviseInput {
  @Field(() => ID, { description: '交办件' })
  assignmentId: string;

  @Field(() => SupervisionKind, { description: '督办方式' })
  kind: SupervisionKind;

  @Reason('督办内容')
  note: string;
}

@InputType({ description: '上级人大批转 (refer a case to a congress below)' })
export class ReferCaseInput {
  @Field(() => ID, { description: '本级信访件' })
  caseId: string;

  @Field(() => ID, { description: '下级人大' })
  toUnitId: string;

  @Reason('批转意见', { nullable: true })
  note?: string;
}

@InputType({ description: '信访件筛选条件 (case filter)' })
export class CaseFilter {
  @Field(() => [CaseStatus], { nullable: true, description: '状态之一' })
  status?: CaseStatus[];

  @Field(() => [CaseChannel], { nullable: true, description: '渠道之一' })
  channel?: CaseChannel[];

  @Field(() => ID, { nullable: true, description: '交给该单位办理的' })
  unitId?: string;

  @Field(() => ID, { nullable: true, description: '属于该事项的' })
  matterId?: string;

  @Field(() => DeadlineStateEnum, { nullable: true, description: '有交办件处于该期限状态的' })
  deadlineState?: DeadlineStateEnum;

  @Field(() => DeadlineStateEnum, { nullable: true, description: '受理期限（收到后 15 日）处于该状态的' })
  intakeState?: DeadlineStateEnum;

  @Field(() => DeadlineStateEnum, { nullable: true, description: '复查/复核答复期限（30 日）处于该状态的' })
  reviewState?: DeadlineStateEnum;

  @Field(() => Date, { nullable: true, description: '收到时间起（含）' })
  receivedFrom?: Date;

  @Field(() => Date, { nullable: true, description: '收到时间止（不含）' })
  receivedTo?: Date;

  @Name('关键词', { nullable: true, note: '匹配编号、摘要、内容、分类，不匹配信访人信息' })
  keyword?: string;

  @Field(() => Boolean, { nullable: true, description: '是否重点件' })
  isKey?: boolean;

  @Field(() => Boolean, { nullable: true, description: '是否紧急件（已报快报）' })
  isUrgent?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'true：当前用户包案的（领导包案）；false：不是' })
  chargedToMe?: boolean;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true：有在办交办件尚未明确责任领导或经办人的（落实到人）；false：没有这样的交办件',
  })
  missingResponsibles?: boolean;
}
