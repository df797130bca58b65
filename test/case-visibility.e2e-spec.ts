import { expectErrorCode, type GraphQLTestClient } from './harness/graphql-client';
import { ASSIGN_CASE, REGISTER_CASE, acceptedCase, letterInput, seedCountyPeople, type CountyPeople } from './harness/case-fixtures';
import { seedUser } from './harness/fixtures';
import { createTestServer, type TestServer } from './harness/test-server';

const CASE = `query($id: ID!) { case(id: $id) { id serialNo status assignments { id role unit { id } } } }`;
const CASE_LIST = `query($first: Int) { cases(first: $first) { totalCount edges { node { id } } } }`;
const ACCEPT = 'mutation($id: ID!) { acceptCase(id: $id) { id status } }';
const ACCEPT_ASSIGNMENT = 'mutation($id: ID!) { acceptAssignment(id: $id) { id status } }';
const REPLY = `mutation($i: ReplyInput!) { replyToPetitioner(input: $i) { id outcome unit { id } case { id status } } }`;

/**
 * Who sees what (docs/rules.md): each test seeds a county of its own, so a unit's list holds exactly the cases
 * the test made for it and totalCount can be asserted exactly.
 */
describe('who sees which case', () => {
  let t: TestServer;
  /** A county shared by the tests that assert no exact list contents. */
  let shared: CountyPeople;

  beforeAll(async () => {
    t = await createTestServer();
    shared = await seedCountyPeople(t);
  });
  afterAll(() => t?.close());


  async function assign(p: CountyPeople, caseId: string, unitId: string, extra: Record<string, unknown> = {}) {
    return (await p.registrar.ok(ASSIGN_CASE, { input: { caseId, unitId, mode: 'ASSIGN', ...extra } })).assignCase as { id: string };
  }

  async function listIds(client: GraphQLTestClient): Promise<{ totalCount: number; ids: string[] }> {
    const { cases } = await client.ok(CASE_LIST, { first: 100 });
    return { totalCount: cases.totalCount, ids: cases.edges.map((e: { node: { id: string } }) => e.node.id) };
  }

  it('a court liaison sees only the cases assigned to the court, and the procuratorate only its own', async () => {
    const p = await seedCountyPeople(t);
    const toProc = await acceptedCase(p.registrar, { summary: '反映检察监督事项' });
    const toCourt = await acceptedCase(p.registrar, { summary: '反映法院执行难' });
    await acceptedCase(p.registrar, { summary: '尚未交办的信访件' });
    await assign(p, toProc.id, p.county.procuratorate);
    await assign(p, toCourt.id, p.county.court);

    // the court: the court's case only
    expectErrorCode(await p.court.query(CASE, { id: toProc.id }), 'NOT_FOUND');
    expect((await p.court.ok(CASE, { id: toCourt.id })).case).toMatchObject({ id: toCourt.id, serialNo: toCourt.serialNo });
    expect(await listIds(p.court)).toEqual({ totalCount: 1, ids: [toCourt.id] });

    // the procuratorate: the procuratorate's case only
    expectErrorCode(await p.procuratorate.query(CASE, { id: toCourt.id }), 'NOT_FOUND');
    expect((await p.procuratorate.ok(CASE, { id: toProc.id })).case.id).toBe(toProc.id);
    expect(await listIds(p.procuratorate)).toEqual({ totalCount: 1, ids: [toProc.id] });

    // a unit with nothing assigned sees nothing; the office sees all three
    expect(await listIds(p.government)).toEqual({ totalCount: 0, ids: [] });
    expect((await listIds(p.registrar)).totalCount).toBe(3);

    // a case that was never seen and one that does not exist answer alike
    const hidden = await p.court.query(CASE, { id: toProc.id });
    const missing = await p.court.query(CASE, { id: '00000000-0000-4000-8000-000000000000' });
    expect(hidden.errors![0].message).toBe(missing.errors![0].message);
    expect(hidden.errors![0].extensions).toEqual(missing.errors![0].extensions);
  });

  it("a handling unit sees only its own assignment on a case; the office sees all of them", async () => {
    const p = shared;
    const c = await acceptedCase(p.registrar);
    const lead = await assign(p, c.id, p.county.court, { role: 'LEAD' });
    const assist = await assign(p, c.id, p.county.procuratorate, { role: 'ASSIST' });

    expect((await p.court.ok(CASE, { id: c.id })).case.assignments).toEqual([{ id: lead.id, role: 'LEAD', unit: { id: p.county.court } }]);
    expect((await p.procuratorate.ok(CASE, { id: c.id })).case.assignments).toEqual([{ id: assist.id, role: 'ASSIST', unit: { id: p.county.procuratorate } }]);
    const office = (await p.registrar.ok(CASE, { id: c.id })).case.assignments;
    expect(office.map((a: { id: string }) => a.id).sort()).toEqual([lead.id, assist.id].sort());
  });

  describe('检举控告: the accused unit never sees the case and never handles it', () => {
    it('the land bureau accused: assigning to it is refused, the government handles it, the bureau sees nothing', async () => {
      const p = await seedCountyPeople(t);
      const c = await acceptedCase(p.registrar, { caseType: 'ACCUSATION', accusedUnitId: p.county.landBureau, summary: '检举县自然资源局违规审批' });

      for (const role of ['LEAD', 'ASSIST']) {
        expectErrorCode(
          await p.registrar.query(ASSIGN_CASE, { input: { caseId: c.id, unitId: p.county.landBureau, mode: 'ASSIGN', role } }),
          'ACCUSED_UNIT_EXCLUDED',
          'unitId',
        );
      }
      const a = await assign(p, c.id, p.county.government);
      expect((await p.registrar.ok(CASE, { id: c.id })).case).toMatchObject({ status: 'ASSIGNED', assignments: [{ id: a.id, unit: { id: p.county.government } }] });

      // the accused itself: not by id, not in the list
      expectErrorCode(await p.land.query(CASE, { id: c.id }), 'NOT_FOUND');
      expect(await listIds(p.land)).toEqual({ totalCount: 0, ids: [] });
      // its superior, to which the case went, does see it (only the accused unit itself is excluded)
      expect(await listIds(p.government)).toEqual({ totalCount: 1, ids: [c.id] });
    });

    it('the government accused: it cannot be assigned, and it does not see the case handled by its own department', async () => {
      const p = await seedCountyPeople(t);
      const c = await acceptedCase(p.registrar, { caseType: 'ACCUSATION', accusedUnitId: p.county.government, summary: '检举县政府违规决策' });
      expectErrorCode(
        await p.registrar.query(ASSIGN_CASE, { input: { caseId: c.id, unitId: p.county.government, mode: 'TRANSFER' } }),
        'ACCUSED_UNIT_EXCLUDED',
        'unitId',
      );
      await assign(p, c.id, p.county.procuratorate);
      expectErrorCode(await p.government.query(CASE, { id: c.id }), 'NOT_FOUND');
      expect(await listIds(p.government)).toEqual({ totalCount: 0, ids: [] });
      expect(await listIds(p.procuratorate)).toEqual({ totalCount: 1, ids: [c.id] });
    });

    it('the court accused, the procuratorate handles it: the court never sees it, the procuratorate does', async () => {
      const p = await seedCountyPeople(t);
      const c = await acceptedCase(p.registrar, { caseType: 'ACCUSATION', accusedUnitId: p.county.court, summary: '检举法院工作人员违法办案' });
      expectErrorCode(
        await p.registrar.query(ASSIGN_CASE, { input: { caseId: c.id, unitId: p.county.court, mode: 'ASSIGN', role: 'ASSIST' } }),
        'ACCUSED_UNIT_EXCLUDED',
        'unitId',
      );
      const a = await assign(p, c.id, p.county.procuratorate);
      await p.procuratorate.ok(ACCEPT_ASSIGNMENT, { id: a.id });

      expectErrorCode(await p.court.query(CASE, { id: c.id }), 'NOT_FOUND');
      expect(await listIds(p.court)).toEqual({ totalCount: 0, ids: [] });
      expect((await p.procuratorate.ok(CASE, { id: c.id })).case).toMatchObject({ id: c.id, status: 'ASSIGNED' });
      expect(await listIds(p.procuratorate)).toEqual({ totalCount: 1, ids: [c.id] });
      // nor can the court act on it
      expectErrorCode(await p.court.query(ACCEPT_ASSIGNMENT, { id: a.id }), 'NOT_FOUND');
      expectErrorCode(
        await p.court.query(REPLY, { i: { caseId: c.id, method: 'WRITTEN', outcome: 'EXPLAINED', body: '答复' } }),
        'NOT_FOUND',
      );
    });

    it('the accused unit may be named only on an accusation, and must exist', async () => {
      const p = shared;
      const before = (await listIds(p.registrar)).totalCount;
      expectErrorCode(await p.registrar.query(REGISTER_CASE, { input: letterInput({ caseType: 'CLAIM', accusedUnitId: p.county.court }) }), 'BAD_USER_INPUT', 'accusedUnitId');
      expectErrorCode(
        await p.registrar.query(REGISTER_CASE, { input: letterInput({ caseType: 'ACCUSATION', accusedUnitId: '00000000-0000-4000-8000-000000000000' }) }),
        'NOT_FOUND',
        'accusedUnitId',
      );
      expect((await listIds(p.registrar)).totalCount).toBe(before);
    });
  });

  it('a deputy of the congress sees no case at all', async () => {
    const p = await seedCountyPeople(t);
    const c = await acceptedCase(p.registrar);
    const u = await seedUser(t.admin, p.county.congress, ['DEPUTY']);
    const deputy = await t.login(u.username, u.password);
    expect(await listIds(deputy)).toEqual({ totalCount: 0, ids: [] });
    expectErrorCode(await deputy.query(CASE, { id: c.id }), 'NOT_FOUND');
    // the same for a legal worker
    const lw = await seedUser(t.admin, p.county.congress, ['LEGAL_WORKER']);
    const legal = await t.login(lw.username, lw.password);
    expect(await listIds(legal)).toEqual({ totalCount: 0, ids: [] });
    expectErrorCode(await legal.query(CASE, { id: c.id }), 'NOT_FOUND');
  });

  it("the city congress sees the county's cases; the county does not see the city's own", async () => {
    const p = await seedCountyPeople(t);
    const countyCase = await acceptedCase(p.registrar, { summary: '县人大登记的信访件' });
    const cityCase = await acceptedCase(p.cityRegistrar, { summary: '市人大登记的信访件' });
    const v = await seedUser(t.admin, p.county.cityCongress, ['VIEWER']);
    const cityViewer = await t.login(v.username, v.password);

    for (const city of [p.cityRegistrar, cityViewer]) {
      expect((await city.ok(CASE, { id: countyCase.id })).case.id).toBe(countyCase.id);
      const list = await listIds(city);
      expect(list.totalCount).toBe(2);
      expect(list.ids.sort()).toEqual([countyCase.id, cityCase.id].sort());
    }
    expectErrorCode(await p.registrar.query(CASE, { id: cityCase.id }), 'NOT_FOUND');
    expect(await listIds(p.registrar)).toEqual({ totalCount: 1, ids: [countyCase.id] });
  });

  describe('only the owning office acts on a case', () => {
    it('a liaison cannot accept; the city office sees but may not act on a county case; the county cannot reach a city case', async () => {
      const p = shared;
      const { registerCase: c } = await p.registrar.ok(REGISTER_CASE, { input: letterInput() });
      const { registerCase: cityCase } = await p.cityRegistrar.ok(REGISTER_CASE, { input: letterInput() });

      // the liaison's role may never accept a case: refused by role, whatever the case (so nothing leaks)
      expectErrorCode(await p.court.query(ACCEPT, { id: c.id }), 'FORBIDDEN');
      expectErrorCode(await p.court.query(ACCEPT, { id: '00000000-0000-4000-8000-000000000000' }), 'FORBIDDEN');
      // the city office sees the county's case but it is not its office
      expectErrorCode(await p.cityRegistrar.query(ACCEPT, { id: c.id }), 'FORBIDDEN');
      expectErrorCode(
        await p.cityRegistrar.query(ASSIGN_CASE, { input: { caseId: c.id, unitId: p.county.court, mode: 'ASSIGN' } }),
        'FORBIDDEN',
      );
      // the county office cannot see the city's case at all
      expectErrorCode(await p.registrar.query(ACCEPT, { id: cityCase.id }), 'NOT_FOUND');
      // nothing changed
      expect((await p.registrar.ok(CASE, { id: c.id })).case.status).toBe('REGISTERED');
      expect((await p.cityRegistrar.ok(CASE, { id: cityCase.id })).case.status).toBe('REGISTERED');
      // the owners can
      expect((await p.registrar.ok(ACCEPT, { id: c.id })).acceptCase.status).toBe('ACCEPTED');
      expect((await p.cityRegistrar.ok(ACCEPT, { id: cityCase.id })).acceptCase.status).toBe('ACCEPTED');
    });

    it('an assisting unit may not reply to the petitioner; the lead unit may', async () => {
      const p = shared;
      const c = await acceptedCase(p.registrar);
      const lead = await assign(p, c.id, p.county.court, { role: 'LEAD', mode: 'TRANSFER' });
      const assist = await assign(p, c.id, p.county.procuratorate, { role: 'ASSIST', mode: 'TRANSFER' });
      await p.court.ok(ACCEPT_ASSIGNMENT, { id: lead.id });
      await p.procuratorate.ok(ACCEPT_ASSIGNMENT, { id: assist.id });
      const reply = (body: string) => ({ i: { caseId: c.id, method: 'WRITTEN', outcome: 'EXPLAINED', body } });

      expectErrorCode(await p.procuratorate.query(REPLY, reply('检察院：经核查……特此答复。')), 'FORBIDDEN');
      // a unit with no part in the case cannot even see it
      expectErrorCode(await p.government.query(REPLY, reply('政府：特此答复。')), 'NOT_FOUND');
      expect((await p.registrar.ok(CASE, { id: c.id })).case.status).toBe('ASSIGNED');

      const { replyToPetitioner: r } = await p.court.ok(REPLY, reply('法院：经核查，已依法处理，特此答复。'));
      expect(r).toMatchObject({ outcome: 'EXPLAINED', unit: { id: p.county.court }, case: { id: c.id, status: 'REPLIED' } });
      // still refused after the lead's reply
      expectErrorCode(await p.procuratorate.query(REPLY, reply('检察院：补充答复。')), 'FORBIDDEN');
    });
  });
});
