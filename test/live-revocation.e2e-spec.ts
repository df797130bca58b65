import { createTestServer, type TestServer } from './harness/test-server';
import { connectLive } from './harness/ws-client';

describe('a subscription lives no longer than its user\'s right to it', () => {
  let t: TestServer;

  beforeAll(async () => {
    t = await createTestServer({ WS_HEARTBEAT_MS: '1000' });
  });
  afterAll(() => t?.close());

  it('closes the sockets of a user who is disabled meanwhile with 4403', async () => {
    const { createUser } = await t.admin.ok('mutation { createUser(input: { username: "to-disable", password: "long-enough-1", displayName: "将停用", roles: [ADMIN] }) { id } }');
    const user = await t.login('to-disable', 'long-enough-1');
    const live = connectLive(t.wsUrl, user.token);
    await live.subscribe('subscription { caseEvents { type } }');
    await t.admin.ok('mutation($id: ID!) { setUserDisabled(id: $id, disabled: true) { id } }', { id: createUser.id });
    expect(await live.closed).toBe(4403);
  });
});
