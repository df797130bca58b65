import { CaseView } from '../schema/types/case.type';
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context/request-context';
import { Role } from '../auth/role';
import { Assignment } from '../entities/assignment.entity';
import { Case } from '../entities/case.entity';
import { DeadlineStateEnum } from '../entities/case-enums';
import { Extension } from '../entities/extension.entity';
import { Supervision } from '../entities/supervision.entity';
import { Unit } from '../entities/unit.entity';
import { extensionsByAssignmentId, supervisionsByAssignmentId, userById } from '../loaders/case.loaders';
import { User } from '../entities/user.entity';
import { AssignmentResponsiblesInput } from '../schema/inputs/office-duties.inputs';
import { ResponsibleLeader } from '../schema/types/office-duties.type';
import { AssignCaseInput, ReportResultInput, RequestExtensionInput, SuperviseInput } from '../schema/inputs/case-workflow.inputs';
import { AssignmentResult } from '../schema/types/case-types';
import { ReasonArg } from '../schema/inputs/validated-fields';
import { Transactional } from './transactional.middleware';
import { Audience, Visible } from '../policy/audience';

const OFFICE = [Role.REGISTRAR, Role.LEADER];
const UNIT = [Role.HANDLER, Role.LIAISON];

@Resolver(() => Assignment)
export class AssignmentResolver {
  @Authorized(...OFFICE)
  @Transactional()
  @Mutation(() => Assignment, { description: '交办/转办给承办单位；检举控告件不得交被检举单位 (ACCUSED_UNIT_EXCLUDED)；每件同时只能有一个主办单位' })
  assignCase(@Arg('input', () => AssignCaseInput, { description: '输入' }) input: AssignCaseInput, @Ctx() ctx: RequestContext): Promise<Assignment> {
    return ctx.services.assignments.assign(ctx, input);
  }

  @Authorized(...UNIT)
  @Transactional()
  @Mutation(() => Assignment, { description: '承办单位签收' })
  acceptAssignment(@Arg('id', () => ID, { description: '对象 ID' }) id: string, @Ctx() ctx: RequestContext): Promise<Assignment> {
    return ctx.services.assignments.accept(ctx, id);
  }

  @Authorized(...UNIT)
  @Transactional()
  @Mutation(() => Assignment, {
    description: '承办单位明确责任领导和经办人（落实到人）：签收后由承办单位填写，可重新指定；签收前为 INVALID_TRANSITION，经办人须为本单位用户',
  })
  nameAssignmentResponsibles(
    @Arg('input', () => AssignmentResponsiblesInput, { description: '输入' }) input: AssignmentResponsiblesInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Assignment> {
    return ctx.services.assignments.nameResponsibles(ctx, input);
  }

  @Authorized(...UNIT)
  @Transactional()
  @Mutation(() => Assignment, { description: '承办单位提出异议（非本单位职责），须在交办后 5 个工作日内，否则 DEADLINE_PASSED' })
  objectAssignment(@Arg('id', () => ID, { description: '对象 ID' }) id: string, @ReasonArg('reason', '异议理由') reason: string, @Ctx() ctx: RequestContext): Promise<Assignment> {
    return ctx.services.assignments.object(ctx, id, reason);
  }

  @Authorized(...OFFICE)
  @Transactional()
  @Mutation(() => Assignment, { description: '撤销交办（报送结果前）；最后一个在办单位撤销后信访件回到已受理' })
  cancelAssignment(@Arg('id', () => ID, { description: '对象 ID' }) id: string, @ReasonArg('reason', '撤销理由') reason: string, @Ctx() ctx: RequestContext): Promise<Assignment> {
    return ctx.services.assignments.cancel(ctx, id, reason);
  }

  @Authorized(...UNIT)
  @Transactional()
  @Mutation(() => Extension, { description: '申请延期：期限届满前、不超过 30 日、每件一次' })
  requestExtension(@Arg('input', () => RequestExtensionInput, { description: '输入' }) input: RequestExtensionInput, @Ctx() ctx: RequestContext): Promise<Extension> {
    return ctx.services.assignments.requestExtension(ctx, input);
  }

  @Authorized(...OFFICE)
  @Transactional()
  @Mutation(() => Extension, { description: '审批延期申请；批准后期限顺延' })
  decideExtension(@Arg('id', () => ID, { description: '对象 ID' }) id: string, @Arg('approve', () => Boolean, { description: 'true 为批准/通过，false 为驳回/退回' }) approve: boolean, @Ctx() ctx: RequestContext): Promise<Extension> {
    return ctx.services.assignments.decideExtension(ctx, id, approve);
  }

  @Authorized(...UNIT)
  @Transactional()
  @Mutation(() => Assignment, { description: '承办单位报送办理结果' })
  reportResult(@Arg('input', () => ReportResultInput, { description: '输入' }) input: ReportResultInput, @Ctx() ctx: RequestContext): Promise<Assignment> {
    return ctx.services.assignments.reportResult(ctx, input);
  }

  @Authorized(...OFFICE)
  @Transactional()
  @Mutation(() => Assignment, { description: '审核办理结果：通过则办结该交办件，不通过则退回重办' })
  reviewResult(
    @Arg('assignmentId', () => ID, { description: '交办件 ID' }) assignmentId: string,
    @Arg('approve', () => Boolean, { description: 'true 为批准/通过，false 为驳回/退回' }) approve: boolean,
    @ReasonArg('note', '审核意见', { nullable: true }) note: string | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<Assignment> {
    return ctx.services.assignments.reviewResult(ctx, assignmentId, approve, note);
  }

  @Authorized(...OFFICE)
  @Transactional()
  @Mutation(() => Supervision, { description: '督办：电话催办、上门督办、领导督办、挂牌督办、通报' })
  superviseAssignment(@Arg('input', () => SuperviseInput, { description: '输入' }) input: SuperviseInput, @Ctx() ctx: RequestContext): Promise<Supervision> {
    return ctx.services.assignments.supervise(ctx, input);
  }

  @Authorized(...UNIT)
  @Transactional()
  @Mutation(() => Supervision, { description: '承办单位书面回复督办' })
  answerSupervision(@Arg('id', () => ID, { description: '对象 ID' }) id: string, @ReasonArg('answer', '书面回复') answer: string, @Ctx() ctx: RequestContext): Promise<Supervision> {
    return ctx.services.assignments.answerSupervision(ctx, id, answer);
  }

  @Authorized(...OFFICE)
  @Transactional()
  @Mutation(() => Assignment, { description: '听证开始：听证期间办理期限暂停计算（《信访工作条例》第 36 条）' })
  startHearing(
    @Arg('assignmentId', () => ID, { description: '交办件 ID' }) assignmentId: string,
    @ReasonArg('reason', '听证事由') reason: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Assignment> {
    return ctx.services.hearings.start(ctx, assignmentId, reason);
  }

  @Authorized(...OFFICE)
  @Transactional()
  @Mutation(() => Assignment, { description: '听证结束：办理期限按听证所占日历日顺延' })
  endHearing(@Arg('assignmentId', () => ID, { description: '交办件 ID' }) assignmentId: string, @Ctx() ctx: RequestContext): Promise<Assignment> {
    return ctx.services.hearings.end(ctx, assignmentId);
  }

  @FieldResolver(() => Unit, { description: '承办单位 (unit)' })
  unit(@Root() a: Assignment, @Ctx() ctx: RequestContext) {
    return ctx.services.units.unitOf(ctx, a.unitId);
  }

  @FieldResolver(() => ResponsibleLeader, { nullable: true, description: '承办单位责任领导；尚未明确时为空 (responsible leader)' })
  responsibleLeader(@Root() a: Assignment): ResponsibleLeader | null {
    return a.responsibleLeaderName ? { name: a.responsibleLeaderName, title: a.responsibleLeaderTitle } : null;
  }

  @FieldResolver(() => User, { nullable: true, description: '承办单位经办人；尚未明确时为空 (handler)' })
  handler(@Root() a: Assignment, @Ctx() ctx: RequestContext): Promise<User | null> | null {
    return a.handlerId ? ctx.loader(userById).load(a.handlerId) : null;
  }

  @FieldResolver(() => CaseView, { description: '信访件 (case)' })
  case(@Root() a: Assignment, @Ctx() ctx: RequestContext): Promise<Case> {
    return ctx.services.caseQuery.requireVisible(ctx, a.caseId);
  }

  @FieldResolver(() => DeadlineStateEnum, { description: '期限状态，按当前时刻推算 (deadline state)' })
  deadlineState(@Root() a: Assignment, @Ctx() ctx: RequestContext): DeadlineStateEnum {
    return ctx.services.assignments.deadlineStateOf(a);
  }

  @FieldResolver(() => Date, { description: '异议期限：交办后第 5 个工作日结束时 (objection deadline)' })
  objectionDeadline(@Root() a: Assignment, @Ctx() ctx: RequestContext): Promise<Date> {
    return ctx.services.assignments.objectionDeadline(ctx, a);
  }

  @FieldResolver(() => AssignmentResult, { nullable: true, description: '办理结果 (result)' })
  result(@Root() a: Assignment): AssignmentResult | null {
    return a.resultOutcome && a.resultReportedAt ? { outcome: a.resultOutcome, report: a.resultReport ?? '', reportedAt: a.resultReportedAt } : null;
  }

  @Visible(Audience.CASE_PART)
  @FieldResolver(() => [Extension], { description: '延期申请 (extensions)' })
  async extensions(@Root() a: Assignment, @Ctx() ctx: RequestContext): Promise<Extension[]> {
    return ctx.services.caseAccess.partsOf(ctx, a, await ctx.loader(extensionsByAssignmentId).load(a.id));
  }

  @Visible(Audience.CASE_PART)
  @FieldResolver(() => [Supervision], { description: '督办记录 (supervisions)' })
  async supervisions(@Root() a: Assignment, @Ctx() ctx: RequestContext): Promise<Supervision[]> {
    return ctx.services.caseAccess.partsOf(ctx, a, await ctx.loader(supervisionsByAssignmentId).load(a.id));
  }

  @Visible(Audience.CASE_PART)
  @FieldResolver(() => Int, { description: '督办次数 (number of supervisions)' })
  async supervisionCount(@Root() a: Assignment, @Ctx() ctx: RequestContext): Promise<number> {
    return (await this.supervisions(a, ctx)).length;
  }
}
