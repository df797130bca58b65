import DataLoader from 'dataloader';
import type { LoaderFactory } from '../context/request-context';
import type { Unit } from '../entities/unit.entity';

/** Units by id, from the instance's in-memory unit tree (one read of the table per change, not per request). */
export const unitById: LoaderFactory<string, Unit | null> = (ctx) =>
  new DataLoader<string, Unit | null>(async (ids) => {
    const byId = await ctx.app.units.byId(ctx);
    return ids.map((id) => byId.get(id) ?? null);
  });

/** The units directly under each given unit, by code. */
export const unitsByParentId: LoaderFactory<string, Unit[]> = (ctx) =>
  new DataLoader<string, Unit[]>(async (parentIds) => {
    const all = await ctx.app.units.all(ctx);
    return parentIds.map((id) => all.filter((u) => u.parentId === id).sort((a, b) => a.code.localeCompare(b.code)));
  });
