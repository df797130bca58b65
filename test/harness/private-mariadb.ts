import { freePort } from './free-port';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';

const SBIN = `${process.env.PATH}:/usr/sbin:/sbin`;

function which(...names: string[]): string | undefined {
  for (const n of names) {
    try {
      return execFileSync('sh', ['-c', `command -v ${n}`], { env: { ...process.env, PATH: SBIN } }).toString().trim() || undefined;
    } catch {
      // try the next name
    }
  }
  return undefined;
}


/**
 * A MariaDB server of one test's own (a fresh data directory, a free port on loopback), so that stopping and
 * starting it disturbs no other test. `stop()` shuts it down as an operator's restart would; `start()` brings
 * it back on the same port and data.
 */
export class PrivateMariaDb {
  private child?: ChildProcess;
  private constructor(
    readonly dir: string,
    readonly port: number,
    private readonly mysqld: string,
  ) {}

  static available(): boolean {
    return !!which('mariadbd', 'mysqld') && !!which('mariadb-install-db', 'mysql_install_db');
  }

  static async create(): Promise<PrivateMariaDb> {
    const dir = mkdtempSync(join(tmpdir(), 'mdb-'));
    const installDb = which('mariadb-install-db', 'mysql_install_db')!;
    const user = process.getuid?.() === 0 ? ['--user=root'] : [];
    execFileSync(installDb, ['--no-defaults', `--datadir=${dir}/data`, ...user, '--auth-root-authentication-method=normal', '--skip-test-db'], { stdio: 'ignore' });
    const db = new PrivateMariaDb(dir, await freePort(), which('mariadbd', 'mysqld')!);
    await db.start();
    const conn = await createConnection({ host: '127.0.0.1', port: db.port, user: 'root' });
    await conn.query('CREATE DATABASE xinfang CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci');
    await conn.end();
    return db;
  }

  get url(): string {
    return `mysql://root@127.0.0.1:${this.port}/xinfang`;
  }

  async start(): Promise<void> {
    const user = process.getuid?.() === 0 ? ['--user=root'] : [];
    this.child = spawn(
      this.mysqld,
      [
        '--no-defaults',
        ...user,
        `--datadir=${this.dir}/data`,
        `--socket=${this.dir}/mysqld.sock`,
        `--pid-file=${this.dir}/mysqld.pid`,
        `--port=${this.port}`,
        '--bind-address=127.0.0.1',
        '--skip-name-resolve',
        '--character-set-server=utf8mb4',
        '--collation-server=utf8mb4_unicode_ci',
        '--innodb-buffer-pool-size=32M',
        '--performance-schema=OFF',
        '--skip-log-bin',
        '--innodb-use-native-aio=0',
      ],
      { stdio: 'ignore' },
    );
    for (let i = 0; i < 300; i++) {
      try {
        const conn = await createConnection({ host: '127.0.0.1', port: this.port, user: 'root', connectTimeout: 1000 });
        await conn.end();
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    throw new Error('private MariaDB did not start');
  }

  /** Stops the server the way a restart does (SIGTERM, a clean InnoDB shutdown) and waits for it to exit. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }

  async destroy(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
