import { AssignmentStatus, DeadlineStateEnum } from '../entities/case-enums';
import { deadlineState } from './deadline-calendar';
import { isOpenAssignment } from './case-workflow';

/** An assignment as its deadline state needs it. */
export interface AssignmentClock {
  status: AssignmentStatus;
  dueAt: Date;
  /** When the unit delivered what its mode requires: the result (ASSIGN) or its reply (TRANSFER). */
  deliveredAt: Date | null;
  endedAt: Date | null;
  /** A running hearing stops the clock. */
  pausedSince: Date | null;
}

/** Assignments that ended without a result: neither done nor overdue, left out of on-time rates. */
export const ENDED_WITHOUT_RESULT: readonly AssignmentStatus[] = [AssignmentStatus.CANCELLED, AssignmentStatus.OBJECTED];

/**
 * When an assignment counts as done: its delivery, or for one the office completed without a delivery (a
 * TRANSFER closed with the case) the moment it ended.
 */
export function doneAtOf(a: Pick<AssignmentClock, 'status' | 'deliveredAt' | 'endedAt'>): Date | null {
  return a.deliveredAt ?? (a.status === AssignmentStatus.COMPLETED ? a.endedAt : null);
}

/**
 * `deadlineState` of an assignment at `now` (docs/rules.md "Deadlines"): DONE / DONE_LATE once done, ENDED for one
 * that ended without a result, ON_TRACK while a hearing runs, else judged against the due instant. Its SQL form
 * is `deadlineStateSql` (src/services/deadline-sql.ts); a test runs both over every state on both engines.
 */
export function assignmentDeadlineState(a: AssignmentClock, now: Date): DeadlineStateEnum {
  const doneAt = doneAtOf(a);
  if (doneAt) return deadlineState({ dueAt: a.dueAt, doneAt, now }) as DeadlineStateEnum;
  if (!isOpenAssignment(a.status)) return DeadlineStateEnum.ENDED;
  if (a.pausedSince) return DeadlineStateEnum.ON_TRACK;
  return deadlineState({ dueAt: a.dueAt, now }) as DeadlineStateEnum;
}
