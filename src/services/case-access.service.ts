import type { SelectQueryBuilder } from 'typeorm';
import type { RequestContext } from '../context/request-context';
import { Role } from '../auth/role';
import { caseScopeFor, type CaseScope } from '../domain/case-visibility';
import { Assignment } from '../entities/assignment.entity';
import { Case } from '../entities/case.entity';
import { Unit } from '../entities/unit.entity';
import { UnitKind } from '../entities/unit-kind.enum';
import { forbidden, notFound } from '../errors/domain-error';

const scopes = new WeakMap<RequestContext, Promise<CaseScope>>();

/**
 * The one place where case visibility becomes SQL. Lists, single reads, subscriptions and every mutation
 * find cases through `visibleCases`, so nobody reaches a case the rules hide.
 */
export class CaseAccessService {
  /** The viewer's scope, computed once per request from the unit tree. */
  scope(ctx: RequestContext): Promise<CaseScope> {
    let s = scopes.get(ctx);
    if (!s) {
      const user = ctx.requireUser();
      s = ctx.repo(Unit).find({ select: { id: true, kind: true, parentId: true } }).then((units) => caseScopeFor(user, units));
      scopes.set(ctx, s);
    }
    return s;
  }

  /** A query over the cases the viewer may see, aliased `c`. */
  async visibleCases(ctx: RequestContext): Promise<SelectQueryBuilder<Case>> {
    const qb = ctx.repo(Case).createQueryBuilder('c');
    return this.restrict(qb, await this.scope(ctx));
  }

  restrict(qb: SelectQueryBuilder<Case>, scope: CaseScope): SelectQueryBuilder<Case> {
    switch (scope.kind) {
      case 'all':
        return qb;
      case 'congresses':
        return qb.andWhere('c.congressId IN (:...scopeCongressIds)', { scopeCongressIds: scope.congressIds });
      case 'unit':
        return qb
          .andWhere(
            `EXISTS (SELECT 1 FROM ${qb.connection.getMetadata(Assignment).tableName} sa WHERE sa.caseId = c.id AND sa.unitId = :scopeUnitId)`,
            { scopeUnitId: scope.unitId },
          )
          .andWhere('(c.accusedUnitId IS NULL OR c.accusedUnitId <> :scopeUnitId)');
      case 'none':
        return qb.andWhere('1 = 0');
    }
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
}
