import type { RequestContext } from '../context/request-context';
import { Assignment } from '../entities/assignment.entity';
import { Case } from '../entities/case.entity';
import type { FlashReportKind } from '../entities/case-enums';
import { FlashReport } from '../entities/flash-report.entity';
import { badInput, notFound } from '../errors/domain-error';
import { mayReceiveFlashReport } from '../policy/access-policy';
import { flashReportSql } from '../policy/office-record.sql';
import type { FlashReportPayload } from '../subscriptions/pubsub';
import type { FlashReportSheet } from '../exports/flash-report-docx';
import type { CaseAccessService } from './case-access.service';

/**
 * 快报: a group visit or an urgent case, reported at once to the leaders and office staff of the owning congress and
 * of the congresses above it — never to a handling unit (docs/rules.md "The office's own duties"). Stored, pushed
 * after commit on `flashReports`, listed by period and printed as a one-page document.
 */
export class FlashReportService {
  constructor(private readonly caseAccess: CaseAccessService) {}

  /** Records a flash report about `c` in the current transaction and pushes it once the transaction commits. */
  async raise(ctx: RequestContext, c: Case, kind: FlashReportKind, reason: string | null): Promise<FlashReport> {
    const repo = ctx.repo(FlashReport);
    const report = await repo.save(repo.create({ caseId: c.id, kind, at: new Date(), reason, raisedById: ctx.user?.id ?? null }));
    const payload: FlashReportPayload = {
      flashReportId: report.id,
      caseId: c.id,
      kind,
      at: report.at.toISOString(),
      reason,
      access: { congressId: c.congressId, accusedUnitId: c.accusedUnitId },
    };
    ctx.afterCommit(async () => ctx.app.pubsub.publish('FLASH_REPORT', payload));
    return report;
  }

  /** Whether a pushed flash report reaches this subscriber: decided in memory on the facts it was raised with. */
  async mayReceive(ctx: RequestContext, payload: FlashReportPayload): Promise<boolean> {
    ctx.resetLoaders();
    return mayReceiveFlashReport(await this.caseAccess.scope(ctx), payload.access);
  }

  /** The flash reports raised in `[from, to)` that the viewer may see, newest first. `FORBIDDEN` outside any office. */
  async list(ctx: RequestContext, from: Date, to: Date): Promise<FlashReport[]> {
    const scope = await this.caseAccess.officeScope(ctx, '只有人大信访机构工作人员可以查看快报');
    if (to.getTime() <= from.getTime()) throw badInput('to', '截止时间须晚于起始时间');
    const { where, params } = flashReportSql(scope, 'c', ctx.app.db.dataSource.getMetadata(Assignment).tableName);
    return ctx
      .repo(FlashReport)
      .createQueryBuilder('f')
      .innerJoin(Case, 'c', 'c.id = f.caseId')
      .where('f.at >= :frFrom AND f.at < :frTo', { frFrom: from, frTo: to })
      .andWhere(where, params)
      .orderBy('f.at', 'DESC')
      .addOrderBy('f.id', 'DESC')
      .getMany();
  }

  /**
   * A case's flash reports as printed, oldest first, with the case. `NOT_FOUND` when the viewer may not see them
   * (a handling unit, another congress) or there are none, the same as for a case that does not exist.
   */
  async sheet(ctx: RequestContext, caseId: string): Promise<FlashReportSheet> {
    const scope = await this.caseAccess.scope(ctx);
    const c = await ctx.repo(Case).findOneBy({ id: caseId });
    if (!c || !mayReceiveFlashReport(scope, c)) throw notFound('快报');
    const reports = await ctx.repo(FlashReport).find({ where: { caseId }, order: { at: 'ASC', id: 'ASC' } });
    if (!reports.length) throw notFound('快报');
    const congress = (await ctx.app.units.all(ctx)).find((u) => u.id === c.congressId);
    return {
      congressName: congress?.name ?? '',
      serialNo: c.serialNo,
      receivedAt: c.receivedAt,
      channel: c.channel,
      personCount: c.personCount,
      category: c.category,
      summary: c.summary,
      reports: reports.map((r) => ({ kind: r.kind, at: r.at, reason: r.reason })),
    };
  }
}
