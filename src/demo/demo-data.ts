import type { RequestContext } from '../context/request-context';
import { Role } from '../auth/role';
import { Unit } from '../entities/unit.entity';
import { UnitKind, UnitLevel } from '../entities/unit-kind.enum';

/** Every demo account signs in with this password; the server prints it with the accounts at start. */
export const DEMO_PASSWORD = 'Demo@2026';

interface DemoUnit {
  key: string;
  code: string;
  name: string;
  kind: UnitKind;
  level: UnitLevel;
  parent?: string;
}

const UNITS: DemoUnit[] = [
  { key: 'cityCongress', code: 'demo-city-rd', name: '示范市人大常委会', kind: UnitKind.CONGRESS, level: UnitLevel.CITY },
  { key: 'congress', code: 'demo-county-rd', name: '示范县人大常委会', kind: UnitKind.CONGRESS, level: UnitLevel.COUNTY, parent: 'cityCongress' },
  { key: 'government', code: 'demo-county-gov', name: '示范县人民政府', kind: UnitKind.GOVERNMENT, level: UnitLevel.COUNTY },
  { key: 'court', code: 'demo-county-court', name: '示范县人民法院', kind: UnitKind.COURT, level: UnitLevel.COUNTY },
  { key: 'procuratorate', code: 'demo-county-proc', name: '示范县人民检察院', kind: UnitKind.PROCURATORATE, level: UnitLevel.COUNTY },
  { key: 'landBureau', code: 'demo-county-land', name: '示范县自然资源局', kind: UnitKind.DEPARTMENT, level: UnitLevel.COUNTY, parent: 'government' },
  { key: 'hrBureau', code: 'demo-county-hrss', name: '示范县人力资源和社会保障局', kind: UnitKind.DEPARTMENT, level: UnitLevel.COUNTY, parent: 'government' },
  { key: 'housingBureau', code: 'demo-county-housing', name: '示范县住房和城乡建设局', kind: UnitKind.DEPARTMENT, level: UnitLevel.COUNTY, parent: 'government' },
  { key: 'township', code: 'demo-town-rd', name: '示范镇人大主席团', kind: UnitKind.CONGRESS, level: UnitLevel.TOWNSHIP, parent: 'congress' },
];

const USERS: Array<{ username: string; displayName: string; unit: string; roles: Role[]; piiAccess?: boolean }> = [
  { username: 'registrar', displayName: '王登记（信访科）', unit: 'congress', roles: [Role.REGISTRAR], piiAccess: true },
  { username: 'leader', displayName: '李主任（分管领导）', unit: 'congress', roles: [Role.LEADER], piiAccess: true },
  { username: 'city-viewer', displayName: '赵科长（市人大信访办）', unit: 'cityCongress', roles: [Role.VIEWER, Role.REGISTRAR] },
  { username: 'court-liaison', displayName: '陈联络员（县法院）', unit: 'court', roles: [Role.LIAISON] },
  { username: 'proc-liaison', displayName: '周联络员（县检察院）', unit: 'procuratorate', roles: [Role.LIAISON] },
  { username: 'gov-liaison', displayName: '吴联络员（县政府）', unit: 'government', roles: [Role.LIAISON] },
  { username: 'land-handler', displayName: '郑经办人（自然资源局）', unit: 'landBureau', roles: [Role.HANDLER] },
  { username: 'hr-handler', displayName: '孙经办人（人社局）', unit: 'hrBureau', roles: [Role.HANDLER] },
  { username: 'housing-handler', displayName: '冯经办人（住建局）', unit: 'housingBureau', roles: [Role.HANDLER] },
  { username: 'deputy', displayName: '刘代表（县人大代表）', unit: 'congress', roles: [Role.DEPUTY] },
  { username: 'legal-worker', displayName: '黄律师（法制工作者）', unit: 'congress', roles: [Role.LEGAL_WORKER] },
];

/**
 * Loads the demo county once (it is recognised by its congress's unit code): a municipal congress, the
 * county congress with its 一府两院 and departments, and an account for every role. Returns the accounts
 * it created, for the start-up log; none when the demo county already exists.
 */
export async function seedDemoData(ctx: RequestContext): Promise<{ accounts: Array<{ username: string; displayName: string; roles: Role[] }>; unitIds: Record<string, string> }> {
  if (await ctx.repo(Unit).existsBy({ code: 'demo-county-rd' })) return { accounts: [], unitIds: {} };
  const ids: Record<string, string> = {};
  const unitIds: Record<string, string> = {};
  for (const u of UNITS) {
    const unit = await ctx.services.units.create(ctx, { code: u.code, name: u.name, kind: u.kind, level: u.level, parentId: u.parent ? ids[u.parent] : undefined });
    ids[u.key] = unit.id;
    unitIds[u.code] = unit.id;
  }
  for (const u of USERS) {
    await ctx.services.users.create(ctx, { username: u.username, password: DEMO_PASSWORD, displayName: u.displayName, unitId: ids[u.unit], roles: u.roles, piiAccess: u.piiAccess });
  }
  return { accounts: USERS.map(({ username, displayName, roles }) => ({ username, displayName, roles })), unitIds };
}
