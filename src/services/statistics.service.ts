import type { SelectQueryBuilder } from 'typeorm';
import { queryOf, rawRowsOf } from '../db/plain-statements';
import type { RequestContext } from '../context/request-context';
import { isValidLocalDate, startOfLocalDay } from '../domain/office-time';
import { chineseOrder, periodMonths, rate, reportSentence, type ReportPeriod, type StatisticsFigures } from '../domain/statistics';
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

/**
 * The bounds of a report's period over a congress column and a receipt column: in the scope's congresses, received
 * in [from, to) and by asOf (`:...stScope`, `:stFrom`, `:stTo`, `:stAsOf`). Over a case's own columns or over the
 * copies an assignment carries of them.
 */
const periodBounds = (congress: string, receivedAt: string) =>
  `${congress} IN (:...stScope) AND ${receivedAt} >= :stFrom AND ${receivedAt} < :stTo AND ${receivedAt} <= :stAsOf`;

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
    const [groups, byUnit, allUnits] = await Promise.all([rawRowsOf(plan.grouped), this.byUnit(plan.byUnit), ctx.app.units.all(ctx)]);

    // at most (categories × months × channels × referred or not) groups; every figure is a sum over some of them
    const totals = { received: 0, overdue: byUnit.overdueCases, intakeOverdue: 0 };
    const letters = { received: 0, closed: 0 };
    const referrals = { received: 0, closed: 0 };
    const visits = { batches: 0, persons: 0, replied: 0 };
    const byCategory = new Map<string, { received: number; closed: number }>();
    const byMonth = new Map<string, { received: number; closed: number }>();
    const add = (into: Map<string, { received: number; closed: number }>, key: string, received: number, closed: number) => {
      const row = into.get(key) ?? { received: 0, closed: 0 };
      row.received += received;
      row.closed += closed;
      into.set(key, row);
    };
    for (const g of groups) {
      const [received, closed] = [n(g.received), n(g.closed)];
      totals.received += received;
      totals.intakeOverdue += n(g.intakeOverdue);
      add(byCategory, String(g.category), received, closed);
      add(byMonth, String(g.month), received, closed);
      // DESIGN.md "Statistics": a referral counts as a referral whatever its channel; letters and visits are not referred
      if (n(g.referred)) {
        referrals.received += received;
        referrals.closed += closed;
      } else if (LETTERS.includes(g.channel as CaseChannel)) {
        letters.received += received;
        letters.closed += closed;
      } else if (g.channel === CaseChannel.VISIT) {
        visits.batches += received;
        visits.persons += n(g.persons);
        visits.replied += n(g.replied);
      }
    }
    const totalReceived = totals.received;
    const figures = {
      totalReceived,
      letters: { ...letters, closureRate: rate(letters.closed, letters.received) },
      visits: { ...visits, replyRate: rate(visits.replied, visits.batches) },
      referrals: { ...referrals, closureRate: rate(referrals.closed, referrals.received) },
    };
    const units = new Map(allUnits.map((u) => [u.id, u]));
    return {
      ...figures,
      overdue: totals.overdue,
      intakeOverdue: totals.intakeOverdue,
      byCategory: [...byCategory]
        .map(([category, r]) => ({ category, ...r }))
        .sort((a, b) => b.received - a.received || chineseOrder(a.category, b.category)),
      byMonth: months.map(({ month }) => ({ month, received: byMonth.get(month)?.received ?? 0, closed: byMonth.get(month)?.closed ?? 0 })),
      byUnit: byUnit.units
        .filter((r) => units.has(r.unitId))
        .map((r) => ({ ...r, unit: units.get(r.unitId)! }))
        .sort((a, b) => b.assigned - a.assigned || chineseOrder(a.unit.name, b.unit.name)),
      sentence: reportSentence(figures),
    };
  }

  /**
   * The aggregate statements the figures come from, built and not run: the period's cases grouped by category,
   * month, channel and referred or not, with every case fact summed per group (one pass over an index of the cases,
   * the history asked only where the row cannot decide: `caseFacts`), and the assignments per unit with the overdue
   * cases (`unitFacts`). A period of two months or more has its per-unit statement in two halves at a month
   * boundary, so that a long report keeps both of a database server's cores busy while the grouped one runs.
   * `compute` runs them all at once; the benchmark runs the same SQL directly and explains it.
   */
  plan(ctx: RequestContext, report: ReportScope, period: ReportPeriod, asOf: Date) {
    const months = periodMonths(period, this.officeTimeZone);
    const rows = this.periodFacts(ctx, report, period, asOf, months);
    const middle = months.length >= 2 ? `${months[Math.floor(months.length / 2)].month}-01` : null;
    const parts = middle ? [{ from: period.from, to: middle }, { from: middle, to: period.to }] : [period];
    return {
      // each case fact is summed once per group: the letters, visits and referrals are groups of channels, told
      // apart by `compute`
      grouped: ctx.manager
        .createQueryBuilder()
        .from(`(${queryOf(rows)})`, 'x')
        .setParameters(rows.getParameters())
        .select('x.category', 'category')
        .addSelect('x.month', 'month')
        .addSelect('x.channel', 'channel')
        .addSelect('x.referred', 'referred')
        .addSelect('COUNT(*)', 'received')
        .addSelect('SUM(x.finished)', 'closed')
        .addSelect('SUM(x.personCount)', 'persons')
        .addSelect('SUM(x.replied)', 'replied')
        .addSelect('SUM(x.intakeOverdue)', 'intakeOverdue')
        .groupBy('x.category')
        .addGroupBy('x.month')
        .addGroupBy('x.channel')
        .addGroupBy('x.referred'),
      byUnit: parts.map((part) => this.unitFacts(ctx, report, part, asOf)),
    };
  }

  /**
   * The assignments on a period's cases, per unit, at asOf: made, delivered on time, delivered at all, overdue; and
   * `overdueCases`, the cases with an assignment overdue at asOf (DESIGN.md's case-level `overdue`), each counted at
   * its overdue assignment with the lowest id, so that the rows add up to it whatever the units. Only an overdue
   * assignment asks for its case's other assignments.
   *
   * The assignments are read from one range of `ix_assignment_report`, by the case's congress and receipt that each
   * assignment carries (copied when it is made; neither ever changes), not by a look-up per case. The period's cases
   * in the scope's congresses that `periodCases` nonetheless leaves out (the policy's exclusions, lower copies of a
   * referred petition) are few: they are gathered once, by `periodCases`'s own condition, and their assignments
   * dropped. DISTINCT keeps MySQL from folding that set back into a look-up per assignment.
   */
  private unitFacts(ctx: RequestContext, report: ReportScope, period: ReportPeriod, asOf: Date) {
    const sum = (cond: string) => `SUM(CASE WHEN ${cond} THEN 1 ELSE 0 END)`;
    const d = deadlineAtSql('a', asOf);
    const meta = ctx.manager.connection;
    const assignments = meta.getMetadata(Assignment).tableName;
    const inPeriod = this.periodCaseCondition(ctx, report, period, asOf);
    const leftOut = `(SELECT DISTINCT c.id AS id FROM ${meta.getMetadata(Case).tableName} c WHERE ${periodBounds('c.congressId', 'c.receivedAt')} AND (${inPeriod.where}) IS NOT TRUE)`;
    const earlierOverdue = `EXISTS (SELECT 1 FROM ${assignments} oa WHERE oa.caseId = a.caseId AND oa.id < a.id AND ${deadlineAtSql('oa', asOf).overdue})`;
    return ctx.manager
      .createQueryBuilder()
      .from(Assignment, 'a')
      .leftJoin(leftOut, 'x', 'x.id = a.caseId')
      .select('a.unitId', 'unitId')
      .addSelect(sum(d.made), 'assigned')
      .addSelect(sum(d.onTime), 'onTime')
      .addSelect(sum(d.delivered), 'delivered')
      .addSelect(sum(d.overdue), 'overdue')
      .addSelect(sum(`${d.overdue} AND NOT ${earlierOverdue}`), 'overdueCases')
      .where(periodBounds('a.caseCongressId', 'a.caseReceivedAt'))
      .andWhere(d.made)
      .andWhere('x.id IS NULL')
      .setParameters({ ...inPeriod.params, ...d.params })
      .groupBy('a.unitId');
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
   * as the viewer sees them (the access policy's case predicate over the report's congresses), and with a petition
   * counted once — a lower congress's copy made by `referCase` drops out wherever the upper case is in scope.
   */
  periodCases(ctx: RequestContext, report: ReportScope, period: ReportPeriod, asOf: Date): SelectQueryBuilder<Case> {
    const { where, params } = this.periodCaseCondition(ctx, report, period, asOf);
    return ctx.repo(Case).createQueryBuilder('c').where(where, params);
  }

  /**
   * `periodCases`'s condition over a case aliased `c`, with its parameters: the period's bounds (`periodBounds`) and
   * then who the report counts. The bounds are part of it on purpose: `unitFacts` selects by the same bounds on the
   * assignments' copies of the case's congress and receipt, and needs every counted case to lie within them.
   */
  private periodCaseCondition(ctx: RequestContext, report: ReportScope, period: ReportPeriod, asOf: Date): { where: string; params: Record<string, unknown> } {
    const caseTable = ctx.manager.connection.getMetadata(Case).tableName;
    const { where, params } = caseVisibilitySql(reportCaseScope(report), 'c', ctx.manager.connection.getMetadata(Assignment).tableName, 'rp');
    return {
      where:
        `(${periodBounds('c.congressId', 'c.receivedAt')}) ` +
        `AND (${where}) ` +
        `AND (c.referredFromCaseId IS NULL OR NOT EXISTS (SELECT 1 FROM ${caseTable} up WHERE up.id = c.referredFromCaseId AND up.congressId IN (:...stScope)))`,
      params: {
        ...params,
        stFrom: startOfLocalDay(period.from, this.officeTimeZone),
        stTo: startOfLocalDay(period.to, this.officeTimeZone),
        stAsOf: asOf,
        stScope: report.congressIds,
      },
    };
  }

  /**
   * The facts of a period case that depend on its history, as SQL over the case aliased `c` judged at `:stAsOf`
   * (plus `params`). `definition` is DESIGN.md's wording over the event history, replies and assignments. Finished
   * and replied also have a `fast` form that reads markers the services keep on the case row and asks the history
   * only where the row cannot decide, so that a year of a city's cases is one pass over an index; overdue is counted
   * from the assignments' side instead (`unitFacts`). test/statistics-markers.e2e-spec.ts holds the fast forms and
   * the overdue count equal to the definitions over every case of a workflow, at every instant that matters.
   *
   * - finished: `CaseService.transition` stamps `finishedAt` with the finishing event's own instant when a case
   *   finishes and clears it when the case is reopened, so a case with `finishedAt` at or before asOf has finished
   *   then and not been reopened since: finished. Without that, a case never reopened (`reviewCount` 0) has had no
   *   finishing event by asOf: not finished. Only a reopened case asks its history.
   * - replied: `lastRepliedAt` is the latest reply's instant (replies are never removed): none means no, one by asOf
   *   means yes; only a case last answered after asOf asks its replies.
   */
  caseFacts(ctx: RequestContext, asOf: Date) {
    const meta = ctx.manager.connection;
    const events = meta.getMetadata(CaseEventRecord).tableName;
    const replies = meta.getMetadata(Reply).tableName;
    const assignments = meta.getMetadata(Assignment).tableName;
    const deadline = deadlineAtSql('oa', asOf);
    const finished =
      `EXISTS (SELECT 1 FROM ${events} fe WHERE fe.caseId = c.id AND fe.type IN (${FINISHING.map((t) => `'${t}'`).join(', ')}) AND fe.at <= :stAsOf ` +
      `AND NOT EXISTS (SELECT 1 FROM ${events} re WHERE re.caseId = c.id AND re.type = '${CaseEventType.REOPENED}' AND re.at <= :stAsOf ` +
      'AND (re.at > fe.at OR (re.at = fe.at AND re.seq > fe.seq))))';
    const replied = `EXISTS (SELECT 1 FROM ${replies} rp WHERE rp.caseId = c.id AND rp.repliedAt <= :stAsOf)`;
    const overdue = `EXISTS (SELECT 1 FROM ${assignments} oa WHERE oa.caseId = c.id AND ${deadline.overdue})`;
    const finishedByRow = '(c.finishedAt IS NOT NULL AND c.finishedAt <= :stAsOf)';
    return {
      finished: { definition: finished, fast: `(${finishedByRow} OR (c.reviewCount > 0 AND ${finished}))` },
      replied: { definition: replied, fast: `(c.lastRepliedAt IS NOT NULL AND (c.lastRepliedAt <= :stAsOf OR ${replied}))` },
      overdue: { definition: overdue },
      params: { stAsOf: asOf, ...deadline.params },
    };
  }

  /** One row per period case with the facts the figures count, each a 0/1 flag. */
  private periodFacts(ctx: RequestContext, report: ReportScope, period: ReportPeriod, asOf: Date, months: ReturnType<typeof periodMonths>) {
    const facts = this.caseFacts(ctx, asOf);
    // month boundaries are computed in office time in code and compared as instants, the same on both engines
    const month = `CASE ${months.map((m, i) => `WHEN c.receivedAt < :stMonth${i} THEN '${m.month}'`).join(' ')} END`;
    const flag = (cond: string) => `CASE WHEN ${cond} THEN 1 ELSE 0 END`;
    return this.periodCases(ctx, report, period, asOf)
      .select('c.channel', 'channel')
      .addSelect(flag('c.referredFromUnitId IS NOT NULL'), 'referred')
      .addSelect('c.personCount', 'personCount')
      .addSelect('c.category', 'category')
      .addSelect(month, 'month')
      .addSelect(flag(facts.finished.fast), 'finished')
      .addSelect(flag(facts.replied.fast), 'replied')
      .addSelect(flag(intakeOverdueAtSql('c')), 'intakeOverdue')
      .setParameters({ ...facts.params, ...Object.fromEntries(months.map((m, i) => [`stMonth${i}`, m.endsAt])) });
  }

  /** The per-unit rows of every part of the period, added up unit by unit, and the overdue cases of them all. */
  private async byUnit(parts: Array<SelectQueryBuilder<Assignment>>) {
    const units = new Map<string, { assigned: number; onTime: number; delivered: number; overdue: number }>();
    let overdueCases = 0;
    for (const rows of await Promise.all(parts.map((q) => rawRowsOf(q)))) {
      for (const r of rows) {
        const unit = units.get(String(r.unitId)) ?? { assigned: 0, onTime: 0, delivered: 0, overdue: 0 };
        unit.assigned += n(r.assigned);
        unit.onTime += n(r.onTime);
        unit.delivered += n(r.delivered);
        unit.overdue += n(r.overdue);
        units.set(String(r.unitId), unit);
        overdueCases += n(r.overdueCases);
      }
    }
    return {
      overdueCases,
      units: [...units].map(([unitId, r]) => ({
        unitId,
        assigned: r.assigned,
        reportedOnTime: r.onTime,
        overdue: r.overdue,
        onTimeRate: rate(r.onTime, r.delivered + r.overdue),
      })),
    };
  }
}
