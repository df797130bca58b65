import { In } from 'typeorm';
import type { RequestContext } from '../context/request-context';
import {
  bulletinDates,
  bulletinDocxUrl,
  bulletinQuarterProblem,
  bulletinSummary,
  bulletinTitle,
  bulletinYearProblem,
  figureChanges,
  previousPeriod,
  samePeriodLastYear,
  topCategories,
  trailingYear,
  type BulletinPeriod,
  type FigureChanges,
  type TopCategory,
} from '../domain/bulletin';
import { localDateOf } from '../domain/office-time';
import { isVisiblyBlank } from '../domain/text-rules';
import type { StatisticsFigures } from '../domain/statistics';
import { Assignment } from '../entities/assignment.entity';
import type { Outcome } from '../entities/case-enums';
import type { Case } from '../entities/case.entity';
import { BulletinSummary } from '../entities/bulletin-summary.entity';
import { Reply } from '../entities/reply.entity';
import type { Unit } from '../entities/unit.entity';
import { badInput, forbidden } from '../errors/domain-error';
import { mayEditBulletinSummary, type ReportScope } from '../policy/access-policy';
import type { CaseAccessService } from './case-access.service';
import type { StatisticsService } from './statistics.service';

/** What a bulletin request asks for, as the API and the export take it. */
export interface BulletinRequest {
  year: number;
  quarter?: number | null;
  unitId?: string | null;
}

/** The office's stage summary of one bulletin; blank returns the bulletin to the draft written from its figures. */
export interface BulletinSummaryRequest extends BulletinRequest {
  summary?: string | null;
}

/** A key or difficult case of the period with the outcome of its result so far (null while there is none). */
export interface KeyCaseResult {
  case: Case;
  outcome: Outcome | null;
}

/** The bulletin (送阅件) as data: what the API returns and the Word file prints. */
export interface BulletinData {
  title: string;
  period: BulletinPeriod;
  congress: Unit;
  statistics: StatisticsFigures<Unit>;
  changeFromPreviousQuarter: FigureChanges;
  changeFromSameQuarterLastYear: FigureChanges;
  topCategories: TopCategory[];
  typicalCases: Case[];
  keyCaseResults: KeyCaseResult[];
  /** The office's saved summary, or the draft while none is saved. */
  summary: string;
  /** Written from the period's figures; what `summary` is until the office saves its own. */
  summaryDraft: string;
  /** When the office last saved its summary; null while the bulletin prints the draft. */
  summaryEditedAt: Date | null;
  docxUrl: string;
}

/** A bulletin is printed: it lists at most this many typical cases and this many key or difficult cases. */
export const BULLETIN_CASES = 30;

/**
 * The quarterly bulletin (送阅件) and the annual summary: the period's statistics beside the previous period's and
 * the same period's a year earlier (all through StatisticsService, so every figure means what it means there), the
 * leading categories against the trailing year, the typical cases and the results of key and difficult cases, and
 * a summary drafted from the figures. Scope rules are the statistics' (CaseAccessService.reportScope); it reads from a
 * replica when replicas are configured.
 */
export class BulletinService {
  constructor(
    private readonly access: CaseAccessService,
    private readonly statistics: StatisticsService,
    private readonly officeTimeZone: string,
  ) {}

  /** The bulletin of a quarter (or of the year when `quarter` is omitted); NOT_FOUND/FORBIDDEN as statistics. */
  async bulletin(ctx: RequestContext, input: BulletinRequest): Promise<BulletinData> {
    const period = this.period(input);
    const report = await this.access.reportScope(ctx, input.unitId);
    // the office's own words come from the primary: a replica's lag may tolerate figures, not the text just saved
    const saved = await ctx.repo(BulletinSummary).findOneBy(this.summaryKey(report, period));
    return ctx.onReplica((reader) => this.compose(reader, period, report, new Date(), saved));
  }

  /**
   * Saves the office's stage summary of a bulletin (blank deletes it, so the bulletin prints the draft again) and
   * returns the bulletin as it now reads. Only the reported congress's own registrars and leaders write it; an upper
   * congress reads it. NOT_FOUND for a scope the viewer may not see, FORBIDDEN for one it only reads.
   */
  async saveSummary(ctx: RequestContext, input: BulletinSummaryRequest): Promise<BulletinData> {
    const period = this.period(input);
    const report = await this.access.reportScope(ctx, input.unitId);
    const user = ctx.requireUser();
    if (!mayEditBulletinSummary(user, report.congressId)) throw forbidden('只有本级人大信访机构的登记人员和领导可以修改本级送阅件的小结');
    const text = (input.summary ?? '').trim();
    const key = this.summaryKey(report, period);
    const saved = isVisiblyBlank(text) ? null : { ...key, text, updatedById: user.id, updatedAt: new Date() };
    await ctx.transaction(async () => {
      if (saved) await ctx.repo(BulletinSummary).upsert(saved, ['congressId', 'year', 'quarter']);
      else await ctx.repo(BulletinSummary).delete(key);
    });
    // the figures are read after the commit, outside its locks; the answer shows this save, whatever saves follow it
    return ctx.onReplica((reader) => this.compose(reader, period, report, new Date(), saved));
  }

  private summaryKey(report: ReportScope, period: BulletinPeriod) {
    return { congressId: report.congressId, year: period.year, quarter: period.quarter ?? 0 };
  }

  private async compose(ctx: RequestContext, period: BulletinPeriod, report: ReportScope, asOf: Date, saved: Pick<BulletinSummary, 'text' | 'updatedAt'> | null): Promise<BulletinData> {
    const trailing = trailingYear(period);
    const [now, previous, lastYear, trailingCounts, cases] = await Promise.all([
      this.statistics.compute(ctx, report, bulletinDates(period), asOf),
      this.statistics.compute(ctx, report, bulletinDates(previousPeriod(period)), asOf),
      this.statistics.compute(ctx, report, bulletinDates(samePeriodLastYear(period)), asOf),
      this.statistics.categoryCounts(ctx, report, trailing.dates, asOf),
      this.cases(ctx, report, period, asOf),
    ]);
    const congress = (await ctx.app.units.all(ctx)).find((u) => u.id === report.congressId)!;
    const changes = { previous: figureChanges(now, previous), lastYear: figureChanges(now, lastYear) };
    const top = topCategories(now.byCategory, trailingCounts, trailing.share);
    const draft = bulletinSummary(period, now.sentence, changes, top);
    return {
      title: bulletinTitle(congress.name, period),
      period,
      congress,
      statistics: now,
      changeFromPreviousQuarter: changes.previous,
      changeFromSameQuarterLastYear: changes.lastYear,
      topCategories: top,
      ...cases,
      summary: saved?.text ?? draft,
      summaryDraft: draft,
      summaryEditedAt: saved?.updatedAt ?? null,
      docxUrl: bulletinDocxUrl(period, report.congressId),
    };
  }

  /** Validates the year (1900 to the current year) and the quarter (1–4, or none for the year). */
  period(input: BulletinRequest): BulletinPeriod {
    const thisYear = Number(localDateOf(new Date(), this.officeTimeZone).slice(0, 4));
    const yearProblem = bulletinYearProblem(input.year, thisYear);
    if (yearProblem) throw badInput('year', yearProblem);
    const quarterProblem = bulletinQuarterProblem(input.quarter);
    if (quarterProblem) throw badInput('quarter', quarterProblem);
    return { year: input.year, quarter: input.quarter ?? null };
  }

  /**
   * The period's typical cases and its key or difficult cases, in order of receipt: the statistics' cases of the
   * scope, further limited to those the viewer may see. A key case's outcome is that of the latest reply to the
   * petitioner, or failing one the latest result a unit reported.
   */
  private async cases(ctx: RequestContext, report: ReportScope, period: BulletinPeriod, asOf: Date) {
    const flagged = async (flag: string) =>
      this.statistics
        .periodCases(ctx, report, bulletinDates(period), asOf)
        .andWhere(flag)
        .orderBy('c.receivedAt', 'ASC')
        .addOrderBy('c.id', 'ASC')
        .take(BULLETIN_CASES)
        .setParameter('bTrue', true)
        .getMany();
    const [typicalCases, key] = await Promise.all([flagged('c.isTypical = :bTrue'), flagged('(c.isKey = :bTrue OR c.isDifficult = :bTrue)')]);
    return { typicalCases, keyCaseResults: await this.outcomes(ctx, key, asOf) };
  }

  private async outcomes(ctx: RequestContext, cases: Case[], asOf: Date): Promise<KeyCaseResult[]> {
    if (!cases.length) return [];
    const ids = cases.map((c) => c.id);
    const [replies, results] = await Promise.all([
      ctx.repo(Reply).find({ where: { caseId: In(ids) }, order: { repliedAt: 'ASC' } }),
      ctx.repo(Assignment).find({ where: { caseId: In(ids) }, order: { resultReportedAt: 'ASC' } }),
    ]);
    const outcome = new Map<string, Outcome>();
    for (const a of results) if (a.resultOutcome && a.resultReportedAt && a.resultReportedAt <= asOf) outcome.set(a.caseId, a.resultOutcome);
    const replied = new Map<string, Outcome>();
    for (const r of replies) if (r.repliedAt <= asOf) replied.set(r.caseId, r.outcome);
    return cases.map((c) => ({ case: c, outcome: replied.get(c.id) ?? outcome.get(c.id) ?? null }));
  }
}
