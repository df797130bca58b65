import { createTestServer, ENGINE, type TestServer } from './harness/test-server';

describe(`database schema on ${ENGINE}`, () => {
  let t: TestServer;

  beforeAll(async () => {
    t = await createTestServer();
  });
  afterAll(() => t?.close());

  it('comes entirely from the committed migrations: nothing the entities declare is missing', async () => {
    const ds = t.server.runtime.db.dataSource;
    expect(ds.options.synchronize).toBe(false);
    expect(await ds.showMigrations()).toBe(false);
    const pending = await ds.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('can roll every migration back and forward again', async () => {
    const ds = t.server.runtime.db.dataSource;
    const count = ds.migrations.length;
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) await ds.undoLastMigration({ transaction: 'each' });
    expect(await ds.showMigrations()).toBe(true);
    await ds.runMigrations({ transaction: 'each' });
    expect((await ds.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
  });
});
