import type { ChildProcess } from 'node:child_process';
import { REGISTER_CASE, letterInput } from './harness/case-fixtures';
import { seedCounty, seedUser, type County } from './harness/fixtures';
import { expectErrorCode, type GraphQLTestClient } from './harness/graphql-client';
import { freePort, hasRedisServer, startRedis, stopRedis } from './harness/redis-process';
import { countSql } from './harness/sql-counter';
import { ENGINE, createTestServer, startTestServerOn, type TestServer } from './harness/test-server';

const ME = '{ me { id roles } }';
const DISABLE = 'mutation($id: ID!) { setUserDisabled(id: $id, disabled: true) { id } }';
const SET_ROLES = 'mutation($id: ID!, $roles: [Role!]!) { setUserRoles(id: $id, roles: $roles) { id } }';

/** Logins are held in memory between requests; no change of access may be outlived by such a copy. */
describe('logins held in memory, one instance', () => {
  let t: TestServer;
  let county: County;

  beforeAll(async () => {
    t = await createTestServer({ DEADLINE_SCAN_INTERVAL_MS: '3600000' });
    county = await seedCounty(t.admin);
  });
  afterAll(async () => t?.close());

  const signIn = async (roles: string[]) => {
    const u = await seedUser(t.admin, county.congress, roles);
    return { id: u.id, client: await t.login(u.username, u.password) };
  };

  it('reads a login from the database once, not on every request', async () => {
    const { client } = await signIn(['REGISTRAR']);
    await client.ok(ME);
    const counter = countSql(t.server.runtime.db.dataSource);
    try {
      await client.ok(ME);
      await client.ok(ME);
      expect(counter.statements.filter((s) => /auth_session/.test(s))).toEqual([]);
    } finally {
      counter.stop();
    }
  });

  it('refuses a disabled user on the very next request', async () => {
    const { id, client } = await signIn(['REGISTRAR']);
    await client.ok(ME);
    await t.admin.ok(DISABLE, { id });
    expectErrorCode(await client.query(ME), 'UNAUTHENTICATED');
  });

  it('serves new roles on the very next request', async () => {
    const { id, client } = await signIn(['REGISTRAR']);
    await client.ok(REGISTER_CASE, { input: letterInput() });
    await t.admin.ok(SET_ROLES, { id, roles: ['VIEWER'] });
    expect((await client.ok(ME)).me.roles).toEqual(['VIEWER']);
    expectErrorCode(await client.query(REGISTER_CASE, { input: letterInput() }), 'FORBIDDEN');
  });

  it('refuses a login revoked by reusing a rotated token', async () => {
    const { client } = await signIn(['REGISTRAR']);
    await client.ok(ME);
    const rotated = t.client.withToken((await client.ok('mutation { refreshToken { token } }')).refreshToken.token);
    await rotated.ok(ME);
    // the old token presented again: someone else holds the chain, and the whole login goes
    expectErrorCode(await client.query('mutation { refreshToken { token } }'), 'UNAUTHENTICATED');
    expectErrorCode(await rotated.query(ME), 'UNAUTHENTICATED');
  });
});

// Two instances need one shared database: this runs in the MariaDB pass of CI, each with a Redis of the test's own.
(ENGINE === 'mysql' && hasRedisServer() ? describe : describe.skip)('logins held in memory, two instances on one Redis', () => {
  let a: TestServer;
  let b: TestServer;
  let redis: ChildProcess;
  let county: County;

  beforeAll(async () => {
    const port = await freePort();
    redis = await startRedis(port);
    const url = `redis://127.0.0.1:${port}`;
    a = await createTestServer({ REDIS_URL: url, DEADLINE_SCAN_INTERVAL_MS: '3600000' });
    b = await startTestServerOn(a.databaseUrl, { REDIS_URL: url, DEADLINE_SCAN_INTERVAL_MS: '3600000' });
    county = await seedCounty(a.admin);
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
    if (redis) await stopRedis(redis);
  });

  const onB = async (roles: string[]): Promise<{ id: string; client: GraphQLTestClient }> => {
    const u = await seedUser(a.admin, county.congress, roles);
    const client = await b.login(u.username, u.password);
    await client.ok(ME);
    return { id: u.id, client };
  };

  /** The change crosses to B through Redis: B must refuse within the time a pub/sub message takes. */
  const refusedSoon = async (client: GraphQLTestClient) => {
    for (let i = 0; i < 100; i++) {
      const res = await client.query(ME);
      if (res.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED') return res;
      await new Promise((r) => setTimeout(r, 20));
    }
    return client.query(ME);
  };

  it('drops a copy on every instance when a user is disabled on one', async () => {
    const { id, client } = await onB(['REGISTRAR']);
    await a.admin.ok(DISABLE, { id });
    expectErrorCode(await refusedSoon(client), 'UNAUTHENTICATED');
  });

  it('holds nothing while Redis is down, so a change made on another instance is honoured at once', async () => {
    const { id, client } = await onB(['REGISTRAR']);
    await stopRedis(redis);
    for (let i = 0; i < 100 && b.server.runtime.pubsub.connected(); i++) await new Promise((r) => setTimeout(r, 20));
    expect(b.server.runtime.pubsub.connected()).toBe(false);
    await client.ok(ME);
    await a.admin.ok(DISABLE, { id });
    // no event can cross now: B must have read the database
    expectErrorCode(await client.query(ME), 'UNAUTHENTICATED');
  });
});
