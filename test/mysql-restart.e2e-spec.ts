import request from 'supertest';
import { REGISTER_CASE, letterInput, seedCountyPeople, type CountyPeople } from './harness/case-fixtures';
import { PrivateMariaDb } from './harness/private-mariadb';
import { ENGINE, startTestServerOn, type TestServer } from './harness/test-server';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * MariaDB restarted under load (the MySQL run only; it uses a server of its own): while the database is down,
 * requests fail fast with SERVICE_UNAVAILABLE and /readyz answers 503; the pool recovers by itself; and every
 * registration that was acknowledged is in the database afterwards.
 */
const maybe = ENGINE === 'mysql' && PrivateMariaDb.available() ? describe : describe.skip;

maybe('MariaDB restarted under load', () => {
  let db: PrivateMariaDb;
  let t: TestServer;
  let p: CountyPeople;

  beforeAll(async () => {
    db = await PrivateMariaDb.create();
    t = await startTestServerOn(db.url, { DEADLINE_SCAN_INTERVAL_MS: '3600000' }, () => db.destroy());
    p = await seedCountyPeople(t);
  }, 120_000);
  afterAll(() => t?.close());

  it('fails fast while down, recovers by itself, and loses no acknowledged write', async () => {
    const acknowledged: string[] = [];
    const refusals = new Map<string, number>();
    let running = true;
    const worker = async () => {
      while (running) {
        const res = await p.registrar.query(REGISTER_CASE, { input: letterInput({ summary: '重启期间登记' }) });
        if (res.data?.registerCase) acknowledged.push(res.data.registerCase.id);
        else {
          const code = String(res.errors?.[0]?.extensions?.code);
          refusals.set(code, (refusals.get(code) ?? 0) + 1);
          await sleep(50);
        }
      }
    };
    const workers = Array.from({ length: 4 }, worker);
    await sleep(800);
    const before = acknowledged.length;
    expect(before).toBeGreaterThan(0);

    await db.stop();
    const started = Date.now();
    const down = await p.registrar.query('{ cases(first: 1) { totalCount } }');
    expect(down.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(Date.now() - started).toBeLessThan(3000);
    expect((await request(t.baseUrl).get('/readyz')).status).toBe(503);
    expect((await request(t.baseUrl).get('/healthz')).status).toBe(200);
    await sleep(500);

    await db.start();
    let recovered = false;
    for (let i = 0; i < 100 && !recovered; i++) {
      recovered = !(await p.registrar.query('{ cases(first: 1) { totalCount } }')).errors;
      if (!recovered) await sleep(100);
    }
    expect(recovered).toBe(true);
    expect((await request(t.baseUrl).get('/readyz')).status).toBe(200);
    const afterRestart = acknowledged.length;
    await sleep(800);
    running = false;
    await Promise.all(workers);
    expect(acknowledged.length).toBeGreaterThan(afterRestart);

    // the only refusals were "unavailable": no INTERNAL, no half-written record
    expect([...refusals.keys()].filter((c) => c !== 'SERVICE_UNAVAILABLE')).toEqual([]);
    const stored = await t.server.runtime.db.dataSource.query('SELECT id FROM petition_case');
    const ids = new Set((stored as Array<{ id: string }>).map((r) => r.id));
    expect(acknowledged.filter((id) => !ids.has(id))).toEqual([]);
  }, 120_000);
});
