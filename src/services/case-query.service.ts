import type { SelectQueryBuilder } from 'typeorm';
import type { RequestContext } from '../context/request-context';
import { Assignment } from '../entities/assignment.entity';
import { Case } from '../entities/case.entity';
import { DeadlineStateEnum } from '../entities/case-enums';
import { badInput, notFound } from '../errors/domain-error';
import { deadlineStateSql } from './deadline-sql';
import type { CaseFilter } from '../schema/inputs/case-workflow.inputs';
import { visibleCaseLoader } from '../loaders/case.loaders';
import type { LoaderFactory } from '../context/request-context';
import type { CaseAccessService } from './case-access.service';
import { decodeKeysetCursor, encodeKeysetCursor } from './keyset-cursor';

/** One page of the case list, newest first, with opaque keyset cursors. */
export interface CasePage {
  totalCount: number;
  edges: Array<{ cursor: string; node: Case }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

const encodeCursor = (c: Case) => encodeKeysetCursor(c.receivedAt, c.id);
const decodeCursor = decodeKeysetCursor;

/** The case list: visibility, filters, keyset pagination; two SQL statements per page (count and rows, sent together). */
export class CaseQueryService {
  /**
   * Cases by id as the viewer may see them (null when hidden). For reads that do not change the case within the
   * request, such as resolving a live event or a related case.
   */
  readonly visibleById: LoaderFactory<string, Case | null>;

  constructor(private readonly caseAccess: CaseAccessService) {
    this.visibleById = visibleCaseLoader(caseAccess);
  }

  /** The case when the viewer may see it, else null; batched with the request's other such reads. */
  visible(ctx: RequestContext, id: string): Promise<Case | null> {
    return ctx.loader(this.visibleById).load(id);
  }

  /** The case when the viewer may see it, else `NOT_FOUND`; batched like `visible`. */
  async requireVisible(ctx: RequestContext, id: string): Promise<Case> {
    const c = await this.visible(ctx, id);
    if (!c) throw notFound('信访件');
    return c;
  }

  /**
   * Keeps the cases the viewer may see, checked through the batched visibility loader: related cases on every
   * row of a list cost one visibility query together, not one per row.
   */
  async onlyVisible(ctx: RequestContext, cases: Case[]): Promise<Case[]> {
    const checked = await ctx.loader(this.visibleById).loadMany(cases.map((c) => c.id));
    return cases.filter((_, i) => checked[i] !== null && !(checked[i] instanceof Error));
  }

  async list(ctx: RequestContext, filter: CaseFilter = {}, first = 20, after?: string | null): Promise<CasePage> {
    if (!Number.isInteger(first) || first < 1 || first > 100) throw badInput('first', 'first 须在 1–100 之间');
    const qb = await this.caseAccess.visibleCases(ctx);
    const assignmentTable = ctx.app.db.dataSource.getMetadata(Assignment).tableName;
    if (filter.status?.length) qb.andWhere('c.status IN (:...fStatus)', { fStatus: filter.status });
    if (filter.channel?.length) qb.andWhere('c.channel IN (:...fChannel)', { fChannel: filter.channel });
    if (filter.matterId) qb.andWhere('c.matterId = :fMatter', { fMatter: filter.matterId });
    if (filter.isKey !== undefined && filter.isKey !== null) qb.andWhere('c.isKey = :fKey', { fKey: filter.isKey });
    if (filter.receivedFrom) qb.andWhere('c.receivedAt >= :fFrom', { fFrom: filter.receivedFrom });
    if (filter.receivedTo) qb.andWhere('c.receivedAt < :fTo', { fTo: filter.receivedTo });
    if (filter.unitId) {
      qb.andWhere(`EXISTS (SELECT 1 FROM ${assignmentTable} fu WHERE fu.caseId = c.id AND fu.unitId = :fUnit)`, { fUnit: filter.unitId });
    }
    if (filter.keyword) {
      // '!' as the escape character: in `ESCAPE '\'` MySQL/MariaDB read the backslash as escaping the closing quote
      const like = `%${filter.keyword.replace(/[!%_]/g, (m) => `!${m}`)}%`;
      qb.andWhere("(c.serialNo LIKE :kw ESCAPE '!' OR c.summary LIKE :kw ESCAPE '!' OR c.content LIKE :kw ESCAPE '!' OR c.category LIKE :kw ESCAPE '!')", { kw: like });
    }
    if (filter.deadlineState) this.whereDeadlineState(qb, assignmentTable, filter.deadlineState);

    const counting = qb.clone().getCount();
    if (after) {
      const [at, id] = decodeCursor(after);
      qb.andWhere('(c.receivedAt < :cAt OR (c.receivedAt = :cAt AND c.id < :cId))', { cAt: at, cId: id });
    }
    // the count and the page go to the pool together: two connections, one round trip of waiting
    const [totalCount, rows] = await Promise.all([counting, qb.orderBy('c.receivedAt', 'DESC').addOrderBy('c.id', 'DESC').take(first + 1).getMany()]);
    const page = rows.slice(0, first);
    return {
      totalCount,
      edges: page.map((node) => ({ cursor: encodeCursor(node), node })),
      pageInfo: {
        hasNextPage: rows.length > first,
        hasPreviousPage: Boolean(after),
        startCursor: page.length ? encodeCursor(page[0]) : null,
        endCursor: page.length ? encodeCursor(page[page.length - 1]) : null,
      },
    };
  }

  /** A case matches a deadline state when one of its assignments is in it now. */
  private whereDeadlineState(qb: SelectQueryBuilder<Case>, table: string, state: DeadlineStateEnum) {
    const { where, params } = deadlineStateSql('da', state, new Date());
    qb.andWhere(`EXISTS (SELECT 1 FROM ${table} da WHERE da.caseId = c.id AND ${where})`, params);
  }
}
