/**
 * Imported first by the list and statistics benchmarks: the server they measure runs as in production.
 *
 * - Libraries that read NODE_ENV once when they are loaded (graphql-js's development-only type checks, express)
 *   must see it before anything loads them, as they do under `NODE_ENV=production node dist/src/main.js`.
 * - The process runs with `npm start`'s node flags (its heap limit among them): started without them, it starts
 *   itself again with them, so that garbage collection and the memory read (the ledger export's peak RSS) are the
 *   ones an office's server has, not those of an unlimited heap that V8 lets grow for want of pressure.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { npmStartFlags } from '../test/harness/npm-start';

process.env.NODE_ENV = 'production';

/** `npm start`'s node flags, which this process runs with. */
export const START_FLAGS = npmStartFlags(resolve(__dirname, '..', '..', 'package.json'));

if (!START_FLAGS.every((flag) => process.execArgv.includes(flag))) {
  const again = spawnSync(process.execPath, [...process.execArgv, ...START_FLAGS, ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(again.status ?? 1);
}
