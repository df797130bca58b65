import type { GraphQLTestClient } from './graphql-client';
import type { TestServer } from './test-server';

export const CREATE_UNIT = `mutation CreateUnit($input: CreateUnitInput!) {
  createUnit(input: $input) { id code name kind level parent { id } }
}`;

export const CREATE_USER = `mutation CreateUser($input: CreateUserInput!) {
  createUser(input: $input) { id username displayName roles piiAccess unit { id } }
}`;

export interface County {
  cityCongress: string;
  congress: string;
  government: string;
  court: string;
  procuratorate: string;
  landBureau: string;
}

let seq = 0;
/** A unique suffix so several counties can live in one database. */
export const uniq = () => `${process.pid}-${Date.now().toString(36)}-${++seq}`;

async function unit(admin: GraphQLTestClient, input: Record<string, unknown>): Promise<string> {
  const data = await admin.ok(CREATE_UNIT, { input });
  return data.createUnit.id;
}

/** A city congress with one county under it: the county congress, its 一府两院 and a department. */
export async function seedCounty(admin: GraphQLTestClient): Promise<County> {
  const s = uniq();
  const cityCongress = await unit(admin, { code: `city-rd-${s}`, name: '某市人大常委会', kind: 'CONGRESS', level: 'CITY' });
  const congress = await unit(admin, { code: `county-rd-${s}`, name: '某县人大常委会', kind: 'CONGRESS', level: 'COUNTY', parentId: cityCongress });
  const government = await unit(admin, { code: `county-gov-${s}`, name: '某县人民政府', kind: 'GOVERNMENT', level: 'COUNTY' });
  const court = await unit(admin, { code: `county-court-${s}`, name: '某县人民法院', kind: 'COURT', level: 'COUNTY' });
  const procuratorate = await unit(admin, { code: `county-proc-${s}`, name: '某县人民检察院', kind: 'PROCURATORATE', level: 'COUNTY' });
  const landBureau = await unit(admin, { code: `county-land-${s}`, name: '某县自然资源局', kind: 'DEPARTMENT', level: 'COUNTY', parentId: government });
  return { cityCongress, congress, government, court, procuratorate, landBureau };
}

/** Creates a user with the given roles in a unit and returns its username and password. */
export async function seedUser(
  admin: GraphQLTestClient,
  unitId: string | undefined,
  roles: string[],
  extra: Record<string, unknown> = {},
): Promise<{ id: string; username: string; password: string }> {
  const username = `u-${uniq()}`;
  const password = 'pass-word-123';
  const data = await admin.ok(CREATE_USER, {
    input: { username, password, displayName: `测试用户${username.slice(-4)}`, unitId, roles, ...extra },
  });
  return { id: data.createUser.id, username, password };
}

/** A new user with `roles` in `unitId`, signed in: its id and a client carrying its token. */
export async function signedInUser(t: TestServer, unitId: string, roles: string[]): Promise<{ id: string; client: GraphQLTestClient }> {
  const u = await seedUser(t.admin, unitId, roles);
  return { id: u.id, client: await t.login(u.username, u.password) };
}

/** Another county congress under the same city (a sibling of the county). */
export async function seedSiblingCongress(admin: GraphQLTestClient, cityCongress: string): Promise<string> {
  return unit(admin, { code: `sibling-rd-${uniq()}`, name: '邻县人大常委会', kind: 'CONGRESS', level: 'COUNTY', parentId: cityCongress });
}
