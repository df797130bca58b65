import { mkdtempSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REGISTER_CASE, letterInput } from './harness/case-fixtures';
import { seedCounty, seedUser } from './harness/fixtures';
import { GraphQLTestClient } from './harness/graphql-client';
import { runServerProcess } from './harness/server-process';
import { ADMIN, createTestDatabase, startTestServerOn, testEnv } from './harness/test-server';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Outcome = { status: number; body: { data?: { registerCase?: { id: string } }; errors?: Array<{ extensions?: { code?: string } }> } } | { error: string };

/**
 * One registration on a connection of its own. With `abandonAfterMs` the client goes away that long after sending
 * its request, as a browser tab closed mid-request does: the server has it and works on.
 */
function register(port: number, token: string, summary: string, abandonAfterMs?: number): Promise<Outcome> {
  const body = JSON.stringify({ query: REGISTER_CASE, variables: { input: letterInput({ summary }) } });
  return new Promise((resolve) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path: '/graphql',
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${token}` },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as never }));
        res.on('error', (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message }));
      },
    );
    req.on('error', (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message }));
    req.end(body);
    if (abandonAfterMs !== undefined) setTimeout(() => req.destroy(), abandonAfterMs);
  });
}

/**
 * SIGTERM while registrations keep coming and some clients have just gone away: every request the server took on
 * finishes (those whose clients left included) before the database closes, connections made afterwards are refused,
 * every acknowledged registration is stored, nothing is logged as failed, and the process exits 0. On SQLite, whose
 * writes queue one behind another, draining the connected requests already outlasts the abandoned ones queued before
 * them; MariaDB runs them side by side, and only there does the stop have to wait for the abandoned ones itself.
 */
describe('SIGTERM under load', () => {
  it('finishes what is in flight, refuses what comes after, loses no acknowledged write and exits 0', async () => {
    const db = await createTestDatabase();
    const url = db.url === 'sqlite::memory:' ? `sqlite:${join(mkdtempSync(join(tmpdir(), 'xinfang-stop-')), 'db.sqlite')}` : db.url;
    const p = runServerProcess(testEnv(url, { LOG_LEVEL: 'info', DEADLINE_SCAN_INTERVAL_MS: '3600000' }));
    try {
      const gql = await p.ready;
      const port = Number(new URL(gql).port);
      const anonymous = new GraphQLTestClient(gql.replace(/\/graphql$/, ''));
      const admin = anonymous.withToken(await anonymous.login(ADMIN.username, ADMIN.password));
      const county = await seedCounty(admin);
      const registrar = await seedUser(admin, county.congress, ['REGISTRAR']);
      const token = await anonymous.login(registrar.username, registrar.password);

      const acknowledged: string[] = [];
      const unexpected: unknown[] = [];
      const endedBy: string[] = [];
      let signalled = false;
      const worker = async (w: number) => {
        for (let i = 0; ; i++) {
          const r = await register(port, token, `停机压测 ${w}-${i}`);
          if ('error' in r) {
            // before the signal every request must be answered; afterwards a connection may be cut or refused
            if (!signalled) unexpected.push(r);
            if (r.error === 'ECONNREFUSED') return endedBy.push(r.error);
            await sleep(5);
          } else if (r.status === 200 && r.body.data?.registerCase) acknowledged.push(r.body.data.registerCase.id);
          else unexpected.push(r);
        }
      };
      const workers = Array.from({ length: 6 }, (_, w) => worker(w));
      while (acknowledged.length < 12) await sleep(20);

      // requests the server has taken on, whose clients leave just before the signal
      const abandoned = Array.from({ length: 8 }, (_, i) => register(port, token, `停机前离开 ${i}`, 30));
      await sleep(40);
      signalled = true;
      p.child.kill('SIGTERM');
      await Promise.all([...workers, ...abandoned]);

      expect(await p.exited).toBe(0);
      expect(unexpected).toEqual([]);
      // new connections were refused once the server stopped listening
      expect(endedBy).toEqual(Array(6).fill('ECONNREFUSED'));
      const failures = p
        .stdout()
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as { level: number; msg: string; err?: { message: string } })
        .filter((l) => l.level >= 50)
        .map((l) => `${l.msg}: ${l.err?.message ?? ''}`);
      expect(failures).toEqual([]);
      expect(p.stdout()).toContain('"msg":"shut down cleanly"');

      const after = await startTestServerOn(url, {}, db.drop);
      try {
        const stored = new Set(((await after.server.runtime.db.dataSource.query('SELECT id FROM petition_case')) as Array<{ id: string }>).map((r) => r.id));
        expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
      } finally {
        await after.close();
      }
    } finally {
      if (p.child.exitCode === null) p.child.kill('SIGKILL');
    }
  }, 90_000);
});
