import type { DataSource, QueryRunner } from 'typeorm';

/**
 * Counts the SQL statements a running server sends to its database, to pin down "a fixed number of queries per
 * page, whatever the number of rows" (no N+1).
 *
 * How it hooks in (TypeORM 1.x, checked in node_modules/typeorm): every query runner sends each statement through
 * its own `query()` — `BetterSqlite3QueryRunner.query` on SQLite, `MysqlQueryRunner.query`/`stream` on
 * MySQL/MariaDB, and the transaction statements (BEGIN / START TRANSACTION, COMMIT, ROLLBACK, SAVEPOINT) go
 * through `query()` too — and `query()` calls `dataSource.logger.logQuery(sql, parameters, queryRunner)`
 * unconditionally before running it. Whether anything is printed is decided *inside* the logger
 * (`AbstractLogger.isLogEnabledFor('query')`, i.e. the `logging` option), so the call happens even with logging
 * off. Shadowing `logQuery` on the DataSource's logger instance therefore sees every statement on both engines
 * without turning logging on or touching the driver; the original is still called, so configured logging keeps
 * working. `stop()` restores the logger as it was.
 *
 * The counter sees every statement of the process's DataSource, also those of background work (the deadline
 * scheduler): boot the server with a long `DEADLINE_SCAN_INTERVAL_MS` and count one request at a time.
 */
export interface SqlCounter {
  /** Statements seen since the counter started or was last reset. */
  readonly count: number;
  /** Their SQL text, in order (for a helpful failure message). */
  readonly statements: string[];
  reset(): void;
  stop(): void;
}

export function countSql(dataSource: DataSource): SqlCounter {
  const logger = dataSource.logger as { logQuery: (query: string, parameters?: unknown[], queryRunner?: QueryRunner) => unknown };
  const hadOwn = Object.prototype.hasOwnProperty.call(logger, 'logQuery');
  const original = logger.logQuery;
  const statements: string[] = [];
  logger.logQuery = function (query: string, parameters?: unknown[], queryRunner?: QueryRunner) {
    statements.push(query);
    return original.call(this, query, parameters, queryRunner);
  };
  return {
    get count() {
      return statements.length;
    },
    statements,
    reset() {
      statements.length = 0;
    },
    stop() {
      if (hadOwn) logger.logQuery = original;
      else delete (logger as Partial<typeof logger>).logQuery;
    },
  };
}

/** Runs `work` and returns its result with the SQL statements executed meanwhile. */
export async function withSqlCount<T>(dataSource: DataSource, work: () => Promise<T>): Promise<{ result: T; count: number; statements: string[] }> {
  const counter = countSql(dataSource);
  try {
    const result = await work();
    return { result, count: counter.count, statements: [...counter.statements] };
  } finally {
    counter.stop();
  }
}
