import { seedCounty, seedUser } from './harness/fixtures';
import { ENGINE, createTestServer, startTestServerOn, type TestServer } from './harness/test-server';
import { closedWithin, connectLive, type LiveClient } from './harness/ws-client';

// Two instances need one shared database and one Redis: this runs in the MariaDB + Redis pass of CI.
const shared = ENGINE === 'mysql' && Boolean(process.env.REDIS_URL);

(shared ? describe : describe.skip)('an access change made on one instance closes sockets on the other at once', () => {
  let a: TestServer;
  let b: TestServer;
  const sockets: LiveClient[] = [];
  // the heartbeat's own re-check is an hour away on both: a close within a second came through Redis
  const env = { WS_HEARTBEAT_MS: '600000', DEADLINE_SCAN_INTERVAL_MS: '3600000' };

  beforeAll(async () => {
    a = await createTestServer(env);
    b = await startTestServerOn(a.databaseUrl, env);
  });
  afterAll(async () => {
    await Promise.all(sockets.map((s) => s.close()));
    await b?.close();
    await a?.close();
  });

  it('closes a user\'s sockets on both instances when its password changes, its roles change or it is disabled', async () => {
    expect(b.server.runtime.pubsub.backend).toBe('redis');
    const county = await seedCounty(a.admin);
    const [p, r, d] = await Promise.all([1, 2, 3].map(() => seedUser(a.admin, county.congress, ['REGISTRAR'])));
    const connect = async (t: TestServer, token: string) => {
      const live = connectLive(t.wsUrl, token);
      sockets.push(live);
      await live.subscribe('subscription { caseEvents { type } }');
      return live;
    };
    const pc = await a.login(p.username, p.password);
    const [pOnA, pOnB] = [await connect(a, pc.token!), await connect(b, pc.token!)];
    const [rOnB, dOnB] = [await connect(b, (await a.login(r.username, r.password)).token!), await connect(b, (await a.login(d.username, d.password)).token!)];

    await pc.ok('mutation($o: String!, $n: String!) { changePassword(oldPassword: $o, newPassword: $n) { token } }', { o: p.password, n: 'another-password-1' });
    expect(await closedWithin(pOnB, 1000)).toBe(4403);
    expect(await closedWithin(pOnA, 1000)).toBe(4403);

    await a.admin.ok('mutation($id: ID!) { setUserRoles(id: $id, roles: [REGISTRAR, LEADER]) { id } }', { id: r.id });
    expect(await closedWithin(rOnB, 1000)).toBe(4401);

    expect(await closedWithin(dOnB, 100)).toBe('open');
    await a.admin.ok('mutation($id: ID!) { setUserDisabled(id: $id, disabled: true) { id } }', { id: d.id });
    expect(await closedWithin(dOnB, 1000)).toBe(4403);
  });
});
