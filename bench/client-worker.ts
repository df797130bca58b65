/**
 * Worker thread of the fan-out benchmark: opens N WebSocket clients (graphql-ws subscriptions or raw `ws`
 * sockets) and timestamps every delivery. Running the clients on their own event loop keeps their parsing
 * off the thread that runs the server under test, so on a two-core machine the server gets one core and
 * the clients the other.
 */
import { parentPort } from 'node:worker_threads';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { FromWorker, OpenCommand, ToWorker } from './protocol';
import { nowMs } from './stats';

if (!parentPort) throw new Error('client-worker.js must run as a worker thread');
const port = parentPort;
const post = (msg: FromWorker) => port.postMessage(msg);

/** Deliveries of one event id, one slot per client. */
interface Tally {
  count: number;
  times: Float64Array;
  seen: Uint8Array;
}

let n = 0;
const tallies = new Map<string, Tally>();
let problems = 0;
const problem = (message: string) => {
  if (++problems <= 5) post({ ev: 'problem', message });
};

function record(client: number, id: unknown): void {
  const at = nowMs();
  if (typeof id !== 'string') {
    problem(`client ${client} received an event without a case id`);
    return;
  }
  let t = tallies.get(id);
  if (!t) tallies.set(id, (t = { count: 0, times: new Float64Array(n), seen: new Uint8Array(n) }));
  if (t.seen[client]) {
    problem(`client ${client} received event ${id} twice`);
    return;
  }
  t.seen[client] = 1;
  t.times[client] = at;
  if (++t.count === n) {
    tallies.delete(id);
    port.postMessage({ ev: 'complete', id, times: t.times } satisfies FromWorker, [t.times.buffer as ArrayBuffer]);
  }
}

let closing = false;
const closers: Array<() => Promise<void>> = [];

/** Connects one graphql-ws client and subscribes once connected; resolves when the subscribe is sent. */
function openGraphql(i: number, cmd: OpenCommand): Promise<void> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (err?: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (err) reject(err instanceof Error ? err : new Error(describeClose(err)));
      else resolve();
    };
    const timer = setTimeout(() => settle(new Error(`client ${i} did not connect within ${cmd.connectTimeoutMs} ms`)), cmd.connectTimeoutMs);
    const client: Client = createClient({
      url: cmd.url,
      webSocketImpl: WebSocket,
      lazy: false,
      retryAttempts: 0,
      onNonLazyError: (e) => settle(e),
      connectionParams: { authorization: `Bearer ${cmd.tokens![i % cmd.tokens!.length]}` },
      on: {
        connected: () => {
          client.subscribe(
            { query: cmd.query! },
            {
              next: (r) => {
                if (r.errors?.length) problem(`client ${i}: ${JSON.stringify(r.errors[0])}`);
                const data = r.data as { caseEvents?: { case?: { id?: unknown } } } | null | undefined;
                record(i, data?.caseEvents?.case?.id);
              },
              error: (e) => problem(`client ${i} subscription error: ${describeClose(e)}`),
              complete: () => {
                if (!closing) problem(`client ${i} subscription completed early`);
              },
            },
          );
          settle();
        },
        closed: (e) => {
          if (!closing) problem(`client ${i} socket closed: ${describeClose(e)}`);
          settle(e);
        },
      },
    });
    closers.push(async () => {
      await client.dispose();
    });
  });
}

/** Opens one raw socket; every message is a JSON copy of the graphql-ws `next` message shape. */
function openRaw(i: number, cmd: OpenCommand): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(cmd.url);
    const timer = setTimeout(() => reject(new Error(`raw client ${i} did not connect within ${cmd.connectTimeoutMs} ms`)), cmd.connectTimeoutMs);
    socket.on('open', () => {
      clearTimeout(timer);
      resolve();
    });
    socket.on('error', (err) => {
      clearTimeout(timer);
      if (!closing) problem(`raw client ${i}: ${err.message}`);
      reject(err);
    });
    socket.on('message', (data) => {
      const msg = JSON.parse(data.toString()) as { payload?: { data?: { caseEvents?: { case?: { id?: unknown } } } } };
      record(i, msg.payload?.data?.caseEvents?.case?.id);
    });
    closers.push(
      () =>
        new Promise<void>((done) => {
          if (socket.readyState === WebSocket.CLOSED) return done();
          socket.once('close', () => done());
          socket.close(1000);
          setTimeout(() => {
            socket.terminate();
            done();
          }, 2000).unref();
        }),
    );
  });
}

function describeClose(e: unknown): string {
  if (e instanceof Error) return e.message;
  const c = e as { code?: number; reason?: string };
  if (c && typeof c.code === 'number') return `close ${c.code}${c.reason ? ` ${c.reason}` : ''}`;
  return String(e);
}

async function open(cmd: OpenCommand): Promise<void> {
  n = cmd.n;
  const started = nowMs();
  let next = 0;
  let connected = 0;
  let failed = 0;
  let firstError: string | undefined;
  const lane = async () => {
    while (next < cmd.n) {
      const i = next++;
      try {
        await (cmd.mode === 'graphql' ? openGraphql(i, cmd) : openRaw(i, cmd));
        connected++;
      } catch (err) {
        failed++;
        firstError ??= describeClose(err);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(cmd.connectConcurrency, cmd.n) }, lane));
  post({ ev: 'opened', connected, failed, firstError, ms: nowMs() - started });
}

async function close(): Promise<void> {
  closing = true;
  const all = closers.splice(0);
  // close in slices so a thousand close handshakes do not all land at once
  for (let i = 0; i < all.length; i += 100) await Promise.all(all.slice(i, i + 100).map((c) => c().catch(() => undefined)));
  post({ ev: 'closed' });
}

port.on('message', (msg: ToWorker) => {
  const run = msg.cmd === 'open' ? open(msg) : close();
  run.catch((err: Error) => post({ ev: 'problem', message: `worker failed: ${err.stack ?? err.message}` }));
});
