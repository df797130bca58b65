import { createTestServer, type TestServer } from './harness/test-server';
import { connectLive } from './harness/ws-client';

describe('a subscription lives no longer than its token', () => {
  let t: TestServer;

  beforeAll(async () => {
    t = await createTestServer({ TOKEN_TTL: '2s' });
  });
  afterAll(() => t?.close());

  it('closes the socket with 4401 when the token expires, ending its subscriptions', async () => {
    const { login } = await t.client.ok('mutation { login(username: "admin", password: "admin-password-1") { token expiresAt } }');
    const live = connectLive(t.wsUrl, login.token);
    const sub = await live.subscribe('subscription { caseEvents { type } }');
    expect(await live.closed).toBe(4401);
    // JWT expiry has one-second resolution; the socket must not outlive it
    expect(Date.now()).toBeGreaterThanOrEqual(new Date(login.expiresAt).getTime() - 5);
    expect((await sub.next(2000)).errors).toBeDefined();
    // and the expired token no longer opens a socket at all
    expect(await connectLive(t.wsUrl, login.token).closed).toBe(4403);
  });
});
