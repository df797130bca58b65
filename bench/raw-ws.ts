import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';

/**
 * The baseline: a bare `ws` server on loopback that broadcasts a message shaped and sized like the
 * graphql-ws `next` message a `caseEvents` subscriber receives (~200 bytes), with no GraphQL, no
 * pub/sub and no database in the way.
 */
export interface RawBroadcaster {
  url: string;
  clientCount(): number;
  /** Size of the last message broadcast, in bytes. */
  messageBytes(): number;
  /** Sends one new event to every connected client and returns its id. */
  broadcast(): string;
  stop(): Promise<void>;
}

export async function startRawBroadcaster(): Promise<RawBroadcaster> {
  const http: Server = createServer();
  const wss = new WebSocketServer({ server: http, path: '/raw' });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  let seq = 0;
  let bytes = 0;
  return {
    url: `ws://127.0.0.1:${port}/raw`,
    clientCount: () => wss.clients.size,
    messageBytes: () => bytes,
    broadcast() {
      const id = randomUUID();
      const message = JSON.stringify({
        id: randomUUID(),
        type: 'next',
        payload: { data: { caseEvents: { type: 'REGISTERED', at: new Date().toISOString(), case: { id, serialNo: `2026-${String(++seq).padStart(6, '0')}` } } } },
      });
      bytes = Buffer.byteLength(message);
      for (const client of wss.clients) client.send(message);
      return id;
    },
    async stop() {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((r) => wss.close(() => r()));
      await new Promise<void>((r) => http.close(() => r()));
    },
  };
}
