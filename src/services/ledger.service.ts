import { In } from 'typeorm';
import type { RequestContext } from '../context/request-context';
import { LEDGER_COLUMNS, ledgerRow } from '../domain/ledger';
import { Assignment } from '../entities/assignment.entity';
import type { Case } from '../entities/case.entity';
import { Petitioner } from '../entities/petitioner.entity';
import { Reply } from '../entities/reply.entity';
import { Supervision } from '../entities/supervision.entity';
import { User } from '../entities/user.entity';
import type { CaseAccessService } from './case-access.service';
import type { PetitionerService } from './petitioner.service';
import type { StatisticsService } from './statistics.service';

/** Cases read per query. Small enough that a page and its parts stay a few hundred kilobytes, large enough to keep round trips few. */
export const LEDGER_PAGE = 500;

/** A ledger ready to stream: its title, header and rows (each row already masked for the viewer). */
export interface Ledger {
  title: string;
  header: readonly string[];
  rows: AsyncIterable<string[]>;
}

/**
 * The ledger (电子台帐): every case of a period within a report scope with its routing, deadlines, supervision,
 * result and reply — the cases the statistics of the same period and scope count, as far as the viewer sees them.
 * Rows are produced page by page (keyset over receipt time and id) so that a year of cases streams with flat memory;
 * petitioners' phones go through PetitionerService, masked or in full (audited) by the viewer's permission.
 */
export class LedgerService {
  constructor(
    private readonly access: CaseAccessService,
    private readonly statistics: StatisticsService,
    private readonly petitioners: PetitionerService,
    private readonly officeTimeZone: string,
  ) {}

  /**
   * Hands the ledger to `write` once the period and the scope are checked, reading it from a replica when replicas
   * are configured; the replica connection is held until `write` has streamed every row.
   */
  stream(ctx: RequestContext, input: { from: string; to: string; unitId?: string | null }, write: (ledger: Ledger) => Promise<void>): Promise<void> {
    return ctx.onReplica(async (reader) => write(await this.ledger(reader, input)));
  }

  /** Checks the period and the scope (BAD_USER_INPUT, FORBIDDEN, NOT_FOUND) before a byte is sent. */
  async ledger(ctx: RequestContext, input: { from: string; to: string; unitId?: string | null }): Promise<Ledger> {
    const period = this.statistics.period(input);
    const report = await this.access.reportScope(ctx, input.unitId);
    const congress = (await ctx.app.units.all(ctx)).find((u) => u.id === report.congressId);
    const asOf = new Date();
    const pages = async function* (this: LedgerService): AsyncGenerator<string[]> {
      let after: { at: Date; id: string } | null = null;
      for (;;) {
        const qb = this.statistics.periodCases(ctx, report, period, asOf).orderBy('c.receivedAt', 'ASC').addOrderBy('c.id', 'ASC').take(LEDGER_PAGE);
        if (after) qb.andWhere('(c.receivedAt > :lgAt OR (c.receivedAt = :lgAt AND c.id > :lgId))', { lgAt: after.at, lgId: after.id });
        const cases = await qb.getMany();
        if (!cases.length) return;
        for (const row of await this.rowsOf(ctx, cases)) yield row;
        const last = cases[cases.length - 1];
        after = { at: last.receivedAt, id: last.id };
        if (cases.length < LEDGER_PAGE) return;
      }
    }.call(this);
    return { title: `${congress?.name ?? ''}信访电子台帐（${period.from}至${period.to}前）`, header: LEDGER_COLUMNS, rows: pages };
  }

  private async rowsOf(ctx: RequestContext, cases: Case[]): Promise<string[][]> {
    const ids = cases.map((c) => c.id);
    const [assignments, petitioners, replies, units] = await Promise.all([
      ctx.repo(Assignment).find({ where: { caseId: In(ids) }, order: { assignedAt: 'ASC' } }),
      ctx.repo(Petitioner).find({ where: { caseId: In(ids) }, order: { position: 'ASC' } }),
      ctx.repo(Reply).find({ where: { caseId: In(ids) }, order: { repliedAt: 'ASC' } }),
      ctx.app.units.all(ctx),
    ]);
    const supervised = assignments.length
      ? await ctx
          .repo(Supervision)
          .createQueryBuilder('s')
          .select('s.assignmentId', 'assignmentId')
          .addSelect('COUNT(*)', 'n')
          .where('s.assignmentId IN (:...ids)', { ids: assignments.map((a) => a.id) })
          .groupBy('s.assignmentId')
          .getRawMany<{ assignmentId: string; n: unknown }>()
      : [];
    const counts = new Map(supervised.map((s) => [s.assignmentId, Number(s.n)]));
    const handlerIds = [...new Set(assignments.map((a) => a.handlerId).filter((id): id is string => !!id))];
    const handlers = handlerIds.length ? await ctx.repo(User).find({ where: { id: In(handlerIds) }, select: { id: true, displayName: true } }) : [];
    const handlerName = new Map(handlers.map((u) => [u.id, u.displayName]));
    const unitName = new Map(units.map((u) => [u.id, u.name]));
    // the page's phones in one go, so that the audit of full ones is one INSERT per page
    const masked = await Promise.all(
      petitioners.map(async (p) => ({ caseId: p.caseId, name: p.name, idNumberMasked: p.idNumberMasked, phone: await this.petitioners.read(ctx, p, 'phone') })),
    );
    const petitionersOf = byCase(masked);
    const assignmentsOf = byCase(assignments);
    const lastReply = new Map(replies.map((r) => [r.caseId, r]));
    const out: string[][] = [];
    for (const c of cases) {
      const reply = lastReply.get(c.id) ?? null;
      const row = ledgerRow(
        {
          ...c,
          referredFrom: c.referredFromUnitId ? (unitName.get(c.referredFromUnitId) ?? null) : null,
          petitioners: petitionersOf.get(c.id) ?? [],
          assignments: (assignmentsOf.get(c.id) ?? [])
            .map((a) => ({
              unit: unitName.get(a.unitId) ?? '',
              mode: a.mode,
              role: a.role,
              dueAt: a.dueAt,
              outcome: a.resultOutcome,
              supervisions: counts.get(a.id) ?? 0,
              leader: a.responsibleLeaderName ? { name: a.responsibleLeaderName, title: a.responsibleLeaderTitle } : null,
              handler: a.handlerId ? (handlerName.get(a.handlerId) ?? null) : null,
            })),
          lastReply: reply ? { repliedAt: reply.repliedAt, outcome: reply.outcome } : null,
        },
        this.officeTimeZone,
      );
      out.push(row);
    }
    return out;
  }
}

/** Rows grouped by their case, each group in the order read. */
function byCase<T extends { caseId: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.caseId);
    if (group) group.push(row);
    else groups.set(row.caseId, [row]);
  }
  return groups;
}
