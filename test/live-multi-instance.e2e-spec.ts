import { ASSIGN_CASE, REGISTER_CASE, letterInput } from './harness/case-fixtures';
import { seedCounty, seedUser } from './harness/fixtures';
import { Assignment } from '../src/entities/assignment.entity';
import { ENGINE, createTestServer, startTestServerOn, type TestServer } from './harness/test-server';
import { connectLive, type LiveClient } from './harness/ws-client';

// Two instances need one shared database and one Redis: this runs in the MariaDB + Redis pass of CI.
const shared = ENGINE === 'mysql' && Boolean(process.env.REDIS_URL);

(shared ? describe : describe.skip)('two instances behind a load balancer, one MariaDB, one Redis', () => {
  let a: TestServer;
  let b: TestServer;
  let other: TestServer;
  const sockets: LiveClient[] = [];

  beforeAll(async () => {
    a = await createTestServer({ DEADLINE_SCAN_INTERVAL_MS: '3600000' });
    b = await startTestServerOn(a.databaseUrl, { DEADLINE_SCAN_INTERVAL_MS: '3600000' });
    // another deployment on the same Redis, with channels of its own
    other = await startTestServerOn(a.databaseUrl, { DEADLINE_SCAN_INTERVAL_MS: '3600000', REDIS_CHANNEL_PREFIX: 'other-office:' });
  });
  afterAll(async () => {
    await Promise.all(sockets.map((s) => s.close()));
    await other?.close();
    await b?.close();
    await a?.close();
  });

  it('delivers a change made through instance A to a subscriber connected to instance B, and each deadline alert exactly once', async () => {
    expect(a.server.runtime.pubsub.backend).toBe('redis');
    const county = await seedCounty(a.admin);
    const user = await seedUser(a.admin, county.congress, ['REGISTRAR']);
    const registrarOnA = await a.login(user.username, user.password);
    const onB = connectLive(b.wsUrl, registrarOnA.token);
    const onA = connectLive(a.wsUrl, registrarOnA.token);
    sockets.push(onA, onB);
    const eventsOnB = await onB.subscribe('subscription { caseEvents { type case { id serialNo } } }');
    const onOther = connectLive(other.wsUrl, registrarOnA.token);
    sockets.push(onOther);
    const eventsOnOther = await onOther.subscribe('subscription { caseEvents { type } }');
    const alertsOnA = await onA.subscribe('subscription { deadlineAlerts { kind assignment { id } } }');
    const alertsOnB = await onB.subscribe('subscription { deadlineAlerts { kind assignment { id } } }');

    const { registerCase: c } = await registrarOnA.ok(REGISTER_CASE, { input: letterInput() });
    expect((await eventsOnB.next()).data.caseEvents).toEqual({ type: 'REGISTERED', case: { id: c.id, serialNo: c.serialNo } });
    expect(await eventsOnOther.drain(300)).toEqual([]);

    await registrarOnA.ok('mutation($id: ID!) { acceptCase(id: $id) { id } }', { id: c.id });
    const { assignCase: assignment } = await registrarOnA.ok(ASSIGN_CASE, { input: { caseId: c.id, unitId: county.court, mode: 'ASSIGN' } });
    await a.server.runtime.db.dataSource.getRepository(Assignment).update({ id: assignment.id }, { dueAt: new Date(Date.now() - 60_000) });

    const raised = await Promise.all([a.server.scheduler.scan(), b.server.scheduler.scan(), a.server.scheduler.scan(), b.server.scheduler.scan()]);
    expect(raised.reduce((x, y) => x + y, 0)).toBe(1);
    for (const sub of [alertsOnA, alertsOnB]) {
      expect((await sub.next()).data.deadlineAlerts).toEqual({ kind: 'OVERDUE', assignment: { id: assignment.id } });
      expect(await sub.drain(300)).toEqual([]);
    }
  });

  it('delivers a joint meeting\'s events made through instance A to its participants connected to instance B, and to nobody else', async () => {
    const county = await seedCounty(a.admin);
    const registrar = await seedUser(a.admin, county.congress, ['REGISTRAR']);
    const court = await seedUser(a.admin, county.court, ['LIAISON']);
    const deputy = await seedUser(a.admin, county.congress, ['DEPUTY']);
    const officeOnA = await a.login(registrar.username, registrar.password);
    const courtOnB = connectLive(b.wsUrl, (await b.login(court.username, court.password)).token);
    const deputyOnB = connectLive(b.wsUrl, (await b.login(deputy.username, deputy.password)).token);
    sockets.push(courtOnB, deputyOnB);
    const { createMatter: matter } = await officeOnA.ok('mutation($i: CreateMatterInput!) { createMatter(input: $i) { id } }', { i: { title: '跨实例会议事项' } });
    const schedule = (participantIds: string[]) =>
      officeOnA.ok('mutation($i: ScheduleJointMeetingInput!) { scheduleJointMeeting(input: $i) { id } }', {
        i: { title: '跨实例联席会议', startsAt: new Date().toISOString(), participantIds, agenda: [{ matterId: matter.id }] },
      });
    const { scheduleJointMeeting: m } = await schedule([court.id]);
    const { scheduleJointMeeting: other } = await schedule([deputy.id]);
    const events = 'subscription($id: ID!) { jointMeetingEvents(meetingId: $id) { type meeting { id status } } }';
    const forCourt = await courtOnB.subscribe(events, { id: m.id });
    const forDeputy = await deputyOnB.subscribe(events, { id: other.id });
    await officeOnA.ok('mutation($id: ID!) { startJointMeeting(id: $id) { id } }', { id: m.id });
    expect((await forCourt.next()).data.jointMeetingEvents).toEqual({ type: 'STARTED', meeting: { id: m.id, status: 'IN_SESSION' } });
    expect(await forDeputy.drain(300)).toEqual([]);
  });
});
