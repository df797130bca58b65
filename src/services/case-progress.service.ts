import { In } from 'typeorm';
import type { RequestContext } from '../context/request-context';
import { assertTransition, CaseAction } from '../domain/case-workflow';
import { Case } from '../entities/case.entity';
import { CaseEventRecord } from '../entities/case-event.entity';
import { CaseEventType, type CaseStatus, Satisfaction } from '../entities/case-enums';
import { Reply } from '../entities/reply.entity';
import { DomainError, alreadyExists, conflict, forbidden } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';
import type { LoginThrottleService, ThrottleRule } from './login-throttle.service';
import type { CaseEventService } from './case-event.service';

/** Wrong query codes from one address: 20 in 15 minutes lock that address out for 15 minutes. */
const GUESS_RULE: ThrottleRule = { prefix: 'qc:', maxFailures: 20, windowMs: 15 * 60 * 1000, lockMs: 15 * 60 * 1000 };

/** What a petitioner may be told of each step; internal steps (instructions, supervision) are not shown. */
const PUBLIC_STEPS: Partial<Record<CaseEventType, string>> = {
  REGISTERED: '已登记',
  ACCEPTED: '已受理',
  DECLINED: '不予受理',
  ARCHIVED: '已存查',
  ASSIGNED: '已转交有关单位办理',
  REFERRED: '已转交下级人大办理',
  EXTENSION_DECIDED: '办理期限调整',
  RESULT_REPORTED: '承办单位已报送办理结果',
  REPLIED: '已答复',
  CLOSED: '已办结',
  REOPENED: '已受理复查/复核申请',
  RATED: '已评价',
};

/** What the petitioner is told of a case: public steps and the latest answer, nothing internal. */
export interface PublicProgress {
  serialNo: string;
  status: CaseStatus;
  receivedAt: Date;
  satisfaction: Satisfaction | null;
  steps: Array<{ at: Date; label: string }>;
  reply: { body: string; repliedAt: Date } | null;
}

/** The petitioner's rating as recorded. */
export interface RecordedRating {
  serialNo: string;
  satisfaction: Satisfaction;
}

/**
 * What a petitioner sees with the query code from the receipt, without logging in. An unknown code and a
 * wrong one get the same `NOT_FOUND`, and repeated misses from one address are throttled.
 */
export class CaseProgressService {
  constructor(
    private readonly throttle: LoginThrottleService,
    private readonly caseEvents: CaseEventService,
  ) {}

  private async find(ctx: RequestContext, queryCode: string): Promise<Case> {
    // the guess is counted before the lookup, so parallel guesses cannot exceed the limit; a right code gives it back
    const reservation = await this.throttle.reserve(ctx, [[GUESS_RULE, ctx.clientIp]], '查询过于频繁，请 15 分钟后再试');
    const code = (queryCode ?? '').trim().toUpperCase();
    const c = /^[A-Z0-9]{6,16}$/.test(code) ? await ctx.repo(Case).findOneBy({ queryCode: code }) : null;
    if (!c) {
      await this.throttle.failed(ctx, reservation);
      throw new DomainError(ErrorCode.NOT_FOUND, '查询码不正确', 'queryCode');
    }
    await this.throttle.release(ctx, reservation.keys);
    return c;
  }

  async progress(ctx: RequestContext, queryCode: string): Promise<PublicProgress> {
    const c = await this.find(ctx, queryCode);
    const events = await ctx.repo(CaseEventRecord).find({ where: { caseId: c.id }, order: { at: 'ASC', seq: 'ASC' } });
    // a case referred down is answered by the lower congress: the petitioner's code still shows that answer
    const referrals = await ctx.repo(Case).find({ where: { referredFromCaseId: c.id }, select: { id: true } });
    const latest = await ctx.repo(Reply).findOne({ where: { caseId: In([c.id, ...referrals.map((r) => r.id)]) }, order: { repliedAt: 'DESC' } });
    return {
      serialNo: c.serialNo,
      status: c.status,
      receivedAt: c.receivedAt,
      satisfaction: c.ratedByPetitioner ? c.satisfaction : null,
      // a case is registered once; later REGISTERED records (e.g. putting it under a matter) are not steps for the petitioner
      steps: events
        .filter((e, i) => PUBLIC_STEPS[e.type] && (e.type !== CaseEventType.REGISTERED || events.findIndex((x) => x.type === CaseEventType.REGISTERED) === i))
        .map((e) => ({ at: e.at, label: PUBLIC_STEPS[e.type]! })),
      reply: latest ? { body: latest.body, repliedAt: latest.repliedAt } : null,
    };
  }

  /** The petitioner's own rating, once, after a reply. */
  async rate(ctx: RequestContext, queryCode: string, satisfaction: Satisfaction): Promise<RecordedRating> {
    // the rating is the petitioner's own: staff who can read a query code record a phone follow-up at closeCase
    if (ctx.user) throw forbidden('工作人员不能代信访人评价；电话回访的满意度请在办结时录入');
    const c = await this.find(ctx, queryCode);
    // the lookup above commits its own failure count; the rating itself is one transaction
    return ctx.transaction(() => this.recordRating(ctx, c, satisfaction));
  }

  private async recordRating(ctx: RequestContext, c: Case, satisfaction: Satisfaction): Promise<RecordedRating> {
    assertTransition(c.status, CaseAction.RATE);
    if (c.ratedByPetitioner) throw alreadyExists('queryCode', '已评价过，不能重复评价');
    const result = await ctx
      .repo(Case)
      .createQueryBuilder()
      .update()
      .set({ satisfaction, ratedByPetitioner: true, version: () => 'version + 1' })
      .where('id = :id AND version = :version AND ratedByPetitioner = :no', { id: c.id, version: c.version, no: false })
      .execute();
    if (result.affected !== 1) {
      const now = await ctx.repo(Case).findOneByOrFail({ id: c.id });
      if (now.ratedByPetitioner) throw alreadyExists('queryCode', '已评价过，不能重复评价');
      throw conflict();
    }
    await this.caseEvents.record(ctx, { caseId: c.id, type: CaseEventType.RATED, actorId: null, detail: satisfaction });
    return { serialNo: c.serialNo, satisfaction };
  }
}
