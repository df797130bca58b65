import {
  addCalendarDays,
  endOfLocalDay,
  isValidLocalDate,
  localDateOf,
  weekdayOf,
} from './office-time';

/**
 * One or more years of the State Council's holiday arrangement, loaded by an ADMIN as data (docs/rules.md,
 * "Deadlines"). Dates are local 'YYYY-MM-DD' strings.
 */
export interface HolidayTable {
  /** Public holidays, including any weekend days inside a holiday block. */
  holidays: ReadonlySet<string>;
  /** 调休: make-up working days that fall on a Saturday or Sunday. */
  workdays: ReadonlySet<string>;
}

/** Why a holiday table was refused, pointing at the input list to fix. */
export interface HolidayTableError {
  field: 'holidays' | 'workdays';
  message: string;
}

/** Derived, never stored: see docs/rules.md, "Deadlines". */
export type DeadlineState = 'ON_TRACK' | 'DUE_SOON' | 'OVERDUE' | 'DONE' | 'DONE_LATE';

/** A span during which a clock does not run (a hearing, 听证); `to` absent while it is still going on. */
export interface ClockPause {
  from: Date;
  to?: Date;
}

const MS_PER_DAY = 24 * 60 * 60 * 1000;

function assertDayCount(n: number, what: string): void {
  // Negative or fractional periods are always a caller bug; failing loudly beats a silently wrong due date.
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${what}须为非负整数：${n}`);
}

function assertDate(date: string): void {
  if (!isValidLocalDate(date)) throw new RangeError(`无效的日期：${String(date)}（应为 YYYY-MM-DD）`);
}

/** Combines per-year tables into the single table a DeadlineCalendar works from. */
export function mergeHolidayTables(tables: Iterable<HolidayTable>): HolidayTable {
  const holidays = new Set<string>();
  const workdays = new Set<string>();
  for (const t of tables) {
    t.holidays.forEach((d) => holidays.add(d));
    t.workdays.forEach((d) => workdays.add(d));
  }
  return { holidays, workdays };
}

/**
 * Deadline arithmetic for one office: which days are working days, and when a period ends.
 *
 * "日" periods count calendar days; "工作日" periods skip weekends and public holidays and count make-up
 * working days. A period counts from the day after its start ("from the day after"), and a calendar-day period
 * whose last day is not a working day ends on the next working day. Days outside every loaded table are
 * treated as plain Mon–Fri weeks, so a missing year degrades to a slightly optimistic calendar instead of an error.
 */
export class DeadlineCalendar {
  private readonly holidays: ReadonlySet<string>;
  private readonly workdays: ReadonlySet<string>;

  /**
   * @param tables the holiday tables of every loaded year, merged (see mergeHolidayTables)
   * @param timeZone the office's IANA time zone, e.g. 'Asia/Shanghai'; every day boundary is computed there
   */
  constructor(
    tables: HolidayTable,
    readonly timeZone: string,
  ) {
    // Copies, so that a caller reusing its sets cannot change deadlines under an existing calendar.
    this.holidays = new Set(tables.holidays);
    this.workdays = new Set(tables.workdays);
    // Fail at construction on a bad zone rather than on the first deadline the scheduler computes.
    localDateOf(new Date(0), timeZone);
  }

  /** A make-up workday is a working day; otherwise a listed holiday is not; otherwise Monday to Friday are. */
  isWorkingDay(date: string): boolean {
    assertDate(date);
    if (this.workdays.has(date)) return true;
    if (this.holidays.has(date)) return false;
    const weekday = weekdayOf(date);
    return weekday !== 0 && weekday !== 6;
  }

  /** The n-th working day after `date` (`date` itself is not counted); n = 0 gives `date` back. */
  addWorkingDays(date: string, n: number): string {
    assertDate(date);
    assertDayCount(n, '工作日数');
    let day = date;
    for (let counted = 0; counted < n; ) {
      day = addCalendarDays(day, 1);
      if (this.isWorkingDay(day)) counted++;
    }
    return day;
  }

  /** `date` if it is a working day, else the next working day after it. */
  rollForward(date: string): string {
    let day = date;
    while (!this.isWorkingDay(day)) day = addCalendarDays(day, 1);
    return day;
  }

  /**
   * The last day of a `days` calendar-day period starting on `startDate`, before any rolling. Extensions and
   * hearing pauses add to this day, not to the rolled one, so a weekend roll is never counted twice.
   */
  unrolledDueDate(startDate: string, days: number): string {
    assertDate(startDate);
    assertDayCount(days, '天数');
    return addCalendarDays(startDate, days);
  }

  /**
   * The due day of a `days` calendar-day period starting on `startDate`: start + days, rolled forward to the
   * next working day when that falls on a weekend or public holiday (the rule procedure law applies to periods).
   * An approved extension of N days is `calendarDueDate(startDate, days + N)`: the unrolled day + N, rolled again.
   */
  calendarDueDate(startDate: string, days: number): string {
    return this.rollForward(this.unrolledDueDate(startDate, days));
  }

  /**
   * When a `days` calendar-day period starting at `startInstant` runs out: the end of its due day in office
   * time (23:59:59.999 local). The start day is the local date of `startInstant` in the office zone.
   */
  dueAt(startInstant: Date, days: number): Date {
    const startDate = localDateOf(startInstant, this.timeZone);
    return endOfLocalDay(this.calendarDueDate(startDate, days), this.timeZone);
  }

  /**
   * When a `workingDays` working-day period starting at `startInstant` runs out, e.g. the 5 working days a
   * unit has to object that a matter is not its own: the end of the n-th working day after the local start date.
   */
  workingDayDeadline(startInstant: Date, workingDays: number): Date {
    const startDate = localDateOf(startInstant, this.timeZone);
    return endOfLocalDay(this.addWorkingDays(startDate, workingDays), this.timeZone);
  }

  /**
   * Local calendar days a clock stood still: every office-local date touched by a pause, each counted once
   * even where pauses overlap. A pause is the half-open span [from, to), so one ending exactly at midnight does
   * not claim the new day; an open pause runs up to `now`, and a pause that has not started yet counts nothing.
   * A hearing held on a single afternoon therefore costs the clock one whole day.
   */
  pausedDays(pauses: readonly ClockPause[], now: Date): number {
    const days = new Set<string>();
    for (const p of pauses) {
      const from = p.from.getTime();
      const to = (p.to ?? now).getTime();
      if (Number.isNaN(from) || Number.isNaN(to)) throw new RangeError('无效的暂停时间');
      if (p.to && to < from) throw new RangeError('暂停的结束时间早于开始时间');
      if (to <= from) continue;
      const last = localDateOf(new Date(to - 1), this.timeZone);
      for (let day = localDateOf(p.from, this.timeZone); day <= last; day = addCalendarDays(day, 1)) days.add(day);
    }
    return days.size;
  }

  /**
   * dueAt for a clock that hearing time does not count against (听证所需时间不计算在期限内): the paused days
   * (see pausedDays) are added to the unrolled due day, which is then rolled forward like an extension. Pass
   * only the pauses of this clock; they are not clipped to the period.
   */
  dueAtWithPauses(startInstant: Date, days: number, pauses: readonly ClockPause[], now: Date): Date {
    return this.dueAt(startInstant, days + this.pausedDays(pauses, now));
  }
}

/**
 * The state of one deadline at `now`. Done (doneAt set): DONE when finished on or before the due instant,
 * else DONE_LATE. Not done: OVERDUE once `now` is past the due instant, DUE_SOON while at most `dueSoonDays`
 * × 24 h remain (exactly 3 days left still counts as due soon), else ON_TRACK.
 */
export function deadlineState(args: {
  dueAt: Date;
  doneAt?: Date | null;
  now: Date;
  dueSoonDays?: number;
}): DeadlineState {
  const { dueAt, doneAt, now, dueSoonDays = 3 } = args;
  const due = dueAt.getTime();
  if (doneAt) return doneAt.getTime() <= due ? 'DONE' : 'DONE_LATE';
  const left = due - now.getTime();
  if (left < 0) return 'OVERDUE';
  return left <= dueSoonDays * MS_PER_DAY ? 'DUE_SOON' : 'ON_TRACK';
}

/** Narrows parseHolidayTable's result. */
export function isHolidayTableError(r: HolidayTable | HolidayTableError): r is HolidayTableError {
  return 'field' in r;
}

/**
 * Validates one year's holiday arrangement as an ADMIN entered it. Every date must be a real YYYY-MM-DD in
 * `year`; a date cannot be both a holiday and a make-up workday; a make-up workday must be a Saturday or Sunday
 * (a weekday is a working day already, so listing one is a typo). Duplicates are dropped. Returns the table, or
 * the first problem with a Chinese message for the admin.
 */
export function parseHolidayTable(
  year: number,
  holidays: readonly string[],
  workdays: readonly string[],
): HolidayTable | HolidayTableError {
  if (!Number.isInteger(year) || year < 1 || year > 9999) throw new RangeError(`年份无效：${year}`);

  const checkDates = (field: HolidayTableError['field'], label: string, dates: readonly string[]) => {
    for (const d of dates) {
      if (!isValidLocalDate(d)) return { field, message: `${label}“${String(d)}”不是有效日期（格式应为 YYYY-MM-DD）` };
      if (Number(d.slice(0, 4)) !== year) return { field, message: `${label}“${d}”不在 ${year} 年内` };
    }
    return undefined;
  };

  const holidayProblem = checkDates('holidays', '节假日', holidays);
  if (holidayProblem) return holidayProblem;
  const workdayProblem = checkDates('workdays', '调休上班日', workdays);
  if (workdayProblem) return workdayProblem;

  const holidaySet = new Set(holidays);
  const workdaySet = new Set(workdays);
  for (const d of workdaySet) {
    if (holidaySet.has(d)) return { field: 'workdays', message: `“${d}”不能既是节假日又是调休上班日` };
    const weekday = weekdayOf(d);
    if (weekday !== 0 && weekday !== 6) {
      return { field: 'workdays', message: `调休上班日“${d}”不是周六或周日，工作日本来就要上班` };
    }
  }
  return { holidays: holidaySet, workdays: workdaySet };
}
