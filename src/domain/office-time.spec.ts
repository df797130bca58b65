import {
  addCalendarDays,
  endOfLocalDay,
  isValidLocalDate,
  localDateOf,
  monthOf,
  startOfLocalDay,
  weekdayOf,
} from './office-time';

const SHANGHAI = 'Asia/Shanghai';
const at = (iso: string) => new Date(iso);
const iso = (d: Date) => d.toISOString();

describe('localDateOf / monthOf: the office day an instant belongs to', () => {
  it('a letter received at 23:30 on 31 March in Shanghai belongs to 31 March and to March', () => {
    const received = at('2026-03-31T23:30:00+08:00');
    expect(iso(received)).toBe('2026-03-31T15:30:00.000Z');
    expect(localDateOf(received, SHANGHAI)).toBe('2026-03-31');
    expect(monthOf(received, SHANGHAI)).toBe('2026-03');
  });

  it('23:30 on 30 April is still April, not May', () => {
    const received = at('2026-04-30T23:30:00+08:00');
    expect(localDateOf(received, SHANGHAI)).toBe('2026-04-30');
    expect(monthOf(received, SHANGHAI)).toBe('2026-04');
  });

  it('00:30 on 1 April is April in the office although it is still 31 March in UTC', () => {
    const received = at('2026-04-01T00:30:00+08:00');
    expect(iso(received).slice(0, 10)).toBe('2026-03-31');
    expect(localDateOf(received, SHANGHAI)).toBe('2026-04-01');
    expect(monthOf(received, SHANGHAI)).toBe('2026-04');
  });

  it('the last and first millisecond of a Shanghai day fall on their own dates', () => {
    expect(localDateOf(at('2026-03-31T15:59:59.999Z'), SHANGHAI)).toBe('2026-03-31');
    expect(localDateOf(at('2026-03-31T16:00:00.000Z'), SHANGHAI)).toBe('2026-04-01');
  });

  it('the same instant is a different date in other zones', () => {
    const instant = at('2026-03-31T23:30:00+08:00');
    expect(localDateOf(instant, 'UTC')).toBe('2026-03-31');
    expect(localDateOf(at('2026-04-01T00:30:00+08:00'), 'UTC')).toBe('2026-03-31');
    expect(localDateOf(at('2026-01-01T03:00:00Z'), 'America/New_York')).toBe('2025-12-31');
    expect(monthOf(at('2026-01-01T03:00:00Z'), 'America/New_York')).toBe('2025-12');
  });

  it('does not depend on the millisecond part of the instant', () => {
    expect(localDateOf(at('2026-12-31T15:59:59.999Z'), SHANGHAI)).toBe('2026-12-31');
    expect(monthOf(at('2026-12-31T16:00:00.000Z'), SHANGHAI)).toBe('2027-01');
  });

  it('refuses an invalid instant and an unknown zone', () => {
    expect(() => localDateOf(new Date('not a date'), SHANGHAI)).toThrow(RangeError);
    expect(() => localDateOf(at('2026-03-31T00:00:00Z'), 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('startOfLocalDay / endOfLocalDay: where an office day begins and ends in UTC', () => {
  it('answers a day asked for again with the same instant, in a Date of its own', () => {
    const first = startOfLocalDay('2026-05-01', SHANGHAI);
    first.setTime(0);
    expect(iso(startOfLocalDay('2026-05-01', SHANGHAI))).toBe('2026-04-30T16:00:00.000Z');
    expect(iso(startOfLocalDay('2026-05-01', 'UTC'))).toBe('2026-05-01T00:00:00.000Z');
  });

  it('a Shanghai day runs from 16:00Z the day before to 15:59:59.999Z', () => {
    expect(iso(startOfLocalDay('2026-03-31', SHANGHAI))).toBe('2026-03-30T16:00:00.000Z');
    expect(iso(endOfLocalDay('2026-03-31', SHANGHAI))).toBe('2026-03-31T15:59:59.999Z');
  });

  it('the end of the year is the last millisecond before New Year in Shanghai', () => {
    expect(iso(endOfLocalDay('2026-12-31', SHANGHAI))).toBe('2026-12-31T15:59:59.999Z');
    expect(iso(startOfLocalDay('2027-01-01', SHANGHAI))).toBe('2026-12-31T16:00:00.000Z');
  });

  it('in UTC a day is simply 00:00Z to 23:59:59.999Z', () => {
    expect(iso(startOfLocalDay('2028-02-29', 'UTC'))).toBe('2028-02-29T00:00:00.000Z');
    expect(iso(endOfLocalDay('2028-02-29', 'UTC'))).toBe('2028-02-29T23:59:59.999Z');
  });

  it('a spring-forward day is 23 hours long (Berlin, 29 March 2026)', () => {
    const start = startOfLocalDay('2026-03-29', 'Europe/Berlin');
    const end = endOfLocalDay('2026-03-29', 'Europe/Berlin');
    expect(iso(start)).toBe('2026-03-28T23:00:00.000Z'); // 00:00 CET (+1)
    expect(iso(end)).toBe('2026-03-29T21:59:59.999Z'); // 23:59:59.999 CEST (+2)
    expect(end.getTime() + 1 - start.getTime()).toBe(23 * 3600_000);
  });

  it('a fall-back day is 25 hours long (New York, 1 November 2026)', () => {
    const start = startOfLocalDay('2026-11-01', 'America/New_York');
    const end = endOfLocalDay('2026-11-01', 'America/New_York');
    expect(iso(start)).toBe('2026-11-01T04:00:00.000Z'); // 00:00 EDT (-4)
    expect(iso(end)).toBe('2026-11-02T04:59:59.999Z'); // 23:59:59.999 EST (-5)
    expect(end.getTime() + 1 - start.getTime()).toBe(25 * 3600_000);
  });

  it('where DST skips midnight, the day starts at the first instant that exists (São Paulo, 4 November 2018)', () => {
    // Clocks went from 23:59:59 on the 3rd straight to 01:00 on the 4th: 00:00 local never happened.
    const start = startOfLocalDay('2018-11-04', 'America/Sao_Paulo');
    expect(iso(start)).toBe('2018-11-04T03:00:00.000Z'); // 01:00 -02
    expect(localDateOf(start, 'America/Sao_Paulo')).toBe('2018-11-04');
    expect(localDateOf(new Date(start.getTime() - 1), 'America/Sao_Paulo')).toBe('2018-11-03');
    expect(iso(endOfLocalDay('2018-11-03', 'America/Sao_Paulo'))).toBe('2018-11-04T02:59:59.999Z');
  });

  it('handles half-hour DST shifts (Lord Howe Island)', () => {
    // +11 in summer, +10:30 in winter; the change on 5 April 2026 makes that day 24.5 hours long.
    const start = startOfLocalDay('2026-04-05', 'Australia/Lord_Howe');
    const end = endOfLocalDay('2026-04-05', 'Australia/Lord_Howe');
    expect(iso(start)).toBe('2026-04-04T13:00:00.000Z');
    expect(iso(end)).toBe('2026-04-05T13:29:59.999Z');
  });

  it('a date the zone skipped entirely has zero length (Samoa dropped 30 December 2011)', () => {
    expect(iso(endOfLocalDay('2011-12-29', 'Pacific/Apia'))).toBe('2011-12-30T09:59:59.999Z');
    expect(iso(startOfLocalDay('2011-12-30', 'Pacific/Apia'))).toBe('2011-12-30T10:00:00.000Z');
    expect(iso(startOfLocalDay('2011-12-31', 'Pacific/Apia'))).toBe('2011-12-30T10:00:00.000Z');
  });

  it.each(['Asia/Shanghai', 'UTC', 'Europe/Berlin', 'America/New_York', 'America/Havana', 'Australia/Lord_Howe', 'Asia/Kolkata'])(
    'every day of 2026 starts and ends exactly on its own date in %s',
    (zone) => {
      for (let day = '2026-01-01'; day <= '2026-12-31'; day = addCalendarDays(day, 1)) {
        const start = startOfLocalDay(day, zone).getTime();
        const end = endOfLocalDay(day, zone).getTime();
        expect([localDateOf(new Date(start - 1), zone), localDateOf(new Date(start), zone)]).toEqual([addCalendarDays(day, -1), day]);
        expect([localDateOf(new Date(end), zone), localDateOf(new Date(end + 1), zone)]).toEqual([day, addCalendarDays(day, 1)]);
      }
    },
  );

  it('refuses a date that does not exist', () => {
    expect(() => startOfLocalDay('2026-02-29', SHANGHAI)).toThrow(RangeError);
    expect(() => endOfLocalDay('2026-4-1', SHANGHAI)).toThrow(RangeError);
  });
});

describe('addCalendarDays: date arithmetic on YYYY-MM-DD', () => {
  it('moves across month and year ends', () => {
    expect(addCalendarDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addCalendarDays('2026-03-01', 60)).toBe('2026-04-30');
  });

  it('knows February in common and leap years', () => {
    expect(addCalendarDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addCalendarDays('2100-02-28', 1)).toBe('2100-03-01');
    expect(addCalendarDays('2000-02-28', 1)).toBe('2000-02-29');
  });

  it('goes backwards with a negative count and stays put with zero', () => {
    expect(addCalendarDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addCalendarDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addCalendarDays('2026-03-01', 0)).toBe('2026-03-01');
  });

  it('is not confused by the server zone around DST changes', () => {
    expect(addCalendarDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addCalendarDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addCalendarDays('2026-10-25', 1)).toBe('2026-10-26');
  });

  it('keeps years below 100 as they are', () => {
    expect(addCalendarDays('0099-12-31', 1)).toBe('0100-01-01');
  });

  it('refuses an invalid date, a fractional count and a result beyond year 9999', () => {
    expect(() => addCalendarDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addCalendarDays('2026-03-01', 1.5)).toThrow(RangeError);
    expect(() => addCalendarDays('9999-12-31', 1)).toThrow(RangeError);
  });
});

describe('isValidLocalDate: strict YYYY-MM-DD naming a real date', () => {
  it.each(['2026-01-01', '2026-12-31', '2028-02-29', '2000-02-29', '2026-04-30'])('accepts %s', (s) => {
    expect(isValidLocalDate(s)).toBe(true);
  });

  it.each([
    '2026-02-29', // 2026 is not a leap year
    '2100-02-29', // nor is 2100
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '2026-3-1',
    '2026/03/01',
    '20260301',
    '2026-03-01T00:00:00',
    ' 2026-03-01',
    '2026-03-01 ',
    '',
  ])('rejects %j', (s) => {
    expect(isValidLocalDate(s)).toBe(false);
  });

  it('rejects values that are not strings at all', () => {
    expect(isValidLocalDate(undefined as unknown as string)).toBe(false);
    expect(isValidLocalDate(20260301 as unknown as string)).toBe(false);
  });
});

describe('weekdayOf', () => {
  it('gives 0 for Sunday through 6 for Saturday', () => {
    expect(weekdayOf('2026-02-12')).toBe(4); // Thursday
    expect(weekdayOf('2026-02-14')).toBe(6); // Saturday
    expect(weekdayOf('2026-02-15')).toBe(0); // Sunday
    expect(weekdayOf('2026-02-16')).toBe(1); // Monday
  });
});
