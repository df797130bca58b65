import type { RequestContext } from '../context/request-context';
import { CaseEventRecord } from '../entities/case-event.entity';
import { CaseEventType } from '../entities/case-enums';
import { Assignment } from '../entities/assignment.entity';
import { Case } from '../entities/case.entity';
import type { CaseAccessFacts } from '../subscriptions/pubsub';

export interface CaseEventInput {
  caseId: string;
  type: CaseEventType;
  assignmentId?: string | null;
  detail?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** Defaults to the signed-in user; null for the petitioner or the server. */
  actorId?: string | null;
  /** Defaults to now; given when the change stamps the same instant on the case (the office's clocks). */
  at?: Date;
}

/**
 * Writes the audit record of a change inside the current transaction and publishes the event once the
 * transaction has committed, so a rolled-back change is never announced.
 */
export class CaseEventService {
  async record(ctx: RequestContext, input: CaseEventInput): Promise<CaseEventRecord> {
    const repo = ctx.repo(CaseEventRecord);
    const seq = await repo.count({ where: { caseId: input.caseId } });
    const row = await repo.save(
      repo.create({
        caseId: input.caseId,
        assignmentId: input.assignmentId ?? null,
        type: input.type,
        actorId: input.actorId === undefined ? (ctx.user?.id ?? null) : input.actorId,
        at: input.at ?? new Date(),
        detail: input.detail ?? null,
        before: input.before ?? null,
        after: input.after ?? null,
        seq,
      }),
    );
    ctx.afterCommit(async () =>
      ctx.app.pubsub.publish('CASE_EVENT', {
        eventId: row.id,
        caseId: row.caseId,
        assignmentId: row.assignmentId,
        type: row.type,
        at: row.at.toISOString(),
        actorId: row.actorId,
        access: await this.accessFacts(ctx, row.caseId),
      }),
    );
    return row;
  }

  /** The case's policy facts right after the change committed, carried with its event. */
  private async accessFacts(ctx: RequestContext, caseId: string): Promise<CaseAccessFacts | undefined> {
    const [c, assignments] = await Promise.all([
      ctx.repo(Case).findOne({ where: { id: caseId }, select: { id: true, congressId: true, accusedUnitId: true } }),
      ctx.repo(Assignment).find({ where: { caseId }, select: { id: true, unitId: true, status: true } }),
    ]);
    if (!c) return undefined;
    return { congressId: c.congressId, accusedUnitId: c.accusedUnitId, assignments: assignments.map((a) => ({ id: a.id, unitId: a.unitId, status: a.status })) };
  }

  timeline(ctx: RequestContext, caseId: string): Promise<CaseEventRecord[]> {
    return ctx.repo(CaseEventRecord).find({ where: { caseId }, order: { at: 'ASC', seq: 'ASC' } });
  }
}
