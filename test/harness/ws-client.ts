import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface LiveResult {
  data?: any;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/** One subscription whose results queue up until the test takes them. */
export class LiveSubscription {
  private readonly queue: LiveResult[] = [];
  private waiters: Array<(r: LiveResult) => void> = [];
  error?: unknown;
  completed = false;
  dispose: () => void = () => undefined;

  push(r: LiveResult): void {
    const w = this.waiters.shift();
    if (w) w(r);
    else this.queue.push(r);
  }

  /** The next result, or a failure after `ms`. */
  next(ms = 5000): Promise<LiveResult> {
    const queued = this.queue.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== done);
        reject(new Error(`no subscription result within ${ms} ms`));
      }, ms);
      const done = (r: LiveResult) => {
        clearTimeout(timer);
        resolve(r);
      };
      this.waiters.push(done);
    });
  }

  /** Resolves with everything that arrived within `ms` (use it to prove that nothing arrived). */
  async drain(ms: number): Promise<LiveResult[]> {
    await new Promise((r) => setTimeout(r, ms));
    return this.queue.splice(0);
  }
}

export interface LiveClient {
  client: Client;
  /** Resolves with the close code once the socket closes. */
  closed: Promise<number>;
  subscribe(query: string, variables?: Record<string, unknown>): Promise<LiveSubscription>;
  close(): Promise<void>;
}

/**
 * A real graphql-ws client over a real socket. `subscribe` resolves once the server has acknowledged the
 * connection, so events raised afterwards are not missed.
 */
export function connectLive(wsUrl: string, token?: string, params: Record<string, unknown> = {}): LiveClient {
  let onClosed: (code: number) => void;
  const closed = new Promise<number>((r) => (onClosed = r));
  let onConnected: () => void;
  const connected = new Promise<void>((r) => (onConnected = r));
  const client = createClient({
    url: wsUrl,
    webSocketImpl: WebSocket,
    lazy: false,
    retryAttempts: 0,
    // the tests read the close code from `closed`; graphql-ws would otherwise log it as uncaught
    onNonLazyError: () => undefined,
    connectionParams: token ? { authorization: `Bearer ${token}`, ...params } : params,
    on: {
      connected: () => onConnected(),
      closed: (e) => onClosed((e as { code: number }).code),
    },
  });
  return {
    client,
    closed,
    async subscribe(query, variables) {
      await connected;
      const sub = new LiveSubscription();
      sub.dispose = client.subscribe(
        { query, variables },
        {
          next: (r) => sub.push(r as LiveResult),
          error: (e) => {
            sub.error = e;
            sub.push({ errors: Array.isArray(e) ? (e as LiveResult['errors']) : [{ message: String((e as Error)?.message ?? e) }] });
          },
          complete: () => (sub.completed = true),
        },
      );
      // give the server a moment to register the subscription before the test raises events
      await new Promise((r) => setTimeout(r, 100));
      return sub;
    },
    async close() {
      await client.dispose();
    },
  };
}

/** The socket's close code if it closes within `ms`, else `'open'`. */
export async function closedWithin(live: Pick<LiveClient, 'closed'>, ms: number): Promise<number | 'open'> {
  let timer: NodeJS.Timeout | undefined;
  const open = new Promise<'open'>((resolve) => (timer = setTimeout(() => resolve('open'), ms)));
  try {
    return await Promise.race([live.closed, open]);
  } finally {
    clearTimeout(timer);
  }
}
