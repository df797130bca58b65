import { ASSIGN_CASE, acceptedCase } from './harness/case-fixtures';
import { seedUser } from './harness/fixtures';
import { liveCounty } from './harness/live-county';
import { countSql } from './harness/sql-counter';

const EVENTS = 'subscription { caseEvents { type at case { id serialNo status } assignment { id unit { id } } actor { id } } }';
const SUPERVISE = 'mutation($i: SuperviseInput!) { superviseAssignment(input: $i) { id } }';

/**
 * Visibility is decided once per event, not once per subscriber: delivering one event costs the same number of
 * SQL statements to 2 subscribers as to 12, and each still receives only what the policy lets it see.
 */
describe('live fan-out cost', () => {
  // no background work during the count: no deadline scan, no heartbeat re-check of tokens
  const live = liveCounty();

  /** Subscribers: `n` office users and `n` court users; one procuratorate user who must receive nothing. */
  async function subscribers(n: number) {
    const { t, p } = live;
    const make = async (unit: string, roles: string[]) => {
      const u = await seedUser(t.admin, unit, roles);
      return live.connect((await t.login(u.username, u.password)).token).subscribe(EVENTS);
    };
    const office = await Promise.all(Array.from({ length: n }, () => make(p.county.congress, ['REGISTRAR'])));
    const court = await Promise.all(Array.from({ length: n }, () => make(p.county.court, ['LIAISON'])));
    const outsider = await make(p.county.procuratorate, ['LIAISON']);
    return { office, court, outsider };
  }

  async function statementsToDeliver(n: number): Promise<string[]> {
    const { t, p } = live;
    const c = await acceptedCase(p.registrar);
    const a = (await p.registrar.ok(ASSIGN_CASE, { input: { caseId: c.id, unitId: p.county.court, mode: 'ASSIGN' } })).assignCase;
    const subs = await subscribers(n);
    const receivers = [...subs.office, ...subs.court];
    const supervise = async () => {
      await p.registrar.ok(SUPERVISE, { i: { assignmentId: a.id, kind: 'PHONE', note: '催办' } });
      for (const sub of receivers) {
        const { data } = await sub.next();
        expect(data.caseEvents).toMatchObject({ type: 'SUPERVISED', case: { id: c.id }, assignment: { id: a.id, unit: { id: p.county.court } } });
      }
    };
    try {
      // the first event also works out each subscriber's scope, once for the life of its subscription
      await supervise();
      const counter = countSql(t.server.runtime.db.dataSource);
      try {
        await supervise();
        expect(await subs.outsider.drain(200)).toEqual([]);
        // the mutation's own statements are the same whatever the audience; delivery adds a fixed few
        return [...counter.statements];
      } finally {
        counter.stop();
      }
    } finally {
      for (const s of [...receivers, subs.outsider]) s.dispose();
    }
  }

  it('costs the same statements for 2 subscribers as for 12', async () => {
    const small = await statementsToDeliver(1);
    const large = await statementsToDeliver(6);
    // on failure the received list names every statement
    expect(large).toHaveLength(small.length);
  });
});
