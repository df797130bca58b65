import type { Socket } from 'node:net';
import WebSocket from 'ws';
import { seedUser } from './harness/fixtures';
import { createTestServer, type TestServer } from './harness/test-server';
import { closedWithin, connectLive, type LiveClient } from './harness/ws-client';

const SUBSCRIBE = 'subscription { caseEvents { type } }';
const MAX_MESSAGE = 256 * 1024;
const PREAUTH_MAX = 16 * 1024;

/** A raw graphql-ws socket, for messages no well-behaved client would send. */
function rawSocket(url: string) {
  const ws = new WebSocket(url, 'graphql-transport-ws');
  const messages: Array<{ type: string; id?: string; payload?: any }> = [];
  let answers = 0;
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  ws.on('message', (data) => {
    if (JSON.parse(String(data)).type === 'next') answers++;
    messages.push(JSON.parse(String(data)));
  });
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const next = async (type: string, ms = 3000) => {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      const i = messages.findIndex((m) => m.type === type);
      if (i >= 0) return messages.splice(i, 1)[0];
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`no ${type} within ${ms} ms; got ${JSON.stringify(messages)}`);
  };
  return { ws, opened, closed, next, send: (msg: object) => ws.send(JSON.stringify(msg)), answersReceived: () => answers };
}

describe('bounds on the WebSocket edge', () => {
  let t: TestServer;
  const sockets: LiveClient[] = [];
  const live = (token: string | undefined) => {
    const l = connectLive(t.wsUrl, token);
    sockets.push(l);
    return l;
  };

  beforeAll(async () => {
    t = await createTestServer({
      WS_MAX_MESSAGE_BYTES: String(MAX_MESSAGE),
      WS_MAX_SOCKETS_PER_USER: '2',
      WS_MAX_SUBSCRIPTIONS: '2',
      WS_MAX_INSTANCE_SUBSCRIPTIONS: '3',
    });
  });
  afterAll(async () => {
    await Promise.all(sockets.map((s) => s.close()));
    await t?.close();
  });

  afterEach(async () => {
    await Promise.all(sockets.splice(0).map((s) => s.close()));
    // let the server see the sockets go before the next test counts them
    await new Promise((r) => setTimeout(r, 200));
  });

  it('closes a socket that sends a large message before it is authenticated with 1009, before reading it whole', async () => {
    const big = rawSocket(t.wsUrl);
    await big.opened;
    big.send({ type: 'connection_init', payload: { authorization: `Bearer ${t.admin.token}`, padding: 'x'.repeat(PREAUTH_MAX) } });
    expect(await big.closed).toBe(1009);

    // frames announcing 64 KiB (over the bound before authentication, under the one after it) and 90 MB are refused
    // from their header: the server closes though the rest of the frame never comes
    for (const announced of [64 * 1024, 90_000_000]) {
      const partial = rawSocket(t.wsUrl);
      await partial.opened;
      const length = Buffer.alloc(8);
      length.writeBigUInt64BE(BigInt(announced));
      const frameStart = Buffer.concat([Buffer.from([0x81, 0x80 | 127]), length, Buffer.from([1, 2, 3, 4]), Buffer.alloc(1024)]);
      (partial.ws as unknown as { _socket: Socket })._socket.write(frameStart);
      expect(await closedWithin(partial, 2000)).toBe(1009);
    }
  });

  it('accepts a small connection_init, then messages up to WS_MAX_MESSAGE_BYTES, and closes with 1009 beyond it', async () => {
    const s = rawSocket(t.wsUrl);
    await s.opened;
    s.send({ type: 'connection_init', payload: { authorization: `Bearer ${t.admin.token}`, padding: 'x'.repeat(PREAUTH_MAX - 1024) } });
    await s.next('connection_ack');
    s.send({ id: '1', type: 'subscribe', payload: { query: '{ me { username } }', variables: { padding: 'x'.repeat(MAX_MESSAGE / 2) } } });
    expect((await s.next('next')).payload.data.me.username).toBe('admin');
    s.send({ id: '2', type: 'subscribe', payload: { query: '{ me { username } }', variables: { padding: 'x'.repeat(MAX_MESSAGE) } } });
    expect(await s.closed).toBe(1009);
  });

  it('caps the sockets of one user on an instance (WS_MAX_SOCKETS_PER_USER) with 4429 and a Chinese reason', async () => {
    const user = await seedUser(t.admin, undefined, ['ADMIN']);
    const { token } = await t.login(user.username, user.password);
    const first = live(token);
    const second = live(token);
    await first.subscribe(SUBSCRIBE);
    await second.subscribe(SUBSCRIBE);
    const third = rawSocket(t.wsUrl);
    await third.opened;
    let reason = '';
    third.ws.on('close', (_code, r) => (reason = String(r)));
    third.send({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } });
    expect(await third.closed).toBe(4429);
    expect(reason).toMatch(/最多同时保持 2 个实时连接/);
    // another user is not affected, and a socket given back makes room again
    await live(t.admin.token).subscribe(SUBSCRIBE);
    await first.close();
    await new Promise((r) => setTimeout(r, 200));
    const again = live(token);
    await again.subscribe(SUBSCRIBE);
    expect(await closedWithin(again, 300)).toBe('open');
    expect(await closedWithin(second, 10)).toBe('open');
  });

  it('caps subscriptions per socket and per instance with LIMIT_EXCEEDED and a Chinese message', async () => {
    const a = live(t.admin.token);
    await a.subscribe(SUBSCRIBE);
    await a.subscribe(SUBSCRIBE);
    const perSocket = (await (await a.subscribe(SUBSCRIBE)).next()).errors![0];
    expect(perSocket.extensions?.code).toBe('LIMIT_EXCEEDED');
    expect(perSocket.message).toMatch(/每个连接最多同时订阅 2 项/);

    const user = await seedUser(t.admin, undefined, ['ADMIN']);
    const b = live((await t.login(user.username, user.password)).token);
    const third = await b.subscribe(SUBSCRIBE);
    const perInstance = (await (await b.subscribe(SUBSCRIBE)).next()).errors![0];
    expect(perInstance.extensions?.code).toBe('LIMIT_EXCEEDED');
    expect(perInstance.message).toMatch(/实例.*上限（3 项）/);
    // a subscription that ends gives its place back
    third.dispose();
    await new Promise((r) => setTimeout(r, 200));
    const fourth = await b.subscribe(SUBSCRIBE);
    expect(await fourth.drain(200)).toEqual([]);
    expect(fourth.error).toBeUndefined();
  });
});

describe('a client that stops reading', () => {
  let t: TestServer;

  beforeAll(async () => {
    t = await createTestServer({ WS_MAX_BUFFERED_BYTES: String(64 * 1024), GRAPHQL_INTROSPECTION: '1' });
  });
  afterAll(() => t?.close());

  it('is closed with 1013 once more than WS_MAX_BUFFERED_BYTES wait for it, and the server stops queueing its messages', async () => {
    const s = rawSocket(t.wsUrl);
    await s.opened;
    s.send({ type: 'connection_init', payload: { authorization: `Bearer ${t.admin.token}` } });
    await s.next('connection_ack');
    const tcp = (s.ws as unknown as { _socket: Socket })._socket;
    tcp.pause();
    // each answer is tens of kilobytes: 300 of them fill both kernels' socket buffers (a few MB on loopback), then
    // the server's queue
    const query = '{ __schema { types { name description fields { name description args { name description } type { name } } inputFields { name description } enumValues { name description } } } }';
    let sent = 0;
    for (let batch = 0; batch < 15; batch++) {
      for (let i = 0; i < 20; i++) s.send({ id: String(++sent), type: 'subscribe', payload: { query } });
      await new Promise((r) => setTimeout(r, 20));
    }
    tcp.resume();
    expect(await s.closed).toBe(1013);
    expect(s.answersReceived()).toBeLessThan(sent);
  });
});
