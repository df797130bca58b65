import { UnitKind, UnitLevel } from '../entities/unit-kind.enum';
import { unitPlacementProblem } from './unit-hierarchy';

const u = (kind: UnitKind, level: UnitLevel) => ({ kind, level });

describe('unitPlacementProblem', () => {
  it('accepts the usual bodies', () => {
    expect(unitPlacementProblem(u(UnitKind.CONGRESS, UnitLevel.COUNTY), u(UnitKind.CONGRESS, UnitLevel.CITY))).toBeUndefined();
    expect(unitPlacementProblem(u(UnitKind.DEPARTMENT, UnitLevel.COUNTY), u(UnitKind.GOVERNMENT, UnitLevel.COUNTY))).toBeUndefined();
    expect(unitPlacementProblem(u(UnitKind.COURT, UnitLevel.COUNTY))).toBeUndefined();
    expect(unitPlacementProblem(u(UnitKind.OTHER, UnitLevel.TOWNSHIP), u(UnitKind.GOVERNMENT, UnitLevel.COUNTY))).toBeUndefined();
  });

  it('never puts a unit above its parent', () => {
    expect(unitPlacementProblem(u(UnitKind.COURT, UnitLevel.CITY), u(UnitKind.COURT, UnitLevel.COUNTY))).toMatch(/层级/);
  });

  it('puts a department under a government of its own level', () => {
    expect(unitPlacementProblem(u(UnitKind.DEPARTMENT, UnitLevel.COUNTY))).toMatch(/人民政府/);
    expect(unitPlacementProblem(u(UnitKind.DEPARTMENT, UnitLevel.COUNTY), u(UnitKind.COURT, UnitLevel.COUNTY))).toMatch(/人民政府/);
    expect(unitPlacementProblem(u(UnitKind.DEPARTMENT, UnitLevel.COUNTY), u(UnitKind.GOVERNMENT, UnitLevel.CITY))).toMatch(/同级/);
  });

  it('puts a congress under the congress one level up', () => {
    expect(unitPlacementProblem(u(UnitKind.CONGRESS, UnitLevel.COUNTY), u(UnitKind.GOVERNMENT, UnitLevel.CITY))).toMatch(/上一级人大/);
    expect(unitPlacementProblem(u(UnitKind.CONGRESS, UnitLevel.COUNTY), u(UnitKind.CONGRESS, UnitLevel.PROVINCE))).toMatch(/上一级人大/);
  });
});
