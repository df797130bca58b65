import type { DeadlineStateEnum } from '../entities/case-enums';
import { CaseAction, CaseStatus } from './case-workflow';
import { deadlineState, type DeadlineCalendar } from './deadline-calendar';

/**
 * The congress office's own clocks (docs/rules.md "Deadlines", 《信访工作条例》 Art 22 and Art 35–36): 15 days from
 * receipt to decide on the case, and 30 days to answer a 复查/复核 request. Both are calendar-day periods on the
 * office's deadline calendar, like the units' due dates, and their state is the one `deadlineState` rule.
 */

/** Art 22: days from receipt to acceptance, decline, archive or routing. */
export const INTAKE_DAYS = 15;
/** Art 35–36: days to answer a 复查/复核 request. */
export const REVIEW_ANSWER_DAYS = 30;

/** Which clock a deadline belongs to: a unit's assignment, or one of the office's own. */
export enum DeadlineClock {
  ASSIGNMENT = 'ASSIGNMENT',
  INTAKE = 'INTAKE',
  REVIEW = 'REVIEW',
}

/** The office's clocks as a case stores them. */
export interface OfficeClockColumns {
  intakeDueAt: Date;
  /** When the case first left REGISTERED; null while the office has not decided. */
  intakeDoneAt: Date | null;
  /** Set when a review is requested; null when the case was never reopened. */
  reviewDueAt: Date | null;
  /** The first reply to the petitioner after the latest review request. */
  reviewAnsweredAt: Date | null;
}

/** The due instant of the intake clock of a case received (or, for a referred copy, handed down) at `receivedAt`. */
export function intakeDueAt(calendar: DeadlineCalendar, receivedAt: Date): Date {
  return calendar.dueAt(receivedAt, INTAKE_DAYS);
}

/**
 * What a case transition does to the office's clocks, as columns to write in the same update: leaving REGISTERED
 * (acceptance, decline or archiving; routing is possible only from ACCEPTED, so it never comes first) stops the
 * intake clock; a review request starts a fresh 30-day clock; the first reply after it answers the review.
 */
export function officeClockChanges(
  c: Pick<OfficeClockColumns, 'intakeDoneAt' | 'reviewDueAt' | 'reviewAnsweredAt'> & { status: CaseStatus },
  action: CaseAction,
  next: CaseStatus,
  now: Date,
  calendar: DeadlineCalendar,
): Partial<OfficeClockColumns> {
  const changes: Partial<OfficeClockColumns> = {};
  if (c.status === CaseStatus.REGISTERED && next !== CaseStatus.REGISTERED && !c.intakeDoneAt) changes.intakeDoneAt = now;
  if (action === CaseAction.REOPEN) {
    changes.reviewDueAt = calendar.dueAt(now, REVIEW_ANSWER_DAYS);
    changes.reviewAnsweredAt = null;
  }
  const replying = action === CaseAction.REPLY || action === CaseAction.OFFICE_REPLY;
  if (replying && c.reviewDueAt && !c.reviewAnsweredAt) changes.reviewAnsweredAt = now;
  return changes;
}

/** The intake clock's state at `now`: the same rule as every deadline (`deadlineState`). */
export function intakeState(c: Pick<OfficeClockColumns, 'intakeDueAt' | 'intakeDoneAt'>, now: Date): DeadlineStateEnum {
  return deadlineState({ dueAt: c.intakeDueAt, doneAt: c.intakeDoneAt, now }) as DeadlineStateEnum;
}

/** The review clock's state at `now`, or null for a case never reopened. */
export function reviewState(c: Pick<OfficeClockColumns, 'reviewDueAt' | 'reviewAnsweredAt'>, now: Date): DeadlineStateEnum | null {
  return c.reviewDueAt ? (deadlineState({ dueAt: c.reviewDueAt, doneAt: c.reviewAnsweredAt, now }) as DeadlineStateEnum) : null;
}
