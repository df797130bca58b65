import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { loadConfig } from '../src/config/config';
import { startServer, type RunningServer } from '../src/server';

/** Fresh secrets for the benchmark's throw-away servers (the configuration refuses predictable ones). */
const JWT_SECRET = randomBytes(32).toString('base64');
const PII_KEY = randomBytes(32).toString('hex');
export const ADMIN = { username: 'admin', password: 'admin-password-1' };

export const SUBSCRIPTION = 'subscription { caseEvents { type at case { id serialNo } } }';

const REGISTER_CASE = `mutation RegisterCase($input: RegisterCaseInput!) { registerCase(input: $input) { id serialNo } }`;

/** A running server with a county seeded through the API and a registrar signed in. */
export interface GraphqlTarget extends SeededOffice {
  server: RunningServer;
  httpUrl: string;
  wsUrl: string;
  stop(): Promise<void>;
}

interface GraphqlBody<T> {
  data?: T;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

export async function gql<T>(url: string, query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      // A fresh connection per request: while a fan-out keeps the server's event loop busy for seconds, a reused
      // keep-alive socket can pass the server's 5 s keepAliveTimeout with our next request already in its receive
      // buffer (timers run before I/O in a loop turn), and the server then resets it (ECONNRESET).
      headers: { connection: 'close', 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
  } catch (err) {
    // undici hides the socket error in `cause`
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    throw new Error(`${(err as Error).message}${cause ? `: ${cause.code ?? ''} ${cause.message ?? ''}` : ''}`, { cause: err });
  }
  const body = (await res.json()) as GraphqlBody<T>;
  if (body.errors?.length || !body.data) {
    throw new Error(`GraphQL request failed (HTTP ${res.status}): ${JSON.stringify(body.errors ?? body)}`);
  }
  return body.data;
}

const login = async (url: string, username: string, password: string) =>
  (await gql<{ login: { token: string } }>(url, 'mutation Login($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', { u: username, p: password })).login.token;

/** The environment the benchmark server runs with: a production-like configuration on a loopback port. */
export function benchEnv(databaseUrl: string, redisUrl?: string): NodeJS.ProcessEnv {
  return {
    NODE_ENV: 'production',
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
    JWT_SECRET,
    PII_KEY,
    ADMIN_USERNAME: ADMIN.username,
    ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'silent',
    DEADLINE_SCAN_INTERVAL_MS: '86400000',
  };
}

/** The office the benchmark works in, seeded through GraphQL over HTTP. */
export interface SeededOffice {
  registrarToken: string;
  /** Tokens of the registrar and as many other registrars of the same office as `subscribers` sockets need. */
  viewerTokens: string[];
  /** The county's government, court and procuratorate, the units cases are assigned to. */
  handlingUnits: string[];
  /** Registers one letter as the registrar; resolves with the new case's id once the response arrives. */
  registerCase(): Promise<string>;
}

/**
 * Seeds a county (its congress, the bodies cases go to) and a registrar of the congress through the API of the
 * server at `httpUrl`; the server allows each user only `socketsPerUser` sockets, so `subscribers` sockets are
 * spread over that many more registrars of the same office.
 */
export async function seedOffice(httpUrl: string, subscribers = 0, socketsPerUser = 10): Promise<SeededOffice> {
  const admin = await login(httpUrl, ADMIN.username, ADMIN.password);
  const suffix = `${process.pid}-${Date.now().toString(36)}`;
  const unit = async (input: Record<string, unknown>) =>
    (await gql<{ createUnit: { id: string } }>(httpUrl, 'mutation U($input: CreateUnitInput!) { createUnit(input: $input) { id } }', { input }, admin)).createUnit.id;
  const city = await unit({ code: `bench-city-rd-${suffix}`, name: '某市人大常委会', kind: 'CONGRESS', level: 'CITY' });
  const congress = await unit({ code: `bench-county-rd-${suffix}`, name: '某县人大常委会', kind: 'CONGRESS', level: 'COUNTY', parentId: city });
  const handlingUnits = [
    await unit({ code: `bench-county-gov-${suffix}`, name: '某县人民政府', kind: 'GOVERNMENT', level: 'COUNTY' }),
    await unit({ code: `bench-county-court-${suffix}`, name: '某县人民法院', kind: 'COURT', level: 'COUNTY' }),
    await unit({ code: `bench-county-proc-${suffix}`, name: '某县人民检察院', kind: 'PROCURATORATE', level: 'COUNTY' }),
  ];
  const registrar = async (i: number) => {
    const user = { username: `bench-registrar-${i}-${suffix}`, password: 'pass-word-123' };
    await gql(
      httpUrl,
      'mutation C($input: CreateUserInput!) { createUser(input: $input) { id } }',
      { input: { ...user, displayName: `压测登记员${i}`, unitId: congress, roles: ['REGISTRAR'] } },
      admin,
    );
    return login(httpUrl, user.username, user.password);
  };
  const viewerTokens: string[] = [];
  const viewers = Math.max(1, Math.ceil(subscribers / socketsPerUser));
  for (let i = 0; i < viewers; i++) viewerTokens.push(await registrar(i));
  const registrarToken = viewerTokens[0];
  let seq = 0;
  return {
    registrarToken,
    viewerTokens,
    handlingUnits,
    registerCase: async () => {
      const input = {
        channel: 'LETTER',
        caseType: 'CLAIM',
        receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
        category: '土地征收',
        summary: `反映征地补偿款未足额发放（压测 ${++seq}）`,
        content: '本人承包地于 2025 年被征收，补偿款至今未足额发放，请求依法处理。',
        petitioners: [{ name: '张三', idNumber: '11010519491231002X', phone: '13812345678', address: '某县某镇某村 1 号' }],
      };
      return (await gql<{ registerCase: { id: string } }>(httpUrl, REGISTER_CASE, { input }, registrarToken)).registerCase.id;
    },
  };
}

/** Boots the real server in-process and seeds, through GraphQL over HTTP, the office the events come from. */
export async function startGraphqlTarget(databaseUrl: string, redisUrl?: string, subscribers = 0): Promise<GraphqlTarget> {
  const config = loadConfig(benchEnv(databaseUrl, redisUrl));
  const server = await startServer(config, pino({ level: 'silent' }));
  const httpUrl = `http://127.0.0.1:${server.port}/graphql`;
  try {
    const office = await seedOffice(httpUrl, subscribers, config.ws.maxSocketsPerUser);
    return { ...office, server, httpUrl, wsUrl: `ws://127.0.0.1:${server.port}/graphql`, stop: () => server.stop() };
  } catch (err) {
    await server.stop();
    throw err;
  }
}
