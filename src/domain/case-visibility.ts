import { Role } from '../auth/role';
import { UnitKind } from '../entities/unit-kind.enum';

/** Which cases a viewer may see. */
export type CaseScope =
  | { kind: 'all' }
  | { kind: 'congresses'; congressIds: string[] }
  | { kind: 'unit'; unitId: string }
  | { kind: 'none' };

export interface ScopeUser {
  roles: readonly Role[];
  unitId: string | null;
}

export interface ScopeUnit {
  id: string;
  kind: UnitKind;
  parentId: string | null;
}

const OFFICE_ROLES: Role[] = [Role.ADMIN, Role.REGISTRAR, Role.LEADER, Role.VIEWER];
const HANDLING_ROLES: Role[] = [Role.HANDLER, Role.LIAISON];

/**
 * Who sees what (DESIGN.md): congress office staff see their congress's cases and those of every congress
 * below it; a handling unit sees the cases assigned to it (and never one that accuses it); the bootstrap
 * administrator, who belongs to no unit, sees all; deputies and legal workers see no case directly.
 */
export function caseScopeFor(user: ScopeUser, units: readonly ScopeUnit[]): CaseScope {
  if (!user.unitId) return user.roles.includes(Role.ADMIN) ? { kind: 'all' } : { kind: 'none' };
  const unit = units.find((u) => u.id === user.unitId);
  if (!unit) return { kind: 'none' };
  if (unit.kind === UnitKind.CONGRESS && user.roles.some((r) => OFFICE_ROLES.includes(r))) {
    return { kind: 'congresses', congressIds: congressesWithin(unit.id, units) };
  }
  if (user.roles.some((r) => HANDLING_ROLES.includes(r))) return { kind: 'unit', unitId: unit.id };
  return { kind: 'none' };
}

/** A congress and every congress below it in the parent chain. */
export function congressesWithin(congressId: string, units: readonly ScopeUnit[]): string[] {
  const children = new Map<string, string[]>();
  for (const u of units) {
    if (u.kind !== UnitKind.CONGRESS || !u.parentId) continue;
    children.set(u.parentId, [...(children.get(u.parentId) ?? []), u.id]);
  }
  const out: string[] = [];
  const queue = [congressId];
  while (queue.length) {
    const id = queue.shift()!;
    if (out.includes(id)) continue;
    out.push(id);
    queue.push(...(children.get(id) ?? []));
  }
  return out;
}
