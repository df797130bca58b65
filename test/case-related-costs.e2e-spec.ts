import { REGISTER_CASE, letterInput, seedCountyPeople, type CountyPeople } from './harness/case-fixtures';
import { countSql } from './harness/sql-counter';
import { createTestServer, type TestServer } from './harness/test-server';

describe('related cases on a list page', () => {
  let t: TestServer;
  let p: CountyPeople;

  beforeAll(async () => {
    t = await createTestServer({ DEADLINE_SCAN_INTERVAL_MS: '3600000' });
    p = await seedCountyPeople(t);
  });
  afterAll(() => t?.close());

  const referMany = async (n: number) => {
    for (let i = 0; i < n; i++) {
      const { registerCase: upper } = await p.cityRegistrar.ok(REGISTER_CASE, { input: letterInput() });
      await p.cityRegistrar.ok('mutation($id: ID!) { acceptCase(id: $id) { id } }', { id: upper.id });
      await p.cityRegistrar.ok('mutation($i: ReferCaseInput!) { referCase(input: $i) { id } }', { i: { caseId: upper.id, toUnitId: p.county.congress } });
    }
  };
  const statementsFor = async (client: typeof p.registrar, query: string) => {
    // the steady state: the instance's in-memory unit tree is filled by the first read after a change, not per row
    await client.ok(query);
    const counter = countSql(t.server.runtime.db.dataSource);
    try {
      await client.ok(query);
      return counter.count;
    } finally {
      counter.stop();
    }
  };

  it('checks the visibility of referred-from and referral cases in one batch, however many rows there are', async () => {
    const lowerList = '{ cases(first: 100) { edges { node { id referredFromCase { id } } } } }';
    const upperList = '{ cases(first: 100) { edges { node { id referrals { id } referredFromCase { id } } } } }';
    await referMany(2);
    const [fewLower, fewUpper] = [await statementsFor(p.cityRegistrar, lowerList), await statementsFor(p.cityRegistrar, upperList)];
    await referMany(4);
    const { cases } = await p.cityRegistrar.ok(upperList);
    expect(cases.edges.filter((e: { node: { referrals: unknown[] } }) => e.node.referrals.length === 1)).toHaveLength(6);
    expect(cases.edges.filter((e: { node: { referredFromCase: unknown } }) => e.node.referredFromCase)).toHaveLength(6);
    expect(await statementsFor(p.cityRegistrar, lowerList)).toBe(fewLower);
    expect(await statementsFor(p.cityRegistrar, upperList)).toBe(fewUpper);
  });
});
