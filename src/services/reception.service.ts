import type { RequestContext } from '../context/request-context';
import { receivedDuring, receptionProblems } from '../domain/office-duties';
import { CaseChannel } from '../entities/case-enums';
import { Case } from '../entities/case.entity';
import { Reception } from '../entities/reception.entity';
import { User } from '../entities/user.entity';
import { DomainError, badInput, forbidden, notFound } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';
import { casesByReceptionId } from '../loaders/case.loaders';
import { isLeaderOf, mayScheduleReception } from '../policy/access-policy';
import { congressRecordSql } from '../policy/office-record.sql';
import type { ScheduleReceptionInput } from '../schema/inputs/office-duties.inputs';
import type { CaseAccessService } from './case-access.service';
import type { CaseQueryService } from './case-query.service';

/**
 * 领导接访: the sessions at which a congress's leaders receive visitors, and the visits registered at them
 * (docs/rules.md "The office's own duties"). A congress's office schedules its own; the congresses above it read them.
 */
export class ReceptionService {
  constructor(
    private readonly caseAccess: CaseAccessService,
    private readonly caseQuery: CaseQueryService,
    private readonly officeTimeZone: string,
  ) {}

  /**
   * Schedules a session of a leader of the user's own congress. A session of a past day, one ending before it
   * starts or lasting over a day, and a leader who is not a leader of this congress are `BAD_USER_INPUT`, every
   * problem at once.
   */
  async schedule(ctx: RequestContext, input: ScheduleReceptionInput): Promise<Reception> {
    const user = ctx.requireUser();
    const congressId = user.unitId;
    if (!congressId || !mayScheduleReception(user, congressId)) throw forbidden('只有人大信访机构的登记员或领导可以安排领导接访');
    const problems = receptionProblems(input, new Date(), this.officeTimeZone);
    const leader = await ctx.repo(User).findOneBy({ id: input.leaderId });
    if (!leader || !isLeaderOf(leader, congressId)) problems.unshift({ field: 'leaderId', message: '接访领导须为本级人大的领导' });
    if (problems.length) {
      throw new DomainError(ErrorCode.BAD_USER_INPUT, problems[0].message, problems[0].field, {
        fieldErrors: problems.map((p) => ({ field: p.field, code: ErrorCode.BAD_USER_INPUT, message: p.message })),
      });
    }
    const repo = ctx.repo(Reception);
    return repo.save(
      repo.create({ congressId, leaderId: input.leaderId, startsAt: input.startsAt, endsAt: input.endsAt, place: input.place.trim(), scheduledById: user.id }),
    );
  }

  /**
   * The sessions starting in `[from, to)` of the viewer's congress and of the congresses below it (read only), in
   * time order. `FORBIDDEN` for anyone who is not office staff of a congress.
   */
  async list(ctx: RequestContext, from: Date, to: Date): Promise<Reception[]> {
    const scope = await this.caseAccess.officeScope(ctx, '只有人大信访机构工作人员可以查看领导接访安排');
    if (to.getTime() <= from.getTime()) throw badInput('to', '截止时间须晚于起始时间');
    const { where, params } = congressRecordSql(scope, 'r');
    return ctx
      .repo(Reception)
      .createQueryBuilder('r')
      .where('r.startsAt >= :rFrom AND r.startsAt < :rTo', { rFrom: from, rTo: to })
      .andWhere(where, params)
      .orderBy('r.startsAt', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .getMany();
  }

  /**
   * Checks a visit registered at session `receptionId` by the office of `congressId`: the session must be that
   * congress's own (another congress's is `NOT_FOUND`, never echoed), the case a visit, and its receipt time within
   * the session.
   */
  async assertVisitAt(ctx: RequestContext, congressId: string, receptionId: string, visit: { channel: CaseChannel; receivedAt: Date }): Promise<void> {
    const session = await ctx.repo(Reception).findOneBy({ id: receptionId });
    if (!session || session.congressId !== congressId) throw notFound('接访安排', 'receptionId');
    if (visit.channel !== CaseChannel.VISIT) throw badInput('receptionId', '只有来访才能登记到领导接访');
    if (!receivedDuring(visit.receivedAt, session)) throw badInput('receivedAt', '接访时间内收到的来访才能登记到该次领导接访');
  }

  /** The visits registered at a session that the viewer may see, in order of receipt. */
  async visits(ctx: RequestContext, session: Reception): Promise<Case[]> {
    return this.caseQuery.onlyVisible(ctx, await ctx.loader(casesByReceptionId).load(session.id));
  }
}
