import ExcelJS from 'exceljs';
import { expectErrorCode, type GraphQLTestClient } from './harness/graphql-client';
import { ASSIGN_CASE, REGISTER_CASE, acceptedCase, letterInput, seedCountyPeople, setStoredColumns, type CountyPeople } from './harness/case-fixtures';
import { CREATE_UNIT, seedUser, uniq } from './harness/fixtures';
import { download } from './harness/download';
import { createTestServer, type TestServer } from './harness/test-server';
import { LEDGER_PAGE } from '../src/services/ledger.service';
import { withSqlCount } from './harness/sql-counter';

const STATISTICS = `query Statistics($input: StatisticsInput!) {
  statistics(input: $input) {
    totalReceived
    letters { received closed closureRate }
    visits { batches persons replied replyRate }
    referrals { received closed closureRate }
    overdue
    byCategory { category received closed }
    byUnit { unit { id name } assigned reportedOnTime overdue onTimeRate }
    byMonth { month received closed }
    sentence
  }
}`;
const REFER = 'mutation($input: ReferCaseInput!) { referCase(input: $input) { id } }';
const REPLY = 'mutation($i: ReplyInput!) { replyToPetitioner(input: $i) { id } }';
const CLOSE = 'mutation($id: ID!) { closeCase(id: $id) { id status } }';
const DECLINE = 'mutation($id: ID!) { declineCase(id: $id, reason: "不属于人大信访受理范围") { id status } }';
const ARCHIVE = 'mutation($id: ID!) { archiveCase(id: $id, reason: "情况已知悉，存查") { id status } }';
const REOPEN = 'mutation($id: ID!) { reopenCase(id: $id, reason: "信访人对答复不服，申请复查") { id status } }';
const ACCEPT_CASE = 'mutation($id: ID!) { acceptCase(id: $id) { id } }';
const ACCEPT_ASSIGNMENT = 'mutation($id: ID!) { acceptAssignment(id: $id) { id } }';

const LAND = '土地征收';
const LABOUR = '劳动保障';
const MARCH = { from: '2026-03-01', to: '2026-04-01' };

/** Figures worked out by hand in each test. */
interface Expected {
  total: number;
  letters: [number, number, number | null];
  visits: [number, number, number, number | null];
  referrals: [number, number, number | null];
  overdue: number;
}

function expectFigures(s: Record<string, any>, e: Expected) {
  expect(s.totalReceived).toBe(e.total);
  expect(s.letters).toEqual({ received: e.letters[0], closed: e.letters[1], closureRate: e.letters[2] });
  expect(s.visits).toEqual({ batches: e.visits[0], persons: e.visits[1], replied: e.visits[2], replyRate: e.visits[3] });
  expect(s.referrals).toEqual({ received: e.referrals[0], closed: e.referrals[1], closureRate: e.referrals[2] });
  expect(s.overdue).toBe(e.overdue);
}

const byName = <T extends { unit: { name: string } }>(rows: T[]) => [...rows].sort((a, b) => a.unit.name.localeCompare(b.unit.name));

describe('statistics', () => {
  let t: TestServer;
  let p: CountyPeople;
  let siblingRegistrar: GraphQLTestClient;
  let sibling: string;

  const register = async (client: GraphQLTestClient, overrides: Record<string, unknown>) =>
    (await client.ok(REGISTER_CASE, { input: letterInput(overrides) })).registerCase as { id: string };
  const officeReply = (client: GraphQLTestClient, caseId: string) =>
    client.ok(REPLY, { i: { caseId, body: '经了解，现答复如下：已转有关部门依法处理。', method: 'WRITTEN', outcome: 'EXPLAINED' } });
  const stats = async (client: GraphQLTestClient, input: Record<string, unknown>) => (await client.ok(STATISTICS, { input })).statistics;
  const eventsOf = (caseId: string) =>
    t.server.runtime.db.dataSource
      .createQueryBuilder()
      .select('e.id', 'id')
      .addSelect('e.type', 'type')
      .from('case_event', 'e')
      .where('e.caseId = :caseId', { caseId })
      .getRawMany<{ id: string; type: string }>();

  beforeAll(async () => {
    t = await createTestServer({ DEADLINE_SCAN_INTERVAL_MS: '86400000' });
    p = await seedCountyPeople(t);
    const { createUnit } = await t.admin.ok(CREATE_UNIT, {
      input: { code: `sibling-rd-${uniq()}`, name: '另一县人大常委会', kind: 'CONGRESS', level: 'COUNTY', parentId: p.county.cityCongress },
    });
    sibling = createUnit.id;
    const u = await seedUser(t.admin, sibling, ['REGISTRAR']);
    siblingRegistrar = await t.login(u.username, u.password);

    // County A, March 2026 (Asia/Shanghai)
    // L1: a letter at 23:30 on 31 March belongs to March; answered by the office and closed
    const l1 = await acceptedCase(p.registrar, { receivedAt: '2026-03-31T23:30:00+08:00', category: LAND });
    await officeReply(p.registrar, l1.id);
    await p.registrar.ok(CLOSE, { id: l1.id });
    // L2: an online letter at the first instant of March, declined
    const l2 = await register(p.registrar, { channel: 'ONLINE', receivedAt: '2026-03-01T00:00:00+08:00', category: LABOUR });
    await p.registrar.ok(DECLINE, { id: l2.id });
    // outside March on either side
    await register(p.registrar, { receivedAt: '2026-04-01T00:00:00+08:00', category: LAND });
    await register(p.registrar, { receivedAt: '2026-02-28T23:59:59+08:00', category: LAND });
    // V1: a visit of 6, archived without a reply
    const v1 = await register(p.registrar, { channel: 'VISIT', personCount: 6, receivedAt: '2026-03-10T09:00:00+08:00', category: LAND });
    await p.registrar.ok(ARCHIVE, { id: v1.id });
    // V2: a visit of 2, transferred to the government, which answers (on time)
    const v2 = await acceptedCase(p.registrar, { channel: 'VISIT', personCount: 2, receivedAt: '2026-03-12T09:00:00+08:00', category: LABOUR });
    const { assignCase: gov } = await p.registrar.ok(ASSIGN_CASE, { input: { caseId: v2.id, unitId: p.county.government, mode: 'TRANSFER', dueInDays: 30 } });
    await p.government.ok(ACCEPT_ASSIGNMENT, { id: gov.id });
    await officeReply(p.government, v2.id);
    // L5: assigned to the court in March, due on 20 March, never reported
    const l5 = await acceptedCase(p.registrar, { receivedAt: '2026-03-05T10:00:00+08:00', category: LAND });
    const { assignCase: court } = await p.registrar.ok(ASSIGN_CASE, { input: { caseId: l5.id, unitId: p.county.court, mode: 'ASSIGN', dueInDays: 15 } });
    await setStoredColumns(t, 'assignment', court.id, { assignedAt: new Date('2026-03-05T03:00:00Z'), dueAt: new Date('2026-03-20T15:59:59.999Z') });
    await setStoredColumns(t, 'petition_case', l5.id, { firstAssignedAt: new Date('2026-03-05T03:00:00Z') });
    // L6: answered and closed on 25 March, reopened on 28 March
    const l6 = await acceptedCase(p.registrar, { receivedAt: '2026-03-20T10:00:00+08:00', category: LAND });
    await officeReply(p.registrar, l6.id);
    await p.registrar.ok(CLOSE, { id: l6.id });
    await p.registrar.ok(REOPEN, { id: l6.id });
    for (const e of await eventsOf(l6.id)) {
      if (e.type === 'CLOSED') await setStoredColumns(t, 'case_event', e.id, { at: new Date('2026-03-25T02:00:00Z') });
      if (e.type === 'REOPENED') await setStoredColumns(t, 'case_event', e.id, { at: new Date('2026-03-28T02:00:00Z') });
    }
    // U: the city's own letter of 15 March, referred down to county A as R (received there on 16 March), which
    // assigns it to the land bureau for 30 days from now
    const u1 = await acceptedCase(p.cityRegistrar, { receivedAt: '2026-03-15T10:00:00+08:00', category: LAND });
    const { referCase: r } = await p.cityRegistrar.ok(REFER, { input: { caseId: u1.id, toUnitId: p.county.congress } });
    await setStoredColumns(t, 'petition_case', r.id, { receivedAt: new Date('2026-03-16T02:00:00Z') });
    await p.registrar.ok(ACCEPT_CASE, { id: r.id });
    await p.registrar.ok(ASSIGN_CASE, { input: { caseId: r.id, unitId: p.county.landBureau, mode: 'ASSIGN', dueInDays: 30 } });
    // the sibling county: one letter in March
    await register(siblingRegistrar, { receivedAt: '2026-03-15T10:00:00+08:00', category: LABOUR });
  });
  afterAll(() => t?.close());

  it('counts the county’s March as of now: boundaries in office time, declined and archived cases finished, its referral as a referral', async () => {
    const s = await stats(p.registrar, MARCH);
    // L1 L2 V1 V2 L5 L6 R; letters L1 L2 L5 L6 (L1, L2 finished; L6 reopened); visits V1 (6) V2 (2, answered)
    expectFigures(s, { total: 7, letters: [4, 2, 0.5], visits: [2, 8, 1, 0.5], referrals: [1, 0, 0], overdue: 1 });
    expect(s.byCategory).toEqual([
      { category: LAND, received: 5, closed: 2 },
      { category: LABOUR, received: 2, closed: 1 },
    ]);
    expect(s.byMonth).toEqual([{ month: '2026-03', received: 7, closed: 3 }]);
    expect(byName(s.byUnit)).toEqual(
      byName([
        { unit: { id: p.county.court, name: '某县人民法院' }, assigned: 1, reportedOnTime: 0, overdue: 1, onTimeRate: 0 },
        { unit: { id: p.county.government, name: '某县人民政府' }, assigned: 1, reportedOnTime: 1, overdue: 0, onTimeRate: 1 },
        // on track: neither reported nor overdue, so the rate has no denominator
        { unit: { id: p.county.landBureau, name: '某县自然资源局' }, assigned: 1, reportedOnTime: 0, overdue: 0, onTimeRate: null },
      ]),
    );
    expect(s.sentence).toBe(
      '共受理群众来信来访 7 件（次），其中受理群众来信 4 件，已督办结案 2 件，办结率 50.0%；接待群众来访 2 批（次）8 人（次），接访答复率 50.0%；督办省市人大批转信访件 1 件，已督办结案 0 件，办结率 0.0%。',
    );
  });

  it('puts the cases just outside March into February and April', async () => {
    const april = await stats(p.registrar, { from: '2026-04-01', to: '2026-05-01' });
    expect(april.totalReceived).toBe(1);
    expect(april.byMonth).toEqual([{ month: '2026-04', received: 1, closed: 0 }]);
    const feb = await stats(p.registrar, { from: '2026-02-01', to: '2026-03-01' });
    expect(feb.totalReceived).toBe(1);
    const spring = await stats(p.registrar, { from: '2026-02-01', to: '2026-05-01' });
    expect(spring.byMonth).toEqual([
      { month: '2026-02', received: 1, closed: 0 },
      { month: '2026-03', received: 7, closed: 3 },
      { month: '2026-04', received: 1, closed: 0 },
    ]);
  });

  it('counts a referred petition once at the city, and the county’s copy as a referral when the city reports on the county', async () => {
    const city = await stats(p.cityRegistrar, MARCH);
    // county A less R, plus the city's own U and the sibling's letter
    expectFigures(city, { total: 8, letters: [6, 2, 2 / 6], visits: [2, 8, 1, 0.5], referrals: [0, 0, null], overdue: 1 });
    expect(city.sentence).toBe(
      '共受理群众来信来访 8 件（次），其中受理群众来信 6 件，已督办结案 2 件，办结率 33.3%；接待群众来访 2 批（次）8 人（次），接访答复率 50.0%；督办省市人大批转信访件 0 件，已督办结案 0 件，办结率 —。',
    );
    const countyFromCity = await stats(p.cityRegistrar, { ...MARCH, unitId: p.county.congress });
    expect(countyFromCity).toEqual(await stats(p.registrar, MARCH));
    const siblingFromCity = await stats(p.cityRegistrar, { ...MARCH, unitId: sibling });
    expectFigures(siblingFromCity, { total: 1, letters: [1, 0, 0], visits: [0, 0, 0, null], referrals: [0, 0, null], overdue: 0 });
  });

  it('counts a referred visit as a referral, not a visit, and a closed referral as closed', async () => {
    const MAY = { from: '2026-05-01', to: '2026-06-01' };
    // the city refers a visit of 3 and a letter to county A; the county answers and closes the visit's copy
    const visit = await acceptedCase(p.cityRegistrar, { channel: 'VISIT', personCount: 3, receivedAt: '2026-05-06T09:00:00+08:00', category: LAND });
    const letter = await acceptedCase(p.cityRegistrar, { receivedAt: '2026-05-08T09:00:00+08:00', category: LAND });
    const copies = [];
    for (const [upper, day] of [[visit, '2026-05-07T02:00:00Z'], [letter, '2026-05-09T02:00:00Z']] as const) {
      const { referCase: copy } = await p.cityRegistrar.ok(REFER, { input: { caseId: upper.id, toUnitId: p.county.congress } });
      await setStoredColumns(t, 'petition_case', copy.id, { receivedAt: new Date(day) });
      await p.registrar.ok(ACCEPT_CASE, { id: copy.id });
      copies.push(copy.id as string);
    }
    await officeReply(p.registrar, copies[0]);
    await p.registrar.ok(CLOSE, { id: copies[0] });

    const county = await stats(p.registrar, MAY);
    expectFigures(county, { total: 2, letters: [0, 0, null], visits: [0, 0, 0, null], referrals: [2, 1, 0.5], overdue: 0 });
    expect(county.byCategory).toEqual([{ category: LAND, received: 2, closed: 1 }]);
    expect(county.sentence).toBe(
      '共受理群众来信来访 2 件（次），其中受理群众来信 0 件，已督办结案 0 件，办结率 —；接待群众来访 0 批（次）0 人（次），接访答复率 —；督办省市人大批转信访件 2 件，已督办结案 1 件，办结率 50.0%。',
    );
    // the city counts each petition once, as its own visit and letter
    const city = await stats(p.cityRegistrar, MAY);
    expect(city).toMatchObject({ totalReceived: 2, letters: { received: 1 }, visits: { batches: 1, persons: 3 }, referrals: { received: 0, closed: 0, closureRate: null } });
    expect(await stats(p.cityRegistrar, { ...MAY, unitId: p.county.congress })).toEqual(county);
  });

  it('judges an earlier asOf from the event history: before the reopening, before later receipts, replies and assignments', async () => {
    const s = await stats(p.registrar, { ...MARCH, asOf: '2026-03-26T00:00:00+08:00' });
    // L1 (31 March) not yet received; L2/V1 declined and archived only later; L6 closed on 25 March and not yet
    // reopened; V2's reply and the later assignments not yet made; the court's assignment already overdue
    expectFigures(s, { total: 6, letters: [3, 1, 1 / 3], visits: [2, 8, 0, 0], referrals: [1, 0, 0], overdue: 1 });
    expect(s.byCategory).toEqual([
      { category: LAND, received: 4, closed: 1 },
      { category: LABOUR, received: 2, closed: 0 },
    ]);
    expect(s.byUnit).toEqual([{ unit: { id: p.county.court, name: '某县人民法院' }, assigned: 1, reportedOnTime: 0, overdue: 1, onTimeRate: 0 }]);
    expect(s.sentence).toBe(
      '共受理群众来信来访 6 件（次），其中受理群众来信 3 件，已督办结案 1 件，办结率 33.3%；接待群众来访 2 批（次）8 人（次），接访答复率 0.0%；督办省市人大批转信访件 1 件，已督办结案 0 件，办结率 0.0%。',
    );
  });

  it('judges deadlines at a future asOf', async () => {
    const future = new Date(Date.now() + 100 * 86_400_000).toISOString();
    const s = await stats(p.registrar, { ...MARCH, asOf: future });
    expectFigures(s, { total: 7, letters: [4, 2, 0.5], visits: [2, 8, 1, 0.5], referrals: [1, 0, 0], overdue: 2 });
    const land = s.byUnit.find((u: { unit: { id: string } }) => u.unit.id === p.county.landBureau);
    expect(land).toMatchObject({ assigned: 1, reportedOnTime: 0, overdue: 1, onTimeRate: 0 });
  });

  it('answers zero denominators with null rates and — in the sentence', async () => {
    const s = await stats(p.registrar, { from: '2025-01-01', to: '2025-02-01' });
    expectFigures(s, { total: 0, letters: [0, 0, null], visits: [0, 0, 0, null], referrals: [0, 0, null], overdue: 0 });
    expect(s.byCategory).toEqual([]);
    expect(s.byUnit).toEqual([]);
    expect(s.byMonth).toEqual([{ month: '2025-01', received: 0, closed: 0 }]);
    expect(s.sentence).toBe(
      '共受理群众来信来访 0 件（次），其中受理群众来信 0 件，已督办结案 0 件，办结率 —；接待群众来访 0 批（次）0 人（次），接访答复率 —；督办省市人大批转信访件 0 件，已督办结案 0 件，办结率 —。',
    );
  });

  it('keeps sibling counties and the city above out of a county’s reach, and reports nothing to units or the bootstrap admin', async () => {
    expectErrorCode(await p.registrar.query(STATISTICS, { input: { ...MARCH, unitId: sibling } }), 'NOT_FOUND', 'unitId');
    expectErrorCode(await p.registrar.query(STATISTICS, { input: { ...MARCH, unitId: p.county.cityCongress } }), 'NOT_FOUND', 'unitId');
    expectErrorCode(await siblingRegistrar.query(STATISTICS, { input: { ...MARCH, unitId: p.county.congress } }), 'NOT_FOUND', 'unitId');
    expectErrorCode(await p.registrar.query(STATISTICS, { input: { ...MARCH, unitId: p.county.court } }), 'NOT_FOUND', 'unitId');
    expectErrorCode(await p.court.query(STATISTICS, { input: MARCH }), 'FORBIDDEN');
    expectErrorCode(await t.admin.query(STATISTICS, { input: MARCH }), 'FORBIDDEN');
    const own = await stats(siblingRegistrar, MARCH);
    expect(own.totalReceived).toBe(1);
  });

  it('refuses a period that is empty or malformed', async () => {
    expectErrorCode(await p.registrar.query(STATISTICS, { input: { from: '2026-04-01', to: '2026-04-01' } }), 'BAD_USER_INPUT', 'to');
    expectErrorCode(await p.registrar.query(STATISTICS, { input: { from: '2026-01-01', to: '2046-01-01' } }), 'BAD_USER_INPUT', 'to');
  });

  describe('the ledger (电子台帐)', () => {
    const get = (path: string, client?: GraphQLTestClient) => download(t.baseUrl, path, client?.token);
    const march = '?from=2026-03-01&to=2026-04-01';

    it('streams every case of the period as .xlsx with routing, deadlines, supervision, result and reply', async () => {
      const res = await get(`/exports/ledger.xlsx${march}`, p.registrar);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(new Uint8Array(res.body as Buffer).buffer);
      const rows: string[][] = [];
      wb.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
      expect(rows[0].slice(0, 3)).toEqual(['编号', '收到日期', '渠道']);
      const body = rows.slice(1);
      // L2 L5 V1 V2 R L6 L1, in order of receipt; the 23:30 letter of 31 March is the last
      expect(body.map((r) => r[1])).toEqual(['2026-03-01', '2026-03-05', '2026-03-10', '2026-03-12', '2026-03-16', '2026-03-20', '2026-03-31']);
      expect(body[0].slice(2, 4)).toEqual(['网上来信', '劳动保障']);
      expect(body[0][9]).toBe('不予受理');
      expect(body[1][10]).toBe('某县人民法院（交办·主办）');
      expect(body[1][11]).toBe('2026-03-20');
      expect(body[1][12]).toBe('0');
      expect(body[3][10]).toBe('某县人民政府（转办·主办）');
      expect(body[3][15]).toBe('解释说明');
      expect(body[4][8]).toBe('某市人大常委会');
      // the registrar holds the PII permission: the phone in full, the ID number always masked
      expect(body[0][5]).toBe('张三');
      expect(body[0][6]).toBe('110105********002X');
      expect(body[0][7]).toBe('13812345678');
    });

    it('writes .csv in UTF-8 with a BOM, masking the phone for a viewer without the PII permission', async () => {
      const res = await get(`/exports/ledger.csv${march}`, p.registrarNoPii);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      const buf = res.body as Buffer;
      expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = buf.toString('utf8').slice(1).trim().split(/\r?\n/);
      expect(lines[0]).toBe('编号,收到日期,渠道,问题类别,内容摘要,信访人,身份证号,联系电话,上级批转,状态,承办单位（方式）,办理期限,督办次数,办理结果,答复日期,答复结果,责任领导及经办人');
      expect(lines).toHaveLength(8);
      expect(lines[1]).toContain('138****5678');
      expect(buf.toString('utf8')).not.toContain('13812345678');
    });

    it('pages through more cases than one read holds, in order of receipt, each case once', async () => {
      // a page boundary falls inside a run of cases received at the same instant, where only the id orders them
      const count = LEDGER_PAGE + 20;
      const at = (i: number) => (i >= LEDGER_PAGE - 20 ? '2026-07-20T10:00:00+08:00' : `2026-07-${String(1 + (i % 19)).padStart(2, '0')}T09:00:00+08:00`);
      const registered: Array<{ id: string; serialNo: string }> = [];
      for (let i = 0; i < count; i += 10) {
        const batch = Array.from({ length: Math.min(10, count - i) }, (_, k) => i + k);
        registered.push(...(await Promise.all(batch.map((n) => p.registrar.ok(REGISTER_CASE, { input: letterInput({ receivedAt: at(n), summary: `七月来信 ${n}` }) }).then((d) => d.registerCase)))));
      }
      const res = await get('/exports/ledger.csv?from=2026-07-01&to=2026-08-01', p.registrar);
      expect(res.status).toBe(200);
      const rows = (res.body as Buffer).toString('utf8').slice(1).trim().split(/\r?\n/).slice(1).map((line) => line.split(','));
      expect(rows).toHaveLength(count);
      expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(registered.map((c) => c.serialNo)));
      const dates = rows.map((r) => r[1]);
      expect(dates).toEqual([...dates].sort());
      expect(dates.slice(-40)).toEqual(Array(40).fill('2026-07-20'));

      // the registrar holds the PII permission: every full phone is audited, in one INSERT per page, not per case
      const { result: audited, statements } = await withSqlCount(t.server.runtime.db.dataSource, () => get('/exports/ledger.csv?from=2026-07-01&to=2026-08-01', p.registrar));
      expect((audited.body as Buffer).toString('utf8')).toContain('13812345678');
      const audits = statements.filter((sql) => /^\s*INSERT INTO\s+\W?pii_access_log/i.test(sql));
      expect(audits.length).toBeGreaterThan(0);
      expect(audits.length).toBeLessThanOrEqual(Math.ceil(count / LEDGER_PAGE));
    }, 120_000);

    it('applies the report scope: 401 without a token, 403 for a unit, 404 for a sibling or the city, the county for the city', async () => {
      expect((await get(`/exports/ledger.csv${march}`)).status).toBe(401);
      expect((await get(`/exports/ledger.csv${march}`, p.court)).status).toBe(403);
      expect((await get(`/exports/ledger.csv${march}&unitId=${sibling}`, p.registrar)).status).toBe(404);
      expect((await get(`/exports/ledger.xlsx${march}&unitId=${p.county.cityCongress}`, p.registrar)).status).toBe(404);
      expect((await get('/exports/ledger.csv?from=2026-04-01&to=2026-03-01', p.registrar)).status).toBe(400);
      const city = await get(`/exports/ledger.csv${march}&unitId=${p.county.congress}`, p.cityRegistrar);
      expect(city.status).toBe(200);
      expect((city.body as Buffer).toString('utf8').trim().split(/\r?\n/)).toHaveLength(8);
      const sib = await get(`/exports/ledger.csv${march}`, siblingRegistrar);
      expect((sib.body as Buffer).toString('utf8').trim().split(/\r?\n/)).toHaveLength(2);
    });
  });

  // after the ledger's July: 520 cases there against 7 in March
  it('aggregates in the database: July’s 520 cases take the same statements as March’s 7, each returning sums, not cases', async () => {
    const measure = (input: Record<string, unknown>) => withSqlCount(t.server.runtime.db.dataSource, () => stats(p.registrar, input));
    const march = await measure(MARCH);
    const july = await measure({ from: '2026-07-01', to: '2026-08-01' });
    expect(july.result.totalReceived).toBe(LEDGER_PAGE + 20);
    expect(july.count).toBe(march.count);
    const reads = july.statements.filter((sql) => /^\s*SELECT/i.test(sql) && /petition_case/.test(sql));
    expect(reads.length).toBeGreaterThan(0);
    for (const sql of reads) expect(sql).toMatch(/COUNT\(|SUM\(/i);
  });
});
