import type { RequestContext } from '../context/request-context';
import { Role } from '../auth/role';
import { updateVersioned } from '../db/versioned-update';
import { Case } from '../entities/case.entity';
import { CaseEventType } from '../entities/case-enums';
import { badInput } from '../errors/domain-error';
import type { UpdateCaseContentInput } from '../schema/inputs/update-case-content.input';
import type { CaseAccessService } from './case-access.service';
import type { CaseEventService } from './case-event.service';
import type { SimilarityService } from './similarity.service';

const EDITABLE = ['category', 'summary', 'content'] as const;

/**
 * Corrections to what a case says (its category, summary or full text), as the office makes them after registration:
 * one transaction that writes the change with a version check, records it in the timeline with the old and new
 * text, and re-indexes the case for similar petitions (docs/rules.md "Similar petitions").
 */
export class CaseContentService {
  constructor(
    private readonly caseAccess: CaseAccessService,
    private readonly caseEvents: CaseEventService,
    private readonly similarity: SimilarityService,
  ) {}

  /** Corrects a case of the user's own congress; only its registrars and administrators may. */
  async update(ctx: RequestContext, input: UpdateCaseContentInput): Promise<Case> {
    const c = await this.caseAccess.getVisible(ctx, input.caseId, 'caseId');
    await this.caseAccess.assertOfficeOf(ctx, c, [Role.REGISTRAR, Role.ADMIN]);
    const patch: Partial<Pick<Case, (typeof EDITABLE)[number]>> = {};
    for (const field of EDITABLE) {
      const value = input[field];
      if (value === undefined || value === null) continue;
      const next = field === 'content' ? value : value.trim();
      if (!next.trim()) throw badInput(field, '更正后的内容不能为空');
      if (next !== c[field]) patch[field] = next;
    }
    if (!Object.keys(patch).length) return c;
    await updateVersioned(ctx, Case, c, patch);
    await this.caseEvents.record(ctx, {
      caseId: c.id,
      type: CaseEventType.CONTENT_EDITED,
      detail: `更正${Object.keys(patch).map((f) => ({ category: '问题分类', summary: '内容摘要', content: '信访内容全文' })[f as (typeof EDITABLE)[number]]).join('、')}`,
      before: Object.fromEntries(Object.keys(patch).map((f) => [f, c[f as (typeof EDITABLE)[number]]])),
      after: patch,
    });
    const updated = await ctx.repo(Case).findOneByOrFail({ id: c.id });
    await this.similarity.index(ctx, updated);
    return updated;
  }
}
