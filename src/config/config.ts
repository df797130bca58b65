import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';

/** Parsed `DATABASE_URL`: the embedded engine (a file or memory) or a MySQL/MariaDB server. */
export type DatabaseConfig =
  | { engine: 'sqlite'; path: string }
  | { engine: 'mysql'; url: string; host: string; port: number; database: string; replicas?: string[] };

export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  database: DatabaseConfig;
  redisUrl?: string;
  redisChannelPrefix: string;
  jwtSecret: Uint8Array;
  piiKey: Buffer;
  officeTimeZone: string;
  tokenTtlSeconds: number;
  adminUsername?: string;
  adminPassword?: string;
  demoData: boolean;
  logLevel: string;
  deadlineScanIntervalMs: number;
  dataDir: string;
  graphiql: boolean;
  /** Introspection and "Did you mean …" suggestions: both describe the schema to whoever asks, so one switch. */
  introspection: boolean;
  limits: QueryLimits;
  ws: WsLimits;
}

/** Bounds on the WebSocket edge; see README "安全限制". */
export interface WsLimits {
  heartbeatMs: number;
  /** Subscriptions (any operation in flight) on one socket. */
  maxSubscriptions: number;
  /** Subscriptions on this instance, over all sockets. */
  maxInstanceSubscriptions: number;
  /** Authenticated sockets of one user on this instance. */
  maxSocketsPerUser: number;
  /** Largest message once the socket is authenticated; before that {@link WS_PREAUTH_MAX_BYTES}. */
  maxMessageBytes: number;
  /** Bytes waiting to be sent to one socket beyond which its reader is too slow and the socket is closed. */
  maxBufferedBytes: number;
}

/** Largest message a socket may send before its connection is acknowledged (connection_init carries only a token). */
export const WS_PREAUTH_MAX_BYTES = 16 * 1024;

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
  maxTokens: number;
}

/** The SQLite file in `DATA_DIR` used when `DATABASE_URL` is not set. */
export const DEFAULT_SQLITE_FILE = 'xinfang.sqlite';

/** Thrown when the environment holds values the server cannot start with; one line per problem. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      problems.length === 1
        ? `配置错误 / invalid configuration: ${problems[0]}`
        : `配置错误 / invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
  }
}

const DURATION = /^(\d+)\s*(s|m|h|d)?$/;
const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

function parseDuration(value: string): number | undefined {
  const m = DURATION.exec(value.trim());
  if (!m) return undefined;
  const seconds = Number(m[1]) * UNIT_SECONDS[m[2] ?? 's'];
  return seconds > 0 ? seconds : undefined;
}

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Accepts `sqlite:<path>`, `sqlite::memory:` and `mysql://user:pass@host:port/db`. */
export function parseDatabaseUrl(raw: string): DatabaseConfig | string {
  if (raw.startsWith('sqlite:')) {
    const path = raw.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (!path) return 'DATABASE_URL: sqlite: 后须跟文件路径或 :memory: (e.g. sqlite:./data/xinfang.sqlite)';
    return { engine: 'sqlite', path: path === ':memory:' ? ':memory:' : resolve(path) };
  }
  if (raw.startsWith('mysql://') || raw.startsWith('mariadb://')) {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return 'DATABASE_URL: 不是合法的 URL (expected mysql://user:pass@host:port/db)';
    }
    const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
    if (!url.hostname) return 'DATABASE_URL: 缺少主机名 (expected mysql://user:pass@host:port/db)';
    if (!database) return 'DATABASE_URL: 缺少数据库名 (expected mysql://user:pass@host:port/db)';
    const port = url.port ? Number(url.port) : 3306;
    return { engine: 'mysql', url: raw.replace(/^mariadb:/, 'mysql:'), host: url.hostname, port, database };
  }
  return `DATABASE_URL: 不支持的数据库地址 "${raw.replace(/\/\/[^@]*@/, '//***@')}" (expected sqlite:<path> or mysql://user:pass@host:port/db)`;
}

const positiveInt = (name: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `${name}: 须为整数`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `${name}: 须在 ${min}..${max} 之间`);

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test'], { message: 'NODE_ENV: 须为 development、production 或 test' }).default('development'),
  PORT: positiveInt('PORT', 0, 65535).default(4000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z.string().min(1).optional(),
  DATABASE_REPLICA_URLS: z.string().optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/.+/, 'REDIS_URL: 须形如 redis://host:port')
    .optional(),
  REDIS_CHANNEL_PREFIX: z.string().regex(/^[A-Za-z0-9:_.-]{1,64}$/, 'REDIS_CHANNEL_PREFIX: 只能包含字母、数字和 : _ . -').default('xinfang:'),
  JWT_SECRET: z.string().min(32, 'JWT_SECRET: 至少 32 个字符').optional(),
  PII_KEY: z
    .string()
    .refine((v) => decodeKey(v) !== undefined, 'PII_KEY: 须为 32 字节密钥 (64 位十六进制或 base64)')
    .optional(),
  OFFICE_TIME_ZONE: z.string().refine(isTimeZone, 'OFFICE_TIME_ZONE: 不是 IANA 时区名 (e.g. Asia/Shanghai)').default('Asia/Shanghai'),
  TOKEN_TTL: z
    .string()
    .refine((v) => parseDuration(v) !== undefined, 'TOKEN_TTL: 须为时长, 如 8h、30m、3600')
    .default('8h'),
  ADMIN_USERNAME: z.string().min(1).max(64).optional(),
  ADMIN_PASSWORD: z.string().min(8, 'ADMIN_PASSWORD: 至少 8 个字符').optional(),
  DEMO_DATA: z.enum(['0', '1', 'true', 'false', ''], { message: 'DEMO_DATA: 须为 1 或 0' }).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { message: 'LOG_LEVEL: 须为 fatal|error|warn|info|debug|trace|silent' }).default('info'),
  DEADLINE_SCAN_INTERVAL_MS: positiveInt('DEADLINE_SCAN_INTERVAL_MS', 100, 86_400_000).default(60000),
  DATA_DIR: z.string().min(1).default('./data'),
  GRAPHIQL: z.enum(['0', '1', 'true', 'false', ''], { message: 'GRAPHIQL: 须为 1 或 0' }).optional(),
  GRAPHQL_INTROSPECTION: z.enum(['0', '1', 'true', 'false', ''], { message: 'GRAPHQL_INTROSPECTION: 须为 1 或 0' }).optional(),
  WS_HEARTBEAT_MS: positiveInt('WS_HEARTBEAT_MS', 1000, 600_000).default(30000),
  WS_MAX_SUBSCRIPTIONS: positiveInt('WS_MAX_SUBSCRIPTIONS', 1, 1000).default(50),
  WS_MAX_INSTANCE_SUBSCRIPTIONS: positiveInt('WS_MAX_INSTANCE_SUBSCRIPTIONS', 1, 1_000_000).default(10_000),
  WS_MAX_SOCKETS_PER_USER: positiveInt('WS_MAX_SOCKETS_PER_USER', 1, 1000).default(10),
  WS_MAX_MESSAGE_BYTES: positiveInt('WS_MAX_MESSAGE_BYTES', WS_PREAUTH_MAX_BYTES, 64 * 1024 * 1024).default(1024 * 1024),
  WS_MAX_BUFFERED_BYTES: positiveInt('WS_MAX_BUFFERED_BYTES', 64 * 1024, 1024 * 1024 * 1024).default(16 * 1024 * 1024),
  MAX_QUERY_DEPTH: positiveInt('MAX_QUERY_DEPTH', 2, 100).default(12),
  MAX_QUERY_ALIASES: positiveInt('MAX_QUERY_ALIASES', 1, 1000).default(30),
  MAX_QUERY_COST: positiveInt('MAX_QUERY_COST', 10, 1_000_000).default(20000),
  MAX_QUERY_TOKENS: positiveInt('MAX_QUERY_TOKENS', 100, 1_000_000).default(5000),
});

function decodeKey(value: string): Buffer | undefined {
  const v = value.trim();
  if (/^[0-9a-fA-F]{64}$/.test(v)) return Buffer.from(v, 'hex');
  const b = Buffer.from(v, 'base64');
  return b.length === 32 ? b : undefined;
}

const flag = (v?: string) => v === '1' || v === 'true';

/** A boolean switch: its own value when set, otherwise on everywhere but production. */
const switchOr = (v: string | undefined, nodeEnv: string) => (v === undefined || v === '' ? nodeEnv !== 'production' : flag(v));

/**
 * Shannon estimate of a secret's strength in bits: its length times the entropy of its symbol frequencies. It
 * cannot prove randomness, only catch the weak: `openssl rand -base64 32` scores about 215, 36 × "a" scores 0.
 */
export function estimatedBits(symbols: ArrayLike<string | number>): number {
  const counts = new Map<string | number, number>();
  for (let i = 0; i < symbols.length; i++) counts.set(symbols[i], (counts.get(symbols[i]) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) bits -= n * Math.log2(n / symbols.length);
  return bits;
}

/** True when the sequence is one shorter run repeated (in whole or in part), e.g. "abcabcab". */
function isPeriodic(symbols: ArrayLike<string | number>): boolean {
  const list = Array.from(symbols);
  for (let p = 1; p <= list.length / 2; p++) {
    if (list.every((x, i) => i < p || x === list[i - p])) return true;
  }
  return false;
}

/** Production's floor for JWT_SECRET: 32 characters, an estimated 160 bits, no repeated pattern. */
export const JWT_SECRET_MIN_BITS = 160;
/** Production's floor for PII_KEY's 32 bytes (at most 160 bits can be estimated from 32 symbols). */
export const PII_KEY_MIN_BITS = 128;

function weakSecretProblems(e: { JWT_SECRET?: string; PII_KEY?: string }): string[] {
  const problems: string[] = [];
  const jwt = e.JWT_SECRET ? Array.from(e.JWT_SECRET) : undefined;
  if (jwt && (isPeriodic(jwt) || estimatedBits(jwt) < JWT_SECRET_MIN_BITS)) {
    problems.push(`JWT_SECRET: 随机性不足（重复或字符种类过少，估计不足 ${JWT_SECRET_MIN_BITS} 位）；请用 openssl rand -base64 32 生成`);
  }
  const pii = e.PII_KEY ? decodeKey(e.PII_KEY) : undefined;
  if (pii && (isPeriodic(pii) || estimatedBits(pii) < PII_KEY_MIN_BITS)) {
    problems.push(`PII_KEY: 随机性不足（字节重复或种类过少）；请用 openssl rand -hex 32 生成`);
  }
  return problems;
}

interface DevSecrets {
  jwtSecret: string;
  piiKey: string;
}

/** Development secrets are generated once and kept beside the data so tokens and encrypted PII survive restarts. */
function loadDevSecrets(dataDir: string): DevSecrets {
  const file = resolve(dataDir, 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as DevSecrets;
  const secrets: DevSecrets = { jwtSecret: randomBytes(48).toString('base64'), piiKey: randomBytes(32).toString('hex') };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

/**
 * `DATABASE_REPLICA_URLS`: comma-separated MySQL/MariaDB URLs of read replicas of the primary, attached to `database`;
 * answers what is wrong with them.
 * Only MySQL has replicas; with SQLite the setting is refused rather than ignored, so nobody believes reports are
 * offloaded when they are not.
 */
function attachReplicas(database: DatabaseConfig, raw: string | undefined): string[] {
  const urls = (raw ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean);
  if (!urls.length) return [];
  if (database.engine !== 'mysql') return ['DATABASE_REPLICA_URLS: 只读副本只适用于 MySQL/MariaDB（DATABASE_URL 为 SQLite）'];
  const problems: string[] = [];
  const replicas: string[] = [];
  for (const url of urls) {
    const parsed = parseDatabaseUrl(url);
    if (typeof parsed === 'string' || parsed.engine !== 'mysql') {
      problems.push(`DATABASE_REPLICA_URLS: "${url.replace(/\/\/[^@]*@/, '//***@')}" 不是 MySQL 地址 (expected mysql://user:pass@host:port/db)`);
    } else replicas.push(parsed.url);
  }
  database.replicas = replicas;
  return problems;
}

/** Reads and validates the environment; throws {@link ConfigError} listing every bad value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? '');
      problems.push(issue.message.startsWith(key) ? issue.message : `${key}: ${issue.message}`);
    }
    throw new ConfigError(problems);
  }
  const e = parsed.data;
  // the default database lives in DATA_DIR beside the development secrets, so one DATA_DIR is one installation
  const database = parseDatabaseUrl(e.DATABASE_URL ?? `sqlite:${join(e.DATA_DIR, DEFAULT_SQLITE_FILE)}`);
  if (typeof database === 'string') problems.push(database);
  else problems.push(...attachReplicas(database, e.DATABASE_REPLICA_URLS));
  if (e.NODE_ENV === 'production') {
    if (!e.JWT_SECRET) problems.push('JWT_SECRET: 生产环境 (NODE_ENV=production) 必须设置');
    if (!e.PII_KEY) problems.push('PII_KEY: 生产环境 (NODE_ENV=production) 必须设置');
    problems.push(...weakSecretProblems(e));
    if (flag(e.DEMO_DATA)) problems.push('DEMO_DATA: 生产环境 (NODE_ENV=production) 不得载入示范数据（示范账号的密码是公开的）');
  }
  if (Boolean(e.ADMIN_USERNAME) !== Boolean(e.ADMIN_PASSWORD)) {
    problems.push('ADMIN_USERNAME / ADMIN_PASSWORD: 须同时设置或同时不设');
  }
  if (problems.length) throw new ConfigError(problems);

  const needsDevSecrets = !e.JWT_SECRET || !e.PII_KEY;
  const dev = needsDevSecrets ? loadDevSecrets(e.DATA_DIR) : undefined;
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    database: database as DatabaseConfig,
    redisUrl: e.REDIS_URL,
    redisChannelPrefix: e.REDIS_CHANNEL_PREFIX,
    jwtSecret: new TextEncoder().encode(e.JWT_SECRET ?? dev!.jwtSecret),
    piiKey: decodeKey(e.PII_KEY ?? dev!.piiKey)!,
    officeTimeZone: e.OFFICE_TIME_ZONE,
    tokenTtlSeconds: parseDuration(e.TOKEN_TTL)!,
    adminUsername: e.ADMIN_USERNAME,
    adminPassword: e.ADMIN_PASSWORD,
    demoData: flag(e.DEMO_DATA),
    logLevel: e.LOG_LEVEL,
    deadlineScanIntervalMs: e.DEADLINE_SCAN_INTERVAL_MS,
    dataDir: resolve(e.DATA_DIR),
    graphiql: switchOr(e.GRAPHIQL, e.NODE_ENV),
    introspection: switchOr(e.GRAPHQL_INTROSPECTION, e.NODE_ENV),
    ws: {
      heartbeatMs: e.WS_HEARTBEAT_MS,
      maxSubscriptions: e.WS_MAX_SUBSCRIPTIONS,
      maxInstanceSubscriptions: e.WS_MAX_INSTANCE_SUBSCRIPTIONS,
      maxSocketsPerUser: e.WS_MAX_SOCKETS_PER_USER,
      maxMessageBytes: e.WS_MAX_MESSAGE_BYTES,
      maxBufferedBytes: e.WS_MAX_BUFFERED_BYTES,
    },
    limits: {
      maxDepth: e.MAX_QUERY_DEPTH,
      maxAliases: e.MAX_QUERY_ALIASES,
      maxCost: e.MAX_QUERY_COST,
      maxTokens: e.MAX_QUERY_TOKENS,
    },
  };
}
