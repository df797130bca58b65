import { seedCounty, seedUser, type County } from './harness/fixtures';
import { createTestServer, type TestServer } from './harness/test-server';
import { closedWithin, connectLive, type LiveClient } from './harness/ws-client';

const SUBSCRIBE = 'subscription { caseEvents { type } }';
const REFRESH = 'mutation { refreshToken { token } }';

// The heartbeat's own re-check is an hour away: whatever closes a socket within a second here is the pub/sub.
describe('an access change closes the sockets it concerns at once', () => {
  let t: TestServer;
  let county: County;
  const sockets: LiveClient[] = [];
  const open = async (token: string | undefined) => {
    const live = connectLive(t.wsUrl, token);
    sockets.push(live);
    await live.subscribe(SUBSCRIBE);
    return live;
  };

  beforeAll(async () => {
    t = await createTestServer({ WS_HEARTBEAT_MS: '600000' });
    county = await seedCounty(t.admin);
  });
  afterAll(async () => {
    await Promise.all(sockets.map((s) => s.close()));
    await t?.close();
  });

  it('changing a password closes every socket of that user with 4403, and no one else\'s', async () => {
    const user = await seedUser(t.admin, county.congress, ['REGISTRAR']);
    const bystander = await seedUser(t.admin, county.congress, ['REGISTRAR']);
    const c = await t.login(user.username, user.password);
    const [a, b] = [await open(c.token), await open(c.token)];
    const other = await open((await t.login(bystander.username, bystander.password)).token);
    await c.ok('mutation($o: String!, $n: String!) { changePassword(oldPassword: $o, newPassword: $n) { token } }', { o: user.password, n: 'another-password-1' });
    expect(await closedWithin(a, 1000)).toBe(4403);
    expect(await closedWithin(b, 1000)).toBe(4403);
    expect(await closedWithin(other, 300)).toBe('open');
  });

  it('disabling a user closes its sockets with 4403', async () => {
    const user = await seedUser(t.admin, county.congress, ['REGISTRAR']);
    const live = await open((await t.login(user.username, user.password)).token);
    await t.admin.ok('mutation($id: ID!) { setUserDisabled(id: $id, disabled: true) { id } }', { id: user.id });
    expect(await closedWithin(live, 1000)).toBe(4403);
  });

  it('changing roles closes the sockets with 4401; the token still opens a new one, served with the new roles', async () => {
    const user = await seedUser(t.admin, county.congress, ['REGISTRAR']);
    const { token } = await t.login(user.username, user.password);
    const live = await open(token);
    const roles = 'mutation($id: ID!, $roles: [Role!]!) { setUserRoles(id: $id, roles: $roles) { id } }';
    // the same roles again change nothing
    await t.admin.ok(roles, { id: user.id, roles: ['REGISTRAR'] });
    expect(await closedWithin(live, 300)).toBe('open');
    await t.admin.ok(roles, { id: user.id, roles: ['REGISTRAR', 'LEADER'] });
    expect(await closedWithin(live, 1000)).toBe(4401);
    const again = connectLive(t.wsUrl, token);
    sockets.push(again);
    const sub = await again.subscribe('{ me { roles } }');
    expect((await sub.next()).data.me.roles.sort()).toEqual(['LEADER', 'REGISTRAR']);
  });

  it('reusing a refresh token closes the sockets of that login only', async () => {
    const user = await seedUser(t.admin, county.congress, ['REGISTRAR']);
    const first = await t.login(user.username, user.password);
    const second = await t.login(user.username, user.password);
    const ofFirst = await open(first.token);
    const ofSecond = await open(second.token);
    await first.ok(REFRESH);
    expect(await closedWithin(ofFirst, 300)).toBe('open');
    expect((await first.query(REFRESH)).errors?.[0].extensions?.reason).toBe('REVOKED');
    expect(await closedWithin(ofFirst, 1000)).toBe(4403);
    expect(await closedWithin(ofSecond, 300)).toBe('open');
  });
});
