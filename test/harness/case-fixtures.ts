import type { GraphQLTestClient } from './graphql-client';
import { seedCounty, seedUser, type County } from './fixtures';
import type { TestServer } from './test-server';

import { CASE_CORE, REGISTER_CASE } from './case-documents';

export { CASE_CORE, REGISTER_CASE };

export const ASSIGN_CASE = `mutation AssignCase($input: AssignCaseInput!) {
  assignCase(input: $input) { id mode role status dueAt deadlineState unit { id name } case { id status } }
}`;

/** A valid 18-digit ID number (GB 11643 check digit), the well-known sample. */
export const SAMPLE_ID = '11010519491231002X';

/** A letter as the registrar types it in; override any field. */
export function letterInput(overrides: Record<string, unknown> = {}) {
  return {
    channel: 'LETTER',
    caseType: 'CLAIM',
    receivedAt: '2026-03-31T23:30:00+08:00',
    category: '土地征收',
    summary: '反映征地补偿款未足额发放',
    content: '本人承包地于 2025 年被征收，补偿款至今未足额发放，请求依法处理。',
    petitioners: [{ name: '张三', idNumber: SAMPLE_ID, phone: '13812345678', address: '某县某镇某村 1 号' }],
    ...overrides,
  };
}

/** Registers a letter in the registrar's office and accepts it, as the office does before routing it. */
export async function acceptedCase(registrar: GraphQLTestClient, overrides: Record<string, unknown> = {}) {
  const { registerCase: c } = await registrar.ok(REGISTER_CASE, { input: letterInput(overrides) });
  expect((await registrar.ok('mutation($id: ID!) { acceptCase(id: $id) { id status } }', { id: c.id })).acceptCase.status).toBe('ACCEPTED');
  return c as { id: string; serialNo: string; queryCode: string };
}

/** A case registered, accepted and assigned (ASSIGN mode) to `unitId`, as the office routes a letter. */
export async function assignedCase(registrar: GraphQLTestClient, unitId: string, overrides: Record<string, unknown> = {}) {
  const c = await acceptedCase(registrar, overrides);
  await registrar.ok(ASSIGN_CASE, { input: { caseId: c.id, unitId, mode: 'ASSIGN' } });
  return c;
}

/** The people of one county: the office, a leader, and a liaison or handler for each body. */
export interface CountyPeople {
  county: County;
  registrar: GraphQLTestClient;
  registrarNoPii: GraphQLTestClient;
  leader: GraphQLTestClient;
  leaderId: string;
  court: GraphQLTestClient;
  procuratorate: GraphQLTestClient;
  government: GraphQLTestClient;
  land: GraphQLTestClient;
  cityRegistrar: GraphQLTestClient;
}

export async function seedCountyPeople(t: TestServer): Promise<CountyPeople> {
  const county = await seedCounty(t.admin);
  const login = async (unit: string, roles: string[], extra: Record<string, unknown> = {}) => {
    const u = await seedUser(t.admin, unit, roles, extra);
    return { id: u.id, client: await t.login(u.username, u.password) };
  };
  const leader = await login(county.congress, ['LEADER'], { piiAccess: true });
  return {
    county,
    registrar: (await login(county.congress, ['REGISTRAR'], { piiAccess: true })).client,
    registrarNoPii: (await login(county.congress, ['REGISTRAR'])).client,
    leader: leader.client,
    leaderId: leader.id,
    court: (await login(county.court, ['LIAISON'])).client,
    procuratorate: (await login(county.procuratorate, ['LIAISON'])).client,
    government: (await login(county.government, ['LIAISON'])).client,
    land: (await login(county.landBureau, ['HANDLER'])).client,
    cityRegistrar: (await login(county.cityCongress, ['REGISTRAR'])).client,
  };
}

/**
 * Time travel for deadline tests: overwrites stored columns of one row (an assignment's `assignedAt`/`dueAt`, a
 * case's `lastRepliedAt`, …) directly in the database, e.g. `setStoredColumns(t, 'assignment', id, { dueAt })`.
 * It goes through TypeORM's query builder on the entity mapped to `table` rather than a raw `dataSource.query`,
 * because better-sqlite3 cannot bind a `Date` and stores instants as text: the builder writes each engine's own
 * format (SQLite text in UTC, MySQL DATETIME with `timezone: 'Z'`). Only the setup goes around the API; the
 * behaviour under test still goes through GraphQL.
 */
export async function setStoredColumns(t: TestServer, table: string, id: string, values: Record<string, unknown>): Promise<void> {
  const ds = t.server.runtime.db.dataSource;
  const meta = ds.entityMetadatas.find((m) => m.tableName === table);
  if (!meta) throw new Error(`no entity is mapped to table ${table}`);
  const res = await ds.createQueryBuilder().update(meta.target).set(values).where('id = :id', { id }).execute();
  if (res.affected !== 1) throw new Error(`expected to update one ${table} row ${id}, updated ${res.affected}`);
}

/** `days` whole days before now (negative: after). */
export const daysAgo = (days: number, from = new Date()) => new Date(from.getTime() - days * 86_400_000);
