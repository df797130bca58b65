import type { Driver, EntityMetadata, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { DriverUtils } from 'typeorm/driver/DriverUtils';
import { asksMore, runOn, statementOf } from './plain-statements';

/** Turns one raw row into an entity of one alias's entity. */
type RowReader = (row: Record<string, unknown>) => ObjectLiteral;

// per entity and alias, made once: TypeORM's transformer looks every column up again for every row
const readers = new WeakMap<EntityMetadata, Map<string, RowReader>>();

const FROM_ROW = { fromDeserializer: true } as const;

/**
 * Column types whose values both drivers' `prepareHydratedValue` hands back as the database driver read them (none of
 * its conversions names them); without a transformer such a value is stored as it is.
 */
const AS_READ = new Set(['varchar', 'char', 'text', 'mediumtext', 'int', 'float']);

/**
 * A reader written out for one entity and alias: each column read and stored under its own constant name, so V8
 * sees fixed property accesses instead of looking names up in a loop. Names come from the entity metadata, never
 * from input, and are quoted with JSON.stringify. Each value that the driver would convert still goes through its own
 * `prepareHydratedValue`, so instants, flags, enums and JSON come out exactly as TypeORM makes them.
 */
function readerFor(driver: Driver, metadata: EntityMetadata, alias: string): RowReader {
  let byAlias = readers.get(metadata);
  if (!byAlias) readers.set(metadata, (byAlias = new Map()));
  let reader = byAlias.get(alias);
  if (!reader) {
    const columns = metadata.columns.filter((column) => !column.isVirtual);
    const lines = columns.map((column, i) => {
      const key = JSON.stringify(DriverUtils.buildAlias(driver, undefined, alias, column.databaseName));
      // a column inside an embedded object is set through TypeORM's own setter
      const value = AS_READ.has(column.type as string) && !column.transformer ? 'v' : `hydrate(v, columns[${i}])`;
      const store = column.embeddedMetadata ? `columns[${i}].setEntityValue(e, ${value})` : `e[${JSON.stringify(column.propertyName)}] = ${value}`;
      return `v = row[${key}]; if (v !== undefined) ${store};`;
    });
    const make = new Function('create', 'hydrate', 'columns', `return function read(row) { const e = create(); let v; ${lines.join(' ')} return e; };`) as (
      create: () => ObjectLiteral,
      hydrate: (value: unknown, column: ColumnMetadata) => unknown,
      columns: ColumnMetadata[],
    ) => RowReader;
    reader = make(
      () => metadata.create(undefined, FROM_ROW),
      (value, column) => driver.prepareHydratedValue(value, column),
      columns,
    );
    byAlias.set(alias, reader);
  }
  return reader;
}

/**
 * True when the builder selects its main entity's columns from that entity alone (extra computed values allowed),
 * and nothing that TypeORM's own reading would add: one row is one entity, no grouping, no relations, no load
 * events, no result cache.
 */
function isPlain(qb: SelectQueryBuilder<ObjectLiteral>): boolean {
  const map = qb.expressionMap;
  const main = map.mainAlias;
  if (!main?.hasMetadata) return false;
  const metadata = main.metadata;
  return (
    !metadata.discriminatorColumn &&
    metadata.relations.every((r) => !r.isEager && !r.isLazy) &&
    metadata.relationIds.length === 0 &&
    metadata.afterLoadListeners.length === 0 &&
    qb.connection.subscribers.length === 0 &&
    !asksMore(qb) &&
    map.joinAttributes.length === 0 &&
    map.relationIdAttributes.length === 0 &&
    map.selects.some((s) => s.selection === main.name) &&
    !map.selects.some((s) => s.selection.startsWith(`${main.name}.`))
  );
}

/**
 * The rows of a query over one entity, as entities and as raw rows (for extra selected values such as a sort
 * key), the same as `getRawAndEntities()` gives for such a query, with the mapping from columns to properties
 * worked out once per entity instead of for every row, and the statement's text once per shape (`statementOf`).
 * The query runs on the builder's own query runner (the operation's transaction or replica) when it has one. A
 * builder that joins, selects relations or single columns of its entity goes to TypeORM's own `getRawAndEntities()`.
 */
export async function rawAndEntities<T extends ObjectLiteral, R = Record<string, unknown>>(qb: SelectQueryBuilder<T>): Promise<{ entities: T[]; raw: R[] }> {
  if (!isPlain(qb)) return qb.getRawAndEntities() as unknown as Promise<{ entities: T[]; raw: R[] }>;
  const main = qb.expressionMap.mainAlias!;
  const metadata = main.metadata;
  const driver = qb.connection.driver;
  const [sql, params] = statementOf(qb);
  const raw = await runOn<R>(qb, sql, params);
  const read = readerFor(driver, metadata, main.name);
  return { entities: raw.map((row) => read(row as Record<string, unknown>) as T), raw };
}

/** The entities of a query over one entity, as `getMany()` gives them; see {@link rawAndEntities}. */
export async function entitiesOf<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): Promise<T[]> {
  return (await rawAndEntities(qb)).entities;
}
