import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { DataSource, DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/config';
import { isAsciiKey } from './ascii-key';
import { ENTITIES } from '../entities';
import { MYSQL_MIGRATIONS } from './migrations/mysql';
import { SQLITE_MIGRATIONS } from './migrations/sqlite';

/**
 * TypeORM options for either engine. The schema on both engines comes only from the committed migrations:
 * `synchronize` is never on, so what runs in an office is exactly what was reviewed.
 */
export function dataSourceOptions(db: DatabaseConfig, flavor: MysqlFlavor = 'mysql'): DataSourceOptions {
  if (db.engine === 'sqlite') {
    if (db.path !== ':memory:') mkdirSync(dirname(db.path), { recursive: true });
    return {
      type: 'better-sqlite3',
      database: db.path,
      entities: ENTITIES,
      migrations: SQLITE_MIGRATIONS,
      synchronize: false,
      migrationsRun: false,
      enableWAL: db.path !== ':memory:',
      prepareDatabase: (conn: { pragma(s: string): unknown }) => {
        conn.pragma('foreign_keys = ON');
        conn.pragma('busy_timeout = 5000');
      },
    };
  }
  return {
    // MariaDB reports column defaults differently; its own driver type keeps schema comparison exact
    type: flavor,
    ...(db.replicas?.length
      ? {
          // Every query stays on the primary unless it is made through a `slave` query runner on purpose
          // (Database.onReplica): TypeORM would otherwise send reads outside a transaction to the replicas.
          replication: { master: { url: db.url }, slaves: db.replicas.map((url) => ({ url })), defaultMode: 'master' as const },
        }
      : { url: db.url }),
    entities: ENTITIES,
    migrations: MYSQL_MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    // Every instant is stored and read as UTC; day boundaries are computed in the office time zone in code.
    timezone: 'Z',
    charset: 'utf8mb4_unicode_ci',
    connectTimeout: 10_000,
    // `trace` would capture a stack on every statement to decorate errors that carry their own SQL already
    extra: { connectionLimit: 10, trace: false },
  };
}

export type MysqlFlavor = 'mysql' | 'mariadb';

/** Asks the server what it is; MySQL and MariaDB share the wire protocol and the migrations. */
export async function detectMysqlFlavor(url: string): Promise<MysqlFlavor> {
  const conn = await createConnection({ uri: url, connectTimeout: 10_000 });
  try {
    const [rows] = await conn.query('SELECT VERSION() AS v');
    return /mariadb/i.test(String((rows as Array<{ v: string }>)[0]?.v)) ? 'mariadb' : 'mysql';
  } finally {
    await conn.end();
  }
}

/**
 * Free text of up to 50,000 characters (letters, replies, reports) does not fit MySQL's TEXT, which holds 65,535
 * bytes: 21,845 Chinese characters in utf8mb4. On MySQL every `text` column of the entities is MEDIUMTEXT;
 * SQLite's TEXT has no such limit and knows no MEDIUMTEXT, so the entities say `text` and this maps it.
 */
class AppDataSource extends DataSource {
  protected override async buildMetadatas(): Promise<void> {
    await super.buildMetadatas();
    if (this.options.type === 'better-sqlite3') return;
    for (const entity of this.entityMetadatas) {
      for (const column of entity.columns) {
        if (column.type === 'text') column.type = 'mediumtext';
        if (isAsciiKey(column.target, column.propertyName)) {
          column.charset = 'ascii';
          column.collation = 'ascii_bin';
        }
      }
    }
  }
}

/** A data source for the configured engine; on a MySQL URL it first finds out whether the server is MariaDB. */
export async function createDataSource(db: DatabaseConfig): Promise<DataSource> {
  const flavor = db.engine === 'mysql' ? await detectMysqlFlavor(db.url) : undefined;
  return new AppDataSource(dataSourceOptions(db, flavor));
}
