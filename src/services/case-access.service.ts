import type { SelectQueryBuilder } from 'typeorm';
import type { RequestContext } from '../context/request-context';
import { Role } from '../auth/role';
import {
  caseScopeFor,
  isCaseOffice,
  mayViewAssignment,
  mayViewAssignmentPart,
  mayViewCaseEvent,
  mayViewInstruction,
  mayViewMatterDirectly,
  mayManageWording,
  mayReceiveMatterEvent,
  mayReplyAsOffice,
  matterAudience,
  mayReport,
  reportScopeFor,
  type CaseScope,
  type ReportScope,
  type MatterAudience,
} from '../policy/access-policy';
import { caseVisibilitySql } from '../policy/case-visibility.sql';
import { Assignment } from '../entities/assignment.entity';
import { Case } from '../entities/case.entity';
import type { CaseEventRecord } from '../entities/case-event.entity';
import type { Instruction } from '../entities/instruction.entity';
import { Matter as MatterEntity, type Matter } from '../entities/matter.entity';
import { Unit } from '../entities/unit.entity';
import { UnitKind } from '../entities/unit-kind.enum';
import { In } from 'typeorm';
import { forbidden, notFound } from '../errors/domain-error';
import { assignmentsByCaseId } from '../loaders/case.loaders';
import { Eventual } from '../context/eventual';

// with the unit tree's generation it was worked out from: a live subscription's context outlives changes to the tree
const scopes = new WeakMap<RequestContext, { generation: number; scope: Eventual<CaseScope> }>();

/**
 * The access policy (src/policy) applied to data: the SQL predicate for lists and reads, and the per-part
 * decisions for a loaded case. Lists, single reads, field resolvers, the timeline, subscriptions and every
 * mutation find cases and their parts through here, so nobody reaches what the rules hide.
 */
export class CaseAccessService {
  /** The viewer's scope, computed once per request (or live subscription) from the unit tree, again after it changes. */
  scope(ctx: RequestContext): Promise<CaseScope> {
    return this.eventualScope(ctx).promise;
  }

  /** The viewer's scope as `scope`, or the scope itself once it has been worked out (a live event's hot path). */
  scopeNow(ctx: RequestContext): CaseScope | Promise<CaseScope> {
    return this.eventualScope(ctx).now;
  }

  private eventualScope(ctx: RequestContext): Eventual<CaseScope> {
    const generation = ctx.app.units.generation;
    let s = scopes.get(ctx);
    if (!s || s.generation !== generation) {
      const user = ctx.requireUser();
      s = { generation, scope: new Eventual(ctx.app.units.all(ctx).then((units) => caseScopeFor(user, units))) };
      scopes.set(ctx, s);
    }
    return s.scope;
  }

  /** A query over the cases the viewer may see, aliased `c`. */
  async visibleCases(ctx: RequestContext): Promise<SelectQueryBuilder<Case>> {
    const qb = ctx.repo(Case).createQueryBuilder('c');
    return this.restrict(qb, await this.scope(ctx));
  }

  /** Adds the policy's case predicate to a query over cases aliased `c`. */
  restrict(qb: SelectQueryBuilder<Case>, scope: CaseScope): SelectQueryBuilder<Case> {
    const { where, params } = caseVisibilitySql(scope, 'c', qb.connection.getMetadata(Assignment).tableName);
    return qb.andWhere(where, params);
  }

  /** The case if the viewer may see it; `NOT_FOUND` otherwise, the same as for a case that does not exist. */
  async getVisible(ctx: RequestContext, id: string, field = 'id'): Promise<Case> {
    const found = await (await this.visibleCases(ctx)).andWhere('c.id = :id', { id }).getOne();
    if (!found) throw notFound('信访件', field);
    return found;
  }

  /** The signed-in user's congress when it is the office that owns the case and the user works there. */
  async assertOfficeOf(ctx: RequestContext, c: Case, roles: Role[] = [Role.REGISTRAR, Role.LEADER]): Promise<void> {
    const user = ctx.requireUser();
    if (user.unitId !== c.congressId || !user.hasRole(...roles)) throw forbidden('只有登记该信访件的人大信访机构工作人员可以执行此操作');
  }

  /** The user's congress, for office staff registering a case. */
  async officeCongress(ctx: RequestContext): Promise<Unit> {
    const user = ctx.requireUser();
    const unit = user.unitId ? await ctx.repo(Unit).findOneBy({ id: user.unitId }) : null;
    if (!unit || unit.kind !== UnitKind.CONGRESS || !user.hasRole(Role.REGISTRAR, Role.LEADER)) {
      throw forbidden('只有人大信访机构的登记员或领导可以执行此操作');
    }
    return unit;
  }

  /** True for office staff whose scope holds the case (they see all of it). */
  async isOffice(ctx: RequestContext): Promise<boolean> {
    return isCaseOffice(await this.scope(ctx));
  }

  /** The case's assignments the viewer may see: all for the office, its own for a unit. */
  assignmentsOf(ctx: RequestContext, caseId: string): Promise<Assignment[]> {
    // on a list the scope is known by the time each row asks: one promise per row, not three
    const scope = this.eventualScope(ctx);
    return ctx.loader(assignmentsByCaseId).load(caseId).then((all) => scope.map((s) => all.filter((a) => mayViewAssignment(s, a))));
  }

  /** Keeps the parts (supervisions, extensions, hearings) of an assignment the viewer may see. */
  async partsOf<T>(ctx: RequestContext, assignment: Pick<Assignment, 'unitId'>, parts: T[]): Promise<T[]> {
    return mayViewAssignmentPart(await this.scope(ctx), assignment) ? parts : [];
  }

  /** Keeps the leader instructions the viewer may read. */
  async instructionsOf(ctx: RequestContext, caseId: string, instructions: Instruction[]): Promise<Instruction[]> {
    const [all, scope] = await Promise.all([ctx.loader(assignmentsByCaseId).load(caseId), this.scope(ctx)]);
    return instructions.filter((i) => isCaseOffice(scope) || (i.createdAt !== null && mayViewInstruction(scope, i.createdAt, all)));
  }

  /** Keeps the timeline entries the viewer may see. */
  async eventsOf(ctx: RequestContext, caseId: string, events: CaseEventRecord[]): Promise<CaseEventRecord[]> {
    const [all, scope] = await Promise.all([ctx.loader(assignmentsByCaseId).load(caseId), this.scope(ctx)]);
    return events.filter((e) => mayViewCaseEvent(scope, e, all));
  }

  /** Whether a live event about a case the viewer sees may be delivered to them. */
  async mayReceiveEvent(ctx: RequestContext, caseId: string, event: { type: CaseEventRecord['type'] | null; assignmentId: string | null }): Promise<boolean> {
    const [all, scope] = await Promise.all([ctx.loader(assignmentsByCaseId).load(caseId), this.scope(ctx)]);
    return mayViewCaseEvent(scope, event, all);
  }

  /** The assignment when the viewer may see it: office staff see all of a visible case's, a unit only its own. */
  async visibleAssignment(ctx: RequestContext, a: Assignment | null): Promise<Assignment | null> {
    return a && mayViewAssignment(await this.scope(ctx), a) ? a : null;
  }

  /**
   * Whether the viewer may see a matter: office staff whose scope holds its congress, or a unit that sees one of
   * its cases.
   */
  async mayViewMatter(ctx: RequestContext, matter: Matter): Promise<boolean> {
    const scope = await this.scope(ctx);
    if (mayViewMatterDirectly(scope, matter)) return true;
    if (scope.kind !== 'unit') return false;
    return (await (await this.visibleCases(ctx)).andWhere('c.matterId = :pvMatter', { pvMatter: matter.id }).getCount()) > 0;
  }

  /** The matter if the viewer may see it; `NOT_FOUND` otherwise, wherever its id was passed, never echoed back. */
  async getVisibleMatter(ctx: RequestContext, id: string, field = 'id'): Promise<Matter> {
    const matter = await ctx.repo(MatterEntity).findOneBy({ id });
    if (!matter || !(await this.mayViewMatter(ctx, matter))) throw notFound('事项', field);
    return matter;
  }

  /** True when the signed-in user answers a case as its congress office (not as a handling unit). */
  repliesAsOffice(ctx: RequestContext, c: Case): boolean {
    return mayReplyAsOffice(ctx.requireUser(), c);
  }

  /** `FORBIDDEN` unless the user may draft and approve the matter's reply wording as office staff. */
  async assertWordingOffice(ctx: RequestContext, matter: Matter): Promise<void> {
    if (!mayManageWording(ctx.requireUser(), await this.scope(ctx), matter)) {
      throw forbidden('只有管辖该事项的人大信访机构登记员或领导可以起草、批准答复口径');
    }
  }

  /** Who may receive an event about the matter, from its cases and their assignments as they are now. */
  async matterAudience(ctx: RequestContext, matter: Matter): Promise<MatterAudience> {
    const cases = await ctx.repo(Case).find({ where: { matterId: matter.id }, select: { id: true, congressId: true, accusedUnitId: true } });
    const assignments = cases.length
      ? await ctx.repo(Assignment).find({ where: { caseId: In(cases.map((c) => c.id)) }, select: { id: true, caseId: true, unitId: true, status: true } })
      : [];
    return matterAudience(
      matter,
      cases.map((c) => ({ congressId: c.congressId, accusedUnitId: c.accusedUnitId, assignments: assignments.filter((a) => a.caseId === c.id) })),
    );
  }

  /** Whether a live event about a matter with this audience may be delivered to the subscriber. */
  async mayReceiveMatterEvent(ctx: RequestContext, audience: MatterAudience): Promise<boolean> {
    return mayReceiveMatterEvent(await this.scope(ctx), audience);
  }

  /**
   * The viewer's scope when the viewer is office staff of a congress, for the office's own records (reception
   * sessions, flash reports); `FORBIDDEN` with `message` for anyone else (a handling unit, a deputy, the bootstrap
   * administrator).
   */
  async officeScope(ctx: RequestContext, message: string): Promise<CaseScope> {
    const scope = await this.scope(ctx);
    if (!mayReport(scope)) throw forbidden(message);
    return scope;
  }

  /**
   * The congresses a report (statistics, bulletin, ledger) of `unitId` covers — default the viewer's own congress.
   * `FORBIDDEN` for a viewer who reports on nothing (a handling unit, a deputy, the bootstrap administrator);
   * `NOT_FOUND` on `field` for a congress outside the viewer's scope, the same as for one that does not exist.
   */
  async reportScope(ctx: RequestContext, unitId: string | null | undefined, field = 'unitId'): Promise<ReportScope> {
    const scope = await this.scope(ctx);
    if (!mayReport(scope)) throw forbidden('只有人大信访机构工作人员可以查看统计、送阅件和台帐');
    const report = reportScopeFor(scope, unitId ?? null, await ctx.app.units.all(ctx));
    if (!report) throw notFound('人大', field);
    return report;
  }
}
