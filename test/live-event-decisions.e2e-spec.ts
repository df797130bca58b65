import { ASSIGN_CASE, REGISTER_CASE, letterInput } from './harness/case-fixtures';
import { CREATE_UNIT, seedUser, uniq } from './harness/fixtures';
import { liveCounty } from './harness/live-county';
import { closedWithin, type LiveSubscription } from './harness/ws-client';

const EVENTS = 'subscription { caseEvents { type case { id status assignments { id status unit { id } } } assignment { id unit { id } } } }';
const SUPERVISE = 'mutation($i: SuperviseInput!) { superviseAssignment(input: $i) { id } }';

interface Seen {
  type: string;
  case: { id: string; status: string; assignments: Array<{ id: string; status: string; unit: { id: string } }> };
  assignment: { id: string; unit: { id: string } } | null;
}

/**
 * Each event's facts are read once and every subscriber's delivery is the policy's in-memory decision on its own
 * scope: subscribers of one event are told apart by what they may see, each event is resolved from the data as it
 * stands (a subscription's context outlives its events), and a user whose access is taken away stops receiving
 * while the others of its audience go on.
 */
describe('live events: one read per event, one decision per subscriber', () => {
  // the heartbeat's re-check is an hour away: a socket closed here was closed by the access change itself
  const county = liveCounty();

  const socketOf = async (unit: string, roles: string[]) => {
    const u = await seedUser(county.t.admin, unit, roles);
    const { token } = await county.t.login(u.username, u.password);
    return { user: u, token, live: county.connect(token) };
  };
  const subscriber = async (unit: string, roles: string[]): Promise<LiveSubscription> => (await socketOf(unit, roles)).live.subscribe(EVENTS);
  const seen = async (sub: LiveSubscription): Promise<Seen> => (await sub.next()).data.caseEvents;
  const ids = (xs: Array<{ id: string }>) => xs.map((x) => x.id).sort();

  it('delivers one event to each subscriber as its own scope allows, from the same facts', async () => {
    const { p } = county;
    const office = await subscriber(p.county.congress, ['REGISTRAR']);
    const city = await subscriber(p.county.cityCongress, ['REGISTRAR']);
    const court = await subscriber(p.county.court, ['LIAISON']);
    const procuratorate = await subscriber(p.county.procuratorate, ['LIAISON']);
    const government = await subscriber(p.county.government, ['LIAISON']);

    const { registerCase: c } = await p.registrar.ok(REGISTER_CASE, { input: letterInput() });
    for (const sub of [office, city]) expect(await seen(sub)).toMatchObject({ type: 'REGISTERED', case: { id: c.id, status: 'REGISTERED', assignments: [] } });
    await p.registrar.ok('mutation($id: ID!) { acceptCase(id: $id) { id } }', { id: c.id });
    for (const sub of [office, city]) expect(await seen(sub)).toMatchObject({ type: 'ACCEPTED', case: { status: 'ACCEPTED' } });

    const toCourt = (await p.registrar.ok(ASSIGN_CASE, { input: { caseId: c.id, unitId: p.county.court, mode: 'ASSIGN' } })).assignCase;
    const toProc = (await p.registrar.ok(ASSIGN_CASE, { input: { caseId: c.id, unitId: p.county.procuratorate, mode: 'ASSIGN', role: 'ASSIST' } })).assignCase;
    // the court hears of its own assignment; the procuratorate, assigned a moment later, not of the court's
    expect(await seen(court)).toMatchObject({ type: 'ASSIGNED', assignment: { id: toCourt.id }, case: { assignments: [{ id: toCourt.id }] } });
    expect(await seen(procuratorate)).toMatchObject({ type: 'ASSIGNED', assignment: { id: toProc.id }, case: { assignments: [{ id: toProc.id }] } });
    for (const sub of [office, city]) {
      expect(await seen(sub)).toMatchObject({ type: 'ASSIGNED', assignment: { id: toCourt.id } });
      // the second event resolves the case as it is now, with both assignments, not as the first one left it
      const second = await seen(sub);
      expect(second).toMatchObject({ type: 'ASSIGNED', assignment: { id: toProc.id } });
      expect(ids(second.case.assignments)).toEqual(ids([toCourt, toProc]));
    }

    // one event about the court's assignment: the office above and below and the court, not the procuratorate
    await p.registrar.ok(SUPERVISE, { i: { assignmentId: toCourt.id, kind: 'PHONE', note: '催办法院' } });
    for (const sub of [office, city, court]) expect(await seen(sub)).toMatchObject({ type: 'SUPERVISED', case: { id: c.id }, assignment: { id: toCourt.id } });
    // and one about the procuratorate's: the other way round
    await p.registrar.ok(SUPERVISE, { i: { assignmentId: toProc.id, kind: 'PHONE', note: '催办检察院' } });
    for (const sub of [office, city, procuratorate]) expect(await seen(sub)).toMatchObject({ type: 'SUPERVISED', assignment: { id: toProc.id } });

    expect(await court.drain(200)).toEqual([]);
    expect(await procuratorate.drain(0)).toEqual([]);
    // assigned nothing, the government hears of nothing
    expect(await government.drain(0)).toEqual([]);
    for (const sub of [office, city, court, procuratorate, government]) sub.dispose();
  });

  it('stops serving a user whose access is taken away, while the rest of its audience goes on receiving', async () => {
    const { t, p } = county;
    const { registerCase: c } = await p.registrar.ok(REGISTER_CASE, { input: letterInput() });
    await p.registrar.ok('mutation($id: ID!) { acceptCase(id: $id) { id } }', { id: c.id });
    const a = (await p.registrar.ok(ASSIGN_CASE, { input: { caseId: c.id, unitId: p.county.court, mode: 'ASSIGN' } })).assignCase;

    // the first subscribers of the audience: the one whose context the audience's executions ran in goes first
    const disabled = await socketOf(p.county.congress, ['REGISTRAR']);
    const demoted = await socketOf(p.county.congress, ['REGISTRAR']);
    const kept = await socketOf(p.county.congress, ['REGISTRAR']);
    const [subDisabled, subDemoted, subKept] = [await disabled.live.subscribe(EVENTS), await demoted.live.subscribe(EVENTS), await kept.live.subscribe(EVENTS)];
    const supervise = (note: string) => p.registrar.ok(SUPERVISE, { i: { assignmentId: a.id, kind: 'PHONE', note } });

    await supervise('第一次');
    for (const sub of [subDisabled, subDemoted, subKept]) expect(await seen(sub)).toMatchObject({ type: 'SUPERVISED', assignment: { id: a.id } });

    await t.admin.ok('mutation($id: ID!) { setUserDisabled(id: $id, disabled: true) { id } }', { id: disabled.user.id });
    expect(await closedWithin(disabled.live, 1000)).toBe(4403);
    await t.admin.ok('mutation($id: ID!, $roles: [Role!]!) { setUserRoles(id: $id, roles: $roles) { id } }', { id: demoted.user.id, roles: ['DEPUTY'] });
    expect(await closedWithin(demoted.live, 1000)).toBe(4401);
    // the demoted user's token still opens a socket, served with its new roles: a deputy sees no case
    const again = county.connect(demoted.token);
    const subAgain = await again.subscribe(EVENTS);

    await supervise('第二次');
    const second = await seen(subKept);
    expect(second).toMatchObject({ type: 'SUPERVISED', case: { id: c.id }, assignment: { id: a.id } });
    expect(ids(second.case.assignments)).toEqual([a.id]);
    expect(await subAgain.drain(300)).toEqual([]);
    // a closed socket's subscription ends with an error; no event came after the first
    for (const sub of [subDisabled, subDemoted]) expect((await sub.drain(0)).filter((r) => r.data)).toEqual([]);
    expect(await closedWithin(kept.live, 0)).toBe('open');
  });

  it('serves an open subscription with the unit tree as it is now: a county congress created under the city is in the city’s reach at once', async () => {
    const { t, p } = county;
    const city = await subscriber(p.county.cityCongress, ['REGISTRAR']);
    const sibling = await subscriber(p.county.congress, ['REGISTRAR']);
    // an event first, so that both subscriptions have worked out their scopes before the tree changes
    const { registerCase: before } = await p.registrar.ok(REGISTER_CASE, { input: letterInput() });
    for (const sub of [city, sibling]) expect(await seen(sub)).toMatchObject({ type: 'REGISTERED', case: { id: before.id } });
    const { createUnit } = await t.admin.ok(CREATE_UNIT, {
      input: { code: `new-county-rd-${uniq()}`, name: '新设县人大常委会', kind: 'CONGRESS', level: 'COUNTY', parentId: p.county.cityCongress },
    });
    const u = await seedUser(t.admin, createUnit.id, ['REGISTRAR']);
    const registrar = await t.login(u.username, u.password);
    const { registerCase: c } = await registrar.ok(REGISTER_CASE, { input: letterInput() });
    expect(await seen(city)).toMatchObject({ type: 'REGISTERED', case: { id: c.id } });
    // the county beside it is not above it
    expect(await sibling.drain(200)).toEqual([]);
    for (const sub of [city, sibling]) sub.dispose();
  });
});
