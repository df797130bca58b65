import { isOpenAssignment } from '../domain/case-workflow';
import { AssignmentStatus, DeadlineStateEnum } from '../entities/case-enums';

const DUE_SOON_MS = 3 * 24 * 3600 * 1000;
const OPEN = Object.values(AssignmentStatus).filter(isOpenAssignment);

/**
 * The one deadline rule (`deadlineState`, src/domain/deadline-calendar.ts) as SQL over a due column and a done
 * column, judged at `:dsNow`: done by the due instant DONE, after it DONE_LATE; not done, OVERDUE past it, DUE_SOON
 * while at most 3 days remain, else ON_TRACK. The assignment form below and the office's clocks (intake, review)
 * are built on it; a test runs each against its TypeScript form on both engines.
 */
export function clockStateClauses(due: string, done: string): Record<Exclude<DeadlineStateEnum, 'ENDED'>, string> {
  return {
    DONE: `${done} IS NOT NULL AND ${done} <= ${due}`,
    DONE_LATE: `${done} IS NOT NULL AND ${done} > ${due}`,
    OVERDUE: `${done} IS NULL AND ${due} < :dsNow`,
    DUE_SOON: `${done} IS NULL AND ${due} >= :dsNow AND ${due} <= :dsSoon`,
    ON_TRACK: `${done} IS NULL AND ${due} > :dsSoon`,
  };
}

const clockParams = (now: Date) => ({ dsNow: now, dsSoon: new Date(now.getTime() + DUE_SOON_MS) });

/**
 * The state of a case's office clock (`intakeState`, `reviewState` in src/domain/office-clocks.ts) as SQL over the
 * case aliased `alias`. The review clock matches only cases that have one; ENDED never applies to these clocks.
 */
export function officeClockStateSql(alias: string, clock: 'intake' | 'review', state: DeadlineStateEnum, now: Date): { where: string; params: Record<string, unknown> } {
  const [due, done] = clock === 'intake' ? [`${alias}.intakeDueAt`, `${alias}.intakeDoneAt`] : [`${alias}.reviewDueAt`, `${alias}.reviewAnsweredAt`];
  const clauses = clockStateClauses(due, done);
  const where = state === DeadlineStateEnum.ENDED ? '1 = 0' : `${due} IS NOT NULL AND ${clauses[state]}`;
  return { where, params: clockParams(now) };
}

/**
 * The deadline states of `assignmentDeadlineState` (src/domain/assignment-deadline.ts) as SQL over an assignment
 * aliased `alias`, judged at `now`, clause for clause: the list filter and the alert scheduler both select with
 * these, and a test runs both forms over every assignment state on both engines.
 */
export function deadlineStateSql(alias: string, state: DeadlineStateEnum, now: Date): { where: string; params: Record<string, unknown> } {
  const a = alias;
  // doneAtOf: the delivery, or the end of an assignment the office completed without one
  const doneAt = `COALESCE(${a}.deliveredAt, CASE WHEN ${a}.status = :dsCompleted THEN ${a}.endedAt END)`;
  const clock = clockStateClauses(`${a}.dueAt`, doneAt);
  const open = `${a}.status IN (:...dsOpen)`;
  const where: Record<DeadlineStateEnum, string> = {
    DONE: clock.DONE,
    DONE_LATE: clock.DONE_LATE,
    ENDED: `${doneAt} IS NULL AND ${a}.status NOT IN (:...dsOpen)`,
    // a running hearing stops the clock: the assignment counts as on track
    OVERDUE: `${open} AND ${a}.pausedSince IS NULL AND ${clock.OVERDUE}`,
    DUE_SOON: `${open} AND ${a}.pausedSince IS NULL AND ${clock.DUE_SOON}`,
    ON_TRACK: `${open} AND ${doneAt} IS NULL AND (${a}.dueAt > :dsSoon OR ${a}.pausedSince IS NOT NULL)`,
  };
  return {
    where: where[state],
    params: { ...clockParams(now), dsOpen: OPEN, dsCompleted: AssignmentStatus.COMPLETED },
  };
}

/**
 * A superset of the assignments OVERDUE or DUE_SOON at `now` (an open assignment is done only once delivered) written
 * so that an index range can read it: `ix_assignment_undelivered_due` in due order, past the years of delivered
 * assignments. The deadline scan puts it beside those two states; a test checks that it leaves none of them out.
 */
export function alertableAssignmentsSql(alias: string, now: Date): { where: string; params: Record<string, unknown> } {
  return { where: `${alias}.deliveredAt IS NULL AND ${alias}.dueAt <= :dsSoon`, params: clockParams(now) };
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

/**
 * A case whose intake clock had run out undecided at asOf (the statistics' `intakeOverdue`): due before asOf, and
 * not left REGISTERED by asOf. Parameter: `:dsAsOf`.
 */
export function intakeOverdueAtSql(alias: string): string {
  return `${alias}.intakeDueAt < :dsAsOf AND (${alias}.intakeDoneAt IS NULL OR ${alias}.intakeDoneAt > :dsAsOf)`;
}
