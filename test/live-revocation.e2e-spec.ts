import WebSocket from 'ws';
import { createTestServer, type TestServer } from './harness/test-server';
import { connectLive } from './harness/ws-client';

describe('sockets that should no longer be served', () => {
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

  it('drops a socket that stops answering pings, and keeps one that answers', async () => {
    const open = (autoPong: boolean) =>
      new Promise<WebSocket>((resolve) => {
        const ws = new WebSocket(t.wsUrl, 'graphql-transport-ws', { autoPong });
        ws.on('open', () => {
          ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${t.admin.token}` } }));
          resolve(ws);
        });
      });
    const silent = await open(false);
    const healthy = await open(true);
    const closed = new Promise<number>((resolve) => silent.on('close', (code) => resolve(code)));
    // terminated without a closing handshake: the client sees the abnormal-closure code
    expect(await closed).toBe(1006);
    expect(healthy.readyState).toBe(WebSocket.OPEN);
    healthy.close();
  });
});
