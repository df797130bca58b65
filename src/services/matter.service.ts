import type { RequestContext } from '../context/request-context';
import { Case } from '../entities/case.entity';
import { Matter } from '../entities/matter.entity';
import { CaseEventType } from '../entities/case-enums';
import type { CaseAccessService } from './case-access.service';
import type { CaseEventService } from './case-event.service';
import type { CaseQueryService } from './case-query.service';
import { Reply } from '../entities/reply.entity';
import { casesByMatterId, repliesByCaseId } from '../loaders/case.loaders';
import type { CreateMatterInput } from '../schema/inputs/create-matter.input';

/** Matters: the issue several cases share. */
export class MatterService {
  constructor(
    private readonly caseAccess: CaseAccessService,
    private readonly caseEvents: CaseEventService,
    private readonly caseQuery: CaseQueryService,
  ) {}

  async create(ctx: RequestContext, input: CreateMatterInput): Promise<Matter> {
    const congress = await this.caseAccess.officeCongress(ctx);
    const repo = ctx.repo(Matter);
    const matter = await repo.save(repo.create({ title: input.title.trim(), description: input.description?.trim() || null, congressId: congress.id, reReviewed: false }));
    for (const caseId of input.caseIds ?? []) await this.link(ctx, caseId, matter.id, 'caseIds');
    return matter;
  }

  /** Puts a case of the user's office under a matter. */
  async link(ctx: RequestContext, caseId: string, matterId: string, field = 'caseId'): Promise<Case> {
    const c = await this.caseAccess.getVisible(ctx, caseId, field);
    await this.caseAccess.assertOfficeOf(ctx, c);
    await this.get(ctx, matterId, 'matterId');
    await ctx.repo(Case).update({ id: c.id }, { matterId });
    await this.caseEvents.record(ctx, { caseId: c.id, type: CaseEventType.MATTER_LINKED, detail: '归入事项', before: { matterId: c.matterId }, after: { matterId } });
    return ctx.repo(Case).findOneByOrFail({ id: c.id });
  }

  /**
   * A matter the viewer may see: office staff whose congresses include the matter's, or a unit that can see
   * one of its cases. Anyone else gets `NOT_FOUND`, as for a matter that does not exist.
   */
  get(ctx: RequestContext, id: string, field = 'id'): Promise<Matter> {
    return this.caseAccess.getVisibleMatter(ctx, id, field);
  }

  /** The matter's cases that the viewer may see. */
  async visibleCases(ctx: RequestContext, matterId: string): Promise<Case[]> {
    return this.caseQuery.onlyVisible(ctx, await ctx.loader(casesByMatterId).load(matterId));
  }

  /**
   * The replies on the matter's cases, in the order they were made, each as the viewer may see it: only those on
   * cases the viewer may see (a unit does not learn another unit's answer on a case it has no part in).
   */
  async replies(ctx: RequestContext, matterId: string): Promise<Reply[]> {
    const cases = await this.visibleCases(ctx, matterId);
    const replies = (await Promise.all(cases.map((c) => ctx.loader(repliesByCaseId).load(c.id)))).flat();
    return replies.sort((a, b) => a.repliedAt.getTime() - b.repliedAt.getTime());
  }
}
