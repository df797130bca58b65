import { ASSIGN_CASE, REGISTER_CASE, acceptedCase, letterInput, seedCountyPeople, type CountyPeople } from './harness/case-fixtures';
import { seedSiblingCongress, seedUser, signedInUser, uniq } from './harness/fixtures';
import { expectErrorCode, type GraphQLTestClient } from './harness/graphql-client';
import { download } from './harness/download';
import { createTestServer, type TestServer } from './harness/test-server';

/**
 * The office's own duties (docs/rules.md "The office's own duties"), through the API on either engine: 落实到人 (the
 * unit's responsible leader and handler per assignment), 领导包案 and the leader's supervision, and 领导接访 with the
 * visits registered at a session. Every refused input gets its code and field and changes nothing.
 */

const NAME_RESPONSIBLES = `mutation($input: AssignmentResponsiblesInput!) {
  nameAssignmentResponsibles(input: $input) { id status responsibleLeader { name title } handler { id displayName } }
}`;
const ASSIGNMENT = 'query($id: ID!) { case(id: $id) { assignments { id responsibleLeader { name title } handler { id } } } }';
const TAKE_CHARGE = 'mutation($id: ID!) { takeChargeOfCase(id: $id) { id chargeLeader { id displayName } } }';
const SCHEDULE = 'mutation($input: ScheduleReceptionInput!) { scheduleReception(input: $input) { id leader { id displayName } startsAt endsAt place } }';
const RECEPTIONS = 'query($from: DateTime!, $to: DateTime!) { receptions(from: $from, to: $to) { id leader { id } startsAt endsAt place visits { id serialNo personCount } } }';
const CASE_IDS = 'query($filter: CaseFilter) { cases(filter: $filter, first: 100) { totalCount edges { node { id } } } }';

const HOUR = 3_600_000;
/** A session running now: it began a moment ago (today, in office time) and ends in two hours. */
const runningSession = () => ({ startsAt: new Date(Date.now() - 1000).toISOString(), endsAt: new Date(Date.now() + 2 * HOUR).toISOString() });

describe("the office's own duties: 落实到人, 领导包案, 领导接访", () => {
  let t: TestServer;
  let p: CountyPeople;
  let landHandlerId: string;
  let courtColleague: { id: string };
  let secondLeader: GraphQLTestClient;
  let cityLeader: GraphQLTestClient;
  let cityLeaderId: string;
  let siblingRegistrar: GraphQLTestClient;
  let siblingLeaderClient: GraphQLTestClient;
  let siblingLeaderId: string;
  let registrarId: string;

  beforeAll(async () => {
    t = await createTestServer({ DEADLINE_SCAN_INTERVAL_MS: '3600000' });
    p = await seedCountyPeople(t);
    const login = (unit: string, roles: string[]) => signedInUser(t, unit, roles);
    const sibling = await seedSiblingCongress(t.admin, p.county.cityCongress);
    siblingRegistrar = (await login(sibling, ['REGISTRAR'])).client;
    const siblingLeader = await login(sibling, ['LEADER']);
    siblingLeaderClient = siblingLeader.client;
    siblingLeaderId = siblingLeader.id;
    secondLeader = (await login(p.county.congress, ['LEADER'])).client;
    const city = await login(p.county.cityCongress, ['LEADER']);
    cityLeader = city.client;
    cityLeaderId = city.id;
    courtColleague = await seedUser(t.admin, p.county.court, ['HANDLER']);
    landHandlerId = (await p.land.ok('{ me { id } }')).me.id;
    registrarId = (await p.registrar.ok('{ me { id } }')).me.id;
  }, 60_000);
  afterAll(() => t?.close());

  const assignTo = async (caseId: string, unitId: string, role = 'LEAD') =>
    (await p.registrar.ok(ASSIGN_CASE, { input: { caseId, unitId, mode: 'ASSIGN', role } })).assignCase.id as string;
  const ids = async (client: GraphQLTestClient, filter: Record<string, unknown>) =>
    ((await client.ok(CASE_IDS, { filter })).cases.edges as Array<{ node: { id: string } }>).map((e) => e.node.id);

  describe('落实到人: the handling unit names its responsible leader and handler', () => {
    it('refuses before 签收, from outside the unit, with a handler of another unit or a blank name, changing nothing', async () => {
      const c = await acceptedCase(p.registrar, { summary: `落实到人的件（${uniq()}）` });
      const a = await assignTo(c.id, p.county.court);
      const input = { assignmentId: a, leaderName: '张院长', leaderTitle: '副院长', handlerId: courtColleague.id };
      const early = expectErrorCode(await p.court.query(NAME_RESPONSIBLES, { input }), 'INVALID_TRANSITION', 'assignmentId');
      expect(early.extensions?.currentState).toBe('PENDING');
      await p.court.ok('mutation($id: ID!) { acceptAssignment(id: $id) { id } }', { id: a });
      expectErrorCode(await p.court.query(NAME_RESPONSIBLES, { input: { ...input, handlerId: landHandlerId } }), 'BAD_USER_INPUT', 'handlerId');
      expectErrorCode(await p.court.query(NAME_RESPONSIBLES, { input: { ...input, leaderName: '   ' } }), 'BAD_USER_INPUT', 'leaderName');
      // another unit, and the office itself, do not act for the court
      expectErrorCode(await p.land.query(NAME_RESPONSIBLES, { input }), 'NOT_FOUND', 'assignmentId');
      expectErrorCode(await p.registrar.query(NAME_RESPONSIBLES, { input }), 'FORBIDDEN');
      const { case: after } = await p.registrar.ok(ASSIGNMENT, { id: c.id });
      expect(after.assignments).toEqual([{ id: a, responsibleLeader: null, handler: null }]);
    });

    it('records them at or after 签收; the office filters the assignments still without them; the case and the ledger show them', async () => {
      const summary = `待落实的件（${uniq()}）`;
      const c = await acceptedCase(p.registrar, { summary });
      const a = await assignTo(c.id, p.county.court);
      // pending and signed alike: still without them
      expect(await ids(p.registrar, { keyword: summary, missingResponsibles: true })).toEqual([c.id]);
      await p.court.ok('mutation($id: ID!) { acceptAssignment(id: $id) { id } }', { id: a });
      expect(await ids(p.registrar, { keyword: summary, missingResponsibles: true })).toEqual([c.id]);

      // the leader alone is not yet 落实到人
      await p.court.ok(NAME_RESPONSIBLES, { input: { assignmentId: a, leaderName: '张院长' } });
      expect(await ids(p.registrar, { keyword: summary, missingResponsibles: true })).toEqual([c.id]);
      const { nameAssignmentResponsibles: named } = await p.court.ok(NAME_RESPONSIBLES, {
        input: { assignmentId: a, leaderName: '张院长', leaderTitle: '副院长', handlerId: courtColleague.id },
      });
      expect(named).toMatchObject({ id: a, status: 'IN_PROGRESS', responsibleLeader: { name: '张院长', title: '副院长' }, handler: { id: courtColleague.id } });
      expect(await ids(p.registrar, { keyword: summary, missingResponsibles: true })).toEqual([]);
      expect(await ids(p.registrar, { keyword: summary, missingResponsibles: false })).toEqual([c.id]);

      // the case detail: the office of the county and of the city, and the court itself; never another unit
      for (const viewer of [p.registrar, p.cityRegistrar, p.court]) {
        const { case: seen } = await viewer.ok(ASSIGNMENT, { id: c.id });
        expect(seen.assignments).toEqual([{ id: a, responsibleLeader: { name: '张院长', title: '副院长' }, handler: { id: courtColleague.id } }]);
      }
      expectErrorCode(await p.land.query(ASSIGNMENT, { id: c.id }), 'NOT_FOUND');
      const { case: withTimeline } = await p.registrar.ok('query($id: ID!) { case(id: $id) { timeline { type detail } } }', { id: c.id });
      expect(withTimeline.timeline.filter((e: { type: string }) => e.type === 'RESPONSIBLES_NAMED')).toHaveLength(2);

      // the ledger of the month of receipt (the letter was received on 31 March, office time) prints them last
      const csv = await download(t.baseUrl, '/exports/ledger.csv?from=2026-03-01&to=2026-04-01', p.registrar.token);
      expect(csv.status).toBe(200);
      const row = (csv.body as Buffer).toString('utf8').split(/\r?\n/).find((l) => l.includes(summary))!;
      expect(row.endsWith(`某县人民法院：张院长（副院长）/${named.handler.displayName}`)).toBe(true);
    });
  });

  describe('领导包案: a leader of the owning congress takes personal charge', () => {
    it('refuses anyone but a leader of the owning congress, and a case the leader cannot see', async () => {
      const c = await acceptedCase(p.registrar, { summary: `包案拒绝（${uniq()}）` });
      expectErrorCode(await p.registrar.query(TAKE_CHARGE, { id: c.id }), 'FORBIDDEN');
      expectErrorCode(await p.court.query(TAKE_CHARGE, { id: c.id }), 'FORBIDDEN');
      // the city's leader sees the county's case but it is not the city's
      expectErrorCode(await cityLeader.query(TAKE_CHARGE, { id: c.id }), 'FORBIDDEN');
      // a sibling county's leader does not even see it
      expectErrorCode(await siblingLeaderClient.query(TAKE_CHARGE, { id: c.id }), 'NOT_FOUND', 'id');
      expect((await p.registrar.ok('query($id: ID!) { case(id: $id) { chargeLeader { id } } }', { id: c.id })).case.chargeLeader).toBeNull();
    });

    it('records the leader, lists "my cases", keeps a second leader out, and puts LEADER supervision under the charge leader', async () => {
      const summary = `领导包案的件（${uniq()}）`;
      const c = await acceptedCase(p.registrar, { summary, isDifficult: true });
      const { takeChargeOfCase: taken } = await p.leader.ok(TAKE_CHARGE, { id: c.id });
      expect(taken.chargeLeader.id).toBe(p.leaderId);
      // taking it again changes nothing; another leader of the county is refused
      expect((await p.leader.ok(TAKE_CHARGE, { id: c.id })).takeChargeOfCase.chargeLeader.id).toBe(p.leaderId);
      expectErrorCode(await secondLeader.query(TAKE_CHARGE, { id: c.id }), 'ALREADY_EXISTS', 'id');
      expect(await ids(p.leader, { keyword: summary, chargedToMe: true })).toEqual([c.id]);
      expect(await ids(secondLeader, { keyword: summary, chargedToMe: true })).toEqual([]);
      expect(await ids(secondLeader, { keyword: summary, chargedToMe: false })).toEqual([c.id]);
      // the court handling the case sees who is in charge
      const a = await assignTo(c.id, p.county.court);
      expect((await p.court.ok('query($id: ID!) { case(id: $id) { chargeLeader { id } } }', { id: c.id })).case.chargeLeader.id).toBe(p.leaderId);

      const supervise = (kind: string) =>
        p.registrar.ok('mutation($input: SuperviseInput!) { superviseAssignment(input: $input) { id kind by { id } } }', { input: { assignmentId: a, kind, note: `${kind} 督办` } });
      expect((await supervise('LEADER')).superviseAssignment.by.id).toBe(p.leaderId);
      expect((await supervise('PHONE')).superviseAssignment.by.id).toBe(registrarId);
      // on a case nobody has taken charge of, a leader's supervision stays the one who recorded it
      const plain = await acceptedCase(p.registrar, { summary: `未包案的件（${uniq()}）` });
      const pa = await assignTo(plain.id, p.county.court);
      const { superviseAssignment: s } = await p.registrar.ok('mutation($input: SuperviseInput!) { superviseAssignment(input: $input) { by { id } } }', {
        input: { assignmentId: pa, kind: 'LEADER', note: '领导督办' },
      });
      expect(s.by.id).toBe(registrarId);
    });

    it('refuses taking charge of a finished case', async () => {
      const { registerCase: c } = await p.registrar.ok(REGISTER_CASE, { input: letterInput({ summary: `已存查的件（${uniq()}）` }) });
      await p.registrar.ok('mutation($id: ID!) { archiveCase(id: $id, reason: "存查") { id } }', { id: c.id });
      expectErrorCode(await p.leader.query(TAKE_CHARGE, { id: c.id }), 'INVALID_TRANSITION', 'id');
    });
  });

  describe('领导接访: reception sessions and the visits received at them', () => {
    const wide = { from: new Date(Date.now() - 2 * 86_400_000).toISOString(), to: new Date(Date.now() + 30 * 86_400_000).toISOString() };

    it('refuses a past session, one ending before it starts, a leader of another congress, and non-office users, scheduling nothing', async () => {
      const before = (await p.registrar.ok(RECEPTIONS, wide)).receptions.length;
      const tomorrow = Date.now() + 86_400_000;
      const input = { leaderId: p.leaderId, startsAt: new Date(tomorrow).toISOString(), endsAt: new Date(tomorrow + 3 * HOUR).toISOString(), place: '县人大信访接待室' };
      expectErrorCode(await p.registrar.query(SCHEDULE, { input: { ...input, startsAt: new Date(Date.now() - 3 * 86_400_000).toISOString() } }), 'BAD_USER_INPUT', 'startsAt');
      const backwards = expectErrorCode(await p.registrar.query(SCHEDULE, { input: { ...input, endsAt: new Date(tomorrow - HOUR).toISOString() } }), 'BAD_USER_INPUT', 'endsAt');
      expect(backwards.extensions?.fieldErrors).toEqual([expect.objectContaining({ field: 'endsAt', code: 'BAD_USER_INPUT' })]);
      expectErrorCode(await p.registrar.query(SCHEDULE, { input: { ...input, leaderId: registrarId } }), 'BAD_USER_INPUT', 'leaderId');
      expectErrorCode(await p.registrar.query(SCHEDULE, { input: { ...input, leaderId: cityLeaderId } }), 'BAD_USER_INPUT', 'leaderId');
      expectErrorCode(await p.registrar.query(SCHEDULE, { input: { ...input, place: '' } }), 'BAD_USER_INPUT', 'place');
      expectErrorCode(await p.court.query(SCHEDULE, { input }), 'FORBIDDEN');
      expect((await p.registrar.ok(RECEPTIONS, wide)).receptions).toHaveLength(before);
    });

    it('registers a visit at a running session; refuses one outside its time, a letter, and another congress’s session', async () => {
      const { scheduleReception: session } = await p.registrar.ok(SCHEDULE, { input: { leaderId: p.leaderId, ...runningSession(), place: '县人大信访接待室' } });
      expect(session.leader.id).toBe(p.leaderId);
      const { scheduleReception: siblingSession } = await siblingRegistrar.ok(SCHEDULE, { input: { leaderId: siblingLeaderId, ...runningSession(), place: '邻县接待室' } });
      const count = async () => (await p.registrar.ok(CASE_IDS, { filter: {} })).cases.totalCount as number;
      const before = await count();
      const visit = (overrides: Record<string, unknown>) =>
        letterInput({ channel: 'VISIT', receivedAt: new Date().toISOString(), summary: `领导接访来访（${uniq()}）`, personCount: 2, petitioners: [{ name: '来访人甲' }, { name: '来访人乙' }], ...overrides });

      expectErrorCode(await p.registrar.query(REGISTER_CASE, { input: visit({ receptionId: session.id, receivedAt: new Date(Date.now() - HOUR).toISOString() }) }), 'BAD_USER_INPUT', 'receivedAt');
      expectErrorCode(await p.registrar.query(REGISTER_CASE, { input: visit({ receptionId: session.id, channel: 'LETTER' }) }), 'BAD_USER_INPUT', 'receptionId');
      expectErrorCode(await p.registrar.query(REGISTER_CASE, { input: visit({ receptionId: siblingSession.id }) }), 'NOT_FOUND', 'receptionId');
      // the city sees the county's session, but registers its own visits at its own sessions only
      expectErrorCode(await p.cityRegistrar.query(REGISTER_CASE, { input: visit({ receptionId: session.id }) }), 'NOT_FOUND', 'receptionId');
      expect(await count()).toBe(before);

      const { registerCase: v } = await p.registrar.ok(REGISTER_CASE, { input: visit({ receptionId: session.id }) });
      const listed = (await p.registrar.ok(RECEPTIONS, wide)).receptions.find((r: { id: string }) => r.id === session.id);
      expect(listed).toMatchObject({ id: session.id, leader: { id: p.leaderId }, place: '县人大信访接待室', visits: [{ id: v.id, serialNo: v.serialNo, personCount: 2 }] });
    });

    it('lists a congress’s sessions to its office and the city above (read only); not to a sibling county; refuses a unit', async () => {
      const { scheduleReception: session } = await p.registrar.ok(SCHEDULE, {
        input: { leaderId: p.leaderId, startsAt: new Date(Date.now() + 5 * 86_400_000).toISOString(), endsAt: new Date(Date.now() + 5 * 86_400_000 + 4 * HOUR).toISOString(), place: '某镇接访点' },
      });
      const has = async (client: GraphQLTestClient) => ((await client.ok(RECEPTIONS, wide)).receptions as Array<{ id: string }>).some((r) => r.id === session.id);
      expect(await has(p.registrar)).toBe(true);
      expect(await has(p.leader)).toBe(true);
      expect(await has(p.cityRegistrar)).toBe(true);
      expect(await has(siblingRegistrar)).toBe(false);
      expectErrorCode(await p.court.query(RECEPTIONS, wide), 'FORBIDDEN');
      // the period is [from, to)
      expect(((await p.registrar.ok(RECEPTIONS, { from: session.startsAt, to: session.endsAt })).receptions as Array<{ id: string }>).map((r) => r.id)).toContain(session.id);
      expect(((await p.registrar.ok(RECEPTIONS, { from: wide.from, to: session.startsAt })).receptions as Array<{ id: string }>).map((r) => r.id)).not.toContain(session.id);
      expectErrorCode(await p.registrar.query(RECEPTIONS, { from: wide.to, to: wide.from }), 'BAD_USER_INPUT', 'to');
    });
  });
});
