import { randomBytes } from 'node:crypto';
import { createConnection, type Connection } from 'mysql2/promise';
import { REGISTER_CASE, letterInput, seedCountyPeople, type CountyPeople } from './harness/case-fixtures';
import { docxText, download } from './harness/download';
import { readZipEntry } from './harness/zip-reader';
import { ENGINE, createTestDatabase, startTestServerOn, type TestServer } from './harness/test-server';

/**
 * Read replicas (DATABASE_REPLICA_URLS): the "replica" is the same MariaDB database reached as a second user who may
 * only SELECT, table by table, so that taking one table away shows which reads go through it. Creating that user needs
 * the server's root socket (CI_MYSQL_SOCKET, exported by .ci/services.sh); without it the test is skipped.
 */
const SOCKET = process.env.CI_MYSQL_SOCKET;
const maybe = ENGINE === 'mysql' && SOCKET ? describe : describe.skip;

const STATISTICS = 'query($input: StatisticsInput!) { statistics(input: $input) { totalReceived visits { batches replied } sentence } }';
const BULLETIN = 'query { bulletin(year: 2026, quarter: 1) { statistics { totalReceived } typicalCases { id } } }';
const REPLY = 'mutation($i: ReplyInput!) { replyToPetitioner(input: $i) { id } }';
const MARCH = { from: '2026-03-01', to: '2026-04-01' };
const LEDGER = '/exports/ledger.csv?from=2026-03-01&to=2026-04-01';

maybe('reports on read replicas (MariaDB)', () => {
  let t: TestServer;
  let p: CountyPeople;
  let root: Connection;
  let database: string;
  const user = `xf_ro_${randomBytes(4).toString('hex')}`;
  const password = randomBytes(12).toString('hex');
  let caseId: string;

  const grant = (table: string) => root.query(`GRANT SELECT ON \`${database}\`.\`${table}\` TO '${user}'@'127.0.0.1'`);
  const revoke = (table: string) => root.query(`REVOKE SELECT ON \`${database}\`.\`${table}\` FROM '${user}'@'127.0.0.1'`);

  beforeAll(async () => {
    root = await createConnection({ socketPath: SOCKET, user: 'root' });
    const db = await createTestDatabase();
    const primary = new URL(db.url);
    database = primary.pathname.slice(1);
    // the user exists before the server starts; its SELECT grants come once the migrations have made the tables
    await root.query(`CREATE USER '${user}'@'127.0.0.1' IDENTIFIED BY '${password}'`);
    const replica = new URL(db.url);
    replica.username = user;
    replica.password = password;
    t = await startTestServerOn(db.url, { DATABASE_REPLICA_URLS: replica.toString() }, async () => {
      await db.drop();
      await root.query(`DROP USER IF EXISTS '${user}'@'127.0.0.1'`);
      await root.end();
    });
    const [tables] = await root.query('SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?', [database]);
    for (const { name } of tables as Array<{ name: string }>) await grant(name);

    p = await seedCountyPeople(t);
    const { registerCase } = await p.registrar.ok(REGISTER_CASE, { input: letterInput({ channel: 'VISIT', personCount: 3, receivedAt: '2026-03-10T09:00:00+08:00', isTypical: true }) });
    caseId = registerCase.id;
    await p.registrar.ok('mutation($id: ID!) { acceptCase(id: $id) { id } }', { id: caseId });
    await p.registrar.ok(REPLY, { i: { caseId, body: '经了解，现答复如下：已转有关部门依法处理。', method: 'WRITTEN', outcome: 'EXPLAINED' } });
  });
  afterAll(() => t?.close());

  it('answers statistics, the bulletin and the ledger through the read-only user', async () => {
    const { statistics } = await p.registrar.ok(STATISTICS, { input: MARCH });
    expect(statistics).toMatchObject({ totalReceived: 1, visits: { batches: 1, replied: 1 } });
    const { bulletin } = await p.registrar.ok(BULLETIN);
    expect(bulletin).toEqual({ statistics: { totalReceived: 1 }, typicalCases: [{ id: caseId }] });
    const ledger = await download(t.baseUrl, LEDGER, p.registrarNoPii.token);
    expect(ledger.status).toBe(200);
    expect((ledger.body as Buffer).toString('utf8').trim().split(/\r?\n/)).toHaveLength(2);
  });

  it('reads reports from the replica and everything else from the primary: a table the replica user loses breaks only the reports', async () => {
    await revoke('reply');
    try {
      const stats = await p.registrar.query(STATISTICS, { input: MARCH });
      expect(stats.errors?.[0]?.extensions?.code).toBe('INTERNAL');
      expect((await p.registrar.query(BULLETIN)).errors?.[0]?.extensions?.code).toBe('INTERNAL');
      // the ledger's rows are read after its headers went out: the download breaks off
      await expect(download(t.baseUrl, LEDGER, p.registrarNoPii.token).then((r) => r.status)).rejects.toThrow();
      // lists, reads and writes (and the reads inside a mutation's transaction) stay on the primary
      const { case: c } = await p.registrar.ok('query($id: ID!) { case(id: $id) { replies { id } timeline { type } } }', { id: caseId });
      expect(c.replies).toHaveLength(1);
      await p.registrar.ok(REPLY, { i: { caseId, body: '补充答复：已再次督促有关部门办理。', method: 'PHONE', outcome: 'EXPLAINED' } });
      const { cases } = await p.registrar.ok('{ cases(first: 10) { totalCount } }');
      expect(cases.totalCount).toBe(1);
    } finally {
      await grant('reply');
    }
    expect((await p.registrar.ok(STATISTICS, { input: MARCH })).statistics.visits.replied).toBe(1);
  });

  it('refuses a write through the replica connection, and keeps the audit of a full phone on the primary', async () => {
    const db = t.server.runtime.db;
    await expect(db.onReplica((m) => m.query('DELETE FROM reply'))).rejects.toThrow(/command denied/i);
    await expect(db.onReplica((m) => m.query("UPDATE petition_case SET summary = 'x'"))).rejects.toThrow(/command denied/i);
    const audited = async () => Number((await db.dataSource.query('SELECT COUNT(*) AS n FROM pii_access_log'))[0].n);
    const before = await audited();
    // the registrar holding the PII permission gets phones in full, each read audited in a transaction of its own
    const ledger = await download(t.baseUrl, LEDGER, p.registrar.token);
    expect(ledger.status).toBe(200);
    expect((ledger.body as Buffer).toString('utf8')).toContain('13812345678');
    expect(await audited()).toBe(before + 1);
  });

  // a replica may lag behind: the figures can, the words the office has just saved cannot
  it('reads the office’s saved summary from the primary, so the bulletin and its Word file show it at once', async () => {
    await revoke('bulletin_summary');
    try {
      const SAVE = 'mutation($input: BulletinSummaryInput!) { saveBulletinSummary(input: $input) { summary docxUrl } }';
      const { saveBulletinSummary: saved } = await p.registrar.ok(SAVE, { input: { year: 2026, quarter: 1, summary: '第一季度小结：刚刚保存。' } });
      expect(saved.summary).toBe('第一季度小结：刚刚保存。');
      expect((await p.registrar.ok('query { bulletin(year: 2026, quarter: 1) { summary statistics { totalReceived } } }')).bulletin).toEqual({
        summary: '第一季度小结：刚刚保存。',
        statistics: { totalReceived: 1 },
      });
      const docx = await download(t.baseUrl, saved.docxUrl, p.registrar.token);
      expect(docx.status).toBe(200);
      expect(docxText(readZipEntry(docx.body as Buffer, 'word/document.xml')!).split('\n')).toContain('第一季度小结：刚刚保存。');
    } finally {
      await grant('bulletin_summary');
    }
  });
});
