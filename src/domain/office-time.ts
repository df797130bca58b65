/**
 * Office time: turning UTC instants into the office's local calendar and back.
 *
 * Instants are stored in UTC, but every day boundary (deadlines, monthly reports) belongs to the office's
 * time zone (docs/rules.md, "Deadlines"): a letter received at 23:30 on 31 March in Shanghai belongs to March even
 * though it is already 15:30Z. Local dates travel as 'YYYY-MM-DD' strings so that no code path can silently
 * reinterpret them in the server's own zone.
 */

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 24 * 60 * 60 * 1000;
// No zone is further than 14 h from UTC, so the instant of any local wall-clock time lies within this window.
const MAX_ZONE_OFFSET_MS = 14 * 60 * 60 * 1000;

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

// Building a DateTimeFormat is far more expensive than using one; the scheduler asks for the same zone constantly.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // Pin calendar, digits and hour cycle so the parts parse the same whatever the server's default locale is
    // (h23 avoids the "24:00" some ICU versions print for midnight with hour12: false).
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function wallClockAt(epochMs: number, timeZone: string): WallClock {
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const p of formatterFor(timeZone).formatToParts(epochMs)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** Milliseconds to add to UTC to get local wall-clock time at that instant (+8 h for Asia/Shanghai). */
function zoneOffsetAt(epochMs: number, timeZone: string): number {
  const w = wallClockAt(epochMs, timeZone);
  // The formatter drops milliseconds, so compare against the instant truncated to the whole second.
  const wholeSecond = epochMs - (((epochMs % 1000) + 1000) % 1000);
  return utcMs(w.year, w.month, w.day, w.hour, w.minute, w.second) - wholeSecond;
}

// Date.UTC maps years 0..99 to 1900..1999; setUTCFullYear does not.
function utcMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, 0);
  return d.getTime();
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function formatDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function assertValidInstant(instant: Date): number {
  const t = instant instanceof Date ? instant.getTime() : NaN;
  if (Number.isNaN(t)) throw new RangeError('无效的时间');
  return t;
}

/**
 * The local date as epoch milliseconds at 00:00Z of that date, so that date arithmetic is plain UTC arithmetic
 * with no DST in the way. Throws on anything that is not a real YYYY-MM-DD date.
 */
function parseLocalDate(date: string): number {
  const m = typeof date === 'string' ? DATE_PATTERN.exec(date) : null;
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const t = utcMs(year, month, day);
    const d = new Date(t);
    // Date rolls 02-30 over into March; a round trip that changes the fields means the date does not exist.
    if (d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day) return t;
  }
  throw new RangeError(`无效的日期：${String(date)}（应为 YYYY-MM-DD）`);
}

function formatUtcDate(epochMs: number): string {
  const d = new Date(epochMs);
  const year = d.getUTCFullYear();
  // Keep the strict four-digit format honest rather than emit '10000-01-01' or '-0001-…'.
  if (year < 0 || year > 9999) throw new RangeError(`日期超出范围：${year} 年`);
  return formatDate(year, d.getUTCMonth() + 1, d.getUTCDate());
}

/** True when `s` is a strict 'YYYY-MM-DD' string naming a real Gregorian date (no 2026-02-29, no '2026-3-1'). */
export function isValidLocalDate(s: string): boolean {
  try {
    parseLocalDate(s);
    return true;
  } catch {
    return false;
  }
}

/** The local calendar date ('YYYY-MM-DD') of `instant` in `timeZone`. */
export function localDateOf(instant: Date, timeZone: string): string {
  const w = wallClockAt(assertValidInstant(instant), timeZone);
  return formatDate(w.year, w.month, w.day);
}

/** The local calendar month ('YYYY-MM') of `instant` in `timeZone` — the report period a letter belongs to. */
export function monthOf(instant: Date, timeZone: string): string {
  return localDateOf(instant, timeZone).slice(0, 7);
}

/** `date` moved by `n` calendar days (negative moves back); pure date arithmetic, no time zone involved. */
export function addCalendarDays(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`天数须为整数：${n}`);
  return formatUtcDate(parseLocalDate(date) + n * MS_PER_DAY);
}

/** Day of week of a local date, 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  return new Date(parseLocalDate(date)).getUTCDay();
}

/**
 * The first instant of local day `date` in `timeZone`: normally 00:00 local. Where a DST change skips
 * midnight (e.g. America/Sao_Paulo on 2018-11-04 went from 00:00 straight to 01:00) it is the first instant
 * that exists on that date; where a zone skipped the whole date (Pacific/Apia, 2011-12-30) it is the start of
 * the next day, so that the skipped day has zero length and endOfLocalDay of the day before stays right.
 */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const key = `${timeZone} ${date}`;
  let start = dayStarts.get(key);
  if (start === undefined) {
    start = computeStartOfLocalDay(date, timeZone);
    // a zone's rules do not change while the process runs; the bound only keeps odd callers from growing it forever
    if (dayStarts.size >= DAY_STARTS_KEPT) dayStarts.clear();
    dayStarts.set(key, start);
  }
  return new Date(start);
}

// every report, deadline and list filter asks for the same few days again and again, each answer costing ~10 Intl calls
const dayStarts = new Map<string, number>();
const DAY_STARTS_KEPT = 20_000;

function computeStartOfLocalDay(date: string, timeZone: string): number {
  const wall = parseLocalDate(date);
  // The answer is wall − offset for some offset in force near that wall time; DST changes are rare enough that
  // sampling both ends of the ±14 h window (and the middle) yields every offset that can apply.
  const offsets = new Set([
    zoneOffsetAt(wall - MAX_ZONE_OFFSET_MS, timeZone),
    zoneOffsetAt(wall, timeZone),
    zoneOffsetAt(wall + MAX_ZONE_OFFSET_MS, timeZone),
  ]);
  // A second pass settles the case where the first guesses land on the far side of a transition.
  for (const o of [...offsets]) offsets.add(zoneOffsetAt(wall - o, timeZone));

  // The day starts at the instant where the local date first reaches `date`: on or after it there, before it
  // one millisecond earlier. String comparison is date order for strict YYYY-MM-DD.
  let best: number | undefined;
  for (const o of offsets) {
    const candidate = wall - o;
    const reached = localDateOf(new Date(candidate), timeZone) >= date;
    const before = localDateOf(new Date(candidate - 1), timeZone) < date;
    if (reached && before && (best === undefined || candidate < best)) best = candidate;
  }
  if (best === undefined) throw new RangeError(`无法确定 ${date} 在时区 ${timeZone} 的起始时刻`);
  return best;
}

/** The last millisecond of local day `date` in `timeZone`: the start of the next local day minus 1 ms. */
export function endOfLocalDay(date: string, timeZone: string): Date {
  return new Date(startOfLocalDay(addCalendarDays(date, 1), timeZone).getTime() - 1);
}
