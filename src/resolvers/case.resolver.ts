import { PetitionerView } from '../schema/types/petitioner.type';
import { CaseView } from '../schema/types/case.type';
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context/request-context';
import { Role } from '../auth/role';
import { Assignment } from '../entities/assignment.entity';
import { Case } from '../entities/case.entity';
import { DeadlineStateEnum, Satisfaction } from '../entities/case-enums';
import { Instruction } from '../entities/instruction.entity';
import { Matter } from '../entities/matter.entity';
import { Petitioner } from '../entities/petitioner.entity';
import { Reply } from '../entities/reply.entity';
import { Unit } from '../entities/unit.entity';
import { User } from '../entities/user.entity';
import {
  casesByReferredFromCaseId,
  eventsByCaseId,
  instructionsByCaseId,
  matterById,
  petitionersByCaseId,
  repliesByCaseId,
  userById,
} from '../loaders/case.loaders';
import { unitById } from '../loaders/unit.loaders';
import { CaseFilter, ReferCaseInput, ReplyInput } from '../schema/inputs/case-workflow.inputs';
import { CaseOrder } from '../schema/inputs/case-order.input';
import { RegisterCaseInput } from '../schema/inputs/register-case.input';
import { CaseConnection, CaseProgress, RatingResult, TimelineEntry } from '../schema/types/case-types';
import { CodeArg, ReasonArg } from '../schema/inputs/validated-fields';
import { Transactional } from './transactional.middleware';
import { Audience, Visible } from '../policy/audience';

const OFFICE = [Role.REGISTRAR, Role.LEADER];

@Resolver(() => CaseView)
export class CaseResolver {
  @Authorized()
  @Query(() => CaseView, { nullable: true, description: '按 ID 查信访件；看不到的与不存在的一样为 null 并返回 NOT_FOUND 错误，同一请求中的其他字段照常返回' })
  case(@Arg('id', () => ID, { description: '对象 ID' }) id: string, @Ctx() ctx: RequestContext): Promise<Case> {
    return ctx.services.caseAccess.getVisible(ctx, id);
  }

  @Authorized()
  @Query(() => CaseConnection, { description: '信访件列表（分页），默认按收到时间倒序；只含当前用户可见的信访件' })
  cases(
    @Arg('filter', () => CaseFilter, { nullable: true, description: '筛选条件' }) filter: CaseFilter | undefined,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: '每页条数 1–100' }) first: number,
    @Arg('after', () => String, { nullable: true, description: '上一页的 endCursor（须与本次的 orderBy 相同）' }) after: string | undefined,
    @Arg('orderBy', () => CaseOrder, { nullable: true, description: '排序，默认按收到时间倒序 (RECEIVED_AT DESC)' }) orderBy: CaseOrder | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<CaseConnection> {
    return ctx.services.caseQuery.list(ctx, filter, first, after, orderBy ?? undefined);
  }

  @Query(() => CaseProgress, { description: '信访人凭查询码查询办理进度（无需登录）；查询码错误与不存在同样返回 NOT_FOUND，频繁猜测将被限制' })
  caseProgress(@CodeArg('queryCode', '回执上的查询码') queryCode: string, @Ctx() ctx: RequestContext): Promise<CaseProgress> {
    return ctx.services.caseProgress.progress(ctx, queryCode);
  }

  @Mutation(() => RatingResult, { description: '信访人凭查询码评价（无需登录），答复后可评价一次；再次评价为 ALREADY_EXISTS' })
  rateCase(
    @CodeArg('queryCode', '回执上的查询码') queryCode: string,
    @Arg('satisfaction', () => Satisfaction, { description: '满意度' }) satisfaction: Satisfaction,
    @Ctx() ctx: RequestContext,
  ): Promise<RatingResult> {
    return ctx.services.caseProgress.rate(ctx, queryCode, satisfaction);
  }

  @Authorized(...OFFICE)
  @Transactional()
  @Mutation(() => CaseView, { description: '登记信访件（有访必接，有信必登）；返回的 repeatCandidates 列出疑似重复件' })
  registerCase(@Arg('input', () => RegisterCaseInput, { description: '输入' }) input: RegisterCaseInput, @Ctx() ctx: RequestContext): Promise<Case> {
    return ctx.services.cases.register(ctx, input);
  }

  @Authorized(...OFFICE)
  @Transactional()
  @Mutation(() => CaseView, { description: '受理（REGISTERED → ACCEPTED）' })
  acceptCase(@Arg('id', () => ID, { description: '对象 ID' }) id: string, @Ctx() ctx: RequestContext): Promise<Case> {
    return ctx.services.cases.accept(ctx, id);
  }

  @Authorized(...OFFICE)
  @Transactional()
  @Mutation(() => CaseView, { description: '不予受理，须说明理由（REGISTERED → DECLINED）' })
  declineCase(@Arg('id', () => ID, { description: '对象 ID' }) id: string, @ReasonArg('reason', '不予受理的理由') reason: string, @Ctx() ctx: RequestContext): Promise<Case> {
    return ctx.services.cases.decline(ctx, id, reason);
  }

  @Authorized(...OFFICE)
  @Transactional()
  @Mutation(() => CaseView, { description: '存查，须说明理由（REGISTERED 或 ACCEPTED → ARCHIVED）' })
  archiveCase(@Arg('id', () => ID, { description: '对象 ID' }) id: string, @ReasonArg('reason', '存查的理由') reason: string, @Ctx() ctx: RequestContext): Promise<Case> {
    return ctx.services.cases.archive(ctx, id, reason);
  }

  @Authorized(...OFFICE)
  @Transactional()
  @Mutation(() => CaseView, { description: '呈送领导阅示；不改变状态' })
  requestInstruction(@Arg('id', () => ID, { description: '对象 ID' }) id: string, @Arg('leaderId', () => ID, { description: '本机关分管领导' }) leaderId: string, @Ctx() ctx: RequestContext): Promise<Case> {
    return ctx.services.cases.requestInstruction(ctx, id, leaderId);
  }

  @Authorized(Role.LEADER)
  @Transactional()
  @Mutation(() => CaseView, { description: '领导阅批，写批办意见；不改变状态' })
  instructCase(@Arg('id', () => ID, { description: '对象 ID' }) id: string, @ReasonArg('text', '批办意见') text: string, @Ctx() ctx: RequestContext): Promise<Case> {
    return ctx.services.cases.instruct(ctx, id, text);
  }

  @Authorized(Role.REGISTRAR, Role.LEADER, Role.HANDLER, Role.LIAISON)
  @Transactional()
  @Mutation(() => Reply, {
    description:
      '答复信访人：主办单位（已交办、已报结果、已答复时），或人大信访机构（另可直接答复已受理而未交办的件）；协办单位为 FORBIDDEN。须符合事项的统一答复口径（REPLY_WORDING_MISMATCH / REPLY_WORDING_OUTDATED），无口径时不得与其他单位的答复意见冲突（CONFLICTING_REPLY）',
  })
  replyToPetitioner(@Arg('input', () => ReplyInput, { description: '输入' }) input: ReplyInput, @Ctx() ctx: RequestContext): Promise<Reply> {
    return ctx.services.cases.reply(ctx, input);
  }

  @Authorized(...OFFICE)
  @Transactional()
  @Mutation(() => CaseView, { description: '办结：须已答复且交办件均已审核办结；可录入电话回访的满意度（信访人未自评时）' })
  closeCase(
    @Arg('id', () => ID, { description: '对象 ID' }) id: string,
    @Arg('satisfaction', () => Satisfaction, { nullable: true, description: '回访满意度' }) satisfaction: Satisfaction | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<Case> {
    return ctx.services.cases.close(ctx, id, satisfaction);
  }

  @Authorized(...OFFICE)
  @Transactional()
  @Mutation(() => CaseView, { description: '复查/复核：答复后 30 日内，经信访人申请；复核后不再受理' })
  reopenCase(@Arg('id', () => ID, { description: '对象 ID' }) id: string, @ReasonArg('reason', '申请理由') reason: string, @Ctx() ctx: RequestContext): Promise<Case> {
    return ctx.services.cases.reopen(ctx, id, reason);
  }

  @Authorized(...OFFICE)
  @Transactional()
  @Mutation(() => CaseView, { description: '上级人大批转：把本级已受理的信访件交下级人大办理，返回下级人大的新件' })
  referCase(@Arg('input', () => ReferCaseInput, { description: '输入' }) input: ReferCaseInput, @Ctx() ctx: RequestContext): Promise<Case> {
    return ctx.services.cases.refer(ctx, input);
  }

  @Authorized(Role.LEADER)
  @Transactional()
  @Mutation(() => CaseView, { description: '领导包案：本级人大领导亲自包案；仅限 LEADER，他人为 FORBIDDEN；已由其他领导包案为 ALREADY_EXISTS' })
  takeChargeOfCase(@Arg('id', () => ID, { description: '对象 ID' }) id: string, @Ctx() ctx: RequestContext): Promise<Case> {
    return ctx.services.cases.takeCharge(ctx, id);
  }

  @Authorized(...OFFICE)
  @Transactional()
  @Mutation(() => CaseView, { description: '标记紧急件，须说明理由；即时报送快报（flashReports）给本级及上级人大领导和信访机构' })
  flagCaseUrgent(@Arg('id', () => ID, { description: '对象 ID' }) id: string, @ReasonArg('reason', '紧急的理由') reason: string, @Ctx() ctx: RequestContext): Promise<Case> {
    return ctx.services.cases.flagUrgent(ctx, id, reason);
  }

  @FieldResolver(() => User, { nullable: true, description: '包案领导：亲自包案的本级人大领导 (leader in personal charge)' })
  chargeLeader(@Root() c: Case, @Ctx() ctx: RequestContext): Promise<User | null> | null {
    return c.chargeLeaderId ? ctx.loader(userById).load(c.chargeLeaderId) : null;
  }

  @FieldResolver(() => Unit, { nullable: true, description: '批转来的上级人大 (referred from)' })
  referredFrom(@Root() c: Case, @Ctx() ctx: RequestContext) {
    return c.referredFromUnitId ? ctx.loader(unitById).load(c.referredFromUnitId) : null;
  }

  @FieldResolver(() => CaseView, { nullable: true, description: '上级人大的原件（当前用户可见时）(the upper congress\'s case)' })
  async referredFromCase(@Root() c: Case, @Ctx() ctx: RequestContext): Promise<Case | null> {
    return c.referredFromCaseId ? ctx.services.caseQuery.visible(ctx, c.referredFromCaseId) : null;
  }

  @FieldResolver(() => [CaseView], { description: '批转给下级人大后形成的下级件 (cases made from this one by referral)' })
  async referrals(@Root() c: Case, @Ctx() ctx: RequestContext): Promise<Case[]> {
    const lower = await ctx.loader(casesByReferredFromCaseId).load(c.id);
    return ctx.services.caseQuery.onlyVisible(ctx, lower);
  }

  @FieldResolver(() => DeadlineStateEnum, { description: '受理期限状态：收到后 15 日内受理、不予受理、存查或交办（第 22 条），按当前时刻推算 (intake clock state)' })
  intakeState(@Root() c: Case, @Ctx() ctx: RequestContext): DeadlineStateEnum {
    return ctx.services.cases.intakeStateOf(c);
  }

  @FieldResolver(() => DeadlineStateEnum, { nullable: true, description: '复查/复核答复期限状态；未申请复查复核时为空 (review answer clock state)' })
  reviewState(@Root() c: Case, @Ctx() ctx: RequestContext): DeadlineStateEnum | null {
    return ctx.services.cases.reviewStateOf(c);
  }

  @FieldResolver(() => Unit, { description: '登记机关（人大）(registering congress)' })
  congress(@Root() c: Case, @Ctx() ctx: RequestContext) {
    return ctx.loader(unitById).load(c.congressId);
  }

  @FieldResolver(() => Unit, { nullable: true, description: '检举控告件的被检举单位；被检举单位本身永远看不到该件 (accused unit; the accused never sees the case)' })
  accusedUnit(@Root() c: Case, @Ctx() ctx: RequestContext) {
    return c.accusedUnitId ? ctx.loader(unitById).load(c.accusedUnitId) : null;
  }

  @FieldResolver(() => Matter, { nullable: true, description: '所属事项 (matter)' })
  matter(@Root() c: Case, @Ctx() ctx: RequestContext): Promise<Matter | null> | null {
    return c.matterId ? ctx.loader(matterById).load(c.matterId) : null;
  }

  @FieldResolver(() => [PetitionerView], { description: '信访人 (petitioners)' })
  petitioners(@Root() c: Case, @Ctx() ctx: RequestContext): Promise<Petitioner[]> {
    return ctx.loader(petitionersByCaseId).load(c.id);
  }

  @FieldResolver(() => User, { nullable: true, description: '责任人：从登记到反馈负责本件的工作人员 (responsible staff member)' })
  responsible(@Root() c: Case, @Ctx() ctx: RequestContext): Promise<User | null> {
    return ctx.loader(userById).load(c.responsibleUserId);
  }

  @Visible(Audience.CASE_PART)
  @FieldResolver(() => [Assignment], { description: '交办/转办记录；承办单位只看到交给自己的 (assignments)' })
  assignments(@Root() c: Case, @Ctx() ctx: RequestContext): Promise<Assignment[]> {
    return ctx.services.caseAccess.assignmentsOf(ctx, c.id);
  }

  @FieldResolver(() => [Reply], { description: '对信访人的答复 (replies)' })
  replies(@Root() c: Case, @Ctx() ctx: RequestContext): Promise<Reply[]> {
    return ctx.loader(repliesByCaseId).load(c.id);
  }

  @Visible(Audience.CASE_PART)
  @FieldResolver(() => [Instruction], { description: '领导批示 (instructions)' })
  async instructions(@Root() c: Case, @Ctx() ctx: RequestContext): Promise<Instruction[]> {
    return ctx.services.caseAccess.instructionsOf(ctx, c.id, await ctx.loader(instructionsByCaseId).load(c.id));
  }

  @Visible(Audience.CASE_PART)
  @FieldResolver(() => [TimelineEntry], { description: '时间线：每一次变更及其操作人 (timeline)' })
  async timeline(@Root() c: Case, @Ctx() ctx: RequestContext): Promise<TimelineEntry[]> {
    const events = await ctx.services.caseAccess.eventsOf(ctx, c.id, await ctx.loader(eventsByCaseId).load(c.id));
    const actors = await ctx.loader(userById).loadMany(events.map((e) => e.actorId).filter((a): a is string => !!a));
    const byId = new Map(actors.filter((a): a is User => a instanceof User).map((a) => [a.id, a]));
    return events.map((e) => ({ at: e.at, type: e.type, detail: e.detail, actor: e.actorId ? (byId.get(e.actorId) ?? null) : null }));
  }

  @FieldResolver(() => [CaseView], {
    description:
      '疑似重复件：相似度达到提示阈值 0.27 的其他信访件——同一信访人（身份证号或电话）、同一事项，或内容相近（见 similarCases）；新问题的信访件没有 (repeat candidates)',
  })
  repeatCandidates(@Root() c: Case, @Ctx() ctx: RequestContext): Promise<Case[]> {
    return ctx.services.cases.repeatCandidates(ctx, c);
  }
}
