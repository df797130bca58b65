import { ASSIGN_CASE, SAMPLE_ID, acceptedCase, seedCountyPeople, type CountyPeople } from './harness/case-fixtures';
import { seedUser } from './harness/fixtures';
import { createTestServer, type TestServer } from './harness/test-server';
import { connectLive, type LiveClient, type LiveSubscription } from './harness/ws-client';

const EVENTS = `subscription {
  caseEvents { type case { id assignments { id unit { id } } petitioners { idNumberMasked idNumber } } }
}`;
const SUPERVISE = 'mutation($i: SuperviseInput!) { superviseAssignment(input: $i) { id } }';

/**
 * Subscribers in the same audience share one execution of each event; subscribers in different audiences (office
 * with and without personal-data access, a handling unit) each still receive exactly what they may see.
 */
describe('shared execution of live events', () => {
  let t: TestServer;
  let p: CountyPeople;
  const sockets: LiveClient[] = [];

  beforeAll(async () => {
    t = await createTestServer({ DEADLINE_SCAN_INTERVAL_MS: '3600000' });
    p = await seedCountyPeople(t);
  });
  afterAll(async () => {
    await Promise.all(sockets.map((s) => s.close()));
    await t?.close();
  });

  const subscriber = async (unit: string, roles: string[], extra: Record<string, unknown> = {}): Promise<LiveSubscription> => {
    const u = await seedUser(t.admin, unit, roles, extra);
    const live = connectLive(t.wsUrl, (await t.login(u.username, u.password)).token);
    sockets.push(live);
    return live.subscribe(EVENTS);
  };

  it('gives each audience its own result and every subscriber of an audience the same one', async () => {
    const c = await acceptedCase(p.registrar);
    const lead = (await p.registrar.ok(ASSIGN_CASE, { input: { caseId: c.id, unitId: p.county.court, mode: 'ASSIGN' } })).assignCase;
    const assist = (await p.registrar.ok(ASSIGN_CASE, { input: { caseId: c.id, unitId: p.county.government, mode: 'ASSIGN', role: 'ASSIST' } })).assignCase;

    const office = await Promise.all([0, 1, 2].map(() => subscriber(p.county.congress, ['REGISTRAR'])));
    const officePii = await Promise.all([0, 1].map(() => subscriber(p.county.congress, ['REGISTRAR'], { piiAccess: true })));
    const court = await Promise.all([0, 1, 2].map(() => subscriber(p.county.court, ['LIAISON'])));
    const outsider = await subscriber(p.county.procuratorate, ['LIAISON']);

    for (let round = 0; round < 2; round++) {
      await p.registrar.ok(SUPERVISE, { i: { assignmentId: lead.id, kind: 'PHONE', note: `催办第 ${round + 1} 次` } });
      const got = async (subs: LiveSubscription[]) => Promise.all(subs.map(async (s) => (await s.next()).data.caseEvents));

      const officeSeen = await got(office);
      for (const e of officeSeen) {
        expect(e.type).toBe('SUPERVISED');
        expect(e.case.assignments.map((a: { id: string }) => a.id).sort()).toEqual([lead.id, assist.id].sort());
        expect(e.case.petitioners[0].idNumber).not.toBe(SAMPLE_ID);
      }
      for (const e of await got(officePii)) {
        expect(e.case.assignments.map((a: { id: string }) => a.id).sort()).toEqual([lead.id, assist.id].sort());
        expect(e.case.petitioners[0].idNumber).toBe(SAMPLE_ID);
      }
      for (const e of await got(court)) {
        expect(e.case.id).toBe(c.id);
        // a handling unit sees its own assignment only, whatever the office's subscribers were sent
        expect(e.case.assignments).toEqual([{ id: lead.id, unit: { id: p.county.court } }]);
      }
      expect(new Set(officeSeen.map((e) => JSON.stringify(e))).size).toBe(1);
      expect(await outsider.drain(200)).toEqual([]);
    }
  });
});
