/**
 * `npm run similarity:rebuild`: rebuilds the similar-petition index (docs/rules.md "Similar petitions") of the
 * database `DATABASE_URL` names from its cases, in one transaction: after upgrading to the version that brought the
 * index, after restoring a backup, or after changing the text rules (src/domain/petition-text.ts). Registrations,
 * corrections and referrals keep it up to date on their own.
 */
import 'reflect-metadata';
import pino from 'pino';
import { loadConfig } from '../src/config/config';
import { RequestContext } from '../src/context/request-context';
import { startServer } from '../src/server';

async function main(): Promise<void> {
  const logger = pino({ level: 'warn' });
  const config = loadConfig({ ...process.env, PORT: '0', DEMO_DATA: '0' });
  const server = await startServer(config, logger);
  try {
    const runtime = server.runtime;
    const ctx = new RequestContext(runtime, {}, 'similarity-rebuild', 'local', logger);
    const started = Date.now();
    const n = await ctx.transaction(() => runtime.services.similarity.rebuild(ctx, (done) => done % 10000 === 0 && process.stderr.write(`[similarity:rebuild] ${done} cases\n`)));
    console.log(`indexed ${n} cases in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await server.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
