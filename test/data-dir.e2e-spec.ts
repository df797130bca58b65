import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runServerProcess, type ServerProcess } from './harness/server-process';
import { ADMIN, testEnv } from './harness/test-server';
import { GraphQLTestClient } from './harness/graphql-client';
import { CREATE_UNIT } from './harness/fixtures';

// DATA_DIR holds one installation: the development secrets and, when DATABASE_URL is not set, the SQLite database.
// Two servers started with different DATA_DIRs and no DATABASE_URL must not share a database.

/** A server process with `dataDir` and the default database (no DATABASE_URL). */
function serverIn(dataDir: string): ServerProcess {
  const env: NodeJS.ProcessEnv = { ...testEnv('unused'), DATA_DIR: dataDir, LOG_LEVEL: 'info' };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  return runServerProcess(env);
}

describe('DATA_DIR', () => {
  const running: ServerProcess[] = [];
  afterAll(async () => {
    for (const p of running) {
      p.child.kill('SIGTERM');
      await p.exited;
    }
  });

  it('moves the default SQLite database with it: two instances keep apart', async () => {
    const dirs = [mkdtempSync(join(tmpdir(), 'xinfang-dd-a-')), mkdtempSync(join(tmpdir(), 'xinfang-dd-b-'))];
    running.push(...dirs.map(serverIn));
    const clients = await Promise.all(
      running.map(async (p) => {
        const base = (await p.ready).replace(/\/graphql$/, '');
        const anon = new GraphQLTestClient(base);
        return anon.withToken(await anon.login(ADMIN.username, ADMIN.password));
      }),
    );
    for (const dir of dirs) expect(existsSync(join(dir, 'xinfang.sqlite'))).toBe(true);

    await clients[0].ok(CREATE_UNIT, { input: { code: 'DD-ONLY-A', name: '只在甲实例的单位', kind: 'CONGRESS', level: 'COUNTY' } });
    const codes = async (c: GraphQLTestClient) => (await c.ok('{ units { code } }')).units.map((u: { code: string }) => u.code);
    expect(await codes(clients[0])).toContain('DD-ONLY-A');
    expect(await codes(clients[1])).not.toContain('DD-ONLY-A');
  });
});
