import type { Logger } from 'pino';
import { Unit } from '../entities/unit.entity';
import type { AppPubSub } from '../subscriptions/pubsub';
import type { TransactionHolder } from './database';
import { Eventual } from '../context/eventual';

const indexById = (units: Unit[]): ReadonlyMap<string, Unit> => new Map(units.map((u) => [u.id, u]));

interface Reader extends TransactionHolder {
  repo: (entity: typeof Unit) => { find(): Promise<Unit[]> };
  afterCommit(task: () => void): void;
}

/**
 * The unit tree, held in memory: every request needs it (the viewer's scope, unit names on list rows) and it
 * changes rarely. A change on any instance clears every instance's copy through the pub/sub; while events
 * cannot cross instances (Redis down) nothing is cached and every read goes to the database, and when the bus
 * comes back the copy starts afresh, so no change made meanwhile is missed.
 */
export class UnitDirectory {
  private units?: Promise<Unit[]>;
  private index?: Eventual<ReadonlyMap<string, Unit>>;
  private changes = 0;
  private readonly stops: Array<() => Promise<unknown>> = [];

  private listening = false;

  constructor(
    private readonly pubsub: AppPubSub,
    private readonly logger: Logger,
  ) {}

  /**
   * Starts listening for changes made on any instance; until then nothing is cached. Called once the server is
   * up, so the subscription is not queued on a Redis connection that is still being set up.
   */
  listen(): void {
    if (this.listening) return;
    this.listening = true;
    const changes = this.pubsub.subscribe('UNITS_CHANGED');
    const status = this.pubsub.local.subscribe('LIVE_STATUS');
    for (const stream of [changes, status] as AsyncIterableIterator<unknown>[]) {
      void (async () => {
        for await (const _ of stream) this.forget();
      })().catch((err: unknown) => this.logger.error({ err }, 'unit directory stopped listening'));
      this.stops.push(async () => stream.return?.());
    }
  }

  /**
   * Counts the changes this instance has heard of, so that what is worked out from the tree and kept longer than a
   * request (a live subscription's scope) can tell that it is out of date.
   */
  get generation(): number {
    return this.changes;
  }

  /** Every unit; inside a transaction, as that transaction sees them. */
  all(ctx: Reader): Promise<Unit[]> {
    if (ctx.transactionManager || !this.listening || !this.pubsub.connected()) return ctx.repo(Unit).find();
    if (!this.units) {
      const loading = ctx.repo(Unit).find();
      this.units = loading;
      this.index = new Eventual(loading.then(indexById));
      loading.catch(() => {
        if (this.units !== loading) return;
        this.units = undefined;
        this.index = undefined;
      });
    }
    return this.units;
  }

  /** Every unit by id; inside a transaction, as that transaction sees them. */
  async byId(ctx: Reader): Promise<ReadonlyMap<string, Unit>> {
    const all = this.all(ctx);
    return all === this.units && this.index ? this.index.promise : indexById(await all);
  }

  /**
   * Every unit by id when the tree is in memory and may be used (outside a transaction, while events cross
   * instances) and has been read, else undefined; it never starts a read. A unit named on each row of a list then
   * costs no promise.
   */
  peekById(ctx: Reader): ReadonlyMap<string, Unit> | undefined {
    if (ctx.transactionManager || !this.listening || !this.pubsub.connected() || !this.index) return undefined;
    const now = this.index.now;
    return now instanceof Promise ? undefined : now;
  }

  /** A unit was created or changed in the caller's transaction: every instance forgets its copy after commit. */
  changed(ctx: Reader): void {
    this.forget();
    ctx.afterCommit(() => {
      this.forget();
      void this.pubsub.publish('UNITS_CHANGED', {});
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.stops.map((stop) => stop()));
  }

  private forget(): void {
    this.units = undefined;
    this.index = undefined;
    this.changes++;
  }
}
