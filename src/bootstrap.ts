import { randomBytes } from 'node:crypto';
import type { AppRuntime } from './app-runtime';
import { RequestContext } from './context/request-context';
import { seedDemoCases } from './demo/demo-cases';
import { DEMO_PASSWORD, seedDemoData } from './demo/demo-data';

/** A context for work the server does on its own behalf (start-up, schedulers). */
export function systemContext(runtime: AppRuntime, purpose: string): RequestContext {
  return new RequestContext(runtime, {}, purpose, 'local', runtime.logger.child({ purpose }));
}

/**
 * First-start duties: the bootstrap administrator when no user exists yet (with a generated password,
 * printed once, when none is configured), then the demo data when asked for.
 */
export async function bootstrap(runtime: AppRuntime): Promise<void> {
  const ctx = systemContext(runtime, 'bootstrap');
  const { config, logger } = runtime;
  const username = config.adminUsername ?? 'admin';
  const password = config.adminPassword ?? randomBytes(12).toString('base64url');
  const created = await ctx.transaction(() => runtime.services.users.ensureBootstrapAdmin(ctx, username, password));
  if (created) {
    if (config.adminPassword) logger.info({ username }, 'bootstrap administrator created');
    // the password goes in the message only: the logger redacts any `password` field, which would print it twice, once hidden
    else logger.warn({ username }, `bootstrap administrator "${username}" created; password shown once: ${password}`);
  }
  if (config.demoData) {
    const { accounts, unitIds } = await ctx.transaction(() => seedDemoData(ctx));
    if (accounts.length) {
      await seedDemoCases(runtime, unitIds);
      logger.info({ accounts: accounts.map((a) => `${a.username} (${a.roles.join(',')}) ${a.displayName}`), password: DEMO_PASSWORD }, `demo data loaded; every demo account's password: ${DEMO_PASSWORD}`);
    }
  }
}
