import type { SelectQueryBuilder } from 'typeorm';
import type { RequestContext } from '../context/request-context';
import { isValidLocalDate, startOfLocalDay } from '../domain/office-time';
import { periodMonths, rate, reportSentence, type ReportPeriod, type StatisticsFigures } from '../domain/statistics';
import { Assignment } from '../entities/assignment.entity';
import { CaseChannel, CaseEventType } from '../entities/case-enums';
import { CaseEventRecord } from '../entities/case-event.entity';
import { Case } from '../entities/case.entity';
import { Reply } from '../entities/reply.entity';
import type { Unit } from '../entities/unit.entity';
import { badInput } from '../errors/domain-error';
import { reportCaseScope, type ReportScope } from '../policy/access-policy';
import { caseVisibilitySql } from '../policy/case-visibility.sql';
import type { CaseAccessService } from './case-access.service';
import { deadlineAtSql, intakeOverdueAtSql } from './deadline-sql';

/** What a statistics request asks for, as the API takes it. */
export interface StatisticsRequest {
  from: string;
  to: string;
  asOf?: Date | null;
  unitId?: string | null;
}

const FINISHING = [CaseEventType.CLOSED, CaseEventType.DECLINED, CaseEventType.ARCHIVED];
const LETTERS = [CaseChannel.LETTER, CaseChannel.ONLINE];
// A CASE over month boundaries grows with the period; ten years keeps it small and covers any real report.
const MAX_PERIOD_MONTHS = 120;

const n = (v: unknown) => Number(v ?? 0);
/** The counts summed per group by `plan`'s grouped query and over the groups by `compute`. */
const TOTALS = ['received', 'lettersReceived', 'lettersClosed', 'batches', 'persons', 'replied', 'referralsReceived', 'referralsClosed', 'overdue', 'intakeOverdue'] as const;

/**
 * Statistics (DESIGN.md "Statistics"): the cases received in a period within a congress's scope, as they stood at
 * an instant. Every figure is one SQL aggregation over indexed columns — the case predicate of the access policy,
 * the case-event history for "finished at asOf" and the deadline rules judged at asOf — never cases loaded into
 * memory. The ledger and the bulletin select their cases with the same `periodCases`. Reports read from a replica
 * when replicas are configured (`ctx.onReplica`).
 */
export class StatisticsService {
  constructor(
    private readonly access: CaseAccessService,
    private readonly officeTimeZone: string,
  ) {}

  /** The statistics of `input`'s period and scope; NOT_FOUND (unitId) for a scope the viewer may not see. */
  async statistics(ctx: RequestContext, input: StatisticsRequest): Promise<StatisticsFigures<Unit>> {
    const period = this.period(input);
    const report = await this.access.reportScope(ctx, input.unitId);
    return ctx.onReplica((reader) => this.compute(reader, report, period, input.asOf ?? new Date()));
  }

  /** Validates a period's dates (YYYY-MM-DD, from before to, at most ten years). */
  period(input: { from: string; to: string }): ReportPeriod {
    if (!isValidLocalDate(input.from)) throw badInput('from', '起始日期无效（应为 YYYY-MM-DD）');
    if (!isValidLocalDate(input.to)) throw badInput('to', '截止日期无效（应为 YYYY-MM-DD）');
    if (input.to <= input.from) throw badInput('to', '截止日期须晚于起始日期（区间含起始日、不含截止日）');
    if (periodMonths(input, this.officeTimeZone).length > MAX_PERIOD_MONTHS) throw badInput('to', '统计区间不能超过十年');
    return { from: input.from, to: input.to };
  }

  /** The figures of a scope the caller has already checked. */
  async compute(ctx: RequestContext, report: ReportScope, period: ReportPeriod, asOf: Date): Promise<StatisticsFigures<Unit>> {
    const months = periodMonths(period, this.officeTimeZone);
    const plan = this.plan(ctx, report, period, asOf);
    const [groups, byUnit] = await Promise.all([plan.grouped.getRawMany<Record<string, unknown>>(), this.byUnit(plan.byUnit)]);

    // at most (categories × months) groups: the totals, the categories and the months are sums over them
    const totals = new Map<string, number>();
    const byCategory = new Map<string, { received: number; closed: number }>();
    const byMonth = new Map<string, { received: number; closed: number }>();
    const add = (into: Map<string, { received: number; closed: number }>, key: string, g: Record<string, unknown>) => {
      const row = into.get(key) ?? { received: 0, closed: 0 };
      row.received += n(g.received);
      row.closed += n(g.closed);
      into.set(key, row);
    };
    for (const g of groups) {
      for (const key of TOTALS) totals.set(key, (totals.get(key) ?? 0) + n(g[key]));
      add(byCategory, String(g.category), g);
      add(byMonth, String(g.month), g);
    }
    const t = (key: (typeof TOTALS)[number]) => totals.get(key) ?? 0;
    const letters = { received: t('lettersReceived'), closed: t('lettersClosed'), closureRate: rate(t('lettersClosed'), t('lettersReceived')) };
    const referrals = { received: t('referralsReceived'), closed: t('referralsClosed'), closureRate: rate(t('referralsClosed'), t('referralsReceived')) };
    const visits = { batches: t('batches'), persons: t('persons'), replied: t('replied'), replyRate: rate(t('replied'), t('batches')) };
    const totalReceived = t('received');
    const units = new Map((await ctx.app.units.all(ctx)).map((u) => [u.id, u]));
    return {
      totalReceived,
      letters,
      visits,
      referrals,
      overdue: t('overdue'),
      intakeOverdue: t('intakeOverdue'),
      byCategory: [...byCategory]
        .map(([category, r]) => ({ category, ...r }))
        .sort((a, b) => b.received - a.received || a.category.localeCompare(b.category, 'zh-CN')),
      byMonth: months.map(({ month }) => ({ month, received: byMonth.get(month)?.received ?? 0, closed: byMonth.get(month)?.closed ?? 0 })),
      byUnit: byUnit
        .filter((r) => units.has(r.unitId))
        .map((r) => ({ ...r, unit: units.get(r.unitId)! }))
        .sort((a, b) => b.assigned - a.assigned || a.unit.name.localeCompare(b.unit.name, 'zh-CN')),
      sentence: reportSentence({ totalReceived, letters, visits, referrals }),
    };
  }

  /**
   * The two aggregate queries the figures come from, built and not run: the period's cases grouped by category and
   * month with every count summed per group (one pass over the cases and their event history), and the assignments
   * per unit. `compute` runs them; the benchmark runs the same SQL directly and explains it.
   */
  plan(ctx: RequestContext, report: ReportScope, period: ReportPeriod, asOf: Date) {
    const months = periodMonths(period, this.officeTimeZone);
    const rows = this.periodFacts(ctx, report, period, asOf, months);
    const lettersRx = `x.channel IN (${LETTERS.map((c) => `'${c}'`).join(', ')}) AND x.referredFromUnitId IS NULL`;
    const visitRx = `x.channel = '${CaseChannel.VISIT}' AND x.referredFromUnitId IS NULL`;
    const referralRx = 'x.referredFromUnitId IS NOT NULL';
    const sum = (cond: string, value = '1') => `SUM(CASE WHEN ${cond} THEN ${value} ELSE 0 END)`;
    const d = deadlineAtSql('a', asOf);
    return {
      grouped: ctx.manager
        .createQueryBuilder()
        .from(`(${rows.getQuery()})`, 'x')
        .setParameters(rows.getParameters())
        .select('x.category', 'category')
        .addSelect('x.month', 'month')
        .addSelect('COUNT(*)', 'received')
        .addSelect(sum('x.finished = 1'), 'closed')
        .addSelect(sum(lettersRx), 'lettersReceived')
        .addSelect(sum(`${lettersRx} AND x.finished = 1`), 'lettersClosed')
        .addSelect(sum(visitRx), 'batches')
        .addSelect(sum(visitRx, 'x.personCount'), 'persons')
        .addSelect(sum(`${visitRx} AND x.replied = 1`), 'replied')
        .addSelect(sum(referralRx), 'referralsReceived')
        .addSelect(sum(`${referralRx} AND x.finished = 1`), 'referralsClosed')
        .addSelect(sum('x.overdue = 1'), 'overdue')
        .addSelect(sum('x.intakeOverdue = 1'), 'intakeOverdue')
        .groupBy('x.category')
        .addGroupBy('x.month'),
      // assignments on the period's cases, per unit: made, delivered on time, delivered at all, overdue — at asOf
      byUnit: this.periodCases(ctx, report, period, asOf)
        .innerJoin(Assignment, 'a', 'a.caseId = c.id')
        .select('a.unitId', 'unitId')
        .addSelect(sum(d.made), 'assigned')
        .addSelect(sum(d.onTime), 'onTime')
        .addSelect(sum(d.delivered), 'delivered')
        .addSelect(sum(d.overdue), 'overdue')
        .andWhere(d.made)
        .setParameters(d.params)
        .groupBy('a.unitId'),
    };
  }

  /** Cases received per category in a period (the trailing year a bulletin compares its leading categories with). */
  async categoryCounts(ctx: RequestContext, report: ReportScope, period: ReportPeriod, asOf: Date): Promise<Map<string, number>> {
    const rows = await this.periodCases(ctx, report, period, asOf)
      .select('c.category', 'category')
      .addSelect('COUNT(*)', 'received')
      .groupBy('c.category')
      .getRawMany<Record<string, unknown>>();
    return new Map(rows.map((r) => [String(r.category), n(r.received)]));
  }

  /**
   * The cases of a period within a report's scope, aliased `c`: received in [from, to) in office time and by asOf,
   * seen as the reported congress's office sees them (the access policy's case predicate), and with a petition
   * counted once — a lower congress's copy made by `referCase` drops out wherever the upper case is in scope.
   */
  periodCases(ctx: RequestContext, report: ReportScope, period: ReportPeriod, asOf: Date): SelectQueryBuilder<Case> {
    const caseTable = ctx.manager.connection.getMetadata(Case).tableName;
    const { where, params } = caseVisibilitySql(reportCaseScope(report), 'c', ctx.manager.connection.getMetadata(Assignment).tableName, 'rp');
    return ctx
      .repo(Case)
      .createQueryBuilder('c')
      .where('c.receivedAt >= :stFrom AND c.receivedAt < :stTo AND c.receivedAt <= :stAsOf', {
        stFrom: startOfLocalDay(period.from, this.officeTimeZone),
        stTo: startOfLocalDay(period.to, this.officeTimeZone),
        stAsOf: asOf,
      })
      .andWhere(where, params)
      .andWhere(`(c.referredFromCaseId IS NULL OR NOT EXISTS (SELECT 1 FROM ${caseTable} up WHERE up.id = c.referredFromCaseId AND up.congressId IN (:...stScope)))`, {
        stScope: report.congressIds,
      });
  }

  /**
   * The period's cases that the viewer may also see themselves, for what lists cases one by one (the ledger, the
   * bulletin's cases) rather than counting them: a report's scope may hold a case its viewer never sees, such as an
   * accusation against the viewer's own congress registered below it.
   */
  async visiblePeriodCases(ctx: RequestContext, report: ReportScope, period: ReportPeriod, asOf: Date): Promise<SelectQueryBuilder<Case>> {
    return this.access.restrict(this.periodCases(ctx, report, period, asOf), await this.access.scope(ctx));
  }

  /** "Finished at asOf": the last close, decline or archive at or before asOf with no reopening after it by asOf. */
  finishedSql(ctx: RequestContext): string {
    const events = ctx.manager.connection.getMetadata(CaseEventRecord).tableName;
    return (
      `EXISTS (SELECT 1 FROM ${events} fe WHERE fe.caseId = c.id AND fe.type IN (${FINISHING.map((t) => `'${t}'`).join(', ')}) AND fe.at <= :stAsOf ` +
      `AND NOT EXISTS (SELECT 1 FROM ${events} re WHERE re.caseId = c.id AND re.type = '${CaseEventType.REOPENED}' AND re.at <= :stAsOf ` +
      'AND (re.at > fe.at OR (re.at = fe.at AND re.seq > fe.seq))))'
    );
  }

  /** One row per period case with the facts the figures count, each a 0/1 flag. */
  private periodFacts(ctx: RequestContext, report: ReportScope, period: ReportPeriod, asOf: Date, months: ReturnType<typeof periodMonths>) {
    const meta = ctx.manager.connection;
    const assignments = meta.getMetadata(Assignment).tableName;
    const replies = meta.getMetadata(Reply).tableName;
    const deadline = deadlineAtSql('oa', asOf);
    // month boundaries are computed in office time in code and compared as instants, the same on both engines
    const month = `CASE ${months.map((m, i) => `WHEN c.receivedAt < :stMonth${i} THEN '${m.month}'`).join(' ')} END`;
    const flag = (cond: string) => `CASE WHEN ${cond} THEN 1 ELSE 0 END`;
    return this.periodCases(ctx, report, period, asOf)
      .select('c.channel', 'channel')
      .addSelect('c.referredFromUnitId', 'referredFromUnitId')
      .addSelect('c.personCount', 'personCount')
      .addSelect('c.category', 'category')
      .addSelect(month, 'month')
      .addSelect(flag(this.finishedSql(ctx)), 'finished')
      .addSelect(flag(`EXISTS (SELECT 1 FROM ${replies} rp WHERE rp.caseId = c.id AND rp.repliedAt <= :stAsOf)`), 'replied')
      .addSelect(flag(`EXISTS (SELECT 1 FROM ${assignments} oa WHERE oa.caseId = c.id AND ${deadline.overdue})`), 'overdue')
      .addSelect(flag(intakeOverdueAtSql('c')), 'intakeOverdue')
      .setParameters({ ...deadline.params, ...Object.fromEntries(months.map((m, i) => [`stMonth${i}`, m.endsAt])) });
  }

  private async byUnit(query: SelectQueryBuilder<Case>) {
    const rows = await query.getRawMany<Record<string, unknown>>();
    return rows.map((r) => {
      const reportedOnTime = n(r.onTime);
      const overdue = n(r.overdue);
      return { unitId: String(r.unitId), assigned: n(r.assigned), reportedOnTime, overdue, onTimeRate: rate(reportedOnTime, n(r.delivered) + overdue) };
    });
  }
}
