import { randomUUID } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import cors from 'cors';
import express from 'express';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { AppConfig } from './config/config';
import { createServices, type AppRuntime } from './app-runtime';
import { bearerToken } from './auth/token.service';
import { RequestContext } from './context/request-context';
import { createDataSource } from './db/data-source';
import { Database } from './db/database';
import { UnitDirectory } from './db/unit-directory';
import { SessionDirectory } from './auth/session-directory';
import { DomainError } from './errors/domain-error';
import { ErrorCode } from './errors/error-code';
import { formatMappedError, mapError, withoutSuggestions } from './errors/error-mapper';
import { BODY_LIMIT, edgeErrorHandler, type LoggedRequest } from './http/edge-errors';
import { graphqlPostRoute } from './http/graphql-post';
import { attachGraphqlWs } from './http/graphql-ws';
import { compiledExecution, type CompiledExecution } from './http/compiled-execution';
import { graphiqlRoutes } from './http/graphiql';
import { exportRoutes } from './http/exports';
import { InFlight } from './http/in-flight';
import { buildAppSchema } from './schema/build-schema';
import { introspectionRules, queryLimitRules } from './schema/query-limits';
import { createAppPubSub } from './subscriptions/pubsub';
import { bootstrap } from './bootstrap';
import { DeadlineScheduler } from './services/deadline-scheduler.service';

/** Thrown when the database cannot be reached or prepared at start; its message is one line for the operator. */
export class StartupError extends Error {}

/** Thrown when start-up was cancelled (a signal) at one of its safe points; everything opened is closed again. */
export class StartupAborted extends Error {
  constructor() {
    super('start-up cancelled');
  }
}

export interface RunningServer {
  url: string;
  port: number;
  httpServer: Server;
  runtime: AppRuntime;
  schema: GraphQLSchema;
  scheduler: DeadlineScheduler;
  /** How HTTP operations have been run (interpreted, or compiled once an operation repeats). */
  execution: CompiledExecution;
  stop(): Promise<void>;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;
/** How long the stop waits for requests whose clients left; with the 10 s drain it stays inside main.ts's 15 s. */
const IN_FLIGHT_GRACE_MS = 4_000;

/** Logs refused operations at info and our own faults at error, each with the request id. */
function errorLoggingPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ contextValue, errors }) {
          for (const err of errors) {
            const mapped = mapError(err);
            if (mapped.internal) contextValue.log.error({ err: err.originalError ?? err, path: err.path }, 'operation failed');
            else contextValue.log.info({ code: mapped.code, path: err.path }, 'operation refused');
          }
        },
      };
    },
  };
}

/**
 * Lets go of what a request's loaders hold once its answer is built. Apollo Server's gateway request context, which the
 * compiled executor runs under, defines a getter in an object literal; each request thus gets a hidden class of its own
 * in the old generation, and until the next full collection that dead class keeps the request, our context and every
 * row its loaders read alive through young-generation collections (about 70 KB a list request).
 */
function releaseLoadsPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue }) {
          contextValue.resetLoaders();
        },
      };
    },
  };
}

const OVER_WEBSOCKET = '订阅须通过 WebSocket 发送（graphql-ws 协议，同一 /graphql 地址），HTTP 只接受查询与变更';

/** A subscription needs a socket: over HTTP it gets a clear refusal instead of a resolver that cannot run. */
function subscriptionsOverHttpPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation !== 'subscription') return;
          throw new GraphQLError(OVER_WEBSOCKET, {
            originalError: new DomainError(ErrorCode.BAD_USER_INPUT, OVER_WEBSOCKET),
            extensions: { http: { status: 400 } },
          });
        },
      };
    },
  };
}

async function openDatabase(config: AppConfig, logger: Logger): Promise<Database> {
  let dataSource;
  try {
    dataSource = await createDataSource(config.database);
    await dataSource.initialize();
  } catch (err) {
    const where = config.database.engine === 'sqlite' ? config.database.path : `${config.database.host}:${config.database.port}/${config.database.database}`;
    throw new StartupError(`无法连接数据库 ${where}: ${(err as Error).message.split('\n')[0]}`);
  }
  const db = new Database(dataSource, config.database);
  try {
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    if (ran.length) logger.info({ migrations: ran.map((m) => m.name) }, 'database migrated');
  } catch (err) {
    await db.close();
    throw new StartupError(`数据库迁移失败: ${(err as Error).message.split('\n')[0]}`);
  }
  return db;
}

/**
 * Opens the database (running pending migrations), builds the schema and starts one HTTP server that
 * serves `/graphql` over HTTP and WebSocket, `/healthz` and `/readyz`. `stop()` drains it gracefully.
 * When `signal` aborts during start-up, it stops at the next safe point (after the migrations, after the
 * first-start duties) with {@link StartupAborted}, having closed what it opened.
 */
export async function startServer(config: AppConfig, logger: Logger, opts: { signal?: AbortSignal } = {}): Promise<RunningServer> {
  const checkpoint = () => {
    if (opts.signal?.aborted) throw new StartupAborted();
  };
  const db = await openDatabase(config, logger);
  const pubsub = createAppPubSub(config.redisUrl, logger, config.redisChannelPrefix);
  const runtime: AppRuntime = { config, db, services: createServices(config), pubsub, units: new UnitDirectory(pubsub, logger), sessions: new SessionDirectory(pubsub, logger), work: new InFlight(), logger };
  let draining = false;

  try {
    checkpoint();
    await bootstrap(runtime);
    checkpoint();
    const schema = await buildAppSchema(pubsub as never);
    const noIntrospection = introspectionRules(config.introspection);
    const app = express();
    app.disable('x-powered-by');
    // POST /graphql is served beside Express (see graphqlPostRoute); it is set once Apollo Server has started
    let graphqlPost: (req: IncomingMessage, res: ServerResponse) => boolean = () => false;
    const httpServer = createHttpServer((req, res) => {
      if (!graphqlPost(req, res)) app(req, res);
    });
    const ws = attachGraphqlWs(httpServer, schema, runtime, noIntrospection);
    runtime.units.listen();
    runtime.sessions.listen();

    const execution = compiledExecution(schema);
    const apollo = new ApolloServer<RequestContext>({
      gateway: execution,
      // refused by our own rule (`noIntrospection`) when off, with the same message over HTTP and WebSocket
      introspection: true,
      allowBatchedHttpRequests: false,
      includeStacktraceInErrorResponses: false,
      validationRules: [...queryLimitRules(config.limits), ...noIntrospection],
      parseOptions: { maxTokens: config.limits.maxTokens },
      formatError: (formatted, error) => {
        const mapped = config.introspection ? mapError(error) : withoutSuggestions(mapError(error));
        const cause = error instanceof Error && 'originalError' in error ? (error as { originalError?: Error }).originalError : undefined;
        // our own faults show their stack to developers; refusals are plain answers and never do
        const stack = config.nodeEnv === 'development' && mapped.internal ? (cause ?? (error as Error))?.stack : undefined;
        return formatMappedError(mapped, formatted, { stack });
      },
      plugins: [
        ApolloServerPluginDrainHttpServer({ httpServer }),
        { async serverWillStart() { return { async drainServer() { await ws.dispose(); } }; } },
        ApolloServerPluginLandingPageDisabled(),
        ApolloServerPluginCacheControlDisabled(),
        errorLoggingPlugin(),
        subscriptionsOverHttpPlugin(),
        releaseLoadsPlugin(),
        {
          async requestDidStart() {
            return {
              async willSendResponse({ response, contextValue }) {
                const body = response.body;
                if (body.kind !== 'single') return;
                for (const e of body.singleResult.errors ?? []) {
                  if (e.extensions?.code === 'INTERNAL') (e.extensions as Record<string, unknown>).requestId = contextValue.requestId;
                }
              },
            };
          },
        },
      ],
    });
    await apollo.start();
    const scheduler = new DeadlineScheduler(runtime, logger.child({ component: 'deadline-scheduler' }));

    const accessLog = pinoHttp({
      logger,
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
    });
    const graphqlCors = cors<cors.CorsRequest>({ exposedHeaders: ['x-request-id'], maxAge: 600 });
    const jsonBody = express.json({ limit: BODY_LIMIT });
    const context = async (req: LoggedRequest): Promise<RequestContext> => {
      const auth = await runtime.services.auth.authenticate(db.dataSource, bearerToken(req.headers.authorization), runtime.sessions);
      return new RequestContext(runtime, auth, String(req.id), (req as { ip?: string }).ip ?? req.socket.remoteAddress ?? 'unknown', req.log);
    };

    app.use(accessLog);
    app.get('/healthz', (_req, res) => {
      res.json({ status: 'ok' });
    });
    app.get('/readyz', async (_req, res) => {
      const ok = !draining && (await db.ping());
      res.status(ok ? 200 : 503).json({ status: ok ? 'ready' : draining ? 'draining' : 'database unreachable' });
    });
    // before GraphiQL's route, whose GET would otherwise answer a preflight OPTIONS with Express's own reply
    app.use('/graphql', graphqlCors);
    app.use(graphiqlRoutes(config));
    app.use(exportRoutes(runtime));
    app.use('/graphql', jsonBody, runtime.work.handler(expressMiddleware(apollo, { context: ({ req }) => context(req as unknown as LoggedRequest) })));
    app.use(edgeErrorHandler());
    graphqlPost = graphqlPostRoute({ accessLog, cors: graphqlCors, jsonBody, apollo, context, work: runtime.work });

    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.port, config.host, () => resolve());
    });
    const port = (httpServer.address() as AddressInfo).port;
    const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}/graphql`;
    scheduler.start(config.deadlineScanIntervalMs);
    logger.info({ url, pid: process.pid, database: config.database.engine, pubsub: pubsub.backend }, 'server ready');

    let stopping: Promise<void> | undefined;
    const stop = () =>
      (stopping ??= (async () => {
        draining = true;
        logger.info('shutting down: draining HTTP and WebSocket connections');
        await scheduler.stop();
        await apollo.stop();
        // draining waited for the connections; a request whose client left is still running and needs the database
        if (!(await runtime.work.settled(IN_FLIGHT_GRACE_MS))) logger.warn({ running: runtime.work.count }, 'closing the database under requests still running');
        await runtime.units.close();
        await runtime.sessions.close();
        await pubsub.close();
        await db.close();
        logger.info('shut down cleanly');
      })());
    return { url, port, httpServer, runtime, schema, scheduler, execution, stop };
  } catch (err) {
    await runtime.units.close();
    await runtime.sessions.close();
    await pubsub.close();
    await db.close();
    throw err;
  }
}
