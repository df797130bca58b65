import { ASSIGN_CASE, REGISTER_CASE, letterInput, seedCountyPeople, type CountyPeople } from './harness/case-fixtures';
import { seedUser } from './harness/fixtures';
import { systemContext } from '../src/bootstrap';
import { CaseEventType } from '../src/entities/case-enums';
import { Assignment } from '../src/entities/assignment.entity';
import { createTestServer, type TestServer } from './harness/test-server';
import { connectLive, type LiveClient } from './harness/ws-client';

const CASE_EVENTS = `subscription CaseEvents {
  caseEvents { type at case { id serialNo status } assignment { id unit { id } } actor { id } }
}`;
const DEADLINE_ALERTS = `subscription DeadlineAlerts {
  deadlineAlerts { kind dueAt assignment { id unit { id } case { id serialNo } } }
}`;

describe('live layer: authenticated subscriptions over graphql-ws', () => {
  let t: TestServer;
  let p: CountyPeople;
  const tokens: Record<string, string> = {};
  const sockets: LiveClient[] = [];
  const live = (who: keyof typeof tokens) => {
    const c = connectLive(t.wsUrl, tokens[who]);
    sockets.push(c);
    return c;
  };

  beforeAll(async () => {
    t = await createTestServer({ WS_MAX_SUBSCRIPTIONS: '3', MAX_QUERY_DEPTH: '8', DEADLINE_SCAN_INTERVAL_MS: '3600000' });
    p = await seedCountyPeople(t);
    for (const [k, c] of Object.entries({ registrar: p.registrar, court: p.court, procuratorate: p.procuratorate })) tokens[k] = c.token!;
  });
  afterAll(async () => {
    await Promise.all(sockets.map((s) => s.close()));
    await t?.close();
  });

  const register = async (overrides: Record<string, unknown> = {}) => (await p.registrar.ok(REGISTER_CASE, { input: letterInput(overrides) })).registerCase;
  const acceptAndAssign = async (caseId: string, unitId: string) => {
    await p.registrar.ok('mutation($id: ID!) { acceptCase(id: $id) { id } }', { id: caseId });
    return (await p.registrar.ok(ASSIGN_CASE, { input: { caseId, unitId, mode: 'ASSIGN' } })).assignCase;
  };

  it('delivers a registration to the office as it happens, resolved with the subscriber\'s permissions', async () => {
    const sub = await live('registrar').subscribe(CASE_EVENTS);
    const c = await register();
    const { data } = await sub.next();
    expect(data.caseEvents).toMatchObject({ type: 'REGISTERED', case: { id: c.id, serialNo: c.serialNo, status: 'REGISTERED' }, assignment: null });
    expect(data.caseEvents.actor.id).toBeTruthy();
    sub.dispose();
  });

  it('tells a court liaison about its own assignments and nothing about the procuratorate\'s', async () => {
    const court = await live('court').subscribe(CASE_EVENTS);
    const forProcuratorate = await register({ summary: '交检察院办理的件' });
    await acceptAndAssign(forProcuratorate.id, p.county.procuratorate);
    const forCourt = await register({ summary: '交法院办理的件' });
    const a = await acceptAndAssign(forCourt.id, p.county.court);
    const { data } = await court.next();
    expect(data.caseEvents).toMatchObject({ type: 'ASSIGNED', case: { id: forCourt.id }, assignment: { id: a.id, unit: { id: p.county.court } } });
    expect(await court.drain(300)).toEqual([]);
    court.dispose();
  });

  it('never tells an accused unit about the accusation, even when others handle it', async () => {
    const court = await live('court').subscribe(CASE_EVENTS);
    const proc = await live('procuratorate').subscribe(CASE_EVENTS);
    const accusation = await register({ caseType: 'ACCUSATION', accusedUnitId: p.county.court, summary: '检举某法院工作人员' });
    await acceptAndAssign(accusation.id, p.county.procuratorate);
    expect((await proc.next()).data.caseEvents).toMatchObject({ type: 'ASSIGNED', case: { id: accusation.id } });
    expect(await court.drain(300)).toEqual([]);
    court.dispose();
    proc.dispose();
  });

  it('publishes nothing for a refused mutation or a rolled-back transaction', async () => {
    const sub = await live('registrar').subscribe(CASE_EVENTS);
    const c = await register();
    await sub.next();
    const refused = await p.registrar.query('mutation($id: ID!) { closeCase(id: $id) { id } }', { id: c.id });
    expect(refused.errors?.[0].extensions?.code).toBe('INVALID_TRANSITION');
    const ctx = systemContext(t.server.runtime, 'rollback-test');
    await expect(
      ctx.transaction(async () => {
        await ctx.services.caseEvents.record(ctx, { caseId: c.id, type: CaseEventType.ACCEPTED, actorId: null });
        throw new Error('rolled back on purpose');
      }),
    ).rejects.toThrow('rolled back on purpose');
    expect(await sub.drain(300)).toEqual([]);
    const { case: detail } = await p.registrar.ok('query($id: ID!) { case(id: $id) { timeline { type } } }', { id: c.id });
    expect(detail.timeline.map((e: { type: string }) => e.type)).toEqual(['REGISTERED']);
    sub.dispose();
  });

  it('raises each deadline alert once, to the office and the unit concerned only', async () => {
    const office = await live('registrar').subscribe(DEADLINE_ALERTS);
    const court = await live('court').subscribe(DEADLINE_ALERTS);
    const proc = await live('procuratorate').subscribe(DEADLINE_ALERTS);
    const c = await register();
    const a = await acceptAndAssign(c.id, p.county.court);
    const due = new Date(Date.now() - 3600_000);
    await t.server.runtime.db.dataSource.getRepository(Assignment).update({ id: a.id }, { dueAt: due });
    await t.server.scheduler.scan();
    const seenByOffice = (await office.next()).data.deadlineAlerts;
    expect(seenByOffice).toMatchObject({ kind: 'OVERDUE', assignment: { id: a.id, unit: { id: p.county.court }, case: { id: c.id } } });
    expect(new Date(seenByOffice.dueAt).getTime()).toBe(due.getTime());
    expect((await court.next()).data.deadlineAlerts.assignment.id).toBe(a.id);
    await t.server.scheduler.scan();
    expect(await office.drain(300)).toEqual([]);
    expect(await proc.drain(0)).toEqual([]);
    office.dispose();
    court.dispose();
    proc.dispose();
  });

  it('closes a socket without a valid token with 4403 before any subscription', async () => {
    expect(await connectLive(t.wsUrl).closed).toBe(4403);
    expect(await connectLive(t.wsUrl, 'forged.token.value').closed).toBe(4403);
  });

  it('reads the authorization parameter whatever its case', async () => {
    const c = connectLive(t.wsUrl, undefined, { Authorization: `Bearer ${tokens.registrar}` });
    sockets.push(c);
    const sub = await c.subscribe(CASE_EVENTS);
    await register();
    expect((await sub.next()).data.caseEvents.type).toBe('REGISTERED');
    sub.dispose();
  });

  it('applies the same query limits on the socket as over HTTP', async () => {
    const deep = 'subscription { caseEvents { case { assignments { case { assignments { case { assignments { unit { parent { id } } } } } } } } } }';
    const sub = await live('registrar').subscribe(deep);
    const result = await sub.next();
    expect(result.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('limits the active subscriptions of one connection', async () => {
    const c = live('registrar');
    const subs = [await c.subscribe(CASE_EVENTS), await c.subscribe(CASE_EVENTS), await c.subscribe(CASE_EVENTS)];
    const fourth = await c.subscribe(CASE_EVENTS);
    expect((await fourth.next()).errors?.[0].extensions?.code).toBe('LIMIT_EXCEEDED');
    subs[0].dispose();
    await new Promise((r) => setTimeout(r, 100));
    const again = await c.subscribe(CASE_EVENTS);
    await register();
    expect((await again.next()).data.caseEvents.type).toBe('REGISTERED');
  });

  it('tells a unit with no assignment on a case nothing about it', async () => {
    const user = await seedUser(t.admin, p.county.government, ['LIAISON']);
    const gov = connectLive(t.wsUrl, (await t.login(user.username, user.password)).token);
    sockets.push(gov);
    const sub = await gov.subscribe(CASE_EVENTS);
    await register();
    expect(await sub.drain(300)).toEqual([]);
  });
});
