import type { CaseScope } from './access-policy';
import { caseVisibilitySql } from './case-visibility.sql';

/**
 * The SQL form of `mayViewCongressRecord` over a row aliased `alias` with a `congressId` column (a reception session):
 * the office staff of that congress and of the congresses above it; nobody else.
 */
export function congressRecordSql(scope: CaseScope, alias: string): { where: string; params: Record<string, unknown> } {
  if (scope.kind !== 'congresses') return { where: '1 = 0', params: {} };
  return { where: `${alias}.congressId IN (:...orCongressIds)`, params: { orCongressIds: scope.congressIds } };
}

/**
 * The SQL form of `mayReceiveFlashReport` over the report's case aliased `caseAlias`: office staff whose scope holds
 * the case (never a handling unit, whatever it is assigned).
 */
export function flashReportSql(scope: CaseScope, caseAlias: string, assignmentTable: string): { where: string; params: Record<string, unknown> } {
  if (scope.kind !== 'congresses') return { where: '1 = 0', params: {} };
  return caseVisibilitySql(scope, caseAlias, assignmentTable, 'fr');
}
