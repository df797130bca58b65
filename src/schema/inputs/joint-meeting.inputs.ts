import { ArrayMaxSize, ArrayMinSize, IsOptional, Max, Min, ValidateNested, registerDecorator } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { Outcome } from '../../entities/case-enums';
import { describeTextLimit, textProblem } from '../../domain/text-rules';
import { LongText, Name, Reason } from './validated-fields';

/** A list of reason-class texts (≤ 2,000 characters each), at least one; the first failing element is named. */
function ReasonList(label: string): PropertyDecorator {
  return (target, key) => {
    Field(() => [String], { description: `${label}：至少一条，逐条（${describeTextLimit('reason')}）` })(target, key);
    ArrayMinSize(1, { message: `${label}至少一条` })(target, key);
    ArrayMaxSize(50, { message: `${label}最多 50 条` })(target, key);
    const problem = (v: unknown) => (Array.isArray(v) ? v.map((s) => textProblem(String(s), 'reason', label, { required: true })).find((p) => p) : undefined);
    registerDecorator({
      name: 'inputHygiene',
      target: target.constructor,
      propertyName: String(key),
      validator: { validate: (v: unknown) => problem(v) === undefined, defaultMessage: (args) => problem(args?.value) ?? '输入不合法' },
    });
  };
}

@InputType({ description: '议题 (agenda item)' })
export class AgendaItemInput {
  @Field(() => ID, { description: '事项：召集机关可见的本机关事项' })
  matterId: string;

  @Reason('议题说明', { nullable: true })
  note?: string | null;
}

@InputType({ description: '安排联席会议 (schedule a joint meeting)' })
export class ScheduleJointMeetingInput {
  @Name('会议名称')
  title: string;

  @Field(() => Date, { description: '预定开始时间；会议可提前开始，不得晚于一年之后' })
  startsAt: Date;

  @Name('地点', { nullable: true })
  location?: string | null;

  @Field(() => [ID], { description: '参会人（用户）：一府两院及政府部门的联络员或经办人、人大代表、法制工作者或本机关工作人员，1–50 人' })
  @ArrayMinSize(1, { message: '至少邀请一名参会人' })
  @ArrayMaxSize(50, { message: '参会人最多 50 名' })
  participantIds: string[];

  @Field(() => [AgendaItemInput], { description: '议题，1–20 项' })
  @ArrayMinSize(1, { message: '至少列入一项议题' })
  @ArrayMaxSize(20, { message: '议题最多 20 项' })
  @ValidateNested({ each: true })
  agenda: AgendaItemInput[];
}

@InputType({ description: '提出口径草案 (propose a wording on an agenda item)' })
export class ProposeWordingInput {
  @Field(() => ID, { description: '议题' })
  agendaItemId: string;

  @Field(() => Outcome, { description: '处理结果' })
  outcome: Outcome;

  @LongText('口径正文', { note: '可含占位符 {{petitionerName}} {{serialNo}} {{receivedDate}}' })
  body: string;

  @ReasonList('核心表述：须逐字出现在正文中')
  coreStatements: string[];
}

@InputType({ description: '议题形成决议 (resolve an agenda item)' })
export class ResolveAgendaItemInput {
  @Field(() => ID, { description: '议题' })
  agendaItemId: string;

  @Reason('决议内容')
  decision: string;

  @Field(() => ID, { nullable: true, description: '责任单位：指定后，该事项下已受理、办理中或已报结果的信访件交办给该单位' })
  responsibleUnitId?: string | null;

  @Field(() => Int, { nullable: true, description: '办理期限天数 1–90，默认 60（须同时指定责任单位）' })
  @IsOptional()
  @Min(1, { message: '办理期限须在 1–90 日之间' })
  @Max(90, { message: '办理期限须在 1–90 日之间' })
  dueInDays?: number | null;
}
