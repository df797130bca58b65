import { isOpenAssignment } from '../domain/case-workflow';
import { AssignmentStatus, DeadlineStateEnum } from '../entities/case-enums';

const DUE_SOON_MS = 3 * 24 * 3600 * 1000;
const OPEN = Object.values(AssignmentStatus).filter(isOpenAssignment);

/**
 * The deadline states of `deadlineState` (src/domain/deadline-calendar.ts) as SQL over an assignment aliased
 * `alias`, judged at `now`: the list filter and the alert scheduler both select with these, so the two never
 * disagree about which assignment is overdue. A running hearing stops the clock.
 */
export function deadlineStateSql(alias: string, state: DeadlineStateEnum, now: Date): { where: string; params: Record<string, unknown> } {
  const a = alias;
  const waiting = `${a}.deliveredAt IS NULL AND ${a}.status IN (:...dsOpen)`;
  const where: Record<DeadlineStateEnum, string> = {
    OVERDUE: `${waiting} AND ${a}.pausedSince IS NULL AND ${a}.dueAt < :dsNow`,
    DUE_SOON: `${waiting} AND ${a}.pausedSince IS NULL AND ${a}.dueAt >= :dsNow AND ${a}.dueAt <= :dsSoon`,
    ON_TRACK: `${waiting} AND (${a}.dueAt > :dsSoon OR ${a}.pausedSince IS NOT NULL)`,
    DONE: `${a}.deliveredAt IS NOT NULL AND ${a}.deliveredAt <= ${a}.dueAt`,
    DONE_LATE: `${a}.deliveredAt IS NOT NULL AND ${a}.deliveredAt > ${a}.dueAt`,
  };
  return { where: where[state], params: { dsNow: now, dsSoon: new Date(now.getTime() + DUE_SOON_MS), dsOpen: OPEN } };
}
