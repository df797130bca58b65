import { ACCESS_ENDING_STATUSES, type CaseScope } from './access-policy';

/**
 * The SQL form of `mayViewCase` over a case aliased `alias`, given the assignment table's name. It is the
 * predicate every list, read, mutation, statistic and export adds to its query; `case-visibility.e2e-spec.ts`
 * runs both forms over the same rows on both engines and requires the same answer. `paramPrefix` names its
 * parameters (and the assignment alias), so that two scopes can restrict one query — a report's and its viewer's.
 */
export function caseVisibilitySql(
  scope: CaseScope,
  alias: string,
  assignmentTable: string,
  paramPrefix = 'pv',
): { where: string; params: Record<string, unknown> } {
  const c = alias;
  const p = paramPrefix;
  switch (scope.kind) {
    case 'congresses':
      return {
        where: `${c}.congressId IN (:...${p}CongressIds) AND (${c}.accusedUnitId IS NULL OR ${c}.accusedUnitId <> :${p}OwnCongress)`,
        params: { [`${p}CongressIds`]: scope.congressIds, [`${p}OwnCongress`]: scope.congressId },
      };
    case 'unit':
      return {
        where:
          `(${c}.accusedUnitId IS NULL OR ${c}.accusedUnitId <> :${p}UnitId) AND EXISTS (SELECT 1 FROM ${assignmentTable} ${p}a ` +
          `WHERE ${p}a.caseId = ${c}.id AND ${p}a.unitId = :${p}UnitId AND ${p}a.status NOT IN (:...${p}Ended))`,
        params: { [`${p}UnitId`]: scope.unitId, [`${p}Ended`]: [...ACCESS_ENDING_STATUSES] },
      };
    case 'none':
      return { where: '1 = 0', params: {} };
  }
}

/**
 * The SQL form of `mayViewAssignment` over an assignment aliased `alias`: the office sees every assignment of the
 * cases it holds, a unit only its own. Filters and sort keys that look at assignments (unit, deadline state, due
 * time) add it, so that no list order or filter tells a unit about another unit's assignment.
 */
export function assignmentVisibilitySql(scope: CaseScope, alias: string): { where: string; params: Record<string, unknown> } {
  switch (scope.kind) {
    case 'congresses':
      return { where: '1 = 1', params: {} };
    case 'unit':
      return { where: `${alias}.unitId = :pvaUnitId`, params: { pvaUnitId: scope.unitId } };
    case 'none':
      return { where: '1 = 0', params: {} };
  }
}
