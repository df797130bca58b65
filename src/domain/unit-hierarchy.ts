import { LEVEL_RANK, UnitKind, UnitLevel } from '../entities/unit-kind.enum';

export interface UnitPlacement {
  kind: UnitKind;
  level: UnitLevel;
}

/**
 * Where a unit may sit under its superior body. Returns a Chinese explanation when the placement is wrong.
 * A unit is never above its parent; a department belongs to a government of its own level; a congress's
 * superior is the congress of the level above (county congress → city congress).
 */
export function unitPlacementProblem(unit: UnitPlacement, parent?: UnitPlacement): string | undefined {
  if (unit.kind === UnitKind.DEPARTMENT && !parent) return '政府工作部门须指定所属人民政府 (parentId)';
  if (!parent) return undefined;
  if (LEVEL_RANK[unit.level] < LEVEL_RANK[parent.level]) return '下级单位的层级不能高于上级单位';
  if (unit.kind === UnitKind.DEPARTMENT) {
    if (parent.kind !== UnitKind.GOVERNMENT) return '政府工作部门的上级须为人民政府';
    if (parent.level !== unit.level) return '政府工作部门须与所属人民政府同级';
  }
  if (unit.kind === UnitKind.CONGRESS) {
    if (parent.kind !== UnitKind.CONGRESS) return '人大的上级须为上一级人大';
    if (LEVEL_RANK[unit.level] !== LEVEL_RANK[parent.level] + 1) return '人大的上级须为上一级人大';
  }
  return undefined;
}
