import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { ConfigError, estimatedBits, loadConfig, parseDatabaseUrl } from './config';

const SECRETS = { JWT_SECRET: 'j'.repeat(32), PII_KEY: 'ab'.repeat(32) };
/** Secrets as an operator following the README generates them. */
const STRONG = () => ({ JWT_SECRET: randomBytes(32).toString('base64'), PII_KEY: randomBytes(32).toString('hex') });

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('configuration', () => {
  it('has working defaults for a single PC', () => {
    const c = loadConfig({ ...SECRETS });
    expect(c.port).toBe(4000);
    expect(c.database).toEqual({ engine: 'sqlite', path: join(process.cwd(), 'data', 'xinfang.sqlite') });
    expect(c.officeTimeZone).toBe('Asia/Shanghai');
    expect(c.tokenTtlSeconds).toBe(8 * 3600);
    expect(c.deadlineScanIntervalMs).toBe(60000);
    expect(c.redisUrl).toBeUndefined();
    expect(c.redisChannelPrefix).toBe('xinfang:');
    expect(c.graphiql).toBe(true);
  });

  it('keeps the GraphiQL page off in production unless switched on', () => {
    expect(loadConfig({ ...STRONG(), NODE_ENV: 'production' }).graphiql).toBe(false);
    expect(loadConfig({ ...STRONG(), NODE_ENV: 'production', GRAPHIQL: '1' }).graphiql).toBe(true);
    expect(loadConfig({ ...SECRETS, GRAPHIQL: '0' }).graphiql).toBe(false);
  });

  it('reads the database address forms the README lists', () => {
    expect(parseDatabaseUrl('sqlite::memory:')).toEqual({ engine: 'sqlite', path: ':memory:' });
    expect(parseDatabaseUrl('sqlite:/var/lib/xinfang/db.sqlite')).toEqual({ engine: 'sqlite', path: '/var/lib/xinfang/db.sqlite' });
    expect(parseDatabaseUrl('mysql://u:p%40ss@db.local:3307/xinfang')).toMatchObject({ engine: 'mysql', host: 'db.local', port: 3307, database: 'xinfang' });
    expect(parseDatabaseUrl('mysql://u:p@db.local/xinfang')).toMatchObject({ port: 3306 });
  });

  it('names every bad value on its own line', () => {
    const problems = problemsOf({ ...SECRETS, PORT: 'eighty', DATABASE_URL: 'postgres://x/y', OFFICE_TIME_ZONE: 'Mars/Olympus', TOKEN_TTL: 'forever' });
    expect(problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/^PORT:/), expect.stringMatching(/^OFFICE_TIME_ZONE:/), expect.stringMatching(/^TOKEN_TTL:/)]),
    );
    expect(problemsOf({ ...SECRETS, DATABASE_URL: 'postgres://x/y' })).toEqual([expect.stringMatching(/^DATABASE_URL:.*不支持/)]);
    expect(problemsOf({ ...SECRETS, DATABASE_URL: 'mysql://u:p@host' })).toEqual([expect.stringMatching(/^DATABASE_URL:.*数据库名/)]);
    expect(problemsOf({ ...SECRETS, REDIS_URL: 'localhost:6379' })).toEqual([expect.stringMatching(/^REDIS_URL:/)]);
    expect(problemsOf({ ...SECRETS, PII_KEY: 'too-short' })).toEqual([expect.stringMatching(/^PII_KEY:/)]);
    expect(problemsOf({ ...SECRETS, ADMIN_USERNAME: 'root' })).toEqual([expect.stringMatching(/ADMIN_PASSWORD/)]);
  });

  it('requires real secrets in production', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    expect(problems).toEqual([expect.stringMatching(/^JWT_SECRET:/), expect.stringMatching(/^PII_KEY:/)]);
  });

  it('refuses short, repetitive or low-diversity secrets in production, and accepts generated ones', () => {
    const prod = (env: NodeJS.ProcessEnv) => problemsOf({ NODE_ENV: 'production', ...STRONG(), ...env });
    for (let i = 0; i < 20; i++) expect(prod({})).toEqual([]);
    expect(prod({ JWT_SECRET: randomBytes(32).toString('hex') })).toEqual([]);
    expect(prod({ PII_KEY: randomBytes(32).toString('base64') })).toEqual([]);
    for (const weak of ['a'.repeat(36), 'ab'.repeat(18), 'password'.repeat(5), 'test-secret-'.padEnd(48, 'x'), randomBytes(16).toString('hex'), 'Xy9!'.repeat(12)]) {
      expect(prod({ JWT_SECRET: weak })).toEqual([expect.stringMatching(/^JWT_SECRET:/)]);
    }
    expect(prod({ JWT_SECRET: randomBytes(12).toString('base64') })).toEqual([expect.stringMatching(/^JWT_SECRET: 至少 32 个字符/)]);
    for (const weak of ['a1'.repeat(32), '0'.repeat(64), '0123456789abcdef'.repeat(4), Buffer.alloc(32, 7).toString('base64')]) {
      expect(prod({ PII_KEY: weak })).toEqual([expect.stringMatching(/^PII_KEY:/)]);
    }
    // outside production the test and development secrets stay usable
    expect(problemsOf({ NODE_ENV: 'test', JWT_SECRET: 'a'.repeat(36), PII_KEY: 'a1'.repeat(32) })).toEqual([]);
    expect(estimatedBits('a'.repeat(36))).toBe(0);
  });

  it('refuses demo data in production with one line', () => {
    let message = '';
    try {
      loadConfig({ NODE_ENV: 'production', ...STRONG(), DEMO_DATA: '1' });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/^配置错误 \/ invalid configuration: DEMO_DATA: .*生产环境/);
    expect(message).not.toContain('\n');
    expect(problemsOf({ ...SECRETS, DEMO_DATA: '1' })).toEqual([]);
  });

  it('turns introspection and field suggestions off in production unless switched on', () => {
    expect(loadConfig({ ...SECRETS }).introspection).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production', ...STRONG() }).introspection).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', ...STRONG(), GRAPHQL_INTROSPECTION: '1' }).introspection).toBe(true);
    expect(loadConfig({ ...SECRETS, GRAPHQL_INTROSPECTION: '0' }).introspection).toBe(false);
  });

  it('bounds the WebSocket edge by default', () => {
    expect(loadConfig({ ...SECRETS }).ws).toEqual({
      heartbeatMs: 30000,
      maxSubscriptions: 50,
      maxInstanceSubscriptions: 10000,
      maxSocketsPerUser: 10,
      maxMessageBytes: 1024 * 1024,
      maxBufferedBytes: 16 * 1024 * 1024,
    });
    expect(problemsOf({ ...SECRETS, WS_MAX_MESSAGE_BYTES: '1024' })).toEqual([expect.stringMatching(/^WS_MAX_MESSAGE_BYTES:/)]);
    expect(problemsOf({ ...SECRETS, WS_MAX_BUFFERED_BYTES: '1024' })).toEqual([expect.stringMatching(/^WS_MAX_BUFFERED_BYTES:/)]);
    expect(loadConfig({ ...SECRETS, WS_MAX_SOCKETS_PER_USER: '2' }).ws.maxSocketsPerUser).toBe(2);
  });

  it('keeps the default SQLite database in DATA_DIR, and a DATABASE_URL wins', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xinfang-cfg-'));
    expect(loadConfig({ DATA_DIR: dir }).database).toEqual({ engine: 'sqlite', path: join(dir, 'xinfang.sqlite') });
    expect(loadConfig({ DATA_DIR: dir, DATABASE_URL: 'sqlite::memory:' }).database).toEqual({ engine: 'sqlite', path: ':memory:' });
  });

  it('attaches MySQL read replicas, and refuses them with SQLite or when one is not a MySQL URL', () => {
    const primary = 'mysql://u:p@db1:3306/xinfang';
    expect(loadConfig({ ...SECRETS, DATABASE_URL: primary, DATABASE_REPLICA_URLS: 'mysql://r:p@db2/xinfang, mysql://r:p@db3/xinfang' }).database).toMatchObject({
      engine: 'mysql',
      url: primary,
      replicas: ['mysql://r:p@db2/xinfang', 'mysql://r:p@db3/xinfang'],
    });
    expect(loadConfig({ ...SECRETS, DATABASE_URL: primary, DATABASE_REPLICA_URLS: '' }).database).not.toHaveProperty('replicas');
    expect(problemsOf({ ...SECRETS, DATABASE_URL: 'sqlite::memory:', DATABASE_REPLICA_URLS: 'mysql://r:p@db2/xinfang' })).toEqual([
      expect.stringMatching(/^DATABASE_REPLICA_URLS:.*SQLite/),
    ]);
    const [problem] = problemsOf({ ...SECRETS, DATABASE_URL: primary, DATABASE_REPLICA_URLS: 'mysql://r:p@db2/xinfang,sqlite:./x,postgres://r:secret@db4/x' }).slice(0, 1);
    expect(problem).toMatch(/^DATABASE_REPLICA_URLS:.*sqlite:\.\/x.*不是 MySQL/);
    expect(problemsOf({ ...SECRETS, DATABASE_URL: primary, DATABASE_REPLICA_URLS: 'postgres://r:secret@db4/x' }).join()).not.toContain('secret');
  });

  it('generates development secrets once and keeps them under the data folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xinfang-cfg-'));
    const a = loadConfig({ DATA_DIR: dir });
    const b = loadConfig({ DATA_DIR: dir });
    expect(Buffer.from(a.jwtSecret).equals(Buffer.from(b.jwtSecret))).toBe(true);
    expect(a.piiKey.equals(b.piiKey)).toBe(true);
    expect(a.piiKey).toHaveLength(32);
    expect(statSync(join(dir, 'secrets.json')).mode & 0o077).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'secrets.json'), 'utf8'))).toHaveProperty('jwtSecret');
  });
});
