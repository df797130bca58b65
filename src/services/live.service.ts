import type { RequestContext } from '../context/request-context';
import { Assignment } from '../entities/assignment.entity';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';

/** Who receives which live event. Every decision defers to the case visibility used by queries. */
export class LiveService {
  /**
   * True when the subscriber may see the case now and, for a handling unit, the event concerns its own
   * assignment or the case as a whole.
   */
  async mayReceive(ctx: RequestContext, caseId: string, assignmentId?: string | null): Promise<boolean> {
    try {
      await ctx.services.caseAccess.getVisible(ctx, caseId);
    } catch (err) {
      if (err instanceof DomainError && err.code === ErrorCode.NOT_FOUND) return false;
      throw err;
    }
    if (!assignmentId) return true;
    return (await this.visibleAssignment(ctx, assignmentId)) !== null;
  }

  /** The assignment when the viewer may see it: office staff see all of a visible case's, a unit only its own. */
  async visibleAssignment(ctx: RequestContext, id: string): Promise<Assignment | null> {
    const a = await ctx.repo(Assignment).findOneBy({ id });
    if (!a) return null;
    const scope = await ctx.services.caseAccess.scope(ctx);
    if (scope.kind === 'unit' && scope.unitId !== a.unitId) return null;
    return a;
  }
}
