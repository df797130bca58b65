import type { RequestContext } from '../context/request-context';
import type { Outcome } from '../entities/case-enums';
import { ReplyWording, WordingStatus } from '../entities/reply-wording.entity';
import { DomainError, badInput, notFound } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';
import type { CaseAccessService } from './case-access.service';

export interface DraftWordingInput {
  matterId: string;
  outcome: Outcome;
  body: string;
  coreStatements: string[];
}

export interface WordingOptions {
  /** The caller has already established the right to act (a joint meeting's proposer or its sign-offs). */
  skipOfficeCheck?: boolean;
}

/** Unified reply wordings (统一答复口径): versioned drafts of a matter's one answer, approved by the office or a meeting. */
export class ReplyWordingService {
  constructor(private readonly caseAccess: CaseAccessService) {}

  /** The matter's next DRAFT version. */
  async draft(ctx: RequestContext, input: DraftWordingInput, opts: WordingOptions = {}): Promise<ReplyWording> {
    if (!opts.skipOfficeCheck) {
      await this.caseAccess.officeCongress(ctx);
      await this.caseAccess.getVisibleMatter(ctx, input.matterId, 'matterId');
    }
    const repo = ctx.repo(ReplyWording);
    const last = await repo.createQueryBuilder('w').select('MAX(w.version)', 'v').where('w.matterId = :m', { m: input.matterId }).getRawOne<{ v: number | null }>();
    return repo.save(
      repo.create({
        matterId: input.matterId,
        version: Number(last?.v ?? 0) + 1,
        status: WordingStatus.DRAFT,
        outcome: input.outcome,
        body: input.body.trim(),
        coreStatements: input.coreStatements.map((s) => s.trim()),
        approvedAt: null,
      }),
    );
  }

  /** Approves a draft; the matter's previously approved version is superseded. */
  async approve(ctx: RequestContext, wordingId: string, opts: WordingOptions = {}): Promise<ReplyWording> {
    const repo = ctx.repo(ReplyWording);
    const w = await repo.findOneBy({ id: wordingId });
    if (!w) throw notFound('答复口径', 'id');
    if (!opts.skipOfficeCheck) {
      await this.caseAccess.officeCongress(ctx);
      await this.caseAccess.getVisibleMatter(ctx, w.matterId, 'id');
    }
    if (w.status !== WordingStatus.DRAFT) throw new DomainError(ErrorCode.INVALID_TRANSITION, '只能批准草稿', 'id', { currentState: w.status, requestedAction: 'APPROVE' });
    this.assertApprovable(w);
    await repo.update({ matterId: w.matterId, status: WordingStatus.APPROVED }, { status: WordingStatus.SUPERSEDED });
    await repo.update({ id: w.id }, { status: WordingStatus.APPROVED, approvedAt: new Date() });
    return repo.findOneByOrFail({ id: w.id });
  }

  /** A wording can be approved when it has core statements and each appears in its body. */
  assertApprovable(wording: Pick<ReplyWording, 'body' | 'coreStatements'>): void {
    if (!wording.coreStatements.length) throw badInput('coreStatements', '至少须有一条核心表述');
    const missing = wording.coreStatements.findIndex((s) => !wording.body.includes(s));
    if (missing >= 0) throw badInput(`coreStatements.${missing}`, '核心表述须逐字出现在答复正文中');
  }
}
