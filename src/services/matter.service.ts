import type { RequestContext } from '../context/request-context';
import { Case } from '../entities/case.entity';
import { Matter } from '../entities/matter.entity';
import { CaseEventType } from '../entities/case-enums';
import type { CaseAccessService } from './case-access.service';
import type { CaseEventService } from './case-event.service';
import type { CreateMatterInput } from '../schema/inputs/create-matter.input';

/** Matters: the issue several cases share. */
export class MatterService {
  constructor(
    private readonly caseAccess: CaseAccessService,
    private readonly caseEvents: CaseEventService,
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
}
