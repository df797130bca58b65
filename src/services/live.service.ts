import type { RequestContext } from '../context/request-context';
import { Assignment } from '../entities/assignment.entity';
import { Case } from '../entities/case.entity';
import type { CaseEventType } from '../entities/case-enums';
import { ReplyWording } from '../entities/reply-wording.entity';
import { notFound } from '../errors/domain-error';
import type { MatterAudience } from '../policy/access-policy';
import type { CaseAccessService } from './case-access.service';
import type { CaseQueryService } from './case-query.service';

/** Who receives which live event. Every decision defers to the case visibility used by queries. */
export class LiveService {
  constructor(
    private readonly caseAccess: CaseAccessService,
    private readonly caseQuery: CaseQueryService,
  ) {}

  /**
   * True when the subscriber may see the case now and, for a handling unit, the event concerns its own
   * assignment or the case as a whole.
   */
  async mayReceive(ctx: RequestContext, caseId: string, event: { type: CaseEventType | null; assignmentId: string | null }): Promise<boolean> {
    // a subscription keeps one context for its life: every event starts from fresh data, and the case loaded
    // here for the decision is the one its fields are then resolved from
    ctx.resetLoaders();
    if (!(await this.caseQuery.visible(ctx, caseId))) return false;
    return this.caseAccess.mayReceiveEvent(ctx, caseId, event);
  }

  /** The event's case, as loaded when deciding to deliver it. */
  async eventCase(ctx: RequestContext, caseId: string): Promise<Case> {
    const c = await this.caseQuery.visible(ctx, caseId);
    if (!c) throw notFound('信访件');
    return c;
  }

  /** The assignment when the viewer may see it: office staff see all of a visible case's, a unit only its own. */
  async visibleAssignment(ctx: RequestContext, id: string): Promise<Assignment | null> {
    return this.caseAccess.visibleAssignment(ctx, await ctx.repo(Assignment).findOneBy({ id }));
  }

  /**
   * True when the subscriber may see the matter an event is about: the audience travels with the event, worked
   * out once when it was published, and the policy decides in memory.
   */
  async mayReceiveMatterEvent(ctx: RequestContext, audience: MatterAudience): Promise<boolean> {
    ctx.resetLoaders();
    return this.caseAccess.mayReceiveMatterEvent(ctx, audience);
  }

  /** The wording version a `replyWordingPublished` event announces. */
  async publishedWording(ctx: RequestContext, id: string): Promise<ReplyWording> {
    const w = await ctx.repo(ReplyWording).findOneBy({ id });
    if (!w) throw notFound('答复口径');
    return w;
  }
}
