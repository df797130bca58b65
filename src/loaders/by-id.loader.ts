import DataLoader from 'dataloader';
import type { EntityTarget, ObjectLiteral } from 'typeorm';
import { entitiesOf } from '../db/entity-rows';
import type { LoaderFactory, RequestContext } from '../context/request-context';

/** A loader factory that fetches rows of one entity by primary key in one `IN (…)` query per tick. */
export function byIdLoader<T extends ObjectLiteral & { id: string }>(entity: EntityTarget<T>): LoaderFactory<string, T | null> {
  return (ctx: RequestContext) =>
    new DataLoader<string, T | null>(async (ids) => {
      const rows = await entitiesOf(ctx.repo(entity).createQueryBuilder('r').where('r.id IN (:...ids)', { ids: [...ids] }));
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    });
}

/** A loader factory for a one-to-many relation: all rows whose `column` equals each key. */
export function groupedLoader<T extends ObjectLiteral>(
  entity: EntityTarget<T>,
  column: keyof T & string,
  order: Partial<Record<keyof T & string, 'ASC' | 'DESC'>> = {},
): LoaderFactory<string, T[]> {
  return (ctx: RequestContext) =>
    new DataLoader<string, T[]>(async (keys) => {
      const qb = ctx.repo(entity).createQueryBuilder('r').where(`r.${column} IN (:...keys)`, { keys: [...keys] });
      for (const [property, direction] of Object.entries(order)) qb.addOrderBy(`r.${property}`, direction);
      const rows = await entitiesOf(qb);
      const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
      for (const row of rows) groups.get(row[column] as string)?.push(row);
      return keys.map((k) => groups.get(k)!);
    });
}
