import type { RequestContext } from '../context/request-context';
import type { Case } from '../entities/case.entity';
import { visibleCaseById } from './case.loaders';

/**
 * Keeps the cases the viewer may see, checked through the batched visibility loader: related cases on every
 * row of a list cost one visibility query together, not one per row.
 */
export async function onlyVisible(ctx: RequestContext, cases: Case[]): Promise<Case[]> {
  const checked = await ctx.loader(visibleCaseById).loadMany(cases.map((c) => c.id));
  return cases.filter((_, i) => checked[i] !== null && !(checked[i] instanceof Error));
}
