/**
 * Imported first by the list and statistics benchmarks: the server they measure runs as in production.
 *
 * - Libraries that read NODE_ENV once when they are loaded (graphql-js's development-only type checks, express)
 *   must see it before anything loads them, as they do under `NODE_ENV=production node dist/src/main.js`.
 * - The process runs with `npm start`'s node flags (its heap limit among them), so that garbage collection is not
 *   that of an unlimited heap which V8 lets grow for want of pressure. The benchmark's own side (the load it reads,
 *   the raw endpoint of the list, the ledger's download) lives in the same process and under the same limit, so
 *   its figures are those of the server and the harness together.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { resolve } from 'node:path';
import { npmStartFlags } from '../test/harness/npm-start';

process.env.NODE_ENV = 'production';

/** `npm start`'s node flags, which this process runs with. */
export const START_FLAGS = npmStartFlags(resolve(__dirname, '..', '..', 'package.json'));

const nameOf = (flag: string) => flag.split('=')[0];

/**
 * Runs `main` in this process when it has `npm start`'s flags (a flag given on the command line under the same name,
 * another heap limit say, counts and is kept); otherwise runs this benchmark again as a child with the missing
 * flags, passing SIGINT and SIGTERM on to it, and exits as the child exits.
 */
export function withStartFlags(main: () => Promise<void>): Promise<void> {
  const missing = START_FLAGS.filter((flag) => !process.execArgv.some((given) => nameOf(given) === nameOf(flag)));
  if (!missing.length) return main();
  const child = spawn(process.execPath, [...process.execArgv, ...missing, ...process.argv.slice(1)], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  return new Promise((_, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => process.exit(code ?? 128 + (signal ? constants.signals[signal] : 1)));
  });
}
