import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { ENGINE, createTestDatabase } from './harness/test-server';

// The README's tour, pasted as a newcomer pastes it: the block marked ```bash tour-server starts the server exactly as
// written, and the blocks marked ```bash tour run in order in one bash, unedited, against that fresh server. Only
// the environment differs from a newcomer's: a free port, a data folder of its own, and on MariaDB a fresh database.

const ROOT = join(__dirname, '..');

/** The commands of every fenced block whose info string is exactly `lang`, in the order they appear. */
export function fencedBlocks(markdown: string, lang: string): string[] {
  const blocks: string[] = [];
  const fence = /^```([^\n]*)\n([\s\S]*?)^```$/gm;
  for (let m = fence.exec(markdown); m; m = fence.exec(markdown)) if (m[1].trim() === lang) blocks.push(m[2]);
  return blocks;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

async function waitReady(base: string, server: ChildProcess, log: () => string): Promise<void> {
  const until = Date.now() + 90_000;
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode}):\n${log()}`);
    try {
      if ((await request(base).get('/readyz')).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server did not become ready:\n${log()}`);
}

describe('the README tour', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  let server: ChildProcess | undefined;
  let dropDatabase: () => Promise<void> = async () => undefined;

  afterAll(async () => {
    if (server?.pid && server.exitCode === null) {
      const exited = new Promise((r) => server!.once('exit', r));
      // npm runs the server as its child: stop the whole group this test started
      process.kill(-server.pid, 'SIGTERM');
      await exited;
    }
    await dropDatabase();
  });

  it('has one server command and the tour blocks', () => {
    expect(fencedBlocks(readme, 'bash tour-server')).toHaveLength(1);
    expect(fencedBlocks(readme, 'bash tour').length).toBeGreaterThanOrEqual(2);
  });

  it('runs as pasted against a fresh server, from login to the petitioner rating the answer', async () => {
    const [serverBlock] = fencedBlocks(readme, 'bash tour-server');
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), 'xinfang-tour-'));
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'info' };
    if (ENGINE === 'mysql') {
      const db = await createTestDatabase();
      dropDatabase = db.drop;
      Object.assign(env, { DATABASE_URL: db.url, ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}) });
    }
    // the test run has just compiled the server (test/harness/global-setup.js): npm start need not build it again
    env.npm_config_ignore_scripts = 'true';
    let log = '';
    server = spawn('bash', ['-c', serverBlock], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    server.stdout!.on('data', (d: Buffer) => (log += d.toString()));
    server.stderr!.on('data', (d: Buffer) => (log += d.toString()));
    await waitReady(`http://127.0.0.1:${port}`, server, () => log);
    expect(log).toMatch(/demo data loaded/);

    const tour = fencedBlocks(readme, 'bash tour').join('\n');
    const run = spawnSync('bash', ['-c', `set -euo pipefail\n${tour}`], {
      cwd: mkdtempSync(join(tmpdir(), 'xinfang-tour-cwd-')),
      env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: String(port) },
      encoding: 'utf8',
      timeout: 60_000,
    });
    const output = `${run.stdout}\n${run.stderr}`;
    if (run.status !== 0) throw new Error(`the tour failed (exit ${run.status}):\n${output}`);
    expect(output).not.toMatch(/"errors"/);
    expect(output).not.toMatch(/: null|"null"/);
    expect(run.stdout).toMatch(/"satisfaction": "SATISFIED"/);
    expect(run.stdout).toMatch(/"status": "CLOSED"/);
    // the demo's concluded joint meeting shows its approved wording, and its minutes download as a Word file
    expect(run.stdout).toMatch(/"status": "APPROVED"/);
    expect(run.stdout).toMatch(/minutes\.docx/);
    // today's reception day, a group visit registered at it, and its flash report, listed and printed
    expect(run.stdout).toMatch(/"place": "示范县人大常委会信访接待室"/);
    expect(run.stdout).toMatch(/"kind": "GROUP_VISIT"/);
    expect(run.stdout).toMatch(/"personCount": 7/);
    expect(run.stdout).toMatch(/flash-report\.docx/);
  }, 180_000);
});
