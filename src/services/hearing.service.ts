import type { RequestContext } from '../context/request-context';
import { updateVersioned } from '../db/versioned-update';
import { isOpenAssignment } from '../domain/case-workflow';
import { addCalendarDays, endOfLocalDay } from '../domain/office-time';
import { Assignment } from '../entities/assignment.entity';
import { CaseEventType } from '../entities/case-enums';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';
import type { AssignmentService } from './assignment.service';
import type { CalendarService } from './calendar.service';
import type { CaseAccessService } from './case-access.service';
import type { CaseEventService } from './case-event.service';

/**
 * 听证: hearing time is not counted (《信访工作条例》第 36 条). While a hearing runs the assignment's clock stands
 * still; when it ends the due day moves by the calendar days the hearing covered, rolled forward like an extension.
 */
export class HearingService {
  constructor(
    private readonly assignments: AssignmentService,
    private readonly caseAccess: CaseAccessService,
    private readonly caseEvents: CaseEventService,
    private readonly calendar: CalendarService,
  ) {}

  async start(ctx: RequestContext, assignmentId: string, reason: string): Promise<Assignment> {
    const { a, c } = await this.assignments.getVisible(ctx, assignmentId, 'assignmentId');
    await this.caseAccess.assertOfficeOf(ctx, c);
    if (!isOpenAssignment(a.status) || a.deliveredAt) {
      throw new DomainError(ErrorCode.INVALID_TRANSITION, '该交办件已报结果或已结束，不能再暂停期限', 'assignmentId', { currentState: a.status });
    }
    if (a.pausedSince) throw new DomainError(ErrorCode.INVALID_TRANSITION, '听证已在进行中', 'assignmentId', { currentState: 'PAUSED' });
    const now = new Date();
    await this.update(ctx, a, { pausedSince: now });
    await this.caseEvents.record(ctx, { caseId: c.id, assignmentId: a.id, type: CaseEventType.HEARING_STARTED, detail: (reason ?? '').trim() || null });
    return ctx.repo(Assignment).findOneByOrFail({ id: a.id });
  }

  async end(ctx: RequestContext, assignmentId: string): Promise<Assignment> {
    const { a, c } = await this.assignments.getVisible(ctx, assignmentId, 'assignmentId');
    await this.caseAccess.assertOfficeOf(ctx, c);
    if (!a.pausedSince) throw new DomainError(ErrorCode.INVALID_TRANSITION, '没有进行中的听证', 'assignmentId', { currentState: a.status });
    const calendar = await this.calendar.calendar(ctx);
    const now = new Date();
    const days = calendar.pausedDays([{ from: a.pausedSince, to: now }], now);
    const unrolledDueDate = addCalendarDays(a.unrolledDueDate, days);
    await this.update(ctx, a, { pausedSince: null, unrolledDueDate, dueAt: endOfLocalDay(calendar.rollForward(unrolledDueDate), calendar.timeZone) });
    await this.caseEvents.record(ctx, { caseId: c.id, assignmentId: a.id, type: CaseEventType.HEARING_ENDED, detail: `期限顺延 ${days} 日` });
    return ctx.repo(Assignment).findOneByOrFail({ id: a.id });
  }

  private async update(ctx: RequestContext, a: Assignment, patch: Partial<Assignment>): Promise<void> {
    await updateVersioned(ctx, Assignment, a, patch);
  }
}
