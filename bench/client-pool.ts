import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FromWorker, OpenCommand } from './protocol';

/** The main thread's handle on the worker thread that hosts the N benchmark clients. */
export class ClientPool {
  private readonly worker: Worker;
  private readonly completed = new Map<string, Float64Array>();
  private readonly waiters = new Map<string, (times: Float64Array) => void>();
  private pending?: { ev: FromWorker['ev']; resolve: (m: FromWorker) => void };
  private exited = false;
  /** Problems the clients reported (errors, early closes); the first few only. */
  readonly problems: string[] = [];

  constructor() {
    this.worker = new Worker(join(__dirname, 'client-worker.js'));
    this.worker.on('message', (msg: FromWorker) => this.onMessage(msg));
    this.worker.on('error', (err) => this.problems.push(`client worker crashed: ${err.message}`));
    this.worker.on('exit', () => (this.exited = true));
  }

  private onMessage(msg: FromWorker): void {
    if (msg.ev === 'complete') {
      const waiter = this.waiters.get(msg.id);
      if (waiter) {
        this.waiters.delete(msg.id);
        waiter(msg.times);
      } else this.completed.set(msg.id, msg.times);
      return;
    }
    if (msg.ev === 'problem') {
      this.problems.push(msg.message);
      return;
    }
    if (this.pending?.ev === msg.ev) {
      const p = this.pending;
      this.pending = undefined;
      p.resolve(msg);
    }
  }

  private request<E extends FromWorker['ev']>(ev: E, send: () => void, timeoutMs: number): Promise<Extract<FromWorker, { ev: E }>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending = undefined;
        reject(new Error(`client worker did not answer '${ev}' within ${timeoutMs} ms${this.problemNote()}`));
      }, timeoutMs);
      this.pending = {
        ev,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m as Extract<FromWorker, { ev: E }>);
        },
      };
      send();
    });
  }

  /** Opens the clients; resolves once each has connected (and subscribed) or failed. */
  open(cmd: Omit<OpenCommand, 'cmd'>, timeoutMs: number) {
    return this.request('opened', () => this.worker.postMessage({ cmd: 'open', ...cmd } satisfies OpenCommand), timeoutMs);
  }

  /** When each client received event `id`, once all of them have. */
  waitFor(id: string, timeoutMs: number): Promise<Float64Array> {
    const done = this.completed.get(id);
    if (done) {
      this.completed.delete(id);
      return Promise.resolve(done);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(id);
        reject(new Error(`not every client received event ${id} within ${timeoutMs} ms${this.problemNote()}`));
      }, timeoutMs);
      this.waiters.set(id, (times) => {
        clearTimeout(timer);
        resolve(times);
      });
    });
  }

  private problemNote(): string {
    return this.problems.length ? `; clients reported: ${this.problems.slice(0, 3).join(' | ')}` : '';
  }

  /** Closes every client and ends the worker. */
  async close(): Promise<void> {
    if (this.exited) return;
    try {
      await this.request('closed', () => this.worker.postMessage({ cmd: 'close' }), 30_000);
    } finally {
      await this.worker.terminate();
    }
  }
}
