import { AsyncLocalStorage } from 'node:async_hooks';
import { Mutex } from 'async-mutex';
import { DataSource, EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { DatabaseConfig } from '../config/config';
import { isDeadlock } from '../errors/error-mapper';

interface RetryableRunner {
  isTransactionActive: boolean;
  query: (...args: unknown[]) => Promise<unknown>;
}

/** How often a statement outside a transaction is issued when InnoDB keeps choosing it as a deadlock's victim. */
const DEADLOCK_ATTEMPTS = 4;

/** Something that can carry the transaction of the operation it serves. */
export interface TransactionHolder {
  transactionManager?: EntityManager;
  /** Work to do once the transaction has committed (e.g. publishing events); dropped on rollback. */
  afterCommitQueue: Array<() => void | Promise<void>>;
}

/**
 * The application's handle on the database. `transaction()` opens one transaction for an operation and
 * attaches its manager to the holder (the request context), so every query the services make through the
 * context joins it. better-sqlite3 is a single connection, so write transactions there are serialised.
 */
export class Database {
  private readonly sqliteLock?: Mutex;
  /** Set inside the one SQLite transaction (or serialised write) that holds the connection. */
  private readonly holdsConnection = new AsyncLocalStorage<true>();

  constructor(
    readonly dataSource: DataSource,
    readonly config: DatabaseConfig,
  ) {
    if (config.engine === 'sqlite') {
      this.sqliteLock = new Mutex();
      this.isolateSqliteReads(this.sqliteLock);
    } else {
      this.retryDeadlockedStatements();
    }
  }

  /**
   * InnoDB may choose a statement that runs on its own (outside any transaction) as the victim of a deadlock, even
   * a single-row UPDATE, when another statement holds gap locks nearby. Such a statement was rolled back whole and
   * nothing else depended on it, so it is issued again, as MySQL's manual asks, instead of failing the request.
   * Statements inside a transaction are not: their transaction is gone and only the caller can redo it. A query
   * call is one statement (the pool is made without `multipleStatements`), so the retry repeats exactly what InnoDB
   * rolled back; each failed attempt is still logged as a query error.
   */
  private retryDeadlockedStatements(): void {
    const driver = this.dataSource.driver as unknown as { createQueryRunner(mode: string): RetryableRunner };
    const create = driver.createQueryRunner.bind(driver);
    driver.createQueryRunner = (mode: string) => {
      const runner = create(mode);
      const query = runner.query.bind(runner);
      runner.query = async (...args: unknown[]) => {
        for (let attempt = 1; ; attempt++) {
          try {
            return await query(...args);
          } catch (err) {
            if (runner.isTransactionActive || !isDeadlock(err) || attempt >= DEADLOCK_ATTEMPTS) throw err;
            await new Promise((resolve) => setTimeout(resolve, attempt * 5 + Math.random() * 10));
          }
        }
      };
      return runner;
    };
  }

  /**
   * better-sqlite3 is one connection: a query issued while another request's transaction is open would run
   * inside that transaction and see its uncommitted rows. Every query from outside the transaction that holds
   * the connection therefore waits its turn on the same lock, so no request reads another's uncommitted writes.
   */
  private isolateSqliteReads(lock: Mutex): void {
    const runner = (this.dataSource.driver as unknown as { createQueryRunner(mode: string): { query: (...args: unknown[]) => Promise<unknown> } }).createQueryRunner('master');
    const query = runner.query.bind(runner);
    runner.query = (...args: unknown[]) => (this.holdsConnection.getStore() ? query(...args) : lock.runExclusive(() => query(...args)));
  }

  get engine(): 'sqlite' | 'mysql' {
    return this.config.engine;
  }

  async transaction<T>(holder: TransactionHolder, work: () => Promise<T>): Promise<T> {
    if (holder.transactionManager) return work();
    const run = () =>
      this.dataSource.transaction(async (manager) => {
        holder.transactionManager = manager;
        try {
          return await work();
        } finally {
          holder.transactionManager = undefined;
        }
      });
    let result: T;
    try {
      result = this.sqliteLock ? await this.sqliteLock.runExclusive(() => this.holdsConnection.run(true, run)) : await run();
    } catch (err) {
      holder.afterCommitQueue.length = 0;
      throw err;
    }
    const queued = holder.afterCommitQueue.splice(0);
    for (const task of queued) await task();
    return result;
  }

  /**
   * Row lock for a read-modify-write inside a transaction. MySQL takes `FOR UPDATE`; SQLite needs none
   * because its write transactions are already serialised.
   */
  lockForUpdate<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
    return this.engine === 'mysql' ? qb.setLock('pessimistic_write') : qb;
  }

  /** Runs a write outside any request's transaction; on SQLite it waits its turn on the one connection. */
  serialised<T>(work: () => Promise<T>): Promise<T> {
    return this.sqliteLock ? this.sqliteLock.runExclusive(() => this.holdsConnection.run(true, work)) : work();
  }

  /** True when read replicas are configured (MySQL only). */
  get hasReplicas(): boolean {
    return this.config.engine === 'mysql' && !!this.config.replicas?.length;
  }

  /**
   * Runs read-only `work` on one connection to a read replica (TypeORM picks one of the replicas), released when it
   * settles. Without replicas the manager reads the primary.
   */
  async onReplica<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (!this.hasReplicas) return work(this.dataSource.manager);
    const runner = this.dataSource.createQueryRunner('slave');
    try {
      return await work(runner.manager);
    } finally {
      await runner.release();
    }
  }

  /** True when a trivial query answers; used by the readiness probe. */
  async ping(): Promise<boolean> {
    try {
      await this.dataSource.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
