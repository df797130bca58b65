import { OFFICE_ROLES, type ScopeUser } from './access-policy';

/**
 * The SQL form of `mayViewMeeting` over a meeting aliased `alias`, given the participant table's name: the
 * convening office's staff see all its meetings, everyone else those they are invited to.
 */
export function meetingVisibilitySql(user: ScopeUser, alias: string, participantTable: string): { where: string; params: Record<string, unknown> } {
  const invited = `EXISTS (SELECT 1 FROM ${participantTable} mvp WHERE mvp.meetingId = ${alias}.id AND mvp.userId = :mvUserId)`;
  const office = !!user.unitId && user.roles.some((r) => OFFICE_ROLES.includes(r));
  return office
    ? { where: `(${alias}.congressId = :mvUnitId OR ${invited})`, params: { mvUnitId: user.unitId, mvUserId: user.id ?? '' } }
    : { where: invited, params: { mvUserId: user.id ?? '' } };
}
