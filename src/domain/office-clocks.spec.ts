import { CaseAction, CaseStatus } from './case-workflow';
import { DeadlineCalendar } from './deadline-calendar';
import { INTAKE_DAYS, intakeDueAt, intakeState, officeClockChanges, reviewState } from './office-clocks';

const SHANGHAI = 'Asia/Shanghai';
// 2026 国庆: 10/1–10/7 off, 10/10 (Sat) worked
const calendar = new DeadlineCalendar(
  { holidays: new Set(['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07']), workdays: new Set(['2026-10-10']) },
  SHANGHAI,
);
const DAY = 86_400_000;
const open = { intakeDoneAt: null, reviewDueAt: null, reviewAnsweredAt: null };

describe('the office clocks', () => {
  it('counts 15 calendar days from the local receipt day and rolls a due day inside a holiday block forward', () => {
    // received 22:00 on 16 Sep in Shanghai: day 15 is 1 Oct, a holiday; the block ends 7 Oct, so due end of 8 Oct
    expect(intakeDueAt(calendar, new Date('2026-09-16T22:00:00+08:00')).toISOString()).toBe(new Date('2026-10-08T23:59:59.999+08:00').toISOString());
    // received 26 Sep: day 15 is 11 Oct, a Sunday: due Monday 12 Oct
    expect(intakeDueAt(calendar, new Date('2026-09-26T09:00:00+08:00')).toISOString()).toBe(new Date('2026-10-12T23:59:59.999+08:00').toISOString());
    // received 25 Sep: day 15 is 10 Oct, a Saturday worked (调休): due that day
    expect(intakeDueAt(calendar, new Date('2026-09-25T09:00:00+08:00')).toISOString()).toBe(new Date('2026-10-10T23:59:59.999+08:00').toISOString());
    expect(INTAKE_DAYS).toBe(15);
  });

  it('stops the intake clock when the case first leaves REGISTERED, and only then', () => {
    const now = new Date();
    for (const [action, next] of [
      [CaseAction.ACCEPT, CaseStatus.ACCEPTED],
      [CaseAction.DECLINE, CaseStatus.DECLINED],
      [CaseAction.ARCHIVE, CaseStatus.ARCHIVED],
    ] as const) {
      expect(officeClockChanges({ status: CaseStatus.REGISTERED, ...open }, action, next, now, calendar)).toEqual({ intakeDoneAt: now });
    }
    expect(officeClockChanges({ status: CaseStatus.ACCEPTED, ...open, intakeDoneAt: new Date(0) }, CaseAction.ASSIGN, CaseStatus.ASSIGNED, now, calendar)).toEqual({});
  });

  it('starts a 30-day review clock on reopening and stops it at the first reply after', () => {
    const requested = new Date('2026-09-16T10:00:00+08:00');
    const started = officeClockChanges({ status: CaseStatus.CLOSED, ...open, intakeDoneAt: new Date(0) }, CaseAction.REOPEN, CaseStatus.UNDER_REVIEW, requested, calendar);
    // 16 Sep + 30 = 16 Oct, a Friday
    expect(started).toEqual({ reviewDueAt: new Date('2026-10-16T23:59:59.999+08:00'), reviewAnsweredAt: null });
    const reviewing = { status: CaseStatus.ASSIGNED, intakeDoneAt: new Date(0), reviewDueAt: started.reviewDueAt!, reviewAnsweredAt: null };
    const replied = new Date('2026-10-20T10:00:00+08:00');
    expect(officeClockChanges(reviewing, CaseAction.REPLY, CaseStatus.REPLIED, replied, calendar)).toEqual({ reviewAnsweredAt: replied });
    expect(officeClockChanges({ ...reviewing, reviewAnsweredAt: replied }, CaseAction.OFFICE_REPLY, CaseStatus.REPLIED, new Date(), calendar)).toEqual({});
    expect(reviewState({ reviewDueAt: started.reviewDueAt!, reviewAnsweredAt: replied }, new Date())).toBe('DONE_LATE');
    expect(reviewState({ reviewDueAt: null, reviewAnsweredAt: null }, new Date())).toBeNull();
  });

  it('judges the intake clock with the one deadline rule', () => {
    const now = new Date();
    expect(intakeState({ intakeDueAt: new Date(now.getTime() + 10 * DAY), intakeDoneAt: null }, now)).toBe('ON_TRACK');
    expect(intakeState({ intakeDueAt: new Date(now.getTime() + 3 * DAY), intakeDoneAt: null }, now)).toBe('DUE_SOON');
    expect(intakeState({ intakeDueAt: new Date(now.getTime() - 1), intakeDoneAt: null }, now)).toBe('OVERDUE');
    expect(intakeState({ intakeDueAt: now, intakeDoneAt: now }, now)).toBe('DONE');
    expect(intakeState({ intakeDueAt: now, intakeDoneAt: new Date(now.getTime() + 1) }, now)).toBe('DONE_LATE');
  });
});
