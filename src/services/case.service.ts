import type { RequestContext } from '../context/request-context';
import { mayActForUnit, mayFlagUrgent, mayInstructCase, mayTakeChargeOfCase } from '../policy/access-policy';
import { updateVersioned } from '../db/versioned-update';
import { Role } from '../auth/role';
import { AssignmentAction, assertTransition, CASE_STATUS_LABELS, CaseAction, isFinished, isOpenAssignment } from '../domain/case-workflow';
import { localDateOf } from '../domain/office-time';
import { intakeDueAt, intakeState, officeClockChanges, reviewState } from '../domain/office-clocks';
import { flashReportAtRegistration, groupVisitReason, isStillHandled } from '../domain/office-duties';
import { Assignment } from '../entities/assignment.entity';
import { Case } from '../entities/case.entity';
import { AssignmentMode, AssignmentRole, AssignmentStatus, CaseEventType, CaseStatus, CaseType, DeadlineStateEnum, FlashReportKind, Satisfaction } from '../entities/case-enums';
import { Instruction } from '../entities/instruction.entity';
import { Matter } from '../entities/matter.entity';
import { Petitioner } from '../entities/petitioner.entity';
import { Reply } from '../entities/reply.entity';
import { Unit } from '../entities/unit.entity';
import { User } from '../entities/user.entity';
import { UnitKind } from '../entities/unit-kind.enum';
import { DomainError, alreadyExists, badInput, forbidden, notFound } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';
import type { RegisterCaseInput } from '../schema/inputs/register-case.input';
import type { ReferCaseInput, ReplyInput } from '../schema/inputs/case-workflow.inputs';
import { moveAssignment } from './assignment-move';
import type { CalendarService } from './calendar.service';
import type { CaseAccessService } from './case-access.service';
import type { CaseEventService } from './case-event.service';
import type { FlashReportService } from './flash-report.service';
import type { PetitionerService } from './petitioner.service';
import type { ReceptionService } from './reception.service';
import type { ReplyWordingService } from './reply-wording.service';
import type { SerialNumberService } from './serial-number.service';
import type { SimilarityService } from './similarity.service';
import type { UnitService } from './unit.service';

/** Clock skew tolerated between a registrar's PC and the server when checking "not in the future". */
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;
const REVIEW_WINDOW_DAYS = 30;

/** What a newly registered case (or a referred copy) starts with: not yet replied, rated, finished or reviewed. */
const FRESH_CASE = {
  satisfaction: null,
  ratedByPetitioner: false,
  lastRepliedAt: null,
  closedAt: null,
  finishedAt: null,
  firstAssignedAt: null,
  reviewCount: 0,
  intakeDoneAt: null,
  reviewDueAt: null,
  reviewAnsweredAt: null,
  chargeLeaderId: null,
  isUrgent: false,
} satisfies Partial<Case>;
const MAX_REVIEWS = 2;

export interface TransitionOptions {
  patch?: Partial<Case>;
  event: CaseEventType;
  detail?: string | null;
  assignmentId?: string | null;
}

/**
 * The case's life from registration to closing and review. Every change goes through `transition`, which
 * asks the state machine, writes with an optimistic version check and records one audit event.
 */
export class CaseService {
  constructor(
    private readonly caseAccess: CaseAccessService,
    private readonly caseEvents: CaseEventService,
    private readonly petitioners: PetitionerService,
    private readonly units: UnitService,
    private readonly serials: SerialNumberService,
    private readonly calendar: CalendarService,
    private readonly wordings: ReplyWordingService,
    private readonly receptions: ReceptionService,
    private readonly flashReports: FlashReportService,
    private readonly officeTimeZone: string,
    private readonly similarity: SimilarityService,
  ) {}

  /**
   * Moves a case by `action`, applying `patch` in the same `UPDATE … WHERE version = ?`. A concurrent change
   * in between is `CONFLICT`; an action the state does not allow is `INVALID_TRANSITION`.
   */
  async transition(ctx: RequestContext, c: Case, action: CaseAction, opts: TransitionOptions): Promise<Case> {
    const next = assertTransition(c.status, action);
    // the office's own clocks move with the state, in the same update (docs/rules.md "Deadlines")
    const now = new Date();
    const clocks = officeClockChanges(c, action, next, now, await this.calendar.calendar(ctx));
    // the finishing marker carries the finishing event's own instant: statistics read it in place of the history
    const finishing = isFinished(next) && !isFinished(c.status) ? { finishedAt: now } : {};
    await updateVersioned(ctx, Case, c, { ...opts.patch, ...finishing, ...clocks, status: next });
    await this.caseEvents.record(ctx, {
      at: now,
      caseId: c.id,
      type: opts.event,
      assignmentId: opts.assignmentId,
      detail: opts.detail,
      before: { status: c.status },
      after: { status: next, ...(opts.patch ? jsonable(opts.patch) : {}) },
    });
    return ctx.repo(Case).findOneByOrFail({ id: c.id });
  }

  /** 有访必接，有信必登: registers a letter, visit, call or paper referral in the user's congress. */
  async register(ctx: RequestContext, input: RegisterCaseInput): Promise<Case> {
    const user = ctx.requireUser();
    const congress = await this.caseAccess.officeCongress(ctx);
    const now = new Date();
    if (input.receivedAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) throw badInput('receivedAt', '收到时间不能晚于当前时间');
    const petitioners = this.petitioners.prepare(input.petitioners);
    const personCount = input.personCount ?? petitioners.length;
    if (personCount < petitioners.length) throw badInput('personCount', '人次不能少于登记的信访人数');

    if (input.referredFromUnitId) {
      const ancestors = await this.units.ancestors(ctx, congress);
      if (!ancestors.some((u) => u.id === input.referredFromUnitId && u.kind === UnitKind.CONGRESS)) {
        throw badInput('referredFromUnitId', '批转机关须为本级人大的上级人大');
      }
    }
    if (input.matterId) await this.caseAccess.getVisibleMatter(ctx, input.matterId, 'matterId');
    if (input.accusedUnitId) {
      if (input.caseType !== CaseType.ACCUSATION) throw badInput('accusedUnitId', '只有检举控告件才能指定被检举单位');
      if (!(await ctx.repo(Unit).existsBy({ id: input.accusedUnitId }))) throw notFound('被检举单位', 'accusedUnitId');
      // Art 30: an accusation against this congress itself goes to the congress above it
      if (input.accusedUnitId === congress.id) throw new DomainError(ErrorCode.ACCUSED_UNIT_EXCLUDED, '检举控告本级人大的信访件应由上级人大办理', 'accusedUnitId');
    }
    if (input.receptionId) await this.receptions.assertVisitAt(ctx, congress.id, input.receptionId, input);

    const year = Number(localDateOf(now, this.officeTimeZone).slice(0, 4));
    const repo = ctx.repo(Case);
    const saved = await repo.save(
      repo.create({
        serialNo: await this.serials.next(ctx, congress.id, year),
        queryCode: await this.serials.queryCode(ctx),
        congressId: congress.id,
        status: CaseStatus.REGISTERED,
        channel: input.channel,
        caseType: input.caseType,
        category: input.category.trim(),
        summary: input.summary.trim(),
        content: input.content,
        receivedAt: input.receivedAt,
        intakeDueAt: intakeDueAt(await this.calendar.calendar(ctx), input.receivedAt),
        personCount,
        isKey: input.isKey ?? false,
        isDifficult: input.isDifficult ?? false,
        isTypical: input.isTypical ?? false,
        referredFromUnitId: input.referredFromUnitId ?? null,
        referredFromCaseId: null,
        matterId: input.matterId ?? null,
        accusedUnitId: input.accusedUnitId ?? null,
        responsibleUserId: user.id,
        ...FRESH_CASE,
        receptionId: input.receptionId ?? null,
      }),
    );
    // the registrar is shown the probable repeats: they are read beside the rest of this transaction, not after it.
    // Not before the serial number: drawing it waits for the congress's registration in progress to commit, so the
    // read sees a copy of the same letter registered a moment before (a double submission, two registrars at once)
    this.similarity.readAhead(ctx, saved);
    await ctx.repo(Petitioner).save(petitioners.map((p) => ctx.repo(Petitioner).create({ ...p, caseId: saved.id })));
    await this.similarity.index(ctx, saved, true);
    await this.caseEvents.record(ctx, { caseId: saved.id, type: CaseEventType.REGISTERED, after: { status: saved.status, serialNo: saved.serialNo } });
    const flash = flashReportAtRegistration(saved.channel, saved.personCount);
    if (flash) await this.flashReports.raise(ctx, saved, flash, groupVisitReason(saved.personCount));
    return saved;
  }

  /** Loads a case the viewer may see and checks that the viewer works in the office that owns it. */
  async forOffice(ctx: RequestContext, id: string, roles?: Role[]): Promise<Case> {
    const c = await this.caseAccess.getVisible(ctx, id);
    await this.caseAccess.assertOfficeOf(ctx, c, roles);
    return c;
  }

  /** 受理. A matter that has been through 复核 is not accepted again (《信访工作条例》第 36 条). */
  async accept(ctx: RequestContext, id: string): Promise<Case> {
    const c = await this.forOffice(ctx, id);
    if (c.matterId && (await ctx.repo(Matter).findOneBy({ id: c.matterId }))?.reReviewed) {
      throw new DomainError(ErrorCode.NOT_ACCEPTABLE_AGAIN, '该事项已经复核，对同一事项不再受理', 'id');
    }
    return this.transition(ctx, c, CaseAction.ACCEPT, { event: CaseEventType.ACCEPTED });
  }

  /** 不予受理, with the reason the petitioner is told. */
  async decline(ctx: RequestContext, id: string, reason: string): Promise<Case> {
    const c = await this.forOffice(ctx, id);
    return this.transition(ctx, c, CaseAction.DECLINE, { event: CaseEventType.DECLINED, detail: requireText(reason, 'reason') });
  }

  /** 存查: filed for reference, from REGISTERED or ACCEPTED. */
  async archive(ctx: RequestContext, id: string, reason: string): Promise<Case> {
    const c = await this.forOffice(ctx, id);
    return this.transition(ctx, c, CaseAction.ARCHIVE, { event: CaseEventType.ARCHIVED, detail: requireText(reason, 'reason') });
  }

  /** 呈送阅示: asks a leader of the same congress for a written instruction. Changes no state. */
  async requestInstruction(ctx: RequestContext, id: string, leaderId: string): Promise<Case> {
    const c = await this.forOffice(ctx, id);
    assertTransition(c.status, CaseAction.REQUEST_INSTRUCTION);
    const leader = await ctx.repo(User).findOneBy({ id: leaderId });
    if (!leader || !mayInstructCase(leader, c)) {
      throw badInput('leaderId', '须呈送本机关的分管领导');
    }
    await ctx.repo(Instruction).save(
      ctx.repo(Instruction).create({ caseId: c.id, leaderId, requestedById: ctx.requireUser().id, requestedAt: new Date(), text: null, createdAt: null }),
    );
    await this.caseEvents.record(ctx, { caseId: c.id, type: CaseEventType.INSTRUCTION_REQUESTED, detail: leader.displayName });
    return c;
  }

  /** 阅批: a leader of the owning congress writes an instruction, answering a request addressed to them if any. */
  async instruct(ctx: RequestContext, id: string, text: string): Promise<Case> {
    const c = await this.forOffice(ctx, id, [Role.LEADER]);
    assertTransition(c.status, CaseAction.INSTRUCT);
    const body = requireText(text, 'text');
    const leader = ctx.requireUser();
    const repo = ctx.repo(Instruction);
    const open = (await repo.find({ where: { caseId: c.id, leaderId: leader.id }, order: { requestedAt: 'ASC' } })).find((i) => i.text === null);
    const now = new Date();
    if (open) await repo.update({ id: open.id }, { text: body, createdAt: now });
    else await repo.save(repo.create({ caseId: c.id, leaderId: leader.id, requestedById: leader.id, requestedAt: now, text: body, createdAt: now }));
    await this.caseEvents.record(ctx, { caseId: c.id, type: CaseEventType.INSTRUCTED, detail: body });
    return c;
  }

  /**
   * Answers the petitioner: the one path every reply takes. The office itself (on a case it routed, or on an
   * accepted case it answers without routing), or the lead unit's handler or liaison, may reply; an assisting unit
   * may not. The reply must conform to the matter's unified wording (`ReplyWordingService.assertReplyAllowed`). A
   * TRANSFER-mode unit's reply completes its assignment.
   */
  async reply(ctx: RequestContext, input: ReplyInput): Promise<Reply> {
    const user = ctx.requireUser();
    const c = await this.caseAccess.getVisible(ctx, input.caseId, 'caseId');
    let unitId: string;
    let own: Assignment | undefined;
    let action: CaseAction;
    if (this.caseAccess.repliesAsOffice(ctx, c)) {
      unitId = c.congressId;
      action = CaseAction.OFFICE_REPLY;
      assertTransition(c.status, action);
    } else {
      assertTransition(c.status, CaseAction.REPLY);
      const mine = await ctx.repo(Assignment).find({ where: { caseId: c.id, unitId: user.unitId ?? '' } });
      // a lead unit may still answer after its result was approved; one that objected or was withdrawn may not
      // after a reopening the unit may hold an earlier, completed lead assignment too: its open one is the one answered
      own =
        mine.find((a) => a.role === AssignmentRole.LEAD && isOpenAssignment(a.status)) ??
        mine.find((a) => a.role === AssignmentRole.LEAD && a.status === AssignmentStatus.COMPLETED);
      if (!own || !mayActForUnit(user, own)) {
        throw forbidden(mine.some((a) => a.role === AssignmentRole.ASSIST) ? '协办单位不能直接答复信访人，请将意见送主办单位' : '只有主办单位或人大信访机构可以答复信访人');
      }
      unitId = own.unitId;
      action = CaseAction.REPLY;
    }
    await this.wordings.assertReplyAllowed(ctx, c, { unitId, outcome: input.outcome, body: input.body, wordingId: input.wordingId ?? null });
    const now = new Date();
    const reply = await ctx.repo(Reply).save(
      ctx.repo(Reply).create({
        caseId: c.id,
        unitId,
        authorId: user.id,
        method: input.method,
        outcome: input.outcome,
        body: input.body,
        wordingId: input.wordingId ?? null,
        matterId: c.matterId,
        repliedAt: now,
      }),
    );
    if (own && own.mode === AssignmentMode.TRANSFER && isOpenAssignment(own.status)) {
      await moveAssignment(ctx, own, AssignmentAction.COMPLETE_BY_REPLY, { deliveredAt: now, endedAt: now });
    }
    await this.transition(ctx, c, action, { event: CaseEventType.REPLIED, patch: { lastRepliedAt: now }, detail: input.outcome });
    return reply;
  }

  /**
   * 办结. Needs a reply and every ASSIGN-mode assignment approved. The office may record a rating collected by
   * phone (回访) only when the petitioner has not rated.
   */
  async close(ctx: RequestContext, id: string, satisfaction?: Satisfaction | null): Promise<Case> {
    const c = await this.forOffice(ctx, id);
    assertTransition(c.status, CaseAction.CLOSE);
    const assignments = await ctx.repo(Assignment).findBy({ caseId: c.id });
    const unfinished = assignments.filter((a) => a.mode === AssignmentMode.ASSIGN && isOpenAssignment(a.status));
    if (unfinished.length) {
      throw new DomainError(ErrorCode.INVALID_TRANSITION, '尚有交办件未经审核办结，不能办结', 'id', {
        currentState: c.status,
        requestedAction: CaseAction.CLOSE,
        pendingAssignmentIds: unfinished.map((a) => a.id),
      });
    }
    if (satisfaction && c.ratedByPetitioner) throw alreadyExists('satisfaction', '信访人已自行评价，不能再录入回访评价');
    const now = new Date();
    for (const a of assignments.filter((x) => x.mode === AssignmentMode.TRANSFER && isOpenAssignment(x.status))) {
      await moveAssignment(ctx, a, AssignmentAction.COMPLETE_BY_REPLY, { endedAt: now });
    }
    return this.transition(ctx, c, CaseAction.CLOSE, {
      event: CaseEventType.CLOSED,
      patch: { closedAt: now, ...(satisfaction ? { satisfaction } : {}) },
      detail: satisfaction ?? null,
    });
  }

  /** 复查/复核 at the petitioner's request, within 30 days of the last reply; after 复核 nothing more. */
  async reopen(ctx: RequestContext, id: string, reason: string): Promise<Case> {
    const c = await this.forOffice(ctx, id);
    assertTransition(c.status, CaseAction.REOPEN);
    const detail = requireText(reason, 'reason');
    if (c.reviewCount >= MAX_REVIEWS) throw new DomainError(ErrorCode.NOT_ACCEPTABLE_AGAIN, '该信访事项已经复核，不再受理', 'id');
    const calendar = await this.calendar.calendar(ctx);
    if (!c.lastRepliedAt || new Date() > calendar.dueAt(c.lastRepliedAt, REVIEW_WINDOW_DAYS)) {
      throw new DomainError(ErrorCode.DEADLINE_PASSED, '已超过答复后 30 日的复查/复核申请期限', 'id');
    }
    const reviewCount = c.reviewCount + 1;
    if (reviewCount === MAX_REVIEWS && c.matterId) await ctx.repo(Matter).update({ id: c.matterId }, { reReviewed: true });
    return this.transition(ctx, c, CaseAction.REOPEN, {
      event: CaseEventType.REOPENED,
      detail,
      patch: { reviewCount, closedAt: null, finishedAt: null },
    });
  }

  /**
   * 批转: an upper congress sends one of its accepted cases to a congress directly below it. Returns the lower
   * congress's new case; the upper case becomes ASSIGNED and lists it among its referrals.
   */
  async refer(ctx: RequestContext, input: ReferCaseInput): Promise<Case> {
    const upper = await this.caseAccess.getVisible(ctx, input.caseId, 'caseId');
    await this.caseAccess.assertOfficeOf(ctx, upper);
    const target = await ctx.repo(Unit).findOneBy({ id: input.toUnitId });
    if (!target || target.kind !== UnitKind.CONGRESS || target.parentId !== upper.congressId) {
      throw badInput('toUnitId', '只能批转给本级人大的直属下级人大');
    }
    if (upper.accusedUnitId === target.id) throw new DomainError(ErrorCode.ACCUSED_UNIT_EXCLUDED, '检举控告件不得批转给被检举的人大', 'toUnitId');
    assertTransition(upper.status, CaseAction.REFER);
    const now = new Date();
    const year = Number(localDateOf(now, this.officeTimeZone).slice(0, 4));
    const registrar = await ctx.repo(User).find({ where: { unitId: target.id, disabled: false }, order: { createdAt: 'ASC' } });
    const responsible = registrar.find((u) => u.hasRole(Role.REGISTRAR)) ?? ctx.requireUser();
    const repo = ctx.repo(Case);
    const { id: _id, serialNo: _s, queryCode: _q, createdAt: _c, updatedAt: _u, version: _v, ...copy } = upper;
    const lower = await repo.save(
      repo.create({
        ...copy,
        serialNo: await this.serials.next(ctx, target.id, year),
        queryCode: await this.serials.queryCode(ctx),
        congressId: target.id,
        status: CaseStatus.REGISTERED,
        referredFromUnitId: upper.congressId,
        referredFromCaseId: upper.id,
        matterId: null,
        receptionId: null,
        responsibleUserId: responsible.id,
        ...FRESH_CASE,
        // the lower office's intake clock runs from the day the referral reaches it
        intakeDueAt: intakeDueAt(await this.calendar.calendar(ctx), now),
      }),
    );
    const petitioners = await ctx.repo(Petitioner).findBy({ caseId: upper.id });
    await ctx.repo(Petitioner).save(this.petitioners.copyFor(petitioners, lower.id).map((p) => ctx.repo(Petitioner).create(p)));
    await this.similarity.index(ctx, lower, true);
    await this.caseEvents.record(ctx, { caseId: lower.id, type: CaseEventType.REGISTERED, detail: '上级人大批转', after: { status: lower.status } });
    await this.transition(ctx, upper, CaseAction.REFER, { event: CaseEventType.REFERRED, detail: `${target.name}${input.note ? `：${input.note}` : ''}` });
    return lower;
  }

  /**
   * 领导包案: a leader of the congress that owns the case takes personal charge of it (anyone else `FORBIDDEN`). A case
   * already in another leader's charge is `ALREADY_EXISTS`; taking it again changes nothing.
   */
  async takeCharge(ctx: RequestContext, id: string): Promise<Case> {
    const c = await this.caseAccess.getVisible(ctx, id);
    const leader = ctx.requireUser();
    if (!mayTakeChargeOfCase(leader, c)) throw forbidden('只有该信访件所属人大的领导可以包案');
    this.assertStillHandled(c, 'TAKE_CHARGE', '领导包案');
    if (c.chargeLeaderId === leader.id) return c;
    if (c.chargeLeaderId) throw alreadyExists('id', '该信访件已由其他领导包案');
    await updateVersioned(ctx, Case, c, { chargeLeaderId: leader.id });
    await this.caseEvents.record(ctx, { caseId: c.id, type: CaseEventType.CHARGE_TAKEN, detail: leader.displayName });
    return this.reload(ctx, c.id);
  }

  /**
   * The office flags a case urgent with a reason, which raises a flash report (快报) at once. The reason is required;
   * a case already flagged is `ALREADY_EXISTS`.
   */
  async flagUrgent(ctx: RequestContext, id: string, reason: string): Promise<Case> {
    const c = await this.caseAccess.getVisible(ctx, id);
    if (!mayFlagUrgent(ctx.requireUser(), c)) throw forbidden('只有登记该信访件的人大信访机构登记员或领导可以标记紧急件');
    const text = requireText(reason, 'reason');
    this.assertStillHandled(c, 'FLAG_URGENT', '标记紧急件');
    if (c.isUrgent) throw alreadyExists('id', '该信访件已标记为紧急件');
    await updateVersioned(ctx, Case, c, { isUrgent: true });
    await this.caseEvents.record(ctx, { caseId: c.id, type: CaseEventType.FLAGGED_URGENT, detail: text });
    const flagged = await this.reload(ctx, c.id);
    await this.flashReports.raise(ctx, flagged, FlashReportKind.URGENT, text);
    return flagged;
  }

  private assertStillHandled(c: Case, action: string, label: string): void {
    if (!isStillHandled(c.status)) {
      throw new DomainError(ErrorCode.INVALID_TRANSITION, `信访件当前状态为"${CASE_STATUS_LABELS[c.status]}"，不能${label}`, 'id', { currentState: c.status, requestedAction: action });
    }
  }

  /**
   * The cases confident enough to show the registrar as probable repeats (docs/rules.md "Similar petitions"): the
   * same petitioner, the same matter, or content above the suggestion threshold; only cases the viewer may see.
   */
  repeatCandidates(ctx: RequestContext, c: Case): Promise<Case[]> {
    return this.similarity.confidentCandidates(ctx, c);
  }

  /** The office's intake clock, derived now (docs/rules.md "Deadlines"), never stored. */
  intakeStateOf(c: Case, now = new Date()): DeadlineStateEnum {
    return intakeState(c, now);
  }

  /** The clock to answer the latest 复查/复核 request, derived now; null for a case never reopened. */
  reviewStateOf(c: Case, now = new Date()): DeadlineStateEnum | null {
    return reviewState(c, now);
  }

  /** Re-reads a case after the change that returned it; used by mutations that answer with the case. */
  reload(ctx: RequestContext, id: string): Promise<Case> {
    return ctx.repo(Case).findOneByOrFail({ id });
  }

}

function requireText(value: string, field: string): string {
  const v = (value ?? '').trim();
  if (!v) throw badInput(field, '理由或内容不能为空');
  if (v.length > 5000) throw badInput(field, '内容不超过 5000 个字符');
  return v;
}

function jsonable(patch: Partial<Case>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(patch).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]));
}
