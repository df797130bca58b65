import type { DataSource } from 'typeorm';
import { isDeadlock } from '../src/errors/error-mapper';
import { countSql } from './harness/sql-counter';
import { ENGINE, createTestServer, type TestServer } from './harness/test-server';

// InnoDB may pick a statement that runs on its own as a deadlock's victim (the login throttle's single-row
// statements were). Such a statement is issued again; a statement inside a transaction is not, because its whole
// transaction was rolled back and only its caller can redo it.
(ENGINE === 'mysql' ? describe : describe.skip)('statements chosen as a deadlock victim (MySQL)', () => {
  let t: TestServer;
  let ds: DataSource;
  const ROWS = 60;

  beforeAll(async () => {
    t = await createTestServer();
    ds = t.server.runtime.db.dataSource;
    await ds.query('CREATE TABLE deadlock_probe (k INT PRIMARY KEY, v INT NOT NULL) ENGINE=InnoDB');
  });
  beforeEach(async () => {
    await ds.query('DELETE FROM deadlock_probe');
    await ds.query(`INSERT INTO deadlock_probe (k, v) VALUES ${Array.from({ length: ROWS }, (_, i) => `(${i + 1}, 0)`).join(', ')}`);
  });
  afterAll(async () => t?.close());

  const deadlocks = async () => Number((await ds.query("SHOW GLOBAL STATUS LIKE 'Innodb_deadlocks'"))[0].Value);
  const waitingOnProbe = async () => {
    for (let i = 0; i < 200; i++) {
      // not INNODB_LOCK_WAITS: InnoDB refreshes its information_schema copy only every 100 ms
      const [{ n }] = await ds.query("SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE INFO LIKE 'UPDATE deadlock_probe SET v = v + 10%'");
      if (Number(n) > 0) {
        // from starting the statement to holding row 1 and waiting for row 2 is a matter of microseconds
        await new Promise((r) => setTimeout(r, 50));
        return;
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error('the light statement never waited for the lock');
  };

  /** A transaction that changes rows 2…60 and then asks for row 1, held meanwhile by `light`: InnoDB rolls back the smaller party. */
  const crossLocks = async (light: () => Promise<unknown>) => {
    const heavy = ds.createQueryRunner();
    await heavy.connect();
    await heavy.startTransaction();
    try {
      await heavy.query('UPDATE deadlock_probe SET v = v + 1 WHERE k >= 2');
      const settled = light().then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => ({ ok: false as const, error }),
      );
      await waitingOnProbe();
      await heavy.query('UPDATE deadlock_probe SET v = v + 1 WHERE k = 1');
      await heavy.commitTransaction();
      return await settled;
    } finally {
      if (heavy.isTransactionActive) await heavy.rollbackTransaction();
      await heavy.release();
    }
  };
  const LIGHT = 'UPDATE deadlock_probe SET v = v + 10 WHERE k IN (1, 2)';
  /** How often the light statement went to the server while `work` ran (the server's own deadlock count is global). */
  const sendsOfLight = async <T>(work: () => Promise<T>) => {
    const counter = countSql(ds);
    try {
      const result = await work();
      return { result, sends: counter.statements.filter((s) => s === LIGHT).length };
    } finally {
      counter.stop();
    }
  };
  const values = async () => (await ds.query('SELECT k, v FROM deadlock_probe WHERE k <= 2 ORDER BY k')).map((r: { v: unknown }) => Number(r.v));

  it('issues a statement outside a transaction again, and it takes effect once', async () => {
    const before = await deadlocks();
    const { result: outcome, sends } = await sendsOfLight(() => crossLocks(() => ds.query(LIGHT)));
    expect(await deadlocks()).toBeGreaterThan(before);
    // once as the victim, once more to take effect
    expect(sends).toBe(2);
    expect(outcome.ok).toBe(true);
    expect(await values()).toEqual([11, 11]);
  });

  it('does not issue a statement inside a transaction again: the caller is told of the deadlock', async () => {
    const before = await deadlocks();
    const { result: outcome, sends } = await sendsOfLight(() => crossLocks(() => ds.transaction((m) => m.query(LIGHT))));
    expect(await deadlocks()).toBeGreaterThan(before);
    expect(sends).toBe(1);
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && isDeadlock(outcome.error)).toBe(true);
    expect(await values()).toEqual([1, 1]);
  });
});
