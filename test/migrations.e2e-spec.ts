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

  // TypeORM's comparison above ignores character sets and collations, so the columns that declare one are checked here
  (ENGINE === 'mysql' ? it : it.skip)('gives every column the character set and collation its entity declares (MySQL)', async () => {
    const ds = t.server.runtime.db.dataSource;
    const declared = ds.entityMetadatas.flatMap((e) => e.columns.filter((c) => c.collation).map((c) => ({ table: e.tableName, column: c.databaseName, charset: c.charset, collation: c.collation })));
    expect(declared).toContainEqual({ table: 'similarity_posting', column: 'caseId', charset: 'ascii', collation: 'ascii_bin' });
    for (const d of declared) {
      const [row] = await ds.query('SELECT CHARACTER_SET_NAME AS charset, COLLATION_NAME AS collation FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND COLUMN_NAME = ?', [d.table, d.column]);
      expect({ ...d, ...row }).toEqual(d);
    }
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
