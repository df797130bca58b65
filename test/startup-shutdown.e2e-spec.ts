import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';
import { randomBytes } from 'node:crypto';
import { isRunning, runNpmStart, runServerProcess } from './harness/server-process';
import { ADMIN, createTestDatabase, testEnv } from './harness/test-server';
import { GraphQLTestClient } from './harness/graphql-client';

const base = (url: string) => url.replace(/\/graphql$/, '');
const fileDatabase = () => `sqlite:${join(mkdtempSync(join(tmpdir(), 'xinfang-sig-')), 'db.sqlite')}`;

describe('the server process', () => {
  it('refuses a malformed DATABASE_URL with one line and exit code 1', async () => {
    const p = runServerProcess({ ...testEnv('postgres://nowhere/db'), LOG_LEVEL: 'info' });
    expect(await p.exited).toBe(1);
    expect(p.stderr()).toMatch(/DATABASE_URL: .*不支持/);
    expect(p.stderr()).not.toMatch(/\n\s+at /);
  });

  it('refuses an unreachable database with a one-line explanation and exit code 1', async () => {
    const p = runServerProcess({ ...testEnv('mysql://nobody:secret@127.0.0.1:1/xinfang'), LOG_LEVEL: 'info' });
    expect(await p.exited).toBe(1);
    const lines = p.stderr().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^启动失败 \/ cannot start: 无法连接数据库 127\.0\.0\.1:1\/xinfang/);
    expect(p.stderr()).not.toContain('secret');
  });

  it('refuses a weak JWT_SECRET in production with one line and exit code 1', async () => {
    const env = { ...testEnv(fileDatabase()), NODE_ENV: 'production', JWT_SECRET: 'a'.repeat(36), PII_KEY: randomBytes(32).toString('hex'), LOG_LEVEL: 'info' };
    const p = runServerProcess(env);
    expect(await p.exited).toBe(1);
    const lines = p.stderr().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^配置错误 \/ invalid configuration: JWT_SECRET: .*随机性不足/);
    expect(p.stdout()).not.toContain('server ready');
  });

  it('exits 0 on a SIGTERM at any moment of start-up, even while its modules are still loading', async () => {
    // 0 ms: the first log line comes before the server's modules load and the database opens
    for (const delayMs of [0, 50, 150, 400, 800]) {
      const p = runServerProcess({ ...testEnv(fileDatabase()), LOG_LEVEL: 'info' });
      try {
        await p.starting;
        await new Promise((r) => setTimeout(r, delayMs));
        p.child.kill('SIGTERM');
        expect(await p.exited).toBe(0);
        if (delayMs === 0) expect(p.stdout()).not.toContain('server ready');
        expect(p.stdout()).toMatch(/"msg":"(start-up cancelled by signal; nothing left running|shut down cleanly)"/);
      } finally {
        if (p.child.exitCode === null) p.child.kill('SIGKILL');
      }
    }
  });

  it('leaves nothing running when npm start is sent SIGTERM', async () => {
    const npm = runNpmStart({ ...testEnv(fileDatabase()), LOG_LEVEL: 'info' });
    const pid = await npm.serverPid;
    try {
      expect(pid).not.toBe(npm.child.pid);
      npm.child.kill('SIGTERM');
      expect(await npm.exited).toBe(0);
      expect(npm.stdout()).toContain('"msg":"shut down cleanly"');
      expect(isRunning(pid)).toBe(false);
    } finally {
      if (isRunning(pid)) process.kill(pid, 'SIGKILL');
    }
  });

  it('prints a generated administrator password once when none is configured', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xinfang-boot-'));
    const env = { ...testEnv(`sqlite:${join(dir, 'db.sqlite')}`), ADMIN_USERNAME: '', ADMIN_PASSWORD: '', LOG_LEVEL: 'info' };
    delete (env as Record<string, string | undefined>).ADMIN_USERNAME;
    delete (env as Record<string, string | undefined>).ADMIN_PASSWORD;
    const first = runServerProcess(env);
    const url = await first.ready;
    const password = /password shown once: (\S+?)"/.exec(first.stdout())?.[1];
    expect(password).toBeDefined();
    // printed once, in the labelled message; no redacted copy beside it
    expect(first.stdout().split(password!)).toHaveLength(2);
    expect(first.stdout()).not.toContain('[redacted]');
    await new GraphQLTestClient(base(url)).login('admin', password!);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    const second = runServerProcess(env);
    await second.ready;
    expect(second.stdout()).not.toContain('password shown once');
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });

  it('serves health and readiness, then on SIGTERM drains HTTP, closes sockets and the database, and exits 0', async () => {
    const db = await createTestDatabase();
    const dir = mkdtempSync(join(tmpdir(), 'xinfang-sig-'));
    const url = db.url === 'sqlite::memory:' ? `sqlite:${join(dir, 'db.sqlite')}` : db.url;
    const p = runServerProcess({ ...testEnv(url), LOG_LEVEL: 'info' });
    try {
      const gql = await p.ready;
      expect((await request(base(gql)).get('/healthz')).body).toEqual({ status: 'ok' });
      expect((await request(base(gql)).get('/readyz')).status).toBe(200);
      const token = await new GraphQLTestClient(base(gql)).login(ADMIN.username, ADMIN.password);

      const closed = new Promise<number>((resolve) => {
        const ws = createClient({
          url: gql.replace(/^http/, 'ws'),
          webSocketImpl: WebSocket,
          connectionParams: { authorization: `Bearer ${token}` },
          retryAttempts: 0,
          // an eager socket stays open on its own; a lazy one opened by a query closes itself (1000) once the query
          // completes, which could beat the server's 1001
          lazy: false,
          on: { closed: (e) => resolve((e as { code: number }).code) },
        });
        ws.on('connected', () => p.child.kill('SIGTERM'));
      });
      expect(await closed).toBe(1001);
      expect(await p.exited).toBe(0);
      const logs = p.stdout();
      expect(logs).toContain('"msg":"signal received"');
      expect(logs).toContain('"msg":"shut down cleanly"');
      // structured JSON lines with a request id on every request log
      const requestLogs = logs
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l))
        .filter((l) => l.req);
      expect(requestLogs.length).toBeGreaterThan(0);
      expect(requestLogs.every((l) => typeof l.req.id === 'string')).toBe(true);
    } finally {
      if (p.child.exitCode === null) p.child.kill('SIGKILL');
      await db.drop();
    }
  });
});
