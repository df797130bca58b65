import { expectErrorCode } from './harness/graphql-client';
import { CREATE_UNIT, seedCounty, uniq, type County } from './harness/fixtures';
import { createTestServer, type TestServer } from './harness/test-server';

const UNITS = `query Units($filter: UnitFilter) { units(filter: $filter) { id code name kind level parent { id name } } }`;

describe('units: the directory of bodies and its hierarchy', () => {
  let t: TestServer;
  let county: County;

  beforeAll(async () => {
    t = await createTestServer();
    county = await seedCounty(t.admin);
  });
  afterAll(() => t?.close());

  it('lists the bodies below a unit and resolves each parent', async () => {
    const { units } = await t.admin.ok(UNITS, { filter: { parentId: county.government } });
    expect(units).toEqual([expect.objectContaining({ id: county.landBureau, kind: 'DEPARTMENT', parent: expect.objectContaining({ id: county.government }) })]);
    const { unit } = await t.admin.ok('query($id: ID!) { unit(id: $id) { id children { id } parent { id parent { id } } } }', { id: county.congress });
    expect(unit.parent).toEqual({ id: county.cityCongress, parent: null });
    const { unit: city } = await t.admin.ok('query($id: ID!) { unit(id: $id) { children { id } } }', { id: county.cityCongress });
    expect(city.children.map((c: { id: string }) => c.id)).toEqual([county.congress]);
  });

  it('filters by kind and level, superior levels first', async () => {
    const { units: courts } = await t.admin.ok(UNITS, { filter: { kind: 'COURT' } });
    expect(courts.map((u: { id: string }) => u.id)).toContain(county.court);
    expect(courts.every((u: { kind: string }) => u.kind === 'COURT')).toBe(true);
    const { units: congresses } = await t.admin.ok(UNITS, { filter: { kind: 'CONGRESS' } });
    const levels = congresses.map((u: { level: string }) => u.level);
    expect(levels.indexOf('CITY')).toBeLessThan(levels.lastIndexOf('COUNTY'));
  });

  it('is readable by any signed-in user and by nobody else', async () => {
    expectErrorCode(await t.client.query(UNITS), 'UNAUTHENTICATED');
  });

  it('refuses placements that contradict the hierarchy', async () => {
    const s = uniq();
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ code: `d-${s}`, name: '某局', kind: 'DEPARTMENT', level: 'COUNTY' }, 'BAD_USER_INPUT', 'parentId'],
      [{ code: `d2-${s}`, name: '某局', kind: 'DEPARTMENT', level: 'COUNTY', parentId: county.court }, 'BAD_USER_INPUT', 'parentId'],
      [{ code: `c-${s}`, name: '某省人大', kind: 'CONGRESS', level: 'PROVINCE', parentId: county.congress }, 'BAD_USER_INPUT', 'parentId'],
      [{ code: `c2-${s}`, name: '某乡人大', kind: 'CONGRESS', level: 'TOWNSHIP', parentId: county.cityCongress }, 'BAD_USER_INPUT', 'parentId'],
      [{ code: `p-${s}`, name: '某单位', kind: 'OTHER', level: 'COUNTY', parentId: '00000000-0000-0000-0000-000000000000' }, 'NOT_FOUND', 'parentId'],
    ];
    for (const [input, code, field] of cases) expectErrorCode(await t.admin.query(CREATE_UNIT, { input }), code, field);
    const township = await t.admin.ok(CREATE_UNIT, { input: { code: `t-${s}`, name: '某镇人大主席团', kind: 'CONGRESS', level: 'TOWNSHIP', parentId: county.congress } });
    expect(township.createUnit.parent.id).toBe(county.congress);
  });

  it('refuses a duplicate code on that field and bad codes and names', async () => {
    const { units } = await t.admin.ok(UNITS, { filter: { kind: 'COURT' } });
    const taken = units[0].code;
    expectErrorCode(await t.admin.query(CREATE_UNIT, { input: { code: taken, name: '另一法院', kind: 'COURT', level: 'COUNTY' } }), 'ALREADY_EXISTS', 'code');
    expectErrorCode(await t.admin.query(CREATE_UNIT, { input: { code: 'has space', name: '某单位', kind: 'OTHER', level: 'COUNTY' } }), 'BAD_USER_INPUT', 'code');
    expectErrorCode(await t.admin.query(CREATE_UNIT, { input: { code: `n-${uniq()}`, name: '   ', kind: 'OTHER', level: 'COUNTY' } }), 'BAD_USER_INPUT', 'name');
    const wrongEnum = await t.admin.query(CREATE_UNIT, { input: { code: `e-${uniq()}`, name: '某单位', kind: 'PALACE', level: 'COUNTY' } });
    expectErrorCode(wrongEnum, 'BAD_USER_INPUT');
  });
});
