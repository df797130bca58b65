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
import { existsSync, readFileSync } from 'node:fs';
import { constants } from 'node:os';
import { resolve } from 'node:path';
import { loadConfig, type AppConfig } from '../src/config/config';
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

/**
 * The production configuration of a server over the data set `npm run bench:data` generated in `databaseUrl`, with the
 * secrets the generator wrote it with (its development configuration's, in DATA_DIR or ./data): the users' passwords
 * and the masked petitioner fields only open with them. `overrides` are further environment variables.
 */
export function generatedDataConfig(databaseUrl: string, overrides: NodeJS.ProcessEnv = {}): AppConfig {
  const secretsFile = resolve(process.env.DATA_DIR ?? 'data', 'secrets.json');
  if (!existsSync(secretsFile)) throw new Error(`${secretsFile}: the secrets the data was generated with are missing; run \`npm run bench:data\` from this folder`);
  const secrets = JSON.parse(readFileSync(secretsFile, 'utf8')) as { jwtSecret: string; piiKey: string };
  return loadConfig({
    ...process.env,
    NODE_ENV: 'production',
    PORT: '0',
    DATABASE_URL: databaseUrl,
    DEMO_DATA: '0',
    LOG_LEVEL: 'warn',
    JWT_SECRET: secrets.jwtSecret,
    PII_KEY: secrets.piiKey,
    ...overrides,
  });
}
