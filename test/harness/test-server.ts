import 'reflect-metadata';
import { createHash, randomBytes } from 'node:crypto';
import { createConnection } from 'mysql2/promise';
import pino, { type Logger } from 'pino';
import { loadConfig, parseDatabaseUrl } from '../../src/config/config';
import { startServer, type RunningServer } from '../../src/server';
import { GraphQLTestClient } from './graphql-client';

export const ADMIN = { username: 'admin', password: 'admin-password-1' };
export const TEST_JWT_SECRET = 'test-secret-'.padEnd(48, 'x');
export const TEST_PII_KEY = 'a1'.repeat(32);

/** Which engine this run targets: `DATABASE_URL=mysql://…` selects MySQL/MariaDB, anything else SQLite. */
export const ENGINE: 'sqlite' | 'mysql' = process.env.DATABASE_URL?.startsWith('mysql') ? 'mysql' : 'sqlite';

export interface TestServer {
  server: RunningServer;
  databaseUrl: string;
  baseUrl: string;
  wsUrl: string;
  /** An anonymous client. */
  client: GraphQLTestClient;
  /** A client signed in as the bootstrap administrator. */
  admin: GraphQLTestClient;
  /** Signs in and returns a client carrying the token. */
  login(username: string, password: string): Promise<GraphQLTestClient>;
  close(): Promise<void>;
}

/**
 * A database of its own for one test file: a fresh in-memory SQLite database, or on MySQL a freshly
 * created schema on the server `DATABASE_URL` names, dropped again at the end.
 */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  if (ENGINE === 'sqlite') return { url: 'sqlite::memory:', drop: async () => undefined };
  const base = parseDatabaseUrl(process.env.DATABASE_URL!);
  if (typeof base === 'string') throw new Error(base);
  const name = `xinfang_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new URL(process.env.DATABASE_URL!);
  admin.pathname = '/';
  const conn = await createConnection({ uri: admin.toString() });
  await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await conn.end();
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = await createConnection({ uri: admin.toString() });
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
    },
  };
}

/** The environment a test server runs with; `overrides` win. */
export function testEnv(databaseUrl: string, overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
    // servers of one test database share their events, as the instances of one deployment do; the other test files
    // running beside them on the same Redis are other deployments, whose unit changes and events are not theirs
    REDIS_CHANNEL_PREFIX: `test-${createHash('sha1').update(databaseUrl).digest('hex').slice(0, 12)}:`,
    JWT_SECRET: TEST_JWT_SECRET,
    PII_KEY: TEST_PII_KEY,
    ADMIN_USERNAME: ADMIN.username,
    ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'silent',
    ...overrides,
  };
}

/** Boots the real server (HTTP + WebSocket) on a free port against a database of its own. */
export async function createTestServer(overrides: Record<string, string> = {}, opts: { logger?: Logger } = {}): Promise<TestServer> {
  const db = await createTestDatabase();
  return startTestServerOn(db.url, overrides, db.drop, opts);
}

/**
 * Boots a server on an existing database, e.g. a second instance beside one from `createTestServer`
 * (for SQLite that needs a file database, not `:memory:`). `onClose` runs after it stops.
 */
export async function startTestServerOn(
  databaseUrl: string,
  overrides: Record<string, string> = {},
  onClose: () => Promise<void> = async () => undefined,
  opts: { logger?: Logger } = {},
): Promise<TestServer> {
  const db = { url: databaseUrl, drop: onClose };
  const config = loadConfig(testEnv(db.url, overrides));
  const logger = opts.logger ?? pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const server = await startServer(config, logger);
  const baseUrl = `http://127.0.0.1:${server.port}`;
  const client = new GraphQLTestClient(baseUrl);
  const login = async (username: string, password: string) => client.withToken(await client.login(username, password));
  return {
    server,
    databaseUrl: db.url,
    baseUrl,
    wsUrl: `ws://127.0.0.1:${server.port}/graphql`,
    client,
    admin: await login(ADMIN.username, ADMIN.password),
    login,
    close: async () => {
      await server.stop();
      await db.drop();
    },
  };
}
