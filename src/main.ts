import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/config';
import { createLogger } from './logger';
import { StartupError, startServer } from './server';

/** Process entry: configuration, server, and a graceful stop on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  let config;
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
  let server;
  try {
    server = await startServer(config, logger);
  } catch (err) {
    if (err instanceof StartupError) {
      process.stderr.write(`启动失败 / cannot start: ${err.message}\n`);
      process.exit(1);
    }
    logger.fatal({ err }, 'start failed');
    process.exit(1);
  }
  const running = server;
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'signal received');
    const force = setTimeout(() => {
      logger.error('shutdown timed out; exiting');
      process.exit(1);
    }, 15_000);
    force.unref();
    running.stop().then(
      () => process.exit(0),
      (err) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

void main();
