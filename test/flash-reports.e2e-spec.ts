import { ASSIGN_CASE, REGISTER_CASE, acceptedCase, letterInput, seedCountyPeople, type CountyPeople } from './harness/case-fixtures';
import { seedSiblingCongress, signedInUser, uniq } from './harness/fixtures';
import { expectErrorCode, type GraphQLTestClient } from './harness/graphql-client';
import { docxText, download } from './harness/download';
import { readZipEntry } from './harness/zip-reader';
import { ENGINE, createTestServer, startTestServerOn, type TestServer } from './harness/test-server';
import { connectLive, type LiveClient, type LiveSubscription } from './harness/ws-client';
import { GROUP_VISIT_PERSONS } from '../src/domain/office-duties';

/**
 * 快报 (docs/rules.md "The office's own duties"): a group visit of 5 or more persons, or a case the office flags
 * urgent with a reason, is pushed at once to the leaders and office staff of the owning congress and of the
 * congresses above it — over a real graphql-ws connection here — and never to a handling unit; it is listed by
 * period and printed as a one-page .docx.
 */

const FLASH_REPORTS = `subscription FlashReports {
  flashReports { id kind at reason case { id serialNo summary channel personCount } }
}`;
const FLAG_URGENT = 'mutation($id: ID!, $reason: String!) { flagCaseUrgent(id: $id, reason: $reason) { id isUrgent } }';
// Two instances need one shared database and one Redis: the MariaDB + Redis pass.
const shared = ENGINE === 'mysql' && Boolean(process.env.REDIS_URL);
const LIST = 'query($from: DateTime!, $to: DateTime!) { flashReports(from: $from, to: $to) { id kind reason case { id } } }';

describe('快报: flash reports, live and on paper', () => {
  let t: TestServer;
  let p: CountyPeople;
  let cityLeader: GraphQLTestClient;
  let siblingRegistrar: GraphQLTestClient;
  const sockets: LiveClient[] = [];
  const subscribe = async (client: GraphQLTestClient): Promise<LiveSubscription> => {
    const live = connectLive(t.wsUrl, client.token);
    sockets.push(live);
    return live.subscribe(FLASH_REPORTS);
  };
  const period = () => ({ from: new Date(Date.now() - 3_600_000).toISOString(), to: new Date(Date.now() + 3_600_000).toISOString() });

  beforeAll(async () => {
    t = await createTestServer({ DEADLINE_SCAN_INTERVAL_MS: '3600000' });
    p = await seedCountyPeople(t);
    cityLeader = (await signedInUser(t, p.county.cityCongress, ['LEADER'])).client;
    siblingRegistrar = (await signedInUser(t, await seedSiblingCongress(t.admin, p.county.cityCongress), ['REGISTRAR'])).client;
  }, 60_000);
  afterAll(async () => {
    await Promise.all(sockets.map((s) => s.close()));
    await t?.close();
  });

  const visit = (personCount: number, summary: string) =>
    letterInput({ channel: 'VISIT', receivedAt: new Date().toISOString(), summary, personCount, petitioners: [{ name: '代表甲' }, { name: '代表乙' }] });

  it('pushes a group visit to the county’s leader and the city’s, and not to a handling unit or a sibling county', async () => {
    const [countyLeader, city, court, sibling] = await Promise.all([subscribe(p.leader), subscribe(cityLeader), subscribe(p.court), subscribe(siblingRegistrar)]);
    // a visit of 4 raises nothing
    await p.registrar.ok(REGISTER_CASE, { input: visit(GROUP_VISIT_PERSONS - 1, `四人来访（${uniq()}）`) });
    const summary = `集体来访反映拆迁安置（${uniq()}）`;
    const { registerCase: c } = await p.registrar.ok(REGISTER_CASE, { input: visit(GROUP_VISIT_PERSONS + 1, summary) });
    const expected = { kind: 'GROUP_VISIT', reason: `集体来访 ${GROUP_VISIT_PERSONS + 1} 人`, case: { id: c.id, serialNo: c.serialNo, summary, channel: 'VISIT', personCount: GROUP_VISIT_PERSONS + 1 } };
    for (const sub of [countyLeader, city]) {
      const { data, errors } = await sub.next();
      expect(errors).toBeUndefined();
      expect(data.flashReports).toMatchObject(expected);
    }
    expect(await countyLeader.drain(300)).toEqual([]);
    expect(await court.drain(300)).toEqual([]);
    expect(await sibling.drain(300)).toEqual([]);
    for (const s of [countyLeader, city, court, sibling]) s.dispose();

    const { flashReports: listed } = await p.registrar.ok(LIST, period());
    expect(listed.filter((f: { case: { id: string } }) => f.case.id === c.id)).toEqual([expect.objectContaining({ kind: 'GROUP_VISIT' })]);
  });

  (shared ? it : it.skip)('reaches a leader connected to another instance through the shared event bus, still not a unit', async () => {
    const b = await startTestServerOn(t.databaseUrl, { DEADLINE_SCAN_INTERVAL_MS: '3600000' });
    try {
      const onB = (client: GraphQLTestClient) => {
        const live = connectLive(b.wsUrl, client.token);
        sockets.push(live);
        return live.subscribe(FLASH_REPORTS);
      };
      const [city, court] = await Promise.all([onB(cityLeader), onB(p.court)]);
      const summary = `经另一实例推送的集体访（${uniq()}）`;
      const { registerCase: c } = await p.registrar.ok(REGISTER_CASE, { input: visit(GROUP_VISIT_PERSONS, summary) });
      expect((await city.next()).data.flashReports).toMatchObject({ kind: 'GROUP_VISIT', case: { id: c.id, summary } });
      expect(await court.drain(300)).toEqual([]);
      city.dispose();
      court.dispose();
    } finally {
      await b.close();
    }
  });

  it('refuses an urgent flag without a reason, from a unit or another congress, changing nothing', async () => {
    const c = await acceptedCase(p.registrar, { summary: `紧急件拒绝（${uniq()}）` });
    expectErrorCode(await p.registrar.query(FLAG_URGENT, { id: c.id, reason: '   ' }), 'BAD_USER_INPUT', 'reason');
    expectErrorCode(await p.court.query(FLAG_URGENT, { id: c.id, reason: '情况紧急' }), 'FORBIDDEN');
    expectErrorCode(await p.cityRegistrar.query(FLAG_URGENT, { id: c.id, reason: '情况紧急' }), 'FORBIDDEN');
    expectErrorCode(await siblingRegistrar.query(FLAG_URGENT, { id: c.id, reason: '情况紧急' }), 'NOT_FOUND', 'id');
    expect((await p.registrar.ok('query($id: ID!) { case(id: $id) { isUrgent } }', { id: c.id })).case.isUrgent).toBe(false);
    const { flashReports: listed } = await p.registrar.ok(LIST, period());
    expect(listed.some((f: { case: { id: string } }) => f.case.id === c.id)).toBe(false);
  });

  it('flags a case urgent and pushes it to the offices, not to the court that handles the case', async () => {
    const summary = `涉及人身安全的紧急件（${uniq()}）`;
    const c = await acceptedCase(p.registrar, { summary });
    await p.registrar.ok(ASSIGN_CASE, { input: { caseId: c.id, unitId: p.county.court, mode: 'ASSIGN' } });
    const [registrar, city, court] = await Promise.all([subscribe(p.registrar), subscribe(p.cityRegistrar), subscribe(p.court)]);
    const reason = '信访人情绪激动，扬言采取极端行为';
    expect((await p.registrar.ok(FLAG_URGENT, { id: c.id, reason })).flagCaseUrgent).toEqual({ id: c.id, isUrgent: true });
    for (const sub of [registrar, city]) expect((await sub.next()).data.flashReports).toMatchObject({ kind: 'URGENT', reason, case: { id: c.id, summary, channel: 'LETTER' } });
    expect(await court.drain(300)).toEqual([]);
    for (const s of [registrar, city, court]) s.dispose();
    // flagged once; the list filter finds it
    expectErrorCode(await p.registrar.query(FLAG_URGENT, { id: c.id, reason: '再次标记' }), 'ALREADY_EXISTS', 'id');
    const { cases } = await p.registrar.ok('query($f: CaseFilter) { cases(filter: $f) { edges { node { id } } } }', { f: { keyword: summary, isUrgent: true } });
    expect(cases.edges).toEqual([{ node: { id: c.id } }]);
    // the court still sees the case, but the flash reports are the office's
    expect((await p.court.ok('query($id: ID!) { case(id: $id) { isUrgent } }', { id: c.id })).case.isUrgent).toBe(true);
    expectErrorCode(await p.court.query(LIST, period()), 'FORBIDDEN');
  });

  it('lists flash reports to the county and the city, none to a sibling county', async () => {
    const c = await acceptedCase(p.registrar, { summary: `列表中的紧急件（${uniq()}）` });
    await p.registrar.ok(FLAG_URGENT, { id: c.id, reason: '需领导即时掌握' });
    const has = async (client: GraphQLTestClient) => ((await client.ok(LIST, period())).flashReports as Array<{ case: { id: string } }>).some((f) => f.case.id === c.id);
    expect(await has(p.registrar)).toBe(true);
    expect(await has(p.leader)).toBe(true);
    expect(await has(cityLeader)).toBe(true);
    expect(await has(siblingRegistrar)).toBe(false);
  });

  it('prints a case’s flash reports as a one-page .docx for whoever may see them; 404 for a unit or a sibling, 401 without a token', async () => {
    const summary = `打印快报的件（${uniq()}）`;
    const c = await acceptedCase(p.registrar, { summary });
    await p.registrar.ok(ASSIGN_CASE, { input: { caseId: c.id, unitId: p.county.court, mode: 'ASSIGN' } });
    const reason = '可能引发群体性事件';
    await p.registrar.ok(FLAG_URGENT, { id: c.id, reason });
    const path = `/exports/flash-reports/${c.id}.docx`;
    for (const viewer of [p.registrar, cityLeader]) {
      const res = await download(t.baseUrl, path, viewer.token);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      const text = docxText(readZipEntry(res.body as Buffer, 'word/document.xml') ?? '');
      for (const part of ['信访快报', '某县人大常委会', c.serialNo, summary, '紧急件', reason]) expect(text).toContain(part);
    }
    expect((await download(t.baseUrl, path, p.court.token)).status).toBe(404);
    expect((await download(t.baseUrl, path, siblingRegistrar.token)).status).toBe(404);
    expect((await download(t.baseUrl, path)).status).toBe(401);
    // a case without a flash report has nothing to print
    const quiet = await acceptedCase(p.registrar, { summary: `没有快报的件（${uniq()}）` });
    expect((await download(t.baseUrl, `/exports/flash-reports/${quiet.id}.docx`, p.registrar.token)).status).toBe(404);
  });
});
