import { expectErrorCode } from './harness/graphql-client';
import { ASSIGN_CASE, acceptedCase, seedCountyPeople, setStoredColumns, type CountyPeople } from './harness/case-fixtures';
import { withSqlCount } from './harness/sql-counter';
import { createTestServer, type TestServer } from './harness/test-server';

// cases(orderBy:) as ../shared/contract/lists.graphql describes it: received time, due time and serial number, each
// both ways, ties broken by id, cases without an open assignment last under DUE_AT in either direction, and
// cursors that page through every order without duplicates or gaps.

const PAGE = `query CaseListOrdered($filter: CaseFilter, $first: Int, $after: String, $orderBy: CaseOrder) {
  cases(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id serialNo receivedAt } }
  }
}`;
const CANCEL = 'mutation($id: ID!, $r: String!) { cancelAssignment(id: $id, reason: $r) { id status } }';

interface Row {
  id: string;
  serialNo: string;
  receivedAt: number;
  /** Earliest due time of the open assignments, or null. */
  dueAt: number | null;
}

type Field = 'RECEIVED_AT' | 'DUE_AT' | 'SERIAL_NO';
type Direction = 'ASC' | 'DESC';

/** The order the contract describes, computed from what the test stored. */
function expectedOrder(rows: Row[], field: Field, direction: Direction): string[] {
  const sign = direction === 'ASC' ? 1 : -1;
  const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
  const keyOf = (r: Row) => (field === 'RECEIVED_AT' ? r.receivedAt : field === 'SERIAL_NO' ? r.serialNo : r.dueAt);
  return [...rows]
    .sort((a, b) => {
      const ka = keyOf(a);
      const kb = keyOf(b);
      if (ka === null || kb === null) {
        if (ka !== kb) return ka === null ? 1 : -1;
      } else if (ka !== kb) return sign * cmp(ka, kb);
      return sign * cmp(a.id, b.id);
    })
    .map((r) => r.id);
}

describe('cases(orderBy:) with stable cursors', () => {
  let t: TestServer;
  let p: CountyPeople;
  const rows: Row[] = [];
  const KEYWORD = '排序测试';

  beforeAll(async () => {
    t = await createTestServer({ DEADLINE_SCAN_INTERVAL_MS: '86400000' });
    p = await seedCountyPeople(t);
    // 12 cases; received times in threes, so every received time is shared by three cases
    const base = Date.parse('2026-03-01T02:00:00Z');
    for (let i = 0; i < 12; i++) {
      const receivedAt = base + Math.floor(i / 3) * 3_600_000;
      const c = await acceptedCase(p.registrar, { receivedAt: new Date(receivedAt).toISOString(), summary: `${KEYWORD} ${i}` });
      rows.push({ id: c.id, serialNo: c.serialNo, receivedAt, dueAt: null });
    }
    // due times: cases 0–7 assigned, with ties (two due times shared by several cases); case 2 also has an
    // earlier assisting assignment that was cancelled (not open, so it does not count); 8–11 have none
    const due = [10, 20, 10, 30, 20, 10, 40, 30].map((d) => Date.parse('2026-05-01T15:59:59Z') + d * 86_400_000);
    for (let i = 0; i < due.length; i++) {
      const { assignCase } = await p.registrar.ok(ASSIGN_CASE, { input: { caseId: rows[i].id, unitId: p.county.court, mode: 'ASSIGN' } });
      await setStoredColumns(t, 'assignment', assignCase.id, { dueAt: new Date(due[i]) });
      rows[i].dueAt = due[i];
    }
    // a second open assignment with an earlier due time decides case 3's key
    const { assignCase: assist } = await p.registrar.ok(ASSIGN_CASE, { input: { caseId: rows[3].id, unitId: p.county.procuratorate, mode: 'ASSIGN', role: 'ASSIST' } });
    await setStoredColumns(t, 'assignment', assist.id, { dueAt: new Date(due[0]) });
    rows[3].dueAt = due[0];
    const { assignCase: gone } = await p.registrar.ok(ASSIGN_CASE, { input: { caseId: rows[2].id, unitId: p.county.government, mode: 'ASSIGN', role: 'ASSIST' } });
    await setStoredColumns(t, 'assignment', gone.id, { dueAt: new Date(due[0] - 5 * 86_400_000) });
    await p.registrar.ok(CANCEL, { id: gone.id, r: '误交' });
  });
  afterAll(() => t?.close());

  const pageThrough = async (orderBy: Record<string, string> | undefined, size: number) => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 20; guard++) {
      const res: any = await p.registrar.ok(PAGE, { filter: { keyword: KEYWORD }, first: size, after, orderBy });
      expect(res.cases.totalCount).toBe(rows.length);
      seen.push(...res.cases.edges.map((e: { node: { id: string } }) => e.node.id));
      if (!res.cases.pageInfo.hasNextPage) return seen;
      after = res.cases.pageInfo.endCursor;
    }
    throw new Error('paging did not end');
  };

  for (const field of ['RECEIVED_AT', 'DUE_AT', 'SERIAL_NO'] as const) {
    for (const direction of ['ASC', 'DESC'] as const) {
      it(`${field} ${direction}: every page size yields the whole list once, in order`, async () => {
        const expected = expectedOrder(rows, field, direction);
        for (const size of [1, 4, 5, 100]) {
          const seen = await pageThrough({ field, direction }, size);
          expect(seen).toEqual(expected);
        }
      });
    }
  }

  it('defaults to RECEIVED_AT DESC', async () => {
    expect(await pageThrough(undefined, 5)).toEqual(expectedOrder(rows, 'RECEIVED_AT', 'DESC'));
  });

  it('puts cases without an open assignment last in both directions', async () => {
    const noDue = new Set(rows.filter((r) => r.dueAt === null).map((r) => r.id));
    for (const direction of ['ASC', 'DESC']) {
      const seen = await pageThrough({ field: 'DUE_AT', direction }, 100);
      expect(new Set(seen.slice(-noDue.size))).toEqual(noDue);
    }
  });

  it('refuses a cursor of another order, and a forged cursor, as BAD_USER_INPUT on after', async () => {
    const first = await p.registrar.ok(PAGE, { filter: { keyword: KEYWORD }, first: 2, orderBy: { field: 'DUE_AT', direction: 'ASC' } });
    const cursor = first.cases.pageInfo.endCursor;
    for (const orderBy of [{ field: 'DUE_AT', direction: 'DESC' }, { field: 'SERIAL_NO', direction: 'ASC' }, undefined]) {
      const res = await p.registrar.query(PAGE, { first: 2, after: cursor, orderBy });
      expectErrorCode(res, 'BAD_USER_INPUT', 'after');
    }
    const forged = Buffer.from(JSON.stringify(['DUE_AT:ASC', 'not a time', rows[0].id])).toString('base64url');
    expectErrorCode(await p.registrar.query(PAGE, { first: 2, after: forged, orderBy: { field: 'DUE_AT', direction: 'ASC' } }), 'BAD_USER_INPUT', 'after');
  });

  it('keeps to the same number of SQL statements per page under every order', async () => {
    const ds = t.server.runtime.db.dataSource;
    const counts: number[] = [];
    for (const orderBy of [undefined, { field: 'DUE_AT', direction: 'ASC' }, { field: 'SERIAL_NO', direction: 'DESC' }]) {
      const first = await p.registrar.ok(PAGE, { first: 3, orderBy });
      const { result, count } = await withSqlCount(ds, () => p.registrar.query(PAGE, { first: 3, after: first.cases.pageInfo.endCursor, orderBy }));
      expect(result.errors).toBeUndefined();
      counts.push(count);
    }
    expect(new Set(counts).size).toBe(1);
  });

  it('orders only what the viewer may see: the court pages through its own cases', async () => {
    const courtCases = new Set(rows.slice(0, 8).map((r) => r.id));
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const res: any = await p.court.ok(PAGE, { filter: { keyword: KEYWORD }, first: 3, after, orderBy: { field: 'SERIAL_NO', direction: 'ASC' } });
      seen.push(...res.cases.edges.map((e: { node: { id: string } }) => e.node.id));
      after = res.cases.pageInfo.hasNextPage ? res.cases.pageInfo.endCursor : null;
    } while (after);
    expect(new Set(seen)).toEqual(courtCases);
    expect(seen).toHaveLength(courtCases.size);
  });
});
