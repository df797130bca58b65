import { expectErrorCode, type GraphQLTestClient } from './harness/graphql-client';
import { ASSIGN_CASE, REGISTER_CASE, letterInput, seedCountyPeople, type CountyPeople } from './harness/case-fixtures';
import { withSqlCount } from './harness/sql-counter';
import { createTestServer, type TestServer } from './harness/test-server';

// The case list: Relay pagination, filters, and a fixed number of SQL statements per page. Each test seeds a
// county of its own, so the office's list holds exactly the cases the test registered.

const ACCEPT_CASE = 'mutation($id: ID!) { acceptCase(id: $id) { id status } }';
const CREATE_MATTER = 'mutation($i: CreateMatterInput!) { createMatter(input: $i) { id } }';
const PAGE = `query($filter: CaseFilter, $first: Int, $after: String) {
  cases(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id serialNo receivedAt } }
  }
}`;
const WIDE_PAGE = `query($first: Int) {
  cases(first: $first) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node {
      id serialNo status channel summary receivedAt
      assignments { id status deadlineState unit { id name } }
      petitioners { name idNumberMasked }
    } }
  }
}`;

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ cursor: string; node: { id: string; serialNo: string; receivedAt: string } }>;
}

/** Runs `work` over `items` with at most `width` calls in flight. */
async function inBatches<T, R>(items: T[], width: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += width) out.push(...(await Promise.all(items.slice(i, i + width).map((it, j) => work(it, i + j)))));
  return out;
}

describe('the case list: pagination, filters, statements per page', () => {
  let t: TestServer;

  beforeAll(async () => {
    // no background deadline scans while statements are counted
    t = await createTestServer({ DEADLINE_SCAN_INTERVAL_MS: '86400000' });
  });
  afterAll(() => t?.close());

  const page = async (client: GraphQLTestClient, vars: Record<string, unknown>): Promise<Page> => (await client.ok(PAGE, vars)).cases;
  const ids = async (client: GraphQLTestClient, filter: Record<string, unknown>) => {
    const res = await page(client, { filter, first: 100 });
    expect(res.totalCount).toBe(res.edges.length);
    return res.edges.map((e) => e.node.id).sort();
  };

  it('pages through 25 cases newest first with opaque cursors, and refuses a bad first or cursor', async () => {
    const p = await seedCountyPeople(t);
    // pairs of letters received at the same minute: ties are ordered too, so no page repeats or skips one
    const registered: Array<{ id: string; receivedAt: string }> = [];
    for (let i = 0; i < 25; i++) {
      const at = new Date(Date.UTC(2026, 4, 1, Math.floor(i / 2), 30)).toISOString().replace('Z', '+00:00');
      const { registerCase } = await p.registrar.ok(REGISTER_CASE, { input: letterInput({ receivedAt: at, summary: `分页测试第 ${i + 1} 件` }) });
      registered.push({ id: registerCase.id, receivedAt: registerCase.receivedAt });
    }

    const first = await page(p.registrar, { first: 10 });
    expect(first.totalCount).toBe(25);
    expect(first.edges).toHaveLength(10);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(first.pageInfo.endCursor).toBe(first.edges[9].cursor);

    const second = await page(p.registrar, { first: 10, after: first.pageInfo.endCursor });
    expect(second).toMatchObject({ totalCount: 25, pageInfo: { hasNextPage: true } });
    expect(second.edges).toHaveLength(10);
    const third = await page(p.registrar, { first: 10, after: second.pageInfo.endCursor });
    expect(third).toMatchObject({ totalCount: 25, pageInfo: { hasNextPage: false } });
    expect(third.edges).toHaveLength(5);

    const seen = [...first.edges, ...second.edges, ...third.edges].map((e) => e.node);
    expect(new Set(seen.map((n) => n.id)).size).toBe(25);
    expect(new Set(seen.map((n) => n.id))).toEqual(new Set(registered.map((r) => r.id)));
    const times = seen.map((n) => new Date(n.receivedAt).getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));

    // any edge's cursor continues right after that edge
    const fromMiddle = await page(p.registrar, { first: 100, after: first.edges[4].cursor });
    expect(fromMiddle.edges.map((e) => e.node.id)).toEqual(seen.slice(5).map((n) => n.id));
    // the last page's cursor leads nowhere
    const beyond = await page(p.registrar, { first: 10, after: third.pageInfo.endCursor });
    expect(beyond).toMatchObject({ totalCount: 25, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });

    expectErrorCode(await p.registrar.query(PAGE, { first: 0 }), 'BAD_USER_INPUT', 'first');
    expectErrorCode(await p.registrar.query(PAGE, { first: 101 }), 'BAD_USER_INPUT', 'first');
    expectErrorCode(await p.registrar.query(PAGE, { first: -5 }), 'BAD_USER_INPUT', 'first');
    expect((await page(p.registrar, { first: 100 })).edges).toHaveLength(25);
    expectErrorCode(await p.registrar.query(PAGE, { first: 10, after: 'not-a-cursor' }), 'BAD_USER_INPUT', 'after');
    expectErrorCode(await p.registrar.query(PAGE, { first: 10, after: Buffer.from('[1,2]').toString('base64url') }), 'BAD_USER_INPUT', 'after');
  });

  it('filters by status, channel, keyword (serial number, summary, content, category — never the petitioner), key flag, unit and matter', async () => {
    const p = await seedCountyPeople(t);
    const reg = async (overrides: Record<string, unknown>) => (await p.registrar.ok(REGISTER_CASE, { input: letterInput(overrides) })).registerCase;
    const wages = await reg({
      summary: '反映某建筑公司拖欠农民工工资',
      category: '劳动社保',
      content: '本人在工地务工半年，工资至今未结清。',
      isKey: true,
      petitioners: [{ name: '欧阳明远' }],
    });
    const road = await reg({
      channel: 'VISIT',
      summary: '反映村道破损无人维修',
      category: '城乡建设',
      content: '村道破损严重，雨天无法通行。',
      personCount: 3,
      petitioners: [{ name: '司马青' }],
    });
    const online = await reg({
      channel: 'ONLINE',
      summary: '网上反映征地补偿问题，补偿款仅发放50%',
      petitioners: [{ name: '诸葛文' }],
    });

    expect((await p.registrar.ok(ACCEPT_CASE, { id: wages.id })).acceptCase.status).toBe('ACCEPTED');
    expect((await p.registrar.ok(ACCEPT_CASE, { id: online.id })).acceptCase.status).toBe('ACCEPTED');
    await p.registrar.ok(ASSIGN_CASE, { input: { caseId: wages.id, unitId: p.county.court, mode: 'ASSIGN' } });
    await p.registrar.ok(ASSIGN_CASE, { input: { caseId: online.id, unitId: p.county.landBureau, mode: 'TRANSFER' } });
    await p.registrar.ok(ASSIGN_CASE, { input: { caseId: online.id, unitId: p.county.court, mode: 'TRANSFER', role: 'ASSIST' } });
    const { createMatter: matter } = await p.registrar.ok(CREATE_MATTER, { i: { title: '村道维修问题', caseIds: [road.id] } });

    const sorted = (...xs: Array<{ id: string }>) => xs.map((x) => x.id).sort();

    expect(await ids(p.registrar, {})).toEqual(sorted(wages, road, online));
    expect(await ids(p.registrar, { status: ['REGISTERED'] })).toEqual(sorted(road));
    expect(await ids(p.registrar, { status: ['ASSIGNED'] })).toEqual(sorted(wages, online));
    expect(await ids(p.registrar, { status: ['REGISTERED', 'ASSIGNED'] })).toEqual(sorted(wages, road, online));
    expect(await ids(p.registrar, { status: ['CLOSED'] })).toEqual([]);

    expect(await ids(p.registrar, { channel: ['VISIT'] })).toEqual(sorted(road));
    expect(await ids(p.registrar, { channel: ['LETTER', 'ONLINE'] })).toEqual(sorted(wages, online));
    expect(await ids(p.registrar, { channel: ['PHONE'] })).toEqual([]);

    // keyword: summary, serial number, content, category
    expect(await ids(p.registrar, { keyword: '拖欠农民工' })).toEqual(sorted(wages));
    expect(await ids(p.registrar, { keyword: '反映' })).toEqual(sorted(wages, road, online));
    expect(await ids(p.registrar, { keyword: road.serialNo })).toEqual(sorted(road));
    expect(await ids(p.registrar, { keyword: '雨天无法通行' })).toEqual(sorted(road));
    expect(await ids(p.registrar, { keyword: '劳动社保' })).toEqual(sorted(wages));
    // never petitioner data
    expect(await ids(p.registrar, { keyword: '欧阳明远' })).toEqual([]);
    expect(await ids(p.registrar, { keyword: '司马' })).toEqual([]);
    // LIKE wildcards are taken literally
    expect(await ids(p.registrar, { keyword: '50%' })).toEqual(sorted(online));
    expect(await ids(p.registrar, { keyword: '%' })).toEqual(sorted(online));
    expect(await ids(p.registrar, { keyword: '反映%问题' })).toEqual([]);
    for (const keyword of ['_', '!', '\\', "'", '"']) expect(await ids(p.registrar, { keyword })).toEqual([]);

    expect(await ids(p.registrar, { isKey: true })).toEqual(sorted(wages));
    expect(await ids(p.registrar, { isKey: false })).toEqual(sorted(road, online));

    expect(await ids(p.registrar, { unitId: p.county.court })).toEqual(sorted(wages, online));
    expect(await ids(p.registrar, { unitId: p.county.landBureau })).toEqual(sorted(online));
    expect(await ids(p.registrar, { unitId: p.county.procuratorate })).toEqual([]);

    expect(await ids(p.registrar, { matterId: matter.id })).toEqual(sorted(road));

    // filters combine
    expect(await ids(p.registrar, { channel: ['LETTER', 'ONLINE'], unitId: p.county.court, isKey: false })).toEqual(sorted(online));
    expect(await ids(p.registrar, { status: ['ASSIGNED'], keyword: '征地' })).toEqual(sorted(online));
  });

  it('runs a fixed, small number of SQL statements per page, whatever the number of cases', async () => {
    const ds = t.server.runtime.db.dataSource;
    const units = (p: CountyPeople) => [p.county.court, p.county.procuratorate, p.county.government, p.county.landBureau];

    /** Registers `n` accepted cases in a county of their own, each with a lead unit and every third with an assisting one. */
    async function countyWith(n: number): Promise<CountyPeople> {
      const p = await seedCountyPeople(t);
      const u = units(p);
      await inBatches(Array.from({ length: n }), 10, async (_, i) => {
        const input = letterInput({
          summary: `语句计数第 ${i + 1} 件`,
          petitioners: [{ name: `信访人${i}`, idNumber: '11010519491231002X' }, { name: `联名人${i}` }],
        });
        const { registerCase: c } = await p.registrar.ok(REGISTER_CASE, { input });
        await p.registrar.ok(ACCEPT_CASE, { id: c.id });
        await p.registrar.ok(ASSIGN_CASE, { input: { caseId: c.id, unitId: u[i % 4], mode: i % 2 ? 'TRANSFER' : 'ASSIGN' } });
        if (i % 3 === 0) await p.registrar.ok(ASSIGN_CASE, { input: { caseId: c.id, unitId: u[(i + 1) % 4], mode: 'ASSIGN', role: 'ASSIST' } });
      });
      return p;
    }

    const big = await countyWith(100);
    const small = await countyWith(10);

    const measure = async (p: CountyPeople, expectedRows: number) => {
      // a login is re-read from the database once its cached copy is 30 s old, which a slow machine can reach while
      // filling the county: read it now so that both pages are counted with the login held
      await p.registrar.ok('{ me { id } }');
      const { result, count, statements } = await withSqlCount(ds, () => p.registrar.query(WIDE_PAGE, { first: 100 }));
      expect(result.errors).toBeUndefined();
      const conn = result.data.cases;
      expect(conn.totalCount).toBe(expectedRows);
      expect(conn.edges).toHaveLength(expectedRows);
      for (const { node } of conn.edges) {
        expect(node.assignments.length).toBeGreaterThanOrEqual(1);
        expect(node.assignments[0].unit.name).toEqual(expect.any(String));
        expect(node.petitioners).toHaveLength(2);
        expect(node.petitioners[0].idNumberMasked).toBe('110105********002X');
      }
      return { count, statements };
    };

    const hundred = await measure(big, 100);
    const ten = await measure(small, 10);
    const detail = `100 cases:\n${hundred.statements.join('\n')}\n\n10 cases:\n${ten.statements.join('\n')}`;
    expect({ count: hundred.count, detail }).toEqual({ count: ten.count, detail });
    expect(hundred.count).toBeLessThanOrEqual(12);
    // the counter does see the request: at least the token's user, the count and the page itself
    expect(hundred.count).toBeGreaterThanOrEqual(3);
    if (process.env.SHOW_SQL) console.log(detail);
    // and the same again: nothing cached between requests makes the first one special
    expect((await measure(big, 100)).count).toBe(hundred.count);
  }, 180_000);
});
