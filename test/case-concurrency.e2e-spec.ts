import type { GraphQLResponse } from './harness/graphql-client';
import { seedUser } from './harness/fixtures';
import { REGISTER_CASE, letterInput, seedCountyPeople, type CountyPeople } from './harness/case-fixtures';
import { createTestServer, type TestServer } from './harness/test-server';

// Several people at once, through HTTP: serial numbers never collide, and two decisions on one case never both
// win. On SQLite the write transactions are serialised, so the loser sees the new state (INVALID_TRANSITION);
// on MySQL/MariaDB it may instead lose the optimistic version check (CONFLICT). Either is a refusal.

const ACCEPT_CASE = 'mutation($id: ID!) { acceptCase(id: $id) { id status } }';
const DECLINE_CASE = 'mutation($id: ID!, $r: String!) { declineCase(id: $id, reason: $r) { id status } }';
const TIMELINE = 'query($id: ID!) { case(id: $id) { id status timeline { type } } }';

function year(): number {
  return Number(new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
}

describe('concurrent requests on the case workflow', () => {
  let t: TestServer;
  let p: CountyPeople;

  beforeAll(async () => {
    t = await createTestServer();
    p = await seedCountyPeople(t);
  });
  afterAll(() => t?.close());

  /** Exactly one response succeeded; every other one is a refusal with CONFLICT or INVALID_TRANSITION. */
  function oneWinner(responses: GraphQLResponse[]): number {
    const winners = responses.map((r, i) => (r.errors?.length ? -1 : i)).filter((i) => i >= 0);
    expect(winners).toHaveLength(1);
    for (const r of responses.filter((x) => x.errors?.length)) {
      expect(['CONFLICT', 'INVALID_TRANSITION']).toContain(r.errors![0].extensions?.code);
      expect(r.errors![0].message).toMatch(/[\u4e00-\u9fa5]/);
    }
    return winners[0];
  }

  it('50 simultaneous registrations in a fresh congress get the serial numbers 1..50 of the year, each once', async () => {
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) => p.registrar.query(REGISTER_CASE, { input: letterInput({ summary: `并发登记第 ${i + 1} 件` }) })),
    );
    const failures = responses.filter((r) => r.errors?.length).map((r) => r.errors);
    expect(failures).toEqual([]);
    const serials = responses.map((r) => r.data.registerCase.serialNo as string);
    for (const s of serials) expect(s).toMatch(/^\d{4}-\d{6}$/);
    expect(new Set(serials).size).toBe(50);
    const y = year();
    expect(serials.map((s) => s.slice(0, 4))).toEqual(Array(50).fill(String(y)));
    expect(serials.map((s) => Number(s.slice(5))).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(new Set(responses.map((r) => r.data.registerCase.queryCode)).size).toBe(50);

    // and the next one continues the sequence
    const { registerCase: next } = await p.registrar.ok(REGISTER_CASE, { input: letterInput() });
    expect(next.serialNo).toBe(`${y}-000051`);
  });

  it('two registrars accepting and declining the same case at once: exactly one decision stands', async () => {
    const second = await seedUser(t.admin, p.county.congress, ['REGISTRAR']);
    const other = await t.login(second.username, second.password);

    for (let round = 0; round < 5; round++) {
      const { registerCase: c } = await p.registrar.ok(REGISTER_CASE, { input: letterInput({ summary: `并发受理第 ${round + 1} 轮` }) });
      const responses = await Promise.all([
        p.registrar.query(ACCEPT_CASE, { id: c.id }),
        other.query(DECLINE_CASE, { id: c.id, r: '不属于人大信访受理范围' }),
      ]);
      const winner = oneWinner(responses);
      const { case: after } = await p.registrar.ok(TIMELINE, { id: c.id });
      const decided = after.timeline.map((e: { type: string }) => e.type);
      if (winner === 0) {
        expect(after.status).toBe('ACCEPTED');
        expect(decided).toEqual(['REGISTERED', 'ACCEPTED']);
      } else {
        expect(after.status).toBe('DECLINED');
        expect(decided).toEqual(['REGISTERED', 'DECLINED']);
      }
    }
  });

  it('five simultaneous acceptances of one case: one succeeds, and the timeline has one ACCEPTED', async () => {
    const { registerCase: c } = await p.registrar.ok(REGISTER_CASE, { input: letterInput({ summary: '同时受理' }) });
    const responses = await Promise.all(Array.from({ length: 5 }, () => p.registrar.query(ACCEPT_CASE, { id: c.id })));
    oneWinner(responses);
    const { case: after } = await p.registrar.ok(TIMELINE, { id: c.id });
    expect(after.status).toBe('ACCEPTED');
    expect(after.timeline.map((e: { type: string }) => e.type)).toEqual(['REGISTERED', 'ACCEPTED']);
  });
});
