import { expectErrorCode } from './harness/graphql-client';
import { seedUser } from './harness/fixtures';
import { ASSIGN_CASE, REGISTER_CASE, letterInput, seedCountyPeople, type CountyPeople } from './harness/case-fixtures';
import { createTestServer, type TestServer } from './harness/test-server';

const MATTER = 'query($id: ID!) { matter(id: $id) { id title cases { id } } }';

describe('matters: the issue several cases share', () => {
  let t: TestServer;
  let p: CountyPeople;

  beforeAll(async () => {
    t = await createTestServer();
    p = await seedCountyPeople(t);
  });
  afterAll(() => t?.close());

  it('groups cases, shows the link on the timeline, and is seen only by those who may see its cases', async () => {
    const { registerCase: a } = await p.registrar.ok(REGISTER_CASE, { input: letterInput() });
    const { registerCase: b } = await p.registrar.ok(REGISTER_CASE, { input: letterInput({ petitioners: [{ name: '李四' }] }) });
    const { createMatter: m } = await p.registrar.ok('mutation($i: CreateMatterInput!) { createMatter(input: $i) { id title cases { id } } }', {
      i: { title: '某村征地补偿', caseIds: [a.id] },
    });
    expect(m.cases).toEqual([{ id: a.id }]);
    await p.registrar.ok('mutation($c: ID!, $m: ID!) { linkCaseToMatter(caseId: $c, matterId: $m) { id matter { id } } }', { c: b.id, m: m.id });
    const { matter } = await p.registrar.ok(MATTER, { id: m.id });
    expect(matter.cases.map((c: { id: string }) => c.id).sort()).toEqual([a.id, b.id].sort());
    const { case: linked } = await p.registrar.ok('query($id: ID!) { case(id: $id) { timeline { type } } }', { id: b.id });
    expect(linked.timeline.map((e: { type: string }) => e.type)).toEqual(['REGISTERED', 'MATTER_LINKED']);

    // the court sees the matter once one of its cases is assigned to the court, and only that case
    expectErrorCode(await p.court.query(MATTER, { id: m.id }), 'NOT_FOUND');
    await p.registrar.ok('mutation($id: ID!) { acceptCase(id: $id) { id } }', { id: a.id });
    await p.registrar.ok(ASSIGN_CASE, { input: { caseId: a.id, unitId: p.county.court, mode: 'ASSIGN' } });
    expect((await p.court.ok(MATTER, { id: m.id })).matter.cases).toEqual([{ id: a.id }]);
    const deputy = await seedUser(t.admin, p.county.congress, ['DEPUTY']);
    expectErrorCode(await (await t.login(deputy.username, deputy.password)).query(MATTER, { id: m.id }), 'NOT_FOUND');
  });

  it('lets the city congress and the handling unit (here the accused bureau\'s superior) see whom an accusation names', async () => {
    const { registerCase: c } = await p.registrar.ok(REGISTER_CASE, { input: letterInput({ caseType: 'ACCUSATION', accusedUnitId: p.county.landBureau }) });
    await p.registrar.ok('mutation($id: ID!) { acceptCase(id: $id) { id } }', { id: c.id });
    await p.registrar.ok(ASSIGN_CASE, { input: { caseId: c.id, unitId: p.county.government, mode: 'ASSIGN' } });
    const q = 'query($id: ID!) { case(id: $id) { accusedUnit { id } } }';
    expect((await p.cityRegistrar.ok(q, { id: c.id })).case.accusedUnit).toEqual({ id: p.county.landBureau });
    // docs/rules.md: the accused unit itself, not its superior, is excluded; the unit handling it must know whom it concerns
    expect((await p.government.ok(q, { id: c.id })).case.accusedUnit).toEqual({ id: p.county.landBureau });
    expectErrorCode(await p.land.query(q, { id: c.id }), 'NOT_FOUND');
  });

  it('shows the petitioner of a referred case the lower congress\'s answer under the city\'s query code', async () => {
    const { registerCase: upper } = await p.cityRegistrar.ok(REGISTER_CASE, { input: letterInput() });
    await p.cityRegistrar.ok('mutation($id: ID!) { acceptCase(id: $id) { id } }', { id: upper.id });
    const { referCase: lower } = await p.cityRegistrar.ok('mutation($i: ReferCaseInput!) { referCase(input: $i) { id } }', { i: { caseId: upper.id, toUnitId: p.county.congress } });
    await p.registrar.ok('mutation($id: ID!) { acceptCase(id: $id) { id } }', { id: lower.id });
    await p.registrar.ok(ASSIGN_CASE, { input: { caseId: lower.id, unitId: p.county.court, mode: 'TRANSFER' } });
    await p.registrar.ok('mutation($i: ReplyInput!) { replyToPetitioner(input: $i) { id } }', {
      i: { caseId: lower.id, method: 'WRITTEN', outcome: 'EXPLAINED', body: '县人大答复：已督促有关单位依法处理。' },
    });
    const { caseProgress } = await t.client.ok('query($q: String!) { caseProgress(queryCode: $q) { reply { body } } }', { q: upper.queryCode });
    expect(caseProgress.reply.body).toBe('县人大答复：已督促有关单位依法处理。');
  });
});
