import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { delimiter, join } from 'node:path';
import { sleep } from './stats';

/** The Redis the benchmark publishes through, and how to let go of it. */
export interface BenchRedis {
  url: string;
  /** For the report: where it came from, without credentials. */
  description: string;
  stop(): Promise<void>;
}

function which(binary: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, binary);
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
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

function run(file: string, args: string[]): Promise<string> {
  return new Promise((resolve) => execFile(file, args, { timeout: 2000 }, (_err, stdout) => resolve(String(stdout ?? '').trim())));
}

/** PING over a bare socket, for when redis-cli is not installed. */
function tcpPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (d) => done(d.toString().startsWith('+PONG')));
  });
}

const redact = (url: string) => url.replace(/\/\/[^@/]*@/, '//***@');

/**
 * `BENCH_REDIS_URL` or `REDIS_URL` when set; otherwise a private `redis-server` on a free loopback port
 * (no persistence) when the binary is installed; otherwise undefined and the Redis run is skipped.
 * A private server keeps other processes' events off the channels the benchmark listens to.
 */
export async function obtainRedis(log: (line: string) => void): Promise<BenchRedis | undefined> {
  const given = process.env.BENCH_REDIS_URL || process.env.REDIS_URL;
  if (given) return { url: given, description: `external Redis ${redact(given)}`, stop: async () => undefined };

  const server = which('redis-server');
  if (!server) {
    log('note: no BENCH_REDIS_URL/REDIS_URL and no redis-server on PATH; skipping the Redis run');
    return undefined;
  }
  const cli = which('redis-cli');
  const port = await freePort();
  const version = (await run(server, ['--version'])).match(/v=(\S+)/)?.[1] ?? 'unknown version';
  const child: ChildProcess = spawn(server, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let exited = false;
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  child.on('exit', () => (exited = true));
  // last resort for every way out (safety limit, failure): never leave a private redis-server behind
  const killOnExit = () => {
    if (!exited) child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  const stop = async () => {
    if (exited) return;
    const gone = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill('SIGTERM');
    await Promise.race([gone, sleep(3000)]);
    if (!exited) child.kill('SIGKILL');
    process.removeListener('exit', killOnExit);
  };
  for (let attempt = 0; attempt < 50 && !exited; attempt++) {
    const up = cli ? (await run(cli, ['-h', '127.0.0.1', '-p', String(port), 'ping'])) === 'PONG' : await tcpPing(port);
    if (up) return { url: `redis://127.0.0.1:${port}`, description: `private redis-server ${version} on loopback (no persistence)`, stop };
    await sleep(100);
  }
  await stop();
  log(`note: could not start redis-server (${stderr.trim().split('\n')[0] || 'no answer to PING'}); skipping the Redis run`);
  return undefined;
}
