import 'reflect-metadata';
// first, so that a signal is caught from the very start
import { onStopSignal, startupCancel } from './stop-signals';
import type { Logger } from 'pino';
import { ConfigError, loadConfig, type AppConfig } from './config/config';
import { createLogger } from './logger';
import type { RunningServer } from './server';

const SHUTDOWN_TIMEOUT_MS = 15_000;

/**
 * Process entry: configuration, server, and a graceful stop on SIGTERM/SIGINT at any moment. A signal during
 * start-up cancels it at the next safe point (after the migrations, never inside one); once the server is up
 * it is drained. Either way the process exits 0.
 */
async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  let running: RunningServer | undefined;
  onStopSignal((signal, repeated) => {
    logger.info({ signal }, repeated ? 'signal received again; already stopping' : 'signal received');
    if (!repeated && running) stop(running, logger);
  });
  logger.info({ pid: process.pid }, 'starting');
  // loaded only now (it takes a while): the line above tells an operator the process is alive and listening for signals
  const { StartupAborted, StartupError, startServer } = await import('./server.js');
  try {
    if (startupCancel.signal.aborted) throw new StartupAborted();
    running = await startServer(config, logger, { signal: startupCancel.signal });
  } catch (err) {
    if (err instanceof StartupAborted) {
      logger.info('start-up cancelled by signal; nothing left running');
      process.exit(0);
    }
    if (err instanceof StartupError) {
      process.stderr.write(`启动失败 / cannot start: ${err.message}\n`);
      process.exit(1);
    }
    logger.fatal({ err }, 'start failed');
    process.exit(1);
  }
  // a signal that came while the last steps of start-up ran
  if (startupCancel.signal.aborted) stop(running, logger);
}

/** Drains the server and exits 0, or 1 when that fails or takes too long. */
function stop(server: RunningServer, logger: Logger): void {
  const force = setTimeout(() => {
    logger.error('shutdown timed out; exiting');
    process.exit(1);
  }, SHUTDOWN_TIMEOUT_MS);
  force.unref();
  server.stop().then(
    () => process.exit(0),
    (err: unknown) => {
      logger.error({ err }, 'shutdown failed');
      process.exit(1);
    },
  );
}

void main();
