import type { EntityTarget, ObjectLiteral } from 'typeorm';
import type { RequestContext } from '../context/request-context';
import { conflict } from '../errors/domain-error';

/**
 * Optimistic concurrency for every row that carries a `version`: `UPDATE … SET …, version = version + 1
 * WHERE id = ? AND version = ?`. A row changed by someone else since it was read is `CONFLICT`.
 */
export async function updateVersioned<T extends ObjectLiteral>(
  ctx: RequestContext,
  entity: EntityTarget<T>,
  row: { id: string; version: number },
  patch: Partial<T>,
): Promise<void> {
  const result = await ctx
    .repo(entity)
    .createQueryBuilder()
    .update()
    .set({ ...patch, version: () => 'version + 1' } as never)
    .where('id = :id AND version = :version', { id: row.id, version: row.version })
    .execute();
  if (result.affected !== 1) throw conflict();
}
