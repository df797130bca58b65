import { randomUUID } from 'node:crypto';
import { Unit } from '../src/entities/unit.entity';
import { UnitKind, UnitLevel } from '../src/entities/unit-kind.enum';
import { createTestServer, ENGINE, type TestServer } from './harness/test-server';

const UNITS = 'query { units { id name } }';

/**
 * No request sees another's uncommitted writes (on SQLite all requests share one connection, so a read issued
 * while a transaction is open must wait for it). The writer here is a transaction opened through the same
 * database layer the mutations use; the reader is an ordinary request over HTTP.
 */
describe(`isolation between requests (${ENGINE})`, () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await createTestServer();
  });
  afterAll(() => t?.close());

  it('a read during another request\'s open transaction does not see its rows, and after the rollback they are gone', async () => {
    const name = `未提交的单位-${Date.now()}`;
    const holder = { afterCommitQueue: [] as Array<() => void> };
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let inserted!: () => void;
    const written = new Promise<void>((r) => (inserted = r));
    const writer = t.server.runtime.db
      .transaction(holder, async () => {
        await (holder as { transactionManager?: import('typeorm').EntityManager }).transactionManager!.getRepository(Unit).insert({
          id: randomUUID(),
          code: `uncommitted-${Date.now()}`,
          name,
          kind: UnitKind.GOVERNMENT,
          level: UnitLevel.COUNTY,
          parentId: null,
        } as never);
        inserted();
        await held;
        throw new Error('roll back');
      })
      .catch((e: Error) => e.message);

    await written;
    const reading = t.admin.ok(UNITS);
    // give the read every chance to run while the transaction is open
    await new Promise((r) => setTimeout(r, 300));
    release();
    const [outcome, read] = await Promise.all([writer, reading]);
    expect(outcome).toBe('roll back');
    expect(read.units.map((u: { name: string }) => u.name)).not.toContain(name);
    expect((await t.admin.ok(UNITS)).units.map((u: { name: string }) => u.name)).not.toContain(name);
  });
});
