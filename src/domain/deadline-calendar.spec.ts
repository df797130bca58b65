import {
  DeadlineCalendar,
  HolidayTable,
  deadlineState,
  isHolidayTableError,
  mergeHolidayTables,
  parseHolidayTable,
} from './deadline-calendar';

const SHANGHAI = 'Asia/Shanghai';
const at = (iso: string) => new Date(iso);
const iso = (d: Date) => d.toISOString();

/** Every date from `from` to `to` inclusive, within one month. */
function span(from: string, to: string): string[] {
  const prefix = from.slice(0, 8);
  const days: string[] = [];
  for (let d = Number(from.slice(8)); d <= Number(to.slice(8)); d++) days.push(prefix + String(d).padStart(2, '0'));
  return days;
}

/**
 * The State Council's 2026 arrangement (国务院办公厅关于2026年部分节假日安排的通知, 4 November 2025):
 * 元旦 1/1–1/3, 1/4 (Sun) worked; 春节 2/15–2/23, 2/14 (Sat) and 2/28 (Sat) worked; 清明 4/4–4/6;
 * 劳动节 5/1–5/5, 5/9 (Sat) worked; 端午 6/19–6/21; 中秋 9/25–9/27; 国庆 10/1–10/7, 9/20 (Sun) and 10/10 (Sat) worked.
 */
const HOLIDAYS_2026 = [
  ...span('2026-01-01', '2026-01-03'),
  ...span('2026-02-15', '2026-02-23'),
  ...span('2026-04-04', '2026-04-06'),
  ...span('2026-05-01', '2026-05-05'),
  ...span('2026-06-19', '2026-06-21'),
  ...span('2026-09-25', '2026-09-27'),
  ...span('2026-10-01', '2026-10-07'),
];
const WORKDAYS_2026 = ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'];

function table2026(): HolidayTable {
  const parsed = parseHolidayTable(2026, HOLIDAYS_2026, WORKDAYS_2026);
  if (isHolidayTableError(parsed)) throw new Error(parsed.message);
  return parsed;
}

const calendar = new DeadlineCalendar(table2026(), SHANGHAI);

describe('DeadlineCalendar.isWorkingDay: 工作日', () => {
  it('Monday to Friday are working days, Saturday and Sunday are not', () => {
    expect(calendar.isWorkingDay('2026-03-09')).toBe(true); // Mon
    expect(calendar.isWorkingDay('2026-03-13')).toBe(true); // Fri
    expect(calendar.isWorkingDay('2026-03-14')).toBe(false); // Sat
    expect(calendar.isWorkingDay('2026-03-15')).toBe(false); // Sun
  });

  it('a public holiday on a weekday is not a working day', () => {
    expect(calendar.isWorkingDay('2026-02-16')).toBe(false); // Mon, 春节
    expect(calendar.isWorkingDay('2026-10-01')).toBe(false); // Thu, 国庆
  });

  it('a make-up workday (调休) on a weekend is a working day', () => {
    expect(calendar.isWorkingDay('2026-02-14')).toBe(true); // Sat
    expect(calendar.isWorkingDay('2026-01-04')).toBe(true); // Sun
  });

  it('a year without a loaded table falls back to plain Monday to Friday', () => {
    expect(calendar.isWorkingDay('2027-02-08')).toBe(true); // Mon
    expect(calendar.isWorkingDay('2027-02-06')).toBe(false); // Sat
  });

  it('refuses a date that does not exist', () => {
    expect(() => calendar.isWorkingDay('2026-02-29')).toThrow(RangeError);
  });
});

describe('DeadlineCalendar.addWorkingDays: counting 工作日 from the day after', () => {
  it('5 working days from an assignment on Thu 12 Feb 2026 skip the Spring Festival and count the make-up Saturday', () => {
    // 12 Feb (Thu) is the assignment day and is not counted.
    //   1: 13 Feb Fri
    //   2: 14 Feb Sat — make-up workday, counts
    //      15–23 Feb — 春节 holiday (incl. the weekend of 21–22), none count
    //   3: 24 Feb Tue
    //   4: 25 Feb Wed
    //   5: 26 Feb Thu
    // Without the make-up Saturday it would be 27 Feb; without the holiday it would be 19 Feb.
    expect(calendar.addWorkingDays('2026-02-12', 5)).toBe('2026-02-26');
  });

  it('the next working day after Friday 13 Feb 2026 is the make-up Saturday', () => {
    expect(calendar.addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
  });

  it('the make-up Saturday at the end of the festival counts too', () => {
    // 27 Feb Fri, then 28 Feb Sat (make-up)
    expect(calendar.addWorkingDays('2026-02-26', 2)).toBe('2026-02-28');
  });

  it('skips an ordinary weekend', () => {
    expect(calendar.addWorkingDays('2026-03-06', 1)).toBe('2026-03-09'); // Fri → Mon
  });

  it('counting from inside a holiday starts at the first working day after it', () => {
    expect(calendar.addWorkingDays('2026-02-20', 1)).toBe('2026-02-24');
  });

  it('crosses the National Day week', () => {
    // 30 Sep Wed; 1–7 Oct off; 8 Oct Thu, 9 Oct Fri, 10 Oct Sat (make-up)
    expect(calendar.addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
    expect(calendar.addWorkingDays('2026-09-30', 3)).toBe('2026-10-10');
  });

  it('zero working days is the day itself; negative or fractional counts are refused', () => {
    expect(calendar.addWorkingDays('2026-02-15', 0)).toBe('2026-02-15');
    expect(() => calendar.addWorkingDays('2026-02-12', -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-02-12', 1.5)).toThrow(RangeError);
  });
});

describe('DeadlineCalendar.calendarDueDate: 日 periods, rolled past weekends and holidays', () => {
  it('a 60-day period counts calendar days from the day after the start', () => {
    // 1 Mar + 30 = 31 Mar, + 30 more = 30 Apr (Thu, a working day)
    expect(calendar.calendarDueDate('2026-03-01', 60)).toBe('2026-04-30');
  });

  it('60 days ending on a Sunday end on the Monday', () => {
    // 28 Jan + 60 = 29 Mar 2026 (Sun)
    expect(calendar.unrolledDueDate('2026-01-28', 60)).toBe('2026-03-29');
    expect(calendar.calendarDueDate('2026-01-28', 60)).toBe('2026-03-30');
  });

  it('60 days ending on a Saturday end on the Monday', () => {
    // 27 Jan + 60 = 28 Mar 2026 (Sat); Sun 29 is off too → Mon 30
    expect(calendar.unrolledDueDate('2026-01-27', 60)).toBe('2026-03-28');
    expect(calendar.calendarDueDate('2026-01-27', 60)).toBe('2026-03-30');
  });

  it('60 days ending on New Year of the lunar calendar roll past the whole Spring Festival', () => {
    // 19 Dec 2025 + 60 = 17 Feb 2026 (Tue, 春节); 15–23 Feb are off, so the period ends on Tue 24 Feb
    expect(calendar.unrolledDueDate('2025-12-19', 60)).toBe('2026-02-17');
    expect(calendar.calendarDueDate('2025-12-19', 60)).toBe('2026-02-24');
  });

  it('60 days ending on National Day roll to the first working day after the holiday', () => {
    // 2 Aug + 29 = 31 Aug, + 30 = 30 Sep, + 1 = 1 Oct (国庆) → 8 Oct (Thu)
    expect(calendar.calendarDueDate('2026-08-02', 60)).toBe('2026-10-08');
  });

  it('a period ending on a make-up Saturday does not roll', () => {
    // 30 Dec 2025 + 60 = 28 Feb 2026, a Saturday that is worked
    expect(calendar.calendarDueDate('2025-12-30', 60)).toBe('2026-02-28');
  });

  it('an extension of N days adds to the unrolled due day, then rolls again', () => {
    // The 60-day period from 28 Jan ends on Sun 29 Mar and rolls to Mon 30 Mar.
    // Extended by 5: 29 Mar + 5 = Fri 3 Apr, a working day. (Adding to the rolled Monday would give
    // Sat 4 Apr = 清明, rolled to Tue 7 Apr — two working days too generous.)
    expect(calendar.calendarDueDate('2026-01-28', 60 + 5)).toBe('2026-04-03');
    expect(calendar.rollForward(calendar.unrolledDueDate('2026-01-28', 60) /* 29 Mar */)).toBe('2026-03-30');
    // Extended by 6: 29 Mar + 6 = Sat 4 Apr, 清明 4–6 Apr → Tue 7 Apr
    expect(calendar.calendarDueDate('2026-01-28', 60 + 6)).toBe('2026-04-07');
  });

  it('rollForward leaves a working day alone and moves anything else to the next working day', () => {
    expect(calendar.rollForward('2026-03-30')).toBe('2026-03-30');
    expect(calendar.rollForward('2026-05-01')).toBe('2026-05-06'); // 劳动节 1–5 May
    expect(calendar.rollForward('2026-05-09')).toBe('2026-05-09'); // make-up Saturday
  });

  it('refuses negative periods and invalid start dates', () => {
    expect(() => calendar.calendarDueDate('2026-03-01', -1)).toThrow(RangeError);
    expect(() => calendar.calendarDueDate('2026-3-1', 60)).toThrow(RangeError);
  });
});

describe('DeadlineCalendar.dueAt: the end of the due day in office time', () => {
  it('falls at 23:59:59.999 Shanghai time, which is 15:59:59.999Z', () => {
    // assigned 1 Mar 10:00 → due day 30 Apr (Thu)
    expect(iso(calendar.dueAt(at('2026-03-01T10:00:00+08:00'), 60))).toBe('2026-04-30T15:59:59.999Z');
  });

  it('counts from the office date of the start, not its UTC date', () => {
    // 23:30 on 1 Mar in Shanghai is 15:30Z on 1 Mar: same day either way
    expect(iso(calendar.dueAt(at('2026-03-01T23:30:00+08:00'), 60))).toBe('2026-04-30T15:59:59.999Z');
    // 00:30 on 2 Mar in Shanghai is still 1 Mar in UTC; the office date is 2 Mar → 1 May (劳动节) → Wed 6 May
    expect(iso(calendar.dueAt(at('2026-03-02T00:30:00+08:00'), 60))).toBe('2026-05-06T15:59:59.999Z');
  });

  it('an approved extension is just a longer period from the same start', () => {
    // 60 + 30 days from 1 Mar: 30 Apr + 30 = Sat 30 May → Mon 1 Jun
    expect(iso(calendar.dueAt(at('2026-03-01T10:00:00+08:00'), 90))).toBe('2026-06-01T15:59:59.999Z');
  });

  it('uses the calendar’s own zone', () => {
    const utcOffice = new DeadlineCalendar(table2026(), 'UTC');
    // 16:30Z on 1 Mar is 2 Mar in Shanghai but 1 Mar in a UTC office
    expect(iso(utcOffice.dueAt(at('2026-03-01T16:30:00Z'), 60))).toBe('2026-04-30T23:59:59.999Z');
  });

  it('refuses an unknown zone when the calendar is built', () => {
    expect(() => new DeadlineCalendar(table2026(), 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('DeadlineCalendar.workingDayDeadline: e.g. 5 working days to object to an assignment', () => {
  it('ends at the end of the 5th working day after the assignment', () => {
    // assigned Thu 12 Feb 2026 → 26 Feb (see addWorkingDays above)
    expect(iso(calendar.workingDayDeadline(at('2026-02-12T09:00:00+08:00'), 5))).toBe('2026-02-26T15:59:59.999Z');
  });

  it('an assignment made just after local midnight counts from the new office day', () => {
    // 00:10 on Fri 13 Feb is 16:10Z on Thu 12 Feb; from 13 Feb: 14, 24, 25, 26, 27 → Fri 27 Feb
    expect(iso(calendar.workingDayDeadline(at('2026-02-13T00:10:00+08:00'), 5))).toBe('2026-02-27T15:59:59.999Z');
  });
});

describe('DeadlineCalendar.dueAtWithPauses: hearing time is not counted', () => {
  // Accepted Mon 1 Jun 2026; 60 days → Fri 31 Jul.
  const start = at('2026-06-01T10:00:00+08:00');
  const now = at('2026-07-01T10:00:00+08:00');

  it('without pauses it is the plain due instant', () => {
    expect(iso(calendar.dueAtWithPauses(start, 60, [], now))).toBe('2026-07-31T15:59:59.999Z');
    expect(calendar.dueAtWithPauses(start, 60, [], now)).toEqual(calendar.dueAt(start, 60));
  });

  it('a hearing on a single afternoon costs the clock one whole day, then the due day rolls as usual', () => {
    const pauses = [{ from: at('2026-06-10T14:00:00+08:00'), to: at('2026-06-10T17:00:00+08:00') }];
    expect(calendar.pausedDays(pauses, now)).toBe(1);
    // 31 Jul + 1 = Sat 1 Aug → Mon 3 Aug
    expect(iso(calendar.dueAtWithPauses(start, 60, pauses, now))).toBe('2026-08-03T15:59:59.999Z');
  });

  it('a hearing spread over 10–13 June pauses four days', () => {
    const pauses = [{ from: at('2026-06-10T09:00:00+08:00'), to: at('2026-06-13T12:00:00+08:00') }];
    expect(calendar.pausedDays(pauses, now)).toBe(4);
    // 31 Jul + 4 = Tue 4 Aug
    expect(iso(calendar.dueAtWithPauses(start, 60, pauses, now))).toBe('2026-08-04T15:59:59.999Z');
  });

  it('an open hearing counts up to now, so the due instant keeps moving while it lasts', () => {
    const pauses = [{ from: at('2026-06-10T09:00:00+08:00') }];
    expect(calendar.pausedDays(pauses, at('2026-06-10T18:00:00+08:00'))).toBe(1);
    expect(calendar.pausedDays(pauses, at('2026-06-11T10:00:00+08:00'))).toBe(2);
    // 2 days: 31 Jul + 2 = Sun 2 Aug → Mon 3 Aug
    expect(iso(calendar.dueAtWithPauses(start, 60, pauses, at('2026-06-11T10:00:00+08:00')))).toBe('2026-08-03T15:59:59.999Z');
  });

  it('an open pause that has not started yet counts nothing', () => {
    expect(calendar.pausedDays([{ from: at('2026-06-20T09:00:00+08:00') }], at('2026-06-19T09:00:00+08:00'))).toBe(0);
  });

  it('days are office-local: a pause across Shanghai midnight touches two days though it is one UTC day', () => {
    // 23:00–01:00 Shanghai = 15:00Z–17:00Z on 10 June
    const pauses = [{ from: at('2026-06-10T23:00:00+08:00'), to: at('2026-06-11T01:00:00+08:00') }];
    expect(calendar.pausedDays(pauses, now)).toBe(2);
  });

  it('a pause ending exactly at midnight does not claim the next day', () => {
    const pauses = [{ from: at('2026-06-10T09:00:00+08:00'), to: at('2026-06-11T00:00:00+08:00') }];
    expect(calendar.pausedDays(pauses, now)).toBe(1);
  });

  it('overlapping pauses count each day once', () => {
    const pauses = [
      { from: at('2026-06-10T09:00:00+08:00'), to: at('2026-06-11T12:00:00+08:00') }, // 10, 11
      { from: at('2026-06-11T14:00:00+08:00'), to: at('2026-06-12T12:00:00+08:00') }, // 11, 12
      { from: at('2026-06-20T09:00:00+08:00'), to: at('2026-06-20T10:00:00+08:00') }, // 20
    ];
    expect(calendar.pausedDays(pauses, now)).toBe(4);
  });

  it('refuses a pause that ends before it starts', () => {
    const pauses = [{ from: at('2026-06-10T09:00:00+08:00'), to: at('2026-06-09T09:00:00+08:00') }];
    expect(() => calendar.dueAtWithPauses(start, 60, pauses, now)).toThrow(RangeError);
  });
});

describe('deadlineState', () => {
  const dueAt = at('2026-04-30T15:59:59.999Z');
  const DAY = 24 * 3600_000;
  const plus = (ms: number) => new Date(dueAt.getTime() + ms);

  it('is ON_TRACK with more than 3 days left', () => {
    expect(deadlineState({ dueAt, now: plus(-3 * DAY - 1) })).toBe('ON_TRACK');
    expect(deadlineState({ dueAt, now: at('2026-03-01T10:00:00+08:00') })).toBe('ON_TRACK');
  });

  it('is DUE_SOON with exactly 3 days left, and up to the due instant itself', () => {
    expect(deadlineState({ dueAt, now: plus(-3 * DAY) })).toBe('DUE_SOON');
    expect(deadlineState({ dueAt, now: plus(-1) })).toBe('DUE_SOON');
    expect(deadlineState({ dueAt, now: dueAt })).toBe('DUE_SOON');
  });

  it('is OVERDUE one millisecond after the due instant when nothing is done', () => {
    expect(deadlineState({ dueAt, now: plus(1) })).toBe('OVERDUE');
    expect(deadlineState({ dueAt, doneAt: null, now: plus(30 * DAY) })).toBe('OVERDUE');
  });

  it('is DONE when finished on the due instant, DONE_LATE one millisecond later', () => {
    expect(deadlineState({ dueAt, doneAt: dueAt, now: plus(DAY) })).toBe('DONE');
    expect(deadlineState({ dueAt, doneAt: plus(1), now: plus(DAY) })).toBe('DONE_LATE');
  });

  it('once done, the state no longer depends on now', () => {
    expect(deadlineState({ dueAt, doneAt: plus(-10 * DAY), now: plus(-20 * DAY) })).toBe('DONE');
    expect(deadlineState({ dueAt, doneAt: plus(-10 * DAY), now: plus(100 * DAY) })).toBe('DONE');
  });

  it('the DUE_SOON window can be widened', () => {
    expect(deadlineState({ dueAt, now: plus(-7 * DAY), dueSoonDays: 7 })).toBe('DUE_SOON');
    expect(deadlineState({ dueAt, now: plus(-7 * DAY - 1), dueSoonDays: 7 })).toBe('ON_TRACK');
  });
});

describe('parseHolidayTable: validating a year loaded by an admin', () => {
  it('accepts the 2026 arrangement', () => {
    const t = table2026();
    expect(t.holidays.size).toBe(33); // 3 + 9 + 3 + 5 + 3 + 3 + 7
    expect(t.workdays.size).toBe(6);
    expect(t.holidays.has('2026-02-17')).toBe(true);
    expect(t.workdays.has('2026-02-14')).toBe(true);
  });

  it('drops duplicates', () => {
    const t = parseHolidayTable(2026, ['2026-10-01', '2026-10-01'], ['2026-10-10', '2026-10-10']);
    expect(isHolidayTableError(t)).toBe(false);
    expect([...(t as HolidayTable).holidays]).toEqual(['2026-10-01']);
    expect([...(t as HolidayTable).workdays]).toEqual(['2026-10-10']);
  });

  it('accepts an empty year', () => {
    const t = parseHolidayTable(2026, [], []);
    expect(t).toEqual({ holidays: new Set(), workdays: new Set() });
  });

  it('rejects a holiday that is not a real YYYY-MM-DD date', () => {
    expect(parseHolidayTable(2026, ['2026-02-30'], [])).toEqual({ field: 'holidays', message: expect.stringContaining('2026-02-30') });
    expect(parseHolidayTable(2026, ['2026-2-17'], [])).toEqual({ field: 'holidays', message: expect.stringMatching(/不是有效日期/) });
  });

  it('rejects a holiday in another year', () => {
    expect(parseHolidayTable(2026, ['2027-01-01'], [])).toEqual({ field: 'holidays', message: '节假日“2027-01-01”不在 2026 年内' });
  });

  it('rejects a make-up workday that is invalid or in another year', () => {
    expect(parseHolidayTable(2026, [], ['2026-02-31'])).toEqual({ field: 'workdays', message: expect.stringMatching(/不是有效日期/) });
    expect(parseHolidayTable(2026, [], ['2025-12-27'])).toEqual({ field: 'workdays', message: expect.stringMatching(/不在 2026 年内/) });
  });

  it('rejects a date that is both a holiday and a make-up workday', () => {
    expect(parseHolidayTable(2026, ['2026-02-14', '2026-02-15'], ['2026-02-14'])).toEqual({
      field: 'workdays',
      message: '“2026-02-14”不能既是节假日又是调休上班日',
    });
  });

  it('rejects a make-up workday on a weekday, which is a working day anyway', () => {
    expect(parseHolidayTable(2026, [], ['2026-02-13'])).toEqual({ field: 'workdays', message: expect.stringMatching(/不是周六或周日/) });
  });

  it('refuses a nonsensical year outright', () => {
    expect(() => parseHolidayTable(2026.5, [], [])).toThrow(RangeError);
  });
});

describe('mergeHolidayTables', () => {
  it('combines years into one calendar', () => {
    // An illustrative 2027 table, not the official one.
    const t2027 = parseHolidayTable(2027, ['2027-01-01'], ['2027-01-09']) as HolidayTable;
    const both = new DeadlineCalendar(mergeHolidayTables([table2026(), t2027]), SHANGHAI);
    expect(both.isWorkingDay('2026-02-16')).toBe(false);
    expect(both.isWorkingDay('2027-01-01')).toBe(false);
    expect(both.isWorkingDay('2027-01-09')).toBe(true); // Sat, make-up
    // 31 Dec 2026 (Thu) + 1 working day: 1 Jan off, 2–3 Jan weekend → Mon 4 Jan
    expect(both.addWorkingDays('2026-12-31', 1)).toBe('2027-01-04');
  });

  it('a calendar keeps its own copy of the table', () => {
    const holidays = new Set<string>();
    const cal = new DeadlineCalendar({ holidays, workdays: new Set() }, SHANGHAI);
    holidays.add('2026-03-09');
    expect(cal.isWorkingDay('2026-03-09')).toBe(true);
  });
});
