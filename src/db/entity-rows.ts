import type { EntityMetadata, ObjectLiteral, QueryRunner, SelectQueryBuilder } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { DriverUtils } from 'typeorm/driver/DriverUtils';

/** One selected column: where its value is in a raw row, and the column that turns it into the property's value. */
interface ColumnRead {
  key: string;
  column: ColumnMetadata;
  property: string | undefined;
}

// per entity and alias, worked out once: TypeORM's transformer looks all of this up again for every row
const plans = new WeakMap<EntityMetadata, Map<string, ColumnRead[]>>();

function planFor(qb: SelectQueryBuilder<ObjectLiteral>, metadata: EntityMetadata, alias: string): ColumnRead[] {
  let byAlias = plans.get(metadata);
  if (!byAlias) plans.set(metadata, (byAlias = new Map()));
  let plan = byAlias.get(alias);
  if (!plan) {
    plan = metadata.columns
      .filter((column) => !column.isVirtual)
      .map((column) => ({
        key: DriverUtils.buildAlias(qb.connection.driver, undefined, alias, column.databaseName),
        column,
        // a column inside an embedded object is set through TypeORM's own setter
        property: column.embeddedMetadata ? undefined : column.propertyName,
      }));
    byAlias.set(alias, plan);
  }
  return plan;
}

/** True when the builder selects its main entity's columns and nothing that TypeORM's own transformer would assemble. */
function isPlain(qb: SelectQueryBuilder<ObjectLiteral>): boolean {
  const map = qb.expressionMap;
  const main = map.mainAlias;
  return (
    !!main?.hasMetadata &&
    !main.metadata.discriminatorColumn &&
    !map.lockMode &&
    !map.cache &&
    main.metadata.relations.every((r) => !r.isEager) &&
    map.joinAttributes.every((j) => !j.isSelected) &&
    map.relationIdAttributes.length === 0 &&
    !map.selects.some((s) => s.selection !== main.name && s.selection.startsWith(`${main.name}.`))
  );
}

/**
 * The rows of a query over one entity, as entities and as raw rows (for extra selected values such as a sort
 * key), the same as `getRawAndEntities()` gives for such a query, with the mapping from columns to properties
 * worked out once per entity instead of for every row. The query runs on the builder's own query runner (the
 * operation's transaction or replica) when it has one. A builder that joins, selects relations or single columns
 * of its entity goes to TypeORM's own `getRawAndEntities()`.
 */
export async function rawAndEntities<T extends ObjectLiteral, R = Record<string, unknown>>(qb: SelectQueryBuilder<T>): Promise<{ entities: T[]; raw: R[] }> {
  if (!isPlain(qb)) return qb.getRawAndEntities() as unknown as Promise<{ entities: T[]; raw: R[] }>;
  const main = qb.expressionMap.mainAlias!;
  const metadata = main.metadata;
  const driver = qb.connection.driver;
  const [sql, params] = qb.getQueryAndParameters();
  // the builder's own runner (protected in TypeORM's typings) is the operation's transaction or replica, when it has one
  const own = (qb as unknown as { queryRunner?: QueryRunner }).queryRunner;
  const runner = own ?? qb.connection.createQueryRunner();
  let raw: R[];
  try {
    raw = await runner.query(sql, params);
  } finally {
    if (!own) await runner.release();
  }
  const plan = planFor(qb as SelectQueryBuilder<ObjectLiteral>, metadata, main.name);
  const entities = raw.map((row) => {
    const entity = metadata.create(undefined, { fromDeserializer: true }) as T;
    for (const { key, column, property } of plan) {
      const value = (row as Record<string, unknown>)[key];
      if (value === undefined) continue;
      const hydrated = driver.prepareHydratedValue(value, column);
      if (property) (entity as Record<string, unknown>)[property] = hydrated;
      else column.setEntityValue(entity, hydrated);
    }
    return entity;
  });
  return { entities, raw };
}

/** The entities of a query over one entity, as `getMany()` gives them; see {@link rawAndEntities}. */
export async function entitiesOf<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): Promise<T[]> {
  return (await rawAndEntities(qb)).entities;
}
