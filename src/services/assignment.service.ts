import { In, Not } from 'typeorm';
import { mayActForUnit, mayHandleForUnit } from '../policy/access-policy';
import type { RequestContext } from '../context/request-context';
import { updateVersioned } from '../db/versioned-update';
import { AssignmentAction, CaseAction, isOpenAssignment } from '../domain/case-workflow';
import { assignmentDeadlineState } from '../domain/assignment-deadline';
import { mayNameResponsiblesAt } from '../domain/office-duties';
import { addCalendarDays, endOfLocalDay, localDateOf } from '../domain/office-time';
import { Assignment } from '../entities/assignment.entity';
import { Case } from '../entities/case.entity';
import { AssignmentMode, AssignmentRole, AssignmentStatus, CaseEventType, CaseStatus, DeadlineStateEnum, ExtensionStatus, SupervisionKind } from '../entities/case-enums';
import { Extension } from '../entities/extension.entity';
import { Supervision } from '../entities/supervision.entity';
import { Unit } from '../entities/unit.entity';
import { User } from '../entities/user.entity';
import { UnitKind } from '../entities/unit-kind.enum';
import { DomainError, alreadyExists, badInput, forbidden, notFound } from '../errors/domain-error';
import { ASSIGNMENT_STATUS_LABELS } from '../domain/case-workflow';
import { ErrorCode } from '../errors/error-code';
import type { AssignCaseInput, ReportResultInput, RequestExtensionInput, SuperviseInput } from '../schema/inputs/case-workflow.inputs';
import type { AssignmentResponsiblesInput } from '../schema/inputs/office-duties.inputs';
import { moveAssignment } from './assignment-move';
import type { CalendarService } from './calendar.service';
import type { CaseAccessService } from './case-access.service';
import type { CaseEventService } from './case-event.service';
import type { CaseService } from './case.service';

const DEFAULT_DUE_DAYS = 60;
const OBJECTION_WORKING_DAYS = 5;
const MAX_EXTENSION_DAYS = 30;

/**
 * Routing a case to units and everything that happens to one routing: signing, objecting, extensions,
 * result, review, supervision. Case states that follow from it go through `CaseService.transition`.
 */
export class AssignmentService {
  constructor(
    private readonly caseAccess: CaseAccessService,
    private readonly cases: Pick<CaseService, 'forOffice' | 'transition'>,
    private readonly caseEvents: CaseEventService,
    private readonly calendar: CalendarService,
  ) {}

  /** An assignment whose case the viewer may see; `NOT_FOUND` otherwise. */
  async getVisible(ctx: RequestContext, id: string, field = 'id'): Promise<{ a: Assignment; c: Case }> {
    const a = await ctx.repo(Assignment).findOneBy({ id });
    if (!a) throw notFound('交办件', field);
    const c = await this.caseAccess.getVisible(ctx, a.caseId, field);
    return { a, c };
  }

  /** The assignment, when the signed-in user is a handler or liaison of the unit it was given to. */
  private async forUnit(ctx: RequestContext, id: string, field = 'id') {
    const found = await this.getVisible(ctx, id, field);
    const user = ctx.requireUser();
    if (!mayActForUnit(user, found.a)) throw forbidden('只有承办单位的经办人或联络员可以执行此操作');
    return found;
  }

  private async forOffice(ctx: RequestContext, id: string, field = 'id') {
    const found = await this.getVisible(ctx, id, field);
    await this.caseAccess.assertOfficeOf(ctx, found.c);
    return found;
  }

  /**
   * 转办/交办. One open lead unit per case; never the unit an accusation accuses; the due date counts calendar
   * days from today and ends at the end of the due day, rolled past weekends and holidays.
   */
  async assign(ctx: RequestContext, input: AssignCaseInput): Promise<Assignment> {
    const c = await this.cases.forOffice(ctx, input.caseId);
    const unit = await ctx.repo(Unit).findOneBy({ id: input.unitId });
    if (!unit) throw notFound('承办单位', 'unitId');
    if (unit.kind === UnitKind.CONGRESS) throw badInput('unitId', '交给下级人大请使用批转 (referCase)');
    if (c.accusedUnitId && (c.accusedUnitId === unit.id)) {
      throw new DomainError(ErrorCode.ACCUSED_UNIT_EXCLUDED, '检举控告件不得交由被检举单位办理', 'unitId');
    }
    const role = input.role ?? AssignmentRole.LEAD;
    const existing = await ctx.repo(Assignment).findBy({ caseId: c.id });
    const open = existing.filter((a) => isOpenAssignment(a.status));
    if (role === AssignmentRole.LEAD && open.some((a) => a.role === AssignmentRole.LEAD)) throw alreadyExists('role', '该信访件已有在办的主办单位');
    if (open.some((a) => a.unitId === unit.id)) throw alreadyExists('unitId', '该单位已在办理此信访件');
    const action = c.status === CaseStatus.ASSIGNED ? undefined : CaseAction.ASSIGN;

    const now = new Date();
    const days = input.dueInDays ?? DEFAULT_DUE_DAYS;
    const { unrolledDueDate, dueAt } = await this.dueFor(ctx, days, now);
    const repo = ctx.repo(Assignment);
    const a = await repo.save(
      repo.create({
        caseId: c.id,
        caseCongressId: c.congressId,
        caseReceivedAt: c.receivedAt,
        unitId: unit.id,
        mode: input.mode,
        role,
        status: AssignmentStatus.PENDING,
        dueInDays: days,
        unrolledDueDate,
        dueAt,
        assignedAt: now,
        assignedById: ctx.requireUser().id,
        note: input.note?.trim() || null,
        acceptedAt: null,
        endReason: null,
        endedAt: null,
        resultOutcome: null,
        resultReport: null,
        resultReportedAt: null,
        deliveredAt: null,
        reviewNote: null,
      }),
    );
    const detail = `${unit.name}（${input.mode === AssignmentMode.ASSIGN ? '交办' : '转办'}，${role === AssignmentRole.LEAD ? '主办' : '协办'}）`;
    // the first assignment's instant goes on the case row in the same versioned update, so concurrent first
    // assignments cannot both stamp it
    const first = c.firstAssignedAt ? undefined : { firstAssignedAt: now };
    if (action) await this.cases.transition(ctx, c, action, { event: CaseEventType.ASSIGNED, assignmentId: a.id, detail, patch: first });
    else {
      if (first) await updateVersioned(ctx, Case, c, first);
      await this.caseEvents.record(ctx, { caseId: c.id, assignmentId: a.id, type: CaseEventType.ASSIGNED, detail });
    }
    return a;
  }

  /**
   * The due instant of something given `days` calendar days from the day of `now`: the end of the due day in office
   * time, rolled past weekends and holidays (the unrolled day is kept so extensions add to it).
   */
  async dueFor(ctx: RequestContext, days = DEFAULT_DUE_DAYS, now = new Date()): Promise<{ unrolledDueDate: string; dueAt: Date }> {
    const calendar = await this.calendar.calendar(ctx);
    const unrolledDueDate = calendar.unrolledDueDate(localDateOf(now, calendar.timeZone), days);
    return { unrolledDueDate, dueAt: endOfLocalDay(calendar.rollForward(unrolledDueDate), calendar.timeZone) };
  }

  /** 签收. */
  async accept(ctx: RequestContext, id: string): Promise<Assignment> {
    const { a } = await this.forUnit(ctx, id);
    const moved = await moveAssignment(ctx, a, AssignmentAction.ACCEPT, { acceptedAt: new Date() });
    await this.caseEvents.record(ctx, { caseId: a.caseId, assignmentId: a.id, type: CaseEventType.ASSIGNMENT_ACCEPTED });
    return moved;
  }

  /**
   * 承办单位明确领导落实到人: the unit names its responsible leader and its handler (a user of the unit), at or after
   * 签收; naming again replaces them. Before signing, or once the assignment ended without a result, it is
   * `INVALID_TRANSITION`; a handler from outside the unit is `BAD_USER_INPUT` on `handlerId`.
   */
  async nameResponsibles(ctx: RequestContext, input: AssignmentResponsiblesInput): Promise<Assignment> {
    const { a } = await this.forUnit(ctx, input.assignmentId, 'assignmentId');
    if (!mayNameResponsiblesAt(a.status)) {
      throw new DomainError(ErrorCode.INVALID_TRANSITION, `交办件当前状态为"${ASSIGNMENT_STATUS_LABELS[a.status]}"，签收后才能明确责任领导和经办人`, 'assignmentId', {
        currentState: a.status,
        requestedAction: 'NAME_RESPONSIBLES',
      });
    }
    const handler = input.handlerId ? await ctx.repo(User).findOneBy({ id: input.handlerId }) : null;
    if (input.handlerId && (!handler || !mayHandleForUnit(handler, a))) throw badInput('handlerId', '经办人须为承办单位的用户');
    const leaderName = input.leaderName.trim();
    const leaderTitle = input.leaderTitle?.trim() || null;
    await updateVersioned(ctx, Assignment, a, { responsibleLeaderName: leaderName, responsibleLeaderTitle: leaderTitle, handlerId: handler?.id ?? null });
    const detail = `责任领导：${leaderName}${leaderTitle ? `（${leaderTitle}）` : ''}${handler ? `；经办人：${handler.displayName}` : ''}`;
    await this.caseEvents.record(ctx, { caseId: a.caseId, assignmentId: a.id, type: CaseEventType.RESPONSIBLES_NAMED, detail });
    return ctx.repo(Assignment).findOneByOrFail({ id: a.id });
  }

  /** The end of the objection window: 5 working days from the day of assignment. */
  async objectionDeadline(ctx: RequestContext, a: Assignment): Promise<Date> {
    return (await this.calendar.calendar(ctx)).workingDayDeadline(a.assignedAt, OBJECTION_WORKING_DAYS);
  }

  /** 异议: the unit says the case is not its business, within 5 working days; the office re-assigns. */
  async object(ctx: RequestContext, id: string, reason: string): Promise<Assignment> {
    const { a, c } = await this.forUnit(ctx, id);
    const text = (reason ?? '').trim();
    if (!text) throw badInput('reason', '异议理由不能为空');
    if (new Date() > (await this.objectionDeadline(ctx, a))) {
      throw new DomainError(ErrorCode.DEADLINE_PASSED, '已超过 5 个工作日的异议期限', 'id');
    }
    const moved = await moveAssignment(ctx, a, AssignmentAction.OBJECT, { endReason: text, endedAt: new Date() });
    await this.afterAssignmentEnded(ctx, c.id, a.id, CaseEventType.ASSIGNMENT_OBJECTED, text);
    return moved;
  }

  /** 撤销: the office ends an open assignment (not after its result is reported). */
  async cancel(ctx: RequestContext, id: string, reason: string): Promise<Assignment> {
    const { a, c } = await this.forOffice(ctx, id);
    const text = (reason ?? '').trim();
    if (!text) throw badInput('reason', '撤销理由不能为空');
    const moved = await moveAssignment(ctx, a, AssignmentAction.CANCEL, { endReason: text, endedAt: new Date() });
    await this.afterAssignmentEnded(ctx, c.id, a.id, CaseEventType.ASSIGNMENT_CANCELLED, text);
    return moved;
  }

  /**
   * Records the objection or cancellation as one audit event. When it ended the last open assignment of an
   * assigned case, the case returns to ACCEPTED for re-assignment and that same event carries the state change
   * (an objection is never logged as a cancellation).
   */
  private async afterAssignmentEnded(ctx: RequestContext, caseId: string, assignmentId: string, event: CaseEventType, detail: string): Promise<void> {
    const c = await ctx.repo(Case).findOneByOrFail({ id: caseId });
    const open = (await ctx.repo(Assignment).findBy({ caseId })).filter((x) => isOpenAssignment(x.status));
    // a referral to a lower congress (批转) routes the case too: it stays ASSIGNED while that congress handles it
    const referred = await ctx.repo(Case).existsBy({ referredFromCaseId: caseId, status: Not(In([CaseStatus.DECLINED, CaseStatus.ARCHIVED])) });
    if (c.status === CaseStatus.ASSIGNED && open.length === 0 && !referred) {
      await this.cases.transition(ctx, c, CaseAction.ALL_ASSIGNMENTS_ENDED, { event, assignmentId, detail });
    } else {
      await this.caseEvents.record(ctx, { caseId, assignmentId, type: event, detail });
    }
  }

  /** 延期申请: before the due date, at most 30 days, once per assignment (a rejected request does not count). */
  async requestExtension(ctx: RequestContext, input: RequestExtensionInput): Promise<Extension> {
    const { a, c } = await this.forUnit(ctx, input.assignmentId, 'assignmentId');
    if (!isOpenAssignment(a.status)) throw new DomainError(ErrorCode.INVALID_TRANSITION, '该交办件已结束，不能申请延期', 'assignmentId', { currentState: a.status });
    if (new Date() > a.dueAt) throw new DomainError(ErrorCode.DEADLINE_PASSED, '办理期限已届满，不能再申请延期', 'assignmentId');
    if (input.days > MAX_EXTENSION_DAYS) throw new DomainError(ErrorCode.LIMIT_EXCEEDED, '延期不得超过 30 日', 'days');
    const earlier = await ctx.repo(Extension).findBy({ assignmentId: a.id });
    if (earlier.some((e) => e.status !== ExtensionStatus.REJECTED)) {
      throw new DomainError(ErrorCode.LIMIT_EXCEEDED, '每件只能延期一次（已有待审批或已批准的延期）', 'assignmentId');
    }
    const repo = ctx.repo(Extension);
    const e = await repo.save(
      repo.create({ assignmentId: a.id, days: input.days, reason: input.reason.trim(), status: ExtensionStatus.PENDING, requestedById: ctx.requireUser().id, requestedAt: new Date(), decidedById: null, decidedAt: null }),
    );
    await this.caseEvents.record(ctx, { caseId: c.id, assignmentId: a.id, type: CaseEventType.EXTENSION_REQUESTED, detail: `${input.days} 日：${e.reason}` });
    return e;
  }

  /** The office approves (the due day moves by N days from the unrolled due day, rolled again) or rejects. */
  async decideExtension(ctx: RequestContext, id: string, approve: boolean): Promise<Extension> {
    const e = await ctx.repo(Extension).findOneBy({ id });
    if (!e) throw notFound('延期申请');
    const { a, c } = await this.forOffice(ctx, e.assignmentId);
    if (e.status !== ExtensionStatus.PENDING) {
      throw new DomainError(ErrorCode.INVALID_TRANSITION, '该延期申请已审批', 'id', { currentState: e.status, requestedAction: approve ? 'APPROVE' : 'REJECT' });
    }
    const now = new Date();
    await ctx.repo(Extension).update({ id }, { status: approve ? ExtensionStatus.APPROVED : ExtensionStatus.REJECTED, decidedById: ctx.requireUser().id, decidedAt: now });
    if (approve) {
      const calendar = await this.calendar.calendar(ctx);
      const unrolledDueDate = addCalendarDays(a.unrolledDueDate, e.days);
      await updateVersioned(ctx, Assignment, a, { unrolledDueDate, dueAt: endOfLocalDay(calendar.rollForward(unrolledDueDate), calendar.timeZone) });
    }
    await this.caseEvents.record(ctx, { caseId: c.id, assignmentId: a.id, type: CaseEventType.EXTENSION_DECIDED, detail: approve ? `批准延期 ${e.days} 日` : '不予延期' });
    return ctx.repo(Extension).findOneByOrFail({ id });
  }

  /** 报送办理结果. The lead unit's result moves the case to RESULT_REPORTED. */
  async reportResult(ctx: RequestContext, input: ReportResultInput): Promise<Assignment> {
    const { a, c } = await this.forUnit(ctx, input.assignmentId, 'assignmentId');
    const now = new Date();
    const moved = await moveAssignment(ctx, a, AssignmentAction.REPORT, {
      resultOutcome: input.outcome,
      resultReport: input.report,
      resultReportedAt: now,
      ...(a.mode === AssignmentMode.ASSIGN ? { deliveredAt: now } : {}),
    });
    if (a.role === AssignmentRole.LEAD && c.status === CaseStatus.ASSIGNED) {
      await this.cases.transition(ctx, c, CaseAction.RESULT_REPORTED, { event: CaseEventType.RESULT_REPORTED, assignmentId: a.id, detail: input.outcome });
    } else {
      await this.caseEvents.record(ctx, { caseId: c.id, assignmentId: a.id, type: CaseEventType.RESULT_REPORTED, detail: input.outcome });
    }
    return moved;
  }

  /** The office approves the result (the assignment is completed) or returns it for redoing (退回重办). */
  async reviewResult(ctx: RequestContext, id: string, approve: boolean, note?: string | null): Promise<Assignment> {
    const { a, c } = await this.forOffice(ctx, id, 'assignmentId');
    const now = new Date();
    const moved = approve
      ? await moveAssignment(ctx, a, AssignmentAction.APPROVE, { reviewNote: note ?? null, endedAt: now })
      : await moveAssignment(ctx, a, AssignmentAction.RETURN, { reviewNote: note ?? null, deliveredAt: null });
    const detail = `${approve ? '审核通过' : '退回重办'}${note ? `：${note}` : ''}`;
    if (!approve && a.role === AssignmentRole.LEAD && c.status === CaseStatus.RESULT_REPORTED) {
      await this.cases.transition(ctx, c, CaseAction.RESULT_RETURNED, { event: CaseEventType.RESULT_REVIEWED, assignmentId: a.id, detail });
    } else {
      await this.caseEvents.record(ctx, { caseId: c.id, assignmentId: a.id, type: CaseEventType.RESULT_REVIEWED, detail });
    }
    return moved;
  }

  /** 督办: a reminder, visit, leader's or listed supervision, or a circular, on an open assignment. */
  async supervise(ctx: RequestContext, input: SuperviseInput): Promise<Supervision> {
    const { a, c } = await this.forOffice(ctx, input.assignmentId, 'assignmentId');
    if (!isOpenAssignment(a.status)) throw new DomainError(ErrorCode.INVALID_TRANSITION, '该交办件已结束，无需督办', 'assignmentId', { currentState: a.status });
    const repo = ctx.repo(Supervision);
    // 领导包案: a leader's supervision of a case in a leader's charge is recorded under that leader
    const byId = input.kind === SupervisionKind.LEADER && c.chargeLeaderId ? c.chargeLeaderId : ctx.requireUser().id;
    const s = await repo.save(repo.create({ assignmentId: a.id, kind: input.kind, note: input.note.trim(), byId, createdAt: new Date(), answer: null, answeredAt: null }));
    await this.caseEvents.record(ctx, { caseId: c.id, assignmentId: a.id, type: CaseEventType.SUPERVISED, detail: `${input.kind}：${s.note}` });
    return s;
  }

  /** The unit's written answer to a supervision. */
  async answerSupervision(ctx: RequestContext, id: string, answer: string): Promise<Supervision> {
    const s = await ctx.repo(Supervision).findOneBy({ id });
    if (!s) throw notFound('督办记录');
    const { a } = await this.forUnit(ctx, s.assignmentId);
    const text = (answer ?? '').trim();
    if (!text) throw badInput('answer', '回复内容不能为空');
    if (s.answeredAt) throw alreadyExists('id', '该督办已回复');
    await ctx.repo(Supervision).update({ id }, { answer: text, answeredAt: new Date() });
    await this.caseEvents.record(ctx, { caseId: a.caseId, assignmentId: a.id, type: CaseEventType.SUPERVISION_ANSWERED, detail: text });
    return ctx.repo(Supervision).findOneByOrFail({ id });
  }

  /** Derived, never stored: judged now (or at `asOf`) from the due instant and what the unit delivered. */
  deadlineStateOf(a: Assignment, now = new Date()): DeadlineStateEnum {
    return assignmentDeadlineState(a, now);
  }
}
