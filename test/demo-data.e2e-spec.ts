import { createTestServer, type TestServer } from './harness/test-server';

describe('demo data (DEMO_DATA=1)', () => {
  let t: TestServer;

  beforeAll(async () => {
    t = await createTestServer({ DEMO_DATA: '1' });
  });
  afterAll(() => t?.close());

  it('loads a county congress under a city congress with its 一府两院 and departments', async () => {
    const { units } = await t.admin.ok('{ units { code kind level parent { code } } }');
    const byCode = Object.fromEntries(units.map((u: { code: string }) => [u.code, u]));
    expect(byCode['demo-county-rd']).toMatchObject({ kind: 'CONGRESS', level: 'COUNTY', parent: { code: 'demo-city-rd' } });
    for (const kind of ['GOVERNMENT', 'COURT', 'PROCURATORATE']) {
      expect(units.some((u: { kind: string; level: string }) => u.kind === kind && u.level === 'COUNTY')).toBe(true);
    }
    expect(units.filter((u: { parent: { code: string } | null }) => u.parent?.code === 'demo-county-gov').length).toBeGreaterThanOrEqual(2);
  });

  it('has a working account for every role', async () => {
    const { users } = await t.admin.ok('{ users { username roles } }');
    const roles = new Set(users.flatMap((u: { roles: string[] }) => u.roles));
    for (const role of ['ADMIN', 'REGISTRAR', 'LEADER', 'HANDLER', 'LIAISON', 'DEPUTY', 'LEGAL_WORKER', 'VIEWER']) expect(roles).toContain(role);
    const registrar = await t.login('registrar', 'Demo@2026');
    expect((await registrar.ok('{ me { unit { code } } }')).me.unit.code).toBe('demo-county-rd');
  });
});
