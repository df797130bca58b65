import { isOpenAssignment } from '../domain/case-workflow';
import { AssignmentStatus, DeadlineStateEnum } from '../entities/case-enums';

const DUE_SOON_MS = 3 * 24 * 3600 * 1000;
const OPEN = Object.values(AssignmentStatus).filter(isOpenAssignment);

/**
 * The deadline states of `assignmentDeadlineState` (src/domain/assignment-deadline.ts) as SQL over an assignment
 * aliased `alias`, judged at `now`, clause for clause: the list filter and the alert scheduler both select with
 * these, and a test runs both forms over every assignment state on both engines.
 */
export function deadlineStateSql(alias: string, state: DeadlineStateEnum, now: Date): { where: string; params: Record<string, unknown> } {
  const a = alias;
  // doneAtOf: the delivery, or the end of an assignment the office completed without one
  const doneAt = `COALESCE(${a}.deliveredAt, CASE WHEN ${a}.status = :dsCompleted THEN ${a}.endedAt END)`;
  const waiting = `${doneAt} IS NULL AND ${a}.status IN (:...dsOpen)`;
  const where: Record<DeadlineStateEnum, string> = {
    DONE: `${doneAt} IS NOT NULL AND ${doneAt} <= ${a}.dueAt`,
    DONE_LATE: `${doneAt} IS NOT NULL AND ${doneAt} > ${a}.dueAt`,
    ENDED: `${doneAt} IS NULL AND ${a}.status NOT IN (:...dsOpen)`,
    OVERDUE: `${waiting} AND ${a}.pausedSince IS NULL AND ${a}.dueAt < :dsNow`,
    DUE_SOON: `${waiting} AND ${a}.pausedSince IS NULL AND ${a}.dueAt >= :dsNow AND ${a}.dueAt <= :dsSoon`,
    ON_TRACK: `${waiting} AND (${a}.dueAt > :dsSoon OR ${a}.pausedSince IS NOT NULL)`,
  };
  return {
    where: where[state],
    params: { dsNow: now, dsSoon: new Date(now.getTime() + DUE_SOON_MS), dsOpen: OPEN, dsCompleted: AssignmentStatus.COMPLETED },
  };
}

/**
 * An assignment's standing judged at `asOf` rather than now, for reports over a past or future instant: the same
 * rules as `deadlineStateSql` (which it equals at asOf = now) with every fact taken as it stood at asOf — a
 * delivery after asOf had not happened yet, an assignment cancelled or objected after asOf was still open, and one
 * made after asOf did not exist. ENDED assignments (ended without a result by asOf) are none of the three.
 * Parameters: `:dsAsOf`, `:...dsOpen`, `:dsCompleted` (all in `params`).
 */
export function deadlineAtSql(alias: string, asOf: Date): { made: string; delivered: string; onTime: string; overdue: string; params: Record<string, unknown> } {
  const a = alias;
  const doneAt = `COALESCE(${a}.deliveredAt, CASE WHEN ${a}.status = :dsCompleted THEN ${a}.endedAt END)`;
  const made = `${a}.assignedAt <= :dsAsOf`;
  const delivered = `${made} AND ${doneAt} IS NOT NULL AND ${doneAt} <= :dsAsOf`;
  return {
    made,
    delivered,
    onTime: `${delivered} AND ${doneAt} <= ${a}.dueAt`,
    overdue:
      `${made} AND ${a}.dueAt < :dsAsOf AND (${doneAt} IS NULL OR ${doneAt} > :dsAsOf) ` +
      `AND (${a}.status IN (:...dsOpen) OR ${doneAt} IS NOT NULL OR ${a}.endedAt IS NULL OR ${a}.endedAt > :dsAsOf) ` +
      `AND (${a}.pausedSince IS NULL OR ${a}.pausedSince > :dsAsOf)`,
    params: { dsAsOf: asOf, dsOpen: OPEN, dsCompleted: AssignmentStatus.COMPLETED },
  };
}
