import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const MAIN = join(ROOT, 'dist', 'src', 'main.js');

export interface ServerProcess {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code (null when a signal ended the process). */
  exited: Promise<number | null>;
  /** Resolves with the GraphQL URL once the server logs that it is ready. */
  ready: Promise<string>;
  /** Resolves at the server's first log line: configuration read, signals caught, its modules not loaded yet. */
  starting: Promise<void>;
  /** The pid of the server itself, from its ready line (the child may be npm, in front of it). */
  serverPid: Promise<number>;
}

function watch(child: ChildProcess): ServerProcess {
  let out = '';
  let err = '';
  let onReady: (url: string) => void;
  let onStarting: () => void;
  let onPid: (pid: number) => void;
  const ready = new Promise<string>((resolve) => (onReady = resolve));
  const starting = new Promise<void>((resolve) => (onStarting = resolve));
  const serverPid = new Promise<number>((resolve) => (onPid = resolve));
  child.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
    if (out.includes('"msg":"starting"')) onStarting();
    const m = /"url":"([^"]+)","pid":(\d+)[^\n]*"msg":"server ready"/.exec(out);
    if (m) {
      onPid(Number(m[2]));
      onReady(m[1]);
    }
  });
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exited, ready, starting, serverPid };
}

/** Runs the compiled server as a real process, the way an office runs it. */
export function runServerProcess(env: NodeJS.ProcessEnv): ServerProcess {
  return watch(spawn(process.execPath, [MAIN], { env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] }));
}

/** Runs the compiled server through `npm start` (without rebuilding), as the README's quick start does. */
export function runNpmStart(env: NodeJS.ProcessEnv): ServerProcess {
  return watch(
    spawn('npm', ['start', '--ignore-scripts', '--silent'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
}

/** True while a process with this pid exists. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
