import type { Driver, EntityMetadata, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { DriverUtils } from 'typeorm/driver/DriverUtils';
import { asksMore, rowsOf, statementOf } from './plain-statements';

/** One row as the driver gave it: an object keyed by column alias, or (MySQL) the values in the statement's order. */
type Row = Record<string, unknown> | unknown[];

/** How rows of one layout are read: into an entity of one alias's entity, and their other selected values. */
interface RowReader {
  entity(row: Row): ObjectLiteral;
  /** absent when the layout has no column besides the entity's */
  extras?: (row: Row) => Record<string, unknown>;
}

// per entity, alias and column layout, made once: TypeORM's transformer looks every column up again for every row
const readers = new WeakMap<EntityMetadata, Map<string, RowReader>>();

const FROM_ROW = { fromDeserializer: true } as const;

/**
 * Column types whose values both drivers' `prepareHydratedValue` hands back as the database driver read them (none of
 * its conversions names them); without a transformer such a value is stored as it is.
 */
const AS_READ = new Set(['varchar', 'char', 'text', 'mediumtext', 'int', 'float']);

/**
 * A reader written out for one entity, alias and column layout (`names`, the result's columns in order; `byIndex`
 * when rows are arrays of values): each column read from its own constant position and stored under its own constant
 * name, so V8 sees fixed property accesses instead of looking names up in a loop, and the extra values come out as
 * one object literal of fixed shape. Names come from the entity metadata and the result's own column names, never
 * from input, and are quoted with JSON.stringify. Each value that the driver would convert still goes through its own
 * `prepareHydratedValue`, so instants, flags, enums and JSON come out exactly as TypeORM makes them.
 */
function readerFor(driver: Driver, metadata: EntityMetadata, alias: string, names: string[], byIndex: boolean): RowReader {
  let byLayout = readers.get(metadata);
  if (!byLayout) readers.set(metadata, (byLayout = new Map()));
  const layout = `${alias}\n${byIndex ? 'i' : 'k'}\n${names.join('\n')}`;
  let reader = byLayout.get(layout);
  if (!reader) {
    const at = (name: string) => (byIndex ? `row[${names.indexOf(name)}]` : `row[${JSON.stringify(name)}]`);
    const columns = metadata.columns.filter((column) => !column.isVirtual);
    const own = new Set<string>();
    const lines = columns.flatMap((column, i) => {
      const name = DriverUtils.buildAlias(driver, undefined, alias, column.databaseName);
      own.add(name);
      if (!names.includes(name)) return [];
      // a column inside an embedded object is set through TypeORM's own setter
      const value = AS_READ.has(column.type as string) && !column.transformer ? 'v' : `hydrate(v, columns[${i}])`;
      const store = column.embeddedMetadata ? `columns[${i}].setEntityValue(e, ${value})` : `e[${JSON.stringify(column.propertyName)}] = ${value}`;
      return [`v = ${at(name)}; if (v !== undefined) ${store};`];
    });
    const extras = names.filter((name) => !own.has(name)).map((name) => `${JSON.stringify(name)}: ${at(name)}`);
    const make = new Function(
      'create',
      'hydrate',
      'columns',
      `return { entity(row) { const e = create(); let v; ${lines.join(' ')} return e; }${extras.length ? `, extras(row) { return { ${extras.join(', ')} }; }` : ''} };`,
    ) as (create: () => ObjectLiteral, hydrate: (value: unknown, column: ColumnMetadata) => unknown, columns: ColumnMetadata[]) => RowReader;
    reader = make(
      () => metadata.create(undefined, FROM_ROW),
      (value, column) => driver.prepareHydratedValue(value, column),
      columns,
    );
    byLayout.set(layout, reader);
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
 * The rows of a query over one entity, as entities and, beside each, the values it selected besides the entity's
 * columns (a sort key, say): the entities `getRawAndEntities()` gives for such a query, with the mapping from
 * columns to properties worked out once per entity instead of for every row, and the statement's text once per shape
 * (`statementOf`). On MySQL the rows arrive as arrays of values (`rowsOf`), so no object is built per row. The query
 * runs on the builder's own query runner (the operation's transaction or replica) when it has one. A builder that
 * joins, selects relations or single columns of its entity goes to TypeORM's own `getRawAndEntities()`, whose raw
 * rows then serve as the extras (every selected value, the extra ones among them). `extras` is empty when the
 * statement selected nothing besides the entity's columns.
 */
export async function rawAndEntities<T extends ObjectLiteral, R = Record<string, unknown>>(qb: SelectQueryBuilder<T>): Promise<{ entities: T[]; extras: R[] }> {
  if (!isPlain(qb)) {
    const { entities, raw } = await qb.getRawAndEntities();
    return { entities, extras: raw as R[] };
  }
  const main = qb.expressionMap.mainAlias!;
  const [sql, params] = statementOf(qb);
  const { rows, names, byIndex } = await rowsOf(qb, sql, params);
  if (!rows.length) return { entities: [], extras: [] };
  const read = readerFor(qb.connection.driver, main.metadata, main.name, names, byIndex);
  const extras = read.extras;
  return { entities: rows.map((row) => read.entity(row) as T), extras: extras ? rows.map((row) => extras(row) as R) : [] };
}

/** The entities of a query over one entity, as `getMany()` gives them; see {@link rawAndEntities}. */
export async function entitiesOf<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): Promise<T[]> {
  return (await rawAndEntities(qb)).entities;
}
