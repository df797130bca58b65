import { LRUCache } from 'lru-cache';
import { QueryFailedError, QueryRunnerAlreadyReleasedError, type DataSource, type ObjectLiteral, type QueryRunner, type SelectQueryBuilder } from 'typeorm';

/**
 * The SQL texts (with named parameters) of builders seen before, by the shape that decides the text; one set per
 * data source, whose driver decides quoting, hints and locks.
 */
const statementsBySource = new WeakMap<DataSource, LRUCache<string, string>>();

/**
 * Everything in a builder that goes into its SQL text, the parameter values aside (they are bound afterwards), or
 * undefined for a builder this does not describe completely: relation ids, CTEs, find options. A sub-query in FROM
 * or a join is part of the shape by its text.
 */
function shapeOf(qb: SelectQueryBuilder<ObjectLiteral>): string | undefined {
  const m = qb.expressionMap;
  const findOptions = (qb as unknown as { findOptions?: object }).findOptions;
  // a join is written from its direction, target, alias and condition (a relation's from the metadata it names)
  const joins = m.joinAttributes.map((j) =>
    typeof j.entityOrProperty === 'string' ? j.entityOrProperty : j.alias.hasMetadata ? `entity:${j.alias.metadata.tablePath}` : undefined,
  );
  if (
    m.queryType !== 'select' ||
    m.subQuery ||
    joins.includes(undefined) ||
    m.relationIdAttributes.length ||
    m.aliases.some((a) => a.hasMetadata && a.metadata.discriminatorColumn) ||
    m.commonTableExpressions.length ||
    (findOptions && Object.keys(findOptions).length)
  ) {
    return undefined;
  }
  return JSON.stringify([
    m.aliases.map((a) => [a.type, a.name, a.hasMetadata ? [a.metadata.name, a.metadata.tablePath] : a.tablePath, a.subQuery]),
    m.queryEntity,
    m.mainAlias?.name,
    m.joinAttributes.map((j, i) => [j.direction, joins[i], j.alias.name, j.alias.subQuery, j.condition]),
    m.selects,
    m.wheres,
    m.orderBys,
    m.groupBys,
    m.havings,
    m.limit,
    m.offset,
    m.skip,
    m.take,
    m.selectDistinct,
    m.selectDistinctOn,
    m.withDeleted,
    m.lockMode,
    m.lockTables,
    m.onLocked,
    m.lockVersion instanceof Date ? m.lockVersion.toISOString() : m.lockVersion,
    m.useIndex,
    m.maxExecutionTime,
    m.comment,
    m.timeTravel,
    m.options,
    m.disableEscaping,
    m.aliasNamePrefixingEnabled,
    m.extraAppendedAndWhereCondition,
  ]);
}

/** The builder's SQL with named parameters, written by TypeORM once per shape. */
function namedSql(qb: SelectQueryBuilder<ObjectLiteral>, kind: string, write: () => string): string {
  const shape = shapeOf(qb);
  if (shape === undefined) return write();
  const key = `${kind}\n${shape}`;
  let statements = statementsBySource.get(qb.connection);
  if (!statements) statementsBySource.set(qb.connection, (statements = new LRUCache<string, string>({ max: 2000 })));
  let sql = statements.get(key);
  if (sql === undefined) statements.set(key, (sql = write()));
  return sql;
}

/**
 * The same `[sql, parameters]` as `qb.getQueryAndParameters()`. Building the text walks the entity's metadata and
 * rewrites property names with regular expressions on every call; a list sends the same few shapes over and over,
 * so the text is kept per shape and only the parameters are bound anew.
 */
export function statementOf(qb: SelectQueryBuilder<ObjectLiteral>): [string, unknown[]] {
  const sql = queryOf(qb);
  return qb.connection.driver.escapeQueryWithParameters(sql, qb.getParameters());
}

/** The builder's SQL with named parameters, as `qb.getQuery()` gives it, kept per shape like `statementOf`'s. */
export function queryOf(qb: SelectQueryBuilder<ObjectLiteral>): string {
  return namedSql(qb, 'rows', () => qb.getQuery());
}

/** The raw rows of the builder, as `qb.getRawMany()` gives them, with the statement kept per shape. */
export function rawRowsOf<R = Record<string, unknown>>(qb: SelectQueryBuilder<ObjectLiteral>): Promise<R[]> {
  if (asksMore(qb)) return qb.getRawMany<R>();
  const [sql, params] = statementOf(qb);
  return runOn<R>(qb, sql, params);
}

/** True when the builder asks TypeORM for more than a statement: a result cache, its own transaction, a lock check. */
export function asksMore(qb: SelectQueryBuilder<ObjectLiteral>): boolean {
  const m = qb.expressionMap;
  const always = qb.connection.options.cache;
  return Boolean(m.cache || m.useTransaction || m.lockMode || (always && typeof always === 'object' && always.alwaysEnabled));
}

/** Runs `work` on the builder's own runner (the operation's transaction or replica), or on a runner of its own. */
async function onRunnerOf<T>(qb: SelectQueryBuilder<ObjectLiteral>, work: (runner: QueryRunner) => Promise<T>): Promise<T> {
  // the builder's own runner is protected in TypeORM's typings
  const own = (qb as unknown as { queryRunner?: QueryRunner }).queryRunner;
  const runner = own ?? qb.connection.createQueryRunner();
  try {
    return await work(runner);
  } finally {
    if (!own) await runner.release();
  }
}

/** Runs a statement on the builder's own runner (the operation's transaction or replica) when it has one. */
export function runOn<R>(qb: SelectQueryBuilder<ObjectLiteral>, sql: string, params: unknown[]): Promise<R[]> {
  return onRunnerOf(qb, (runner) => runner.query(sql, params) as Promise<R[]>);
}

/** A statement's rows with the names of its columns in order; `byIndex` when each row is an array of values. */
export interface StatementRows {
  rows: Array<Record<string, unknown> | unknown[]>;
  names: string[];
  byIndex: boolean;
}

/** The part of mysql2's callback connection (TypeORM's MySQL `databaseConnection`) that runs a statement. */
interface Mysql2Connection {
  query(options: { sql: string; values: unknown[]; rowsAsArray: true }, done: (err: Error | null, rows: unknown[][], fields: Array<{ name: string }>) => void): void;
}

function isMysql(qb: SelectQueryBuilder<ObjectLiteral>): boolean {
  const type = qb.connection.options.type;
  return type === 'mysql' || type === 'mariadb';
}

/**
 * Runs a statement like {@link runOn} and gives its rows with their column names. On MySQL it asks mysql2 for each
 * row as an array of values: mysql2 otherwise builds an object per row one property at a time, and V8 regrows such an
 * object's property store every few columns, which for a case's 36 columns allocated about five times the row itself.
 * It logs, fails with `QueryFailedError` and keeps the runner's transaction as TypeORM's own `query()` does.
 */
export async function rowsOf(qb: SelectQueryBuilder<ObjectLiteral>, sql: string, params: unknown[]): Promise<StatementRows> {
  if (!isMysql(qb)) {
    const rows = await runOn<Record<string, unknown>>(qb, sql, params);
    return { rows, names: rows.length ? Object.keys(rows[0]) : [], byIndex: false };
  }
  return onRunnerOf(qb, async (runner) => {
    if (runner.isReleased) throw new QueryRunnerAlreadyReleasedError();
    const connection = (await runner.connect()) as Mysql2Connection;
    const logger = qb.connection.logger;
    logger.logQuery(sql, params, runner);
    try {
      return await new Promise<StatementRows>((resolve, reject) =>
        connection.query({ sql, values: params, rowsAsArray: true }, (err, rows, fields) =>
          err ? reject(err) : resolve({ rows, names: fields.map((f) => f.name), byIndex: true }),
        ),
      );
    } catch (err) {
      logger.logQueryError(err as Error, sql, params, runner);
      throw new QueryFailedError(sql, params, err as Error);
    }
  });
}

/**
 * How many rows the builder would return without its order and limit: the same number and the same statement
 * (`SELECT COUNT(1) AS cnt …`) as TypeORM's `getCount()` for a builder without joins, with the text kept per shape.
 * A builder that joins goes to `getCount()`, which counts distinct primary keys; so does one not over an entity, and
 * one that asks for a result cache, its own transaction or a lock.
 */
export async function countOf(qb: SelectQueryBuilder<ObjectLiteral>): Promise<number> {
  const m = qb.expressionMap;
  if (asksMore(qb) || !m.mainAlias?.hasMetadata || m.joinAttributes.length || m.relationIdAttributes.length || m.groupBys.length) return qb.getCount();
  const sql = namedSql(qb, 'count', () =>
    qb.clone().orderBy().offset(undefined).limit(undefined).skip(undefined).take(undefined).select('COUNT(1)', 'cnt').setOption('disable-global-order').getQuery(),
  );
  const [text, params] = qb.connection.driver.escapeQueryWithParameters(sql, qb.getParameters());
  const { rows, names, byIndex } = await rowsOf(qb, text, params);
  const row = rows[0];
  const cnt = row === undefined ? undefined : byIndex ? (row as unknown[])[names.indexOf('cnt')] : (row as Record<string, unknown>).cnt;
  return cnt ? Number.parseInt(String(cnt), 10) : 0;
}
