import { AssignmentStatus, CaseStatus, isFinished } from './case-workflow';
import { CaseChannel, FlashReportKind } from '../entities/case-enums';
import { localDateOf, startOfLocalDay } from './office-time';

/**
 * The office's own duties from the seed (docs/rules.md "The office's own duties"): 落实到人, 领导包案, 领导接访 and
 * 快报, as plain rules. Who may do each is the access policy's question; these say when and with what.
 */

/** A visit of this many persons or more is a group visit (集体访) and raises a flash report at registration. */
export const GROUP_VISIT_PERSONS = 5;

/** The longest a reception session may last: one day's reception (接访日). */
export const MAX_RECEPTION_HOURS = 24;

/** A problem with an input, named by its field. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** The flash report a registration raises by itself: a visit of 5 or more persons; none for anything else. */
export function flashReportAtRegistration(channel: CaseChannel, personCount: number): FlashReportKind | null {
  return channel === CaseChannel.VISIT && personCount >= GROUP_VISIT_PERSONS ? FlashReportKind.GROUP_VISIT : null;
}

/** What a group visit's flash report says of it. */
export function groupVisitReason(personCount: number): string {
  return `集体来访 ${personCount} 人`;
}

/**
 * The unit names its responsible leader and handler "at or after 签收": once it has signed and as long as the
 * assignment is its own (in progress, reported, completed); not while it is still pending, nor once it ended
 * without a result.
 */
export function mayNameResponsiblesAt(status: AssignmentStatus): boolean {
  return status === AssignmentStatus.IN_PROGRESS || status === AssignmentStatus.REPORTED || status === AssignmentStatus.COMPLETED;
}

/** A leader takes charge of, and the office flags urgent, a case still being handled: not closed, declined or archived. */
export function isStillHandled(status: CaseStatus): boolean {
  return !isFinished(status);
}

/**
 * A reception session as scheduled: not in the past (it starts today or later, in office time, so the office may
 * enter the day's session once it has begun), ending after it starts, and no longer than a day.
 */
export function receptionProblems(session: { startsAt: Date; endsAt: Date }, now: Date, timeZone: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (session.startsAt.getTime() < startOfLocalDay(localDateOf(now, timeZone), timeZone).getTime()) {
    problems.push({ field: 'startsAt', message: '接访时间已过，不能安排过去的接访' });
  }
  if (session.endsAt.getTime() <= session.startsAt.getTime()) {
    problems.push({ field: 'endsAt', message: '结束时间须晚于开始时间' });
  } else if (session.endsAt.getTime() - session.startsAt.getTime() > MAX_RECEPTION_HOURS * 3_600_000) {
    problems.push({ field: 'endsAt', message: `一次接访不超过 ${MAX_RECEPTION_HOURS} 小时` });
  }
  return problems;
}

/** A visit belongs to a session when it was received between the session's start and end (both included). */
export function receivedDuring(receivedAt: Date, session: { startsAt: Date; endsAt: Date }): boolean {
  return receivedAt.getTime() >= session.startsAt.getTime() && receivedAt.getTime() <= session.endsAt.getTime();
}
