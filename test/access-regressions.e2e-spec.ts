import { expectErrorCode } from './harness/graphql-client';
import { ASSIGN_CASE, REGISTER_CASE, acceptedCase, letterInput, seedCountyPeople, setStoredColumns, type CountyPeople } from './harness/case-fixtures';
import { seedUser } from './harness/fixtures';
import { createTestServer, type TestServer } from './harness/test-server';
import { connectLive } from './harness/ws-client';

const ACCEPT = 'mutation($id: ID!) { acceptCase(id: $id) { id status } }';
const CASE = `query($id: ID!) {
  case(id: $id) {
    id queryCode
    assignments { id unit { id } supervisions { id kind } extensions { id } }
    instructions { text }
    timeline { type detail }
    petitioners { idNumber phone address }
  }
}`;
const REQUEST_INSTRUCTION = 'mutation($id: ID!, $l: ID!) { requestInstruction(id: $id, leaderId: $l) { id } }';
const INSTRUCT = 'mutation($id: ID!, $t: String!) { instructCase(id: $id, text: $t) { id } }';
const SUPERVISE = 'mutation($i: SuperviseInput!) { superviseAssignment(input: $i) { id } }';
const OBJECT = 'mutation($id: ID!, $r: String!) { objectAssignment(id: $id, reason: $r) { id status } }';
const CANCEL = 'mutation($id: ID!, $r: String!) { cancelAssignment(id: $id, reason: $r) { id status deadlineState } }';
const REFER = 'mutation($i: ReferCaseInput!) { referCase(input: $i) { id congress { id } } }';
const RATE = 'mutation($q: String!) { rateCase(queryCode: $q, satisfaction: SATISFIED) { serialNo } }';
const CREATE_MATTER = 'mutation($i: CreateMatterInput!) { createMatter(input: $i) { id title } }';
const LIST_BY_DEADLINE = 'query($s: DeadlineState!) { cases(first: 100, filter: { deadlineState: $s }) { edges { node { id } } } }';

/**
 * The holes an outside attack found below the case level, each kept shut: every decision here comes from the
 * one access policy (src/policy), so these tests fail if any resolver or service decides on its own again.
 */
describe('access below the case level', () => {
  let t: TestServer;
  let p: CountyPeople;

  beforeAll(async () => {
    t = await createTestServer();
    p = await seedCountyPeople(t);
  });
  afterAll(() => t?.close());

  const assign = async (caseId: string, unitId: string, role = 'LEAD') =>
    (await p.registrar.ok(ASSIGN_CASE, { input: { caseId, unitId, mode: 'ASSIGN', role } })).assignCase as { id: string };

  it('a handling unit cannot read the query code, so it cannot rate as the petitioner; a signed-in caller cannot rate at all', async () => {
    const c = await acceptedCase(p.registrar);
    await assign(c.id, p.county.court);
    expect((await p.court.ok(CASE, { id: c.id })).case.queryCode).toBeNull();
    expect((await p.cityRegistrar.ok(CASE, { id: c.id })).case.queryCode).toBeNull();
    // the bootstrap administrator belongs to no congress: it administers, it does not read petitions
    expectErrorCode(await t.admin.query(CASE, { id: c.id }), 'NOT_FOUND');
    expect((await p.registrarNoPii.ok(CASE, { id: c.id })).case.queryCode).toBe(c.queryCode);
    // even holding the code, staff are refused: the office records a phone follow-up only at closeCase
    expectErrorCode(await p.court.query(RATE, { q: c.queryCode }), 'FORBIDDEN');
    expectErrorCode(await p.registrar.query(RATE, { q: c.queryCode }), 'FORBIDDEN');
  });

  it('an accusation against a congress never reaches that congress: no referral to it, no registration by it', async () => {
    const accusation = letterInput({ caseType: 'ACCUSATION', accusedUnitId: p.county.congress, summary: '检举某县人大常委会工作人员' });
    const cityCase = await acceptedCase(p.cityRegistrar, accusation);
    expectErrorCode(await p.cityRegistrar.query(REFER, { i: { caseId: cityCase.id, toUnitId: p.county.congress } }), 'ACCUSED_UNIT_EXCLUDED', 'toUnitId');
    // the county office sees nothing of it, PII least of all
    expectErrorCode(await p.registrar.query(CASE, { id: cityCase.id }), 'NOT_FOUND');
    expectErrorCode(await p.registrar.query(REGISTER_CASE, { input: accusation }), 'ACCUSED_UNIT_EXCLUDED', 'accusedUnitId');
  });

  it('a unit sees its own assignment, supervisions and extensions, the case steps and only the instructions sent with its letter', async () => {
    const c = await acceptedCase(p.registrar);
    await p.registrar.ok(REQUEST_INSTRUCTION, { id: c.id, l: p.leaderId });
    await p.leader.ok(INSTRUCT, { id: c.id, t: '请法院依法办理（随函告）' });
    const courtA = await assign(c.id, p.county.court);
    const procA = await assign(c.id, p.county.procuratorate, 'ASSIST');
    await p.registrar.ok(SUPERVISE, { i: { assignmentId: procA.id, kind: 'CIRCULAR', note: '通报检察院办理迟缓' } });
    await p.registrar.ok(SUPERVISE, { i: { assignmentId: courtA.id, kind: 'PHONE', note: '电话催办法院' } });
    await p.registrar.ok(REQUEST_INSTRUCTION, { id: c.id, l: p.leaderId });
    await p.leader.ok(INSTRUCT, { id: c.id, t: '内部意见：关注检察院' });
    await p.procuratorate.ok(OBJECT, { id: procA.id, r: '检察院异议理由：不属本院职责' });

    const office = (await p.registrar.ok(CASE, { id: c.id })).case;
    expect(office.assignments).toHaveLength(2);
    expect(office.instructions.map((i: { text: string }) => i.text)).toEqual(['请法院依法办理（随函告）', '内部意见：关注检察院']);
    expect(office.timeline.map((e: { detail: string | null }) => e.detail)).toEqual(expect.arrayContaining(['检察院异议理由：不属本院职责']));

    const court = (await p.court.ok(CASE, { id: c.id })).case;
    expect(court.assignments.map((a: { id: string }) => a.id)).toEqual([courtA.id]);
    expect(court.assignments[0].supervisions.map((s: { kind: string }) => s.kind)).toEqual(['PHONE']);
    expect(court.instructions.map((i: { text: string }) => i.text)).toEqual(['请法院依法办理（随函告）']);
    const courtTimeline = JSON.stringify(court.timeline);
    expect(courtTimeline).not.toMatch(/检察院/);
    expect(courtTimeline).not.toMatch(/内部意见|INSTRUCT/);
    expect(court.timeline.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['REGISTERED', 'ACCEPTED', 'ASSIGNED', 'SUPERVISED']));
    // the office's timeline has the other unit's steps, which the court's lacks
    expect(office.timeline.length).toBeGreaterThan(court.timeline.length);
  });

  it('a cancelled or objected assignment ends the unit\'s access at once; the assignment reports ENDED, and the filter agrees', async () => {
    const p2 = await seedCountyPeople(t);
    const { registerCase: c } = await p2.registrar.ok(REGISTER_CASE, { input: letterInput() });
    await p2.registrar.ok(ACCEPT, { id: c.id });
    const a = (await p2.registrar.ok(ASSIGN_CASE, { input: { caseId: c.id, unitId: p2.county.court, mode: 'ASSIGN' } })).assignCase;
    expect((await p2.court.ok(CASE, { id: c.id })).case.id).toBe(c.id);
    const cancelled = (await p2.registrar.ok(CANCEL, { id: a.id, r: '改派' })).cancelAssignment;
    expect(cancelled).toMatchObject({ status: 'CANCELLED', deadlineState: 'ENDED' });
    expectErrorCode(await p2.court.query(CASE, { id: c.id }), 'NOT_FOUND');
    expect((await p2.court.ok('{ cases(first: 10) { totalCount } }')).cases.totalCount).toBe(0);
    const ids = (state: string) => p2.registrar.ok(LIST_BY_DEADLINE, { s: state }).then((d) => d.cases.edges.map((e: { node: { id: string } }) => e.node.id));
    expect(await ids('ENDED')).toEqual([c.id]);
    expect(await ids('DONE')).toEqual([]);

    const b = (await p2.registrar.ok(ASSIGN_CASE, { input: { caseId: c.id, unitId: p2.county.procuratorate, mode: 'ASSIGN' } })).assignCase;
    expect((await p2.procuratorate.ok(CASE, { id: c.id })).case.id).toBe(c.id);
    await p2.procuratorate.ok(OBJECT, { id: b.id, r: '不属本院职责' });
    expectErrorCode(await p2.procuratorate.query(CASE, { id: c.id }), 'NOT_FOUND');
  });

  it('another congress\'s matter is NOT_FOUND wherever its id is passed, and never echoed', async () => {
    const other = await seedCountyPeople(t);
    const { createMatter: m } = await other.registrar.ok(CREATE_MATTER, { i: { title: '他县的秘密事项' } });
    const res = await p.registrar.query(REGISTER_CASE, { input: letterInput({ matterId: m.id }) });
    expectErrorCode(res, 'NOT_FOUND', 'matterId');
    expect(JSON.stringify(res)).not.toMatch(/他县的秘密事项/);
    expectErrorCode(await p.registrar.query('query($id: ID!) { matter(id: $id) { id title } }', { id: m.id }), 'NOT_FOUND');
  });

  it('deputies and legal workers see no case directly', async () => {
    const c = await acceptedCase(p.registrar);
    const deputyUser = await seedUser(t.admin, p.county.congress, ['DEPUTY']);
    const deputy = await t.login(deputyUser.username, deputyUser.password);
    expectErrorCode(await deputy.query(CASE, { id: c.id }), 'NOT_FOUND');
    expect((await deputy.ok('{ cases(first: 10) { totalCount } }')).cases.totalCount).toBe(0);
  });

  it('pushes a unit only the events of its own share: not another unit\'s supervision, nor the office\'s instructions', async () => {
    const c = await acceptedCase(p.registrar);
    const courtA = await assign(c.id, p.county.court);
    const procA = await assign(c.id, p.county.procuratorate, 'ASSIST');
    const courtLive = connectLive(t.wsUrl, p.court.token);
    const officeLive = connectLive(t.wsUrl, p.registrar.token);
    try {
      const EVENTS = 'subscription { caseEvents { type case { id } assignment { id } } }';
      const courtSub = await courtLive.subscribe(EVENTS);
      const officeSub = await officeLive.subscribe(EVENTS);
      await p.registrar.ok(SUPERVISE, { i: { assignmentId: procA.id, kind: 'CIRCULAR', note: '通报检察院' } });
      await p.registrar.ok(REQUEST_INSTRUCTION, { id: c.id, l: p.leaderId });
      await p.registrar.ok(SUPERVISE, { i: { assignmentId: courtA.id, kind: 'PHONE', note: '催办法院' } });
      const office = [await officeSub.next(), await officeSub.next(), await officeSub.next()].map((r) => r.data.caseEvents);
      expect(office.map((e) => e.type)).toEqual(['SUPERVISED', 'INSTRUCTION_REQUESTED', 'SUPERVISED']);
      // the court's first event is its own supervision: the two before it were never sent to it
      const first = (await courtSub.next()).data.caseEvents;
      expect(first).toEqual({ type: 'SUPERVISED', case: { id: c.id }, assignment: { id: courtA.id } });
      expect(await courtSub.drain(300)).toEqual([]);
    } finally {
      await courtLive.close();
      await officeLive.close();
    }
  });

  it('filters and orders tell a unit nothing of another unit\'s assignment', async () => {
    const p3 = await seedCountyPeople(t);
    const c = await acceptedCase(p3.registrar);
    await p3.registrar.ok(ASSIGN_CASE, { input: { caseId: c.id, unitId: p3.county.court, mode: 'ASSIGN', dueInDays: 60 } });
    const { assignCase: procA } = await p3.registrar.ok(ASSIGN_CASE, { input: { caseId: c.id, unitId: p3.county.procuratorate, mode: 'ASSIGN', role: 'ASSIST', dueInDays: 2 } });
    // due tomorrow whatever today is: two days from a Thursday would roll past the weekend, beyond DUE_SOON's 3 days
    await setStoredColumns(t, 'assignment', procA.id, { dueAt: new Date(Date.now() + 86_400_000) });
    const ids = async (client: typeof p3.court, filter: Record<string, unknown>) =>
      (await client.ok('query($f: CaseFilter) { cases(first: 10, filter: $f) { edges { node { id } } } }', { f: filter })).cases.edges.map((e: { node: { id: string } }) => e.node.id);
    // the office sees both assignments through the filters
    expect(await ids(p3.registrar, { unitId: p3.county.procuratorate })).toEqual([c.id]);
    expect(await ids(p3.registrar, { deadlineState: 'DUE_SOON' })).toEqual([c.id]);
    // the court: asking about the procuratorate's assignment or its deadline finds nothing
    expect(await ids(p3.court, { unitId: p3.county.procuratorate })).toEqual([]);
    expect(await ids(p3.court, { deadlineState: 'DUE_SOON' })).toEqual([]);
    expect(await ids(p3.court, { deadlineState: 'ON_TRACK' })).toEqual([c.id]);
    // ordered by due time, the court's own due times decide: the other case (due in 30 days) comes before this one
    // (due in 60 for the court, though tomorrow for the procuratorate)
    const other = await acceptedCase(p3.registrar);
    await p3.registrar.ok(ASSIGN_CASE, { input: { caseId: other.id, unitId: p3.county.court, mode: 'ASSIGN', dueInDays: 30 } });
    const ordered = (await p3.court.ok('{ cases(first: 10, orderBy: { field: DUE_AT, direction: ASC }) { edges { node { id } } } }')).cases.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(ordered).toEqual([other.id, c.id]);
  });

  it('asks only a leader of the case\'s own congress for an instruction', async () => {
    const c = await acceptedCase(p.registrar);
    const cityLeader = await seedUser(t.admin, p.county.cityCongress, ['LEADER']);
    const countyRegistrar = await seedUser(t.admin, p.county.congress, ['REGISTRAR']);
    for (const l of [cityLeader.id, countyRegistrar.id]) {
      expectErrorCode(await p.registrar.query(REQUEST_INSTRUCTION, { id: c.id, l }), 'BAD_USER_INPUT', 'leaderId');
    }
    expect((await p.registrar.ok(CASE, { id: c.id })).case.timeline.map((e: { type: string }) => e.type)).not.toContain('INSTRUCTION_REQUESTED');
    await p.registrar.ok(REQUEST_INSTRUCTION, { id: c.id, l: p.leaderId });
  });
});
