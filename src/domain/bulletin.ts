import { change, percent, quarterPeriod, type ReportPeriod } from './statistics';

/** A bulletin's period: one quarter of a year, or the whole year (the annual summary) when `quarter` is null. */
export interface BulletinPeriod {
  year: number;
  quarter: number | null;
}

const QUARTER_NAMES = ['一', '二', '三', '四'];

/** Why a bulletin's year is refused (1900 to `thisYear`, the current year in office time), or undefined. */
export function bulletinYearProblem(year: unknown, thisYear: number): string | undefined {
  return Number.isInteger(year) && (year as number) >= 1900 && (year as number) <= thisYear ? undefined : `年份应在 1900 至 ${thisYear} 之间`;
}

/** Why a bulletin's quarter is refused (1–4, or none for the whole year), or undefined. */
export function bulletinQuarterProblem(quarter: unknown): string | undefined {
  return quarter === null || quarter === undefined || (Number.isInteger(quarter) && (quarter as number) >= 1 && (quarter as number) <= 4)
    ? undefined
    : '季度应为 1 至 4；全年汇总不填季度';
}

/** The period's dates in office time (`from` inclusive, `to` exclusive). */
export function bulletinDates(p: BulletinPeriod): ReportPeriod {
  return quarterPeriod(p.year, p.quarter);
}

/** The period before: the previous quarter (Q1 → Q4 of the year before), or the previous year. */
export function previousPeriod(p: BulletinPeriod): BulletinPeriod {
  if (p.quarter === null) return { year: p.year - 1, quarter: null };
  return p.quarter === 1 ? { year: p.year - 1, quarter: 4 } : { year: p.year, quarter: p.quarter - 1 };
}

/** The same period a year earlier. */
export function samePeriodLastYear(p: BulletinPeriod): BulletinPeriod {
  return { year: p.year - 1, quarter: p.quarter };
}

/**
 * The twelve months before the period starts, against which a category's rise is judged (热点), and the share of
 * them the period stands for: a quarter is a quarter of the trailing year, a year the whole of it.
 */
export function trailingYear(p: BulletinPeriod): { dates: ReportPeriod; share: number } {
  const from = bulletinDates(p).from;
  const before = `${String(Number(from.slice(0, 4)) - 1).padStart(4, '0')}${from.slice(4)}`;
  return { dates: { from: before, to: from }, share: p.quarter === null ? 1 : 1 / 4 };
}

/** `2026年第一季度` or `2026年`. */
export function periodLabel(p: BulletinPeriod): string {
  return p.quarter === null ? `${p.year}年` : `${p.year}年第${QUARTER_NAMES[p.quarter - 1]}季度`;
}

/** The bulletin's title: the quarterly 送阅件 or the annual summary (一年一总结). */
export function bulletinTitle(congressName: string, p: BulletinPeriod): string {
  return p.quarter === null ? `${congressName}${p.year}年度信访工作总结` : `${congressName}信访工作送阅件（${periodLabel(p)}）`;
}

/** The headline figures a bulletin compares across periods. */
export interface HeadlineFigures {
  totalReceived: number;
  letters: { received: number };
  visits: { batches: number; persons: number };
}

/** Relative changes of the headline figures (0.12 = +12%), each null when its base is 0. */
export interface FigureChanges {
  totalReceived: number | null;
  letters: number | null;
  visitBatches: number | null;
  visitPersons: number | null;
}

export function figureChanges(now: HeadlineFigures, base: HeadlineFigures): FigureChanges {
  return {
    totalReceived: change(now.totalReceived, base.totalReceived),
    letters: change(now.letters.received, base.letters.received),
    visitBatches: change(now.visits.batches, base.visits.batches),
    visitPersons: change(now.visits.persons, base.visits.persons),
  };
}

/** A leading category of the period, with its count over the trailing year and its rise against that pace. */
export interface TopCategory {
  category: string;
  received: number;
  trailingYearReceived: number;
  changeFromTrailingYear: number | null;
}

/** How many categories a bulletin leads with. */
export const TOP_CATEGORIES = 5;

/**
 * The period's leading categories (most received first, as the statistics order them), each compared with the
 * trailing year's pace: a quarter against a quarter of the year before it.
 */
export function topCategories(period: Array<{ category: string; received: number }>, trailing: Map<string, number>, share: number): TopCategory[] {
  return period.slice(0, TOP_CATEGORIES).map(({ category, received }) => {
    const trailingYearReceived = trailing.get(category) ?? 0;
    return { category, received, trailingYearReceived, changeFromTrailingYear: change(received, trailingYearReceived * share) };
  });
}

/** `上升 12.0%`, `下降 5.0%`, `持平`, or null when there is no base to compare with. */
export function changeWords(r: number | null): string | null {
  if (r === null) return null;
  if (Math.abs(r) < 0.0005) return '持平';
  return `${r > 0 ? '上升' : '下降'} ${percent(Math.abs(r))}`;
}

/**
 * The office's stage summary, drafted from the figures for the office to edit: the period and the seed's sentence,
 * the total's change against the previous period and the same period last year, and the leading categories.
 */
export function bulletinSummary(p: BulletinPeriod, sentence: string, changes: { previous: FigureChanges; lastYear: FigureChanges }, top: TopCategory[]): string {
  const parts = [`${periodLabel(p)}${sentence}`];
  const previous = changeWords(changes.previous.totalReceived);
  const lastYear = changeWords(changes.lastYear.totalReceived);
  const compared = [previous && `较${p.quarter === null ? '上年' : '上季度'}${previous}`, lastYear && p.quarter !== null && `较去年同期${lastYear}`].filter(Boolean);
  if (compared.length) parts.push(`来信来访总量${compared.join('，')}。`);
  if (top.length) parts.push(`反映的问题主要集中在${top.map((c) => `${c.category}（${c.received} 件）`).join('、')}等方面。`);
  return parts.join('');
}

/** The bulletin's Word file, at the same scope and period (a plain GET with the bearer token). */
export function bulletinDocxUrl(p: BulletinPeriod, congressId: string): string {
  const q = new URLSearchParams({ year: String(p.year) });
  if (p.quarter !== null) q.set('quarter', String(p.quarter));
  q.set('unitId', congressId);
  return `/exports/bulletin.docx?${q.toString()}`;
}
