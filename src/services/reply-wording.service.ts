import type { RequestContext } from '../context/request-context';
import { localDateOf } from '../domain/office-time';
import {
  assertApprovableWording,
  assertReplyConforms,
  conflictingReply,
  fillPlaceholders,
  placeholderDate,
  type ReplyFacts,
} from '../domain/reply-wording-check';
import { Case } from '../entities/case.entity';
import type { Outcome } from '../entities/case-enums';
import { Matter } from '../entities/matter.entity';
import { Petitioner } from '../entities/petitioner.entity';
import { Reply } from '../entities/reply.entity';
import { ReplyWording, WordingStatus } from '../entities/reply-wording.entity';
import { Unit } from '../entities/unit.entity';
import { DomainError, badInput, notFound } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';
import { groupedLoader } from '../loaders/by-id.loader';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { CaseAccessService } from './case-access.service';

/** A new wording version as drafted by the office or proposed at a joint meeting. */
export interface DraftWordingInput {
  matterId: string;
  outcome: Outcome;
  body: string;
  coreStatements: string[];
}

export interface WordingOptions {
  /**
   * The caller has already authorised the actor on the matter (a joint meeting's participants, whose sign-off
   * approves): neither the office-staff check nor the matter's visibility to the actor applies.
   */
  skipOfficeCheck?: boolean;
}

const STATUS_LABELS: Record<WordingStatus, string> = { DRAFT: '草稿', APPROVED: '已批准', SUPERSEDED: '已被取代' };

const wordingsByMatterId = groupedLoader(ReplyWording, 'matterId', { version: 'DESC' });

/**
 * Unified reply wordings (统一答复口径): drafting versions, approving one (which supersedes the one before and is
 * published live), rendering one for a case, and the check every reply to a petitioner passes through.
 */
export class ReplyWordingService {
  constructor(
    private readonly caseAccess: CaseAccessService,
    private readonly officeTimeZone: string,
  ) {}

  /** Creates the matter's next version as a DRAFT; what makes it approvable is checked at approval. */
  draft(ctx: RequestContext, input: DraftWordingInput, opts: WordingOptions = {}): Promise<ReplyWording> {
    return ctx.transaction(async () => {
      const matter = await this.matterFor(ctx, input.matterId, 'matterId', opts);
      await this.lockMatter(ctx, matter.id);
      const repo = ctx.repo(ReplyWording);
      const last = await this.latest(ctx, repo.createQueryBuilder('w').select('MAX(w.version)', 'max').where('w.matterId = :matterId', { matterId: matter.id })).getRawOne<{
        max: number | string | null;
      }>();
      return repo.save(
        repo.create({
          matterId: matter.id,
          version: Number(last?.max ?? 0) + 1,
          status: WordingStatus.DRAFT,
          outcome: input.outcome,
          body: input.body,
          coreStatements: input.coreStatements.map((s) => s.trim()),
          approvedAt: null,
          createdById: ctx.user?.id ?? null,
          approvedById: null,
        }),
      );
    });
  }

  /**
   * Approves a DRAFT version: the matter's approved one becomes SUPERSEDED and this one APPROVED, in one
   * transaction; once it commits, the bodies of the matter are told on `replyWordingPublished`. Anything but a
   * draft is `INVALID_TRANSITION`; a wording that is not approvable is `BAD_USER_INPUT` (see `assertApprovable`).
   */
  approve(ctx: RequestContext, wordingId: string, opts: WordingOptions = {}): Promise<ReplyWording> {
    return ctx.transaction(async () => {
      const repo = ctx.repo(ReplyWording);
      const found = opts.skipOfficeCheck ? await repo.findOneBy({ id: wordingId }) : await this.getVisible(ctx, wordingId, 'id');
      if (!found) throw notFound('答复口径', 'id');
      const matter = await this.matterFor(ctx, found.matterId, 'id', opts);
      await this.lockMatter(ctx, matter.id);
      // read again under the matter's lock: a concurrent approval of this version must see it approved
      const w = await this.latest(ctx, repo.createQueryBuilder('w').where('w.id = :id', { id: wordingId })).getOneOrFail();
      if (w.status !== WordingStatus.DRAFT) {
        throw new DomainError(ErrorCode.INVALID_TRANSITION, `答复口径当前状态为"${STATUS_LABELS[w.status]}"，不能批准`, 'id', {
          currentState: w.status,
          requestedAction: 'APPROVE',
        });
      }
      this.assertApprovable(w);
      const now = new Date();
      await repo.update({ matterId: w.matterId, status: WordingStatus.APPROVED }, { status: WordingStatus.SUPERSEDED });
      await repo.update({ id: w.id }, { status: WordingStatus.APPROVED, approvedAt: now, approvedById: ctx.user?.id ?? null });
      const audience = await this.caseAccess.matterAudience(ctx, matter);
      ctx.afterCommit(() =>
        ctx.app.pubsub.publish('REPLY_WORDING_PUBLISHED', { wordingId: w.id, matterId: w.matterId, version: w.version, at: now.toISOString(), audience }),
      );
      return repo.findOneByOrFail({ id: w.id });
    });
  }

  /**
   * Throws `BAD_USER_INPUT` (field `coreStatements`) for a wording that cannot be approved: no core statements, a
   * blank one or one holding a placeholder, or one missing from its own body.
   */
  assertApprovable(wording: Pick<ReplyWording, 'body' | 'coreStatements'>): void {
    assertApprovableWording(wording);
  }

  /** A wording version whose matter the viewer may see; `NOT_FOUND` on `field` otherwise, as for one that does not exist. */
  async getVisible(ctx: RequestContext, id: string, field = 'id'): Promise<ReplyWording> {
    const w = await ctx.repo(ReplyWording).findOneBy({ id });
    const matter = w && (await ctx.repo(Matter).findOneBy({ id: w.matterId }));
    if (!w || !matter || !(await this.caseAccess.mayViewMatter(ctx, matter))) throw notFound('答复口径', field);
    return w;
  }

  /** Every version of a matter the viewer already sees, newest first. */
  versions(ctx: RequestContext, matterId: string): Promise<ReplyWording[]> {
    return ctx.loader(wordingsByMatterId).load(matterId);
  }

  /** The matter's APPROVED version, or null while none is. */
  async current(ctx: RequestContext, matterId: string): Promise<ReplyWording | null> {
    return (await this.versions(ctx, matterId)).find((w) => w.status === WordingStatus.APPROVED) ?? null;
  }

  /**
   * The wording's body filled in for one case the viewer may see, to prefill a reply: `{{petitionerName}}` (the
   * petitioners' names joined with 、), `{{serialNo}}`, `{{receivedDate}}` (YYYY年M月D日 in the office's time zone).
   */
  async render(ctx: RequestContext, wordingId: string, caseId: string): Promise<string> {
    const c = await this.caseAccess.getVisible(ctx, caseId, 'caseId');
    const w = await this.getVisible(ctx, wordingId, 'wordingId');
    if (w.matterId !== c.matterId) throw badInput('wordingId', '该答复口径不属于此信访件所在的事项');
    const petitioners = await ctx.repo(Petitioner).find({ where: { caseId: c.id }, order: { position: 'ASC' } });
    return fillPlaceholders(w.body, {
      petitionerName: petitioners.map((p) => p.name).join('、'),
      serialNo: c.serialNo,
      receivedDate: placeholderDate(localDateOf(c.receivedAt, this.officeTimeZone)),
    });
  }

  /**
   * The wording rule every reply to a petitioner passes (docs/rules.md "Unified reply wording"). On a matter with an
   * approved wording the reply must name its current version, carry its outcome and contain every core statement
   * (`REPLY_WORDING_MISMATCH` / `REPLY_WORDING_OUTDATED`); without one, it may not contradict an earlier reply of
   * another body on the same matter (`CONFLICTING_REPLY`). Holds the matter's lock until the reply commits, so
   * that neither an approval nor another body's reply slips in between the check and the reply.
   */
  async assertReplyAllowed(ctx: RequestContext, c: Case, reply: ReplyFacts): Promise<void> {
    if (c.matterId) await this.lockMatter(ctx, c.matterId);
    const named = reply.wordingId ? await this.getVisible(ctx, reply.wordingId, 'wordingId') : null;
    const current = c.matterId
      ? await this.latest(ctx, ctx.repo(ReplyWording).createQueryBuilder('w').where('w.matterId = :matterId AND w.status = :approved', { matterId: c.matterId, approved: WordingStatus.APPROVED })).getOne()
      : null;
    assertReplyConforms(reply, c.matterId, current, named);
    if (current || !c.matterId) return;
    const replies = ctx.repo(Reply).createQueryBuilder('r');
    const casesOfMatter = replies.subQuery().select('rc.id').from(Case, 'rc').where('rc.matterId = :matterId').getQuery();
    const earlier = await this.latest(ctx, replies.where(`r.caseId IN ${casesOfMatter}`, { matterId: c.matterId }).orderBy('r.repliedAt', 'ASC')).getMany();
    const hit = conflictingReply(reply, earlier);
    if (!hit) return;
    const unit = await ctx.repo(Unit).findOneBy({ id: hit.unitId });
    throw new DomainError(ErrorCode.CONFLICTING_REPLY, `${unit?.name ?? '其他单位'}已就同一事项作出不同处理结果的答复，请先统一答复口径`, 'outcome', {
      conflictingReplyId: hit.id,
      conflictingUnitName: unit?.name ?? null,
      conflictingOutcome: hit.outcome,
    });
  }

  private async matterFor(ctx: RequestContext, matterId: string, field: string, opts: WordingOptions): Promise<Matter> {
    if (opts.skipOfficeCheck) {
      const matter = await ctx.repo(Matter).findOneBy({ id: matterId });
      if (!matter) throw notFound('事项', field);
      return matter;
    }
    const matter = await this.caseAccess.getVisibleMatter(ctx, matterId, field);
    await this.caseAccess.assertWordingOffice(ctx, matter);
    return matter;
  }

  /**
   * A read of what another transaction may just have committed under the matter's lock. MySQL's plain reads see the
   * snapshot taken at the transaction's first read, before the lock was granted; a locking read sees the latest rows.
   */
  private latest<T extends ObjectLiteral>(ctx: RequestContext, qb: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
    return ctx.app.db.lockForUpdate(qb);
  }

  /** Serialises a matter's versions, approvals and replies (MySQL row lock; SQLite writers are serial already). */
  private async lockMatter(ctx: RequestContext, matterId: string): Promise<void> {
    await ctx.app.db.lockForUpdate(ctx.repo(Matter).createQueryBuilder('m').where('m.id = :matterId', { matterId })).getOne();
  }
}
