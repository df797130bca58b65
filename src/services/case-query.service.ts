import type { SelectQueryBuilder } from 'typeorm';
import type { RequestContext } from '../context/request-context';
import { Assignment } from '../entities/assignment.entity';
import { Case } from '../entities/case.entity';
import { AssignmentStatus, DeadlineStateEnum } from '../entities/case-enums';
import { isOpenAssignment } from '../domain/case-workflow';
import { CaseOrderField, DEFAULT_CASE_ORDER, OrderDirection, type CaseOrder } from '../schema/inputs/case-order.input';
import { badInput, notFound } from '../errors/domain-error';
import { deadlineStateSql, officeClockStateSql } from './deadline-sql';
import type { CaseFilter } from '../schema/inputs/case-workflow.inputs';
import { visibleCaseLoader } from '../loaders/case.loaders';
import type { LoaderFactory } from '../context/request-context';
import type { CaseAccessService } from './case-access.service';
import { assignmentVisibilitySql } from '../policy/case-visibility.sql';
import { rawAndEntities } from '../db/entity-rows';
import { countOf } from '../db/plain-statements';

/** One page of the case list in the order asked for, with opaque keyset cursors. */
export interface CasePage {
  totalCount: number;
  edges: Array<{ cursor: string; node: Case }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

const OPEN_ASSIGNMENT = Object.values(AssignmentStatus).filter(isOpenAssignment);

/**
 * An edge of a page whose cursor is written only when asked for (most lists read the end cursor alone). The getter
 * lives on the class: a getter written in an object literal gives each edge a hidden class of its own, which V8
 * allocates in the old generation, and those dead classes then held the page's rows through young-generation
 * collections until the next full one (80 KB promoted per list request).
 */
class CaseEdge {
  constructor(
    readonly node: Case,
    private readonly index: number,
    private readonly cursorOf: (index: number) => string,
  ) {}

  get cursor(): string {
    return this.cursorOf(this.index);
  }
}

/** A sort key as SQL over the case aliased `c`, and whether it can be null (nulls always come last). */
interface SortKey {
  sql: (assignmentTable: string, visible: (alias: string) => string) => string;
  kind: 'instant' | 'text';
  nullable: boolean;
}

const SORT_KEYS: Record<CaseOrderField, SortKey> = {
  RECEIVED_AT: { sql: () => 'c.receivedAt', kind: 'instant', nullable: false },
  SERIAL_NO: { sql: () => 'c.serialNo', kind: 'text', nullable: false },
  DUE_AT: {
    // only the assignments the viewer may see count, so the order tells a unit nothing of another unit's
    sql: (table, visible) => `(SELECT MIN(od.dueAt) FROM ${table} od WHERE od.caseId = c.id AND od.status IN (:...oOpen) AND ${visible('od')})`,
    kind: 'instant',
    nullable: true,
  },
};

/** What a cursor holds: the order it belongs to, the row's sort key and its id. */
export interface CursorValue {
  order: string;
  key: string | null;
  id: string;
}

const orderName = (o: CaseOrder) => `${o.field}:${o.direction}`;

/** The case list's cursor for a row: the order it belongs to, the row's sort key and its id. */
export function encodeCaseCursor(value: CursorValue): string {
  return Buffer.from(JSON.stringify([value.order, value.key, value.id])).toString('base64url');
}

function decodeCursor(cursor: string, order: CaseOrder): CursorValue {
  let value: CursorValue | undefined;
  try {
    const [o, key, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof o === 'string' && (key === null || typeof key === 'string') && typeof id === 'string') value = { order: o, key, id };
  } catch {
    // falls through to the refusal below
  }
  if (!value) throw badInput('after', '游标无效');
  if (value.order !== orderName(order)) throw badInput('after', '游标属于另一种排序，请用同一 orderBy 翻页');
  if (value.key !== null && SORT_KEYS[order.field].kind === 'instant' && Number.isNaN(new Date(value.key).getTime())) throw badInput('after', '游标无效');
  return value;
}

/** A sort key as read back from either engine (SQLite returns UTC text, MySQL a Date), in the cursor's form. */
function keyOf(raw: unknown, kind: SortKey['kind']): string | null {
  if (raw === null || raw === undefined) return null;
  if (kind === 'text') return String(raw);
  if (raw instanceof Date) return raw.toISOString();
  const text = String(raw);
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}Z`).toISOString();
}

/** The case list: visibility, filters, order and keyset pagination; two SQL statements per page (count and rows). */
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

  /**
   * One page of the cases the viewer may see, filtered and in `order` (default: newest received first). Cursors
   * carry the order, the row's sort key and its id, so paging is a keyset in SQL under every order; a cursor from
   * another order is refused. Two SQL statements per page (count and rows).
   */
  async list(ctx: RequestContext, filter: CaseFilter = {}, first = 20, after?: string | null, order: CaseOrder = DEFAULT_CASE_ORDER): Promise<CasePage> {
    if (!Number.isInteger(first) || first < 1 || first > 100) throw badInput('first', 'first 须在 1–100 之间');
    const qb = await this.caseAccess.visibleCases(ctx);
    const assignmentTable = ctx.app.db.dataSource.getMetadata(Assignment).tableName;
    // filters and sort keys over assignments see only the viewer's share of them
    const scope = await this.caseAccess.scope(ctx);
    const visible = (alias: string) => {
      const { where, params } = assignmentVisibilitySql(scope, alias);
      qb.setParameters(params);
      return `(${where})`;
    };
    if (filter.status?.length) qb.andWhere('c.status IN (:...fStatus)', { fStatus: filter.status });
    if (filter.channel?.length) qb.andWhere('c.channel IN (:...fChannel)', { fChannel: filter.channel });
    if (filter.matterId) qb.andWhere('c.matterId = :fMatter', { fMatter: filter.matterId });
    if (filter.isKey !== undefined && filter.isKey !== null) qb.andWhere('c.isKey = :fKey', { fKey: filter.isKey });
    if (filter.receivedFrom) qb.andWhere('c.receivedAt >= :fFrom', { fFrom: filter.receivedFrom });
    if (filter.receivedTo) qb.andWhere('c.receivedAt < :fTo', { fTo: filter.receivedTo });
    if (filter.unitId) {
      qb.andWhere(`EXISTS (SELECT 1 FROM ${assignmentTable} fu WHERE fu.caseId = c.id AND fu.unitId = :fUnit AND ${visible('fu')})`, { fUnit: filter.unitId });
    }
    if (filter.keyword) {
      // '!' as the escape character: in `ESCAPE '\'` MySQL/MariaDB read the backslash as escaping the closing quote
      const like = `%${filter.keyword.replace(/[!%_]/g, (m) => `!${m}`)}%`;
      qb.andWhere("(c.serialNo LIKE :kw ESCAPE '!' OR c.summary LIKE :kw ESCAPE '!' OR c.content LIKE :kw ESCAPE '!' OR c.category LIKE :kw ESCAPE '!')", { kw: like });
    }
    // every deadline filter of one list is judged at the same instant (they share the :dsNow parameter)
    const now = new Date();
    if (filter.deadlineState) this.whereDeadlineState(qb, assignmentTable, filter.deadlineState, visible('da'), now);
    for (const [clock, state] of [['intake', filter.intakeState], ['review', filter.reviewState]] as const) {
      if (!state) continue;
      const { where, params } = officeClockStateSql('c', clock, state, now);
      qb.andWhere(`(${where})`, params);
    }
    if (filter.isUrgent !== undefined && filter.isUrgent !== null) qb.andWhere('c.isUrgent = :fUrgent', { fUrgent: filter.isUrgent });
    if (filter.chargedToMe !== undefined && filter.chargedToMe !== null) {
      qb.andWhere(filter.chargedToMe ? 'c.chargeLeaderId = :fMe' : '(c.chargeLeaderId IS NULL OR c.chargeLeaderId <> :fMe)', { fMe: ctx.requireUser().id });
    }
    if (filter.missingResponsibles !== undefined && filter.missingResponsibles !== null) {
      // 落实到人 (docs/rules.md): an open assignment whose unit has not yet named both its leader and its handler
      const missing = `EXISTS (SELECT 1 FROM ${assignmentTable} mr WHERE mr.caseId = c.id AND mr.status IN (:...fMrOpen) AND (mr.responsibleLeaderName IS NULL OR mr.handlerId IS NULL) AND ${visible('mr')})`;
      qb.andWhere(filter.missingResponsibles ? missing : `NOT ${missing}`, { fMrOpen: OPEN_ASSIGNMENT });
    }

    const counting = countOf(qb);
    counting.catch(() => undefined); // a refused cursor below must not leave it unhandled; Promise.all still sees a failure
    const key = SORT_KEYS[order.field];
    const keySql = key.sql(assignmentTable, visible);
    const dir = order.direction === OrderDirection.ASC ? 'ASC' : 'DESC';
    const beyond = dir === 'ASC' ? '>' : '<';
    if (key.nullable) qb.setParameter('oOpen', OPEN_ASSIGNMENT);
    if (after) {
      const cursor = decodeCursor(after, order);
      const cKey = cursor.key === null ? null : key.kind === 'instant' ? new Date(cursor.key) : cursor.key;
      qb.setParameters({ cKey, cId: cursor.id });
      if (cKey === null) {
        // in the tail of rows without a key, which comes last in either direction
        qb.andWhere(`(${keySql} IS NULL AND c.id ${beyond} :cId)`);
      } else {
        const tail = key.nullable ? ` OR ${keySql} IS NULL` : '';
        qb.andWhere(`(${keySql} ${beyond} :cKey OR (${keySql} = :cKey AND c.id ${beyond} :cId)${tail})`);
      }
    }
    // parenthesised: a bare `c.column` would take the entity's own column away from it
    qb.addSelect(`(${keySql})`, 'sort_key');
    // rows without a key last in both directions; then the key; ties by id in the same direction
    if (key.nullable) qb.orderBy(`CASE WHEN ${keySql} IS NULL THEN 1 ELSE 0 END`, 'ASC').addOrderBy('sort_key', dir);
    else qb.orderBy(keySql, dir);
    // the count and the page go to the pool together: two connections, one round trip of waiting
    const [totalCount, { entities, extras }] = await Promise.all([counting, rawAndEntities<Case, { sort_key: unknown }>(qb.addOrderBy('c.id', dir).limit(first + 1))]);
    const cursorOf = (i: number) => encodeCaseCursor({ order: orderName(order), key: keyOf(extras[i].sort_key, key.kind), id: entities[i].id });
    const page = entities.slice(0, first);
    return {
      totalCount,
      edges: page.map((node, i) => new CaseEdge(node, i, cursorOf)),
      pageInfo: {
        hasNextPage: entities.length > first,
        hasPreviousPage: Boolean(after),
        startCursor: page.length ? cursorOf(0) : null,
        endCursor: page.length ? cursorOf(page.length - 1) : null,
      },
    };
  }

  /** A case matches a deadline state when one of its assignments is in it now. */
  private whereDeadlineState(qb: SelectQueryBuilder<Case>, table: string, state: DeadlineStateEnum, visible: string, now: Date) {
    const { where, params } = deadlineStateSql('da', state, now);
    qb.andWhere(`EXISTS (SELECT 1 FROM ${table} da WHERE da.caseId = c.id AND ${where} AND ${visible})`, params);
  }
}
