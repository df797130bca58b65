import { addCalendarDays, startOfLocalDay } from './office-time';

/** A report period: local dates in office time, `from` inclusive, `to` exclusive (DESIGN.md "Statistics"). */
export interface ReportPeriod {
  from: string;
  to: string;
}

/** A ratio in [0, 1], or null when nothing was there to count. */
export function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/**
 * Chinese names and categories in the order a reader expects (pinyin), for the ties of a report's rankings. One
 * collator, made once: `localeCompare(…, 'zh-CN')` looks the locale's collation up again on every comparison.
 */
export const chineseOrder: (a: string, b: string) => number = new Intl.Collator('zh-CN').compare;

/** `98.5%` with one decimal, or `—` in place of the percentage when the rate is undefined. */
export function percent(r: number | null): string {
  return r === null ? '—' : `${(Math.round(r * 1000) / 10).toFixed(1)}%`;
}

/** The figures the seed's report sentence names. */
export interface SentenceFigures {
  totalReceived: number;
  letters: { received: number; closed: number; closureRate: number | null };
  visits: { batches: number; persons: number; replyRate: number | null };
  referrals: { received: number; closed: number; closureRate: number | null };
}

/** The seed's report sentence (一月一报表), exactly its template with the numbers filled in. */
export function reportSentence(f: SentenceFigures): string {
  return (
    `共受理群众来信来访 ${f.totalReceived} 件（次），其中受理群众来信 ${f.letters.received} 件，已督办结案 ${f.letters.closed} 件，` +
    `办结率 ${percent(f.letters.closureRate)}；接待群众来访 ${f.visits.batches} 批（次）${f.visits.persons} 人（次），` +
    `接访答复率 ${percent(f.visits.replyRate)}；督办省市人大批转信访件 ${f.referrals.received} 件，` +
    `已督办结案 ${f.referrals.closed} 件，办结率 ${percent(f.referrals.closureRate)}。`
  );
}

/** One calendar month of a period in office time, and the instant the next one starts (UTC). */
export interface PeriodMonth {
  month: string;
  endsAt: Date;
}

/**
 * The months (`YYYY-MM`) a period touches, each with the UTC instant its part of the period ends: the start of the
 * next local month, or the period's end. A case received before `endsAt` (and after the previous month's) belongs to
 * that month, so a letter received at 23:30 on 31 March in Shanghai is March's.
 */
export function periodMonths(period: ReportPeriod, timeZone: string): PeriodMonth[] {
  const out: PeriodMonth[] = [];
  let month = period.from.slice(0, 7);
  const last = addCalendarDays(period.to, -1).slice(0, 7);
  while (month <= last) {
    const [y, m] = month.split('-').map(Number);
    const next = m === 12 ? `${String(y + 1).padStart(4, '0')}-01` : `${String(y).padStart(4, '0')}-${String(m + 1).padStart(2, '0')}`;
    const end = `${next}-01` < period.to ? `${next}-01` : period.to;
    out.push({ month, endsAt: startOfLocalDay(end, timeZone) });
    month = next;
  }
  return out;
}

/** The quarter's period (quarter 1..4), or the whole year when `quarter` is null. */
export function quarterPeriod(year: number, quarter: number | null): ReportPeriod {
  const y = String(year).padStart(4, '0');
  if (quarter === null) return { from: `${y}-01-01`, to: `${String(year + 1).padStart(4, '0')}-01-01` };
  const startMonth = (quarter - 1) * 3 + 1;
  const from = `${y}-${String(startMonth).padStart(2, '0')}-01`;
  const to = quarter === 4 ? `${String(year + 1).padStart(4, '0')}-01-01` : `${y}-${String(startMonth + 3).padStart(2, '0')}-01`;
  return { from, to };
}

/** A relative change (0.12 = +12%), null when the base is 0. */
export function change(now: number, base: number): number | null {
  return base === 0 ? null : (now - base) / base;
}

/** Received and finished, with the closure rate. */
export interface ClosureCount {
  received: number;
  closed: number;
  closureRate: number | null;
}

/** Every figure of DESIGN.md "Statistics", with the unit of the by-unit rows left to the caller. */
export interface StatisticsFigures<U> {
  totalReceived: number;
  letters: ClosureCount;
  visits: { batches: number; persons: number; replied: number; replyRate: number | null };
  referrals: ClosureCount;
  overdue: number;
  /** Cases of the period whose office intake clock (15 days, Art 22) had run out undecided at asOf. */
  intakeOverdue: number;
  byCategory: Array<{ category: string; received: number; closed: number }>;
  byUnit: Array<{ unit: U; assigned: number; reportedOnTime: number; overdue: number; onTimeRate: number | null }>;
  byMonth: Array<{ month: string; received: number; closed: number }>;
  sentence: string;
}
