import type { IncomingMessage, Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { GraphQLError, execute, getOperationAST, parse, validate, type ExecutionResult, type GraphQLSchema, type ValidationRule } from 'graphql';
import { CloseCode, handleProtocols, makeServer } from 'graphql-ws';
import { In } from 'typeorm';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { AppRuntime } from '../app-runtime';
import { bearerToken } from '../auth/token.service';
import { WS_PREAUTH_MAX_BYTES } from '../config/config';
import { RequestContext, type AuthState } from '../context/request-context';
import { AuthSession } from '../entities/auth-session.entity';
import { User } from '../entities/user.entity';
import { toClientError } from '../errors/error-mapper';
import { ErrorCode } from '../errors/error-code';
import { allValidationRules } from '../schema/query-limits';
import type { AccessChangedPayload } from '../subscriptions/pubsub';
import type { CaseScope } from '../policy/access-policy';
import { sharedSubscribe, type ResultSink } from './shared-execution';

/**
 * How this server closes a socket, besides graphql-ws's own codes (README "安全限制"). The graphql-ws client
 * retries after 4403 (a new token may be accepted) but not after 4401 or 4429, which the application handles.
 */
const WS_CLOSE = {
  /** The token expired, or the user's roles changed since the socket opened: refresh if need be and reconnect. */
  REAUTHENTICATE: CloseCode.Unauthorized,
  /** The token was never valid or has been revoked (password changed, user disabled, refresh token reused). */
  REVOKED: CloseCode.Forbidden,
  /** The user already holds as many sockets on this instance as allowed. */
  TOO_MANY_SOCKETS: 4429,
  /** More than `WS_MAX_BUFFERED_BYTES` waits to be sent: the client does not read its messages (RFC 6455 "try again later"). */
  SLOW_READER: 1013,
  /** A message larger than allowed (RFC 6455 "message too big"); before authentication the bound is small. */
  TOO_BIG: 1009,
} as const;

const REVOKED_REASON = '令牌已吊销';
const ROLES_CHANGED_REASON = '角色已变更，请重新连接';

/** What graphql-ws hands back to our hooks about the socket. */
interface Extra {
  socket: WebSocket;
  request: IncomingMessage;
}

/** What a socket remembers between its messages. */
interface SocketState {
  socket: WebSocket;
  connectionId: string;
  auth?: AuthState;
  expiryTimer?: NodeJS.Timeout;
  /** Operations in flight (subscriptions, and queries or mutations sent over the socket). */
  active: Set<string>;
}

/**
 * Sends `data` unless the socket is closed; a socket whose unsent bytes exceed `maxBuffered` belongs to a client that
 * has stopped reading, and is closed rather than left to hold the server's memory.
 */
function sendBounded(socket: WebSocket, data: string, maxBuffered: number, cb?: (err?: Error) => void): void {
  if (socket.readyState !== socket.OPEN) return cb?.();
  if (socket.bufferedAmount > maxBuffered) {
    socket.close(WS_CLOSE.SLOW_READER, '接收过慢，连接已关闭');
    return cb?.();
  }
  socket.send(data, cb);
}

/**
 * Writes graphql-ws `next` messages of one subscription whose payload is already serialised: the same bytes
 * graphql-ws would send (`{"id":…,"type":"next","payload":…}`), without serialising the payload again per socket.
 */
function nextWriter(socket: WebSocket, id: string, maxBuffered: number): ResultSink {
  const head = `{"id":${JSON.stringify(id)},"type":"next","payload":`;
  return { write: (payloadJson) => sendBounded(socket, `${head}${payloadJson}}`, maxBuffered) };
}

/** Reads `authorization` from connectionParams whatever its case (GraphiQL sends `Authorization`). */
export function authorizationParam(params: Readonly<Record<string, unknown>> | undefined): unknown {
  if (!params) return undefined;
  const key = Object.keys(params).find((k) => k.toLowerCase() === 'authorization');
  return key ? params[key] : undefined;
}

/**
 * ws applies one `maxPayload` to every socket of a server and offers no per-socket setting; adjusting the
 * socket's receiver makes it refuse an oversized frame from its header, before buffering it. Where the
 * receiver is not there to adjust, the check on each message below still closes the socket.
 */
function limitMessageSize(socket: WebSocket, bytes: number): void {
  const receiver = (socket as unknown as { _receiver?: { _maxPayload?: unknown } })._receiver;
  if (receiver && typeof receiver._maxPayload === 'number') receiver._maxPayload = bytes;
}

const sizeOf = (data: RawData) => (Array.isArray(data) ? data.reduce((n, b) => n + b.length, 0) : data.byteLength);

/**
 * graphql-ws on the HTTP server's `/graphql` path. A socket must present a valid bearer token in
 * connectionParams or it is closed with 4403 before any subscription; when the token expires the socket
 * (and every subscription it carries) is closed with 4401. Revoking a user's access closes its sockets on
 * every instance at once (a message on the pub/sub), with each heartbeat re-reading the users as a backstop.
 * Apollo's plugins do not run here, so the same validation rules and error mapping are applied by hand.
 */
export function attachGraphqlWs(httpServer: Server, schema: GraphQLSchema, app: AppRuntime, extraRules: ValidationRule[] = []) {
  const limits = app.config.ws;
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql', maxPayload: limits.maxMessageBytes, handleProtocols });
  const rules = [...allValidationRules(app.config.limits), ...extraRules];
  // with introspection off, "Did you mean …" would still spell out the schema one guess at a time
  const toGraphQLError = (err: unknown) => toClientError(err, { suggestions: app.config.introspection });
  const states = new WeakMap<WebSocket, SocketState>();
  const byUser = new Map<string, Set<SocketState>>();
  let operations = 0;

  const stateOf = (extra: Extra): SocketState => {
    let s = states.get(extra.socket);
    if (!s) states.set(extra.socket, (s = { socket: extra.socket, connectionId: randomUUID(), active: new Set() }));
    return s;
  };
  const forget = (state: SocketState) => {
    const userId = state.auth?.user?.id;
    const mine = userId ? byUser.get(userId) : undefined;
    mine?.delete(state);
    if (userId && mine?.size === 0) byUser.delete(userId);
    if (state.expiryTimer) clearTimeout(state.expiryTimer);
    operations -= state.active.size;
    state.active.clear();
  };
  const drop = (state: SocketState, code: number, reason: string) => {
    forget(state);
    state.socket.close(code, reason);
  };
  const formatNext = (result: ExecutionResult) =>
    result.errors ? { ...result, errors: result.errors.map((e) => ({ ...toGraphQLError(e).toJSON(), path: e.path })) } : result;
  /** Each subscription's way of writing its results straight to the socket (see `sharedSubscribe`). */
  const sinks = new WeakMap<RequestContext, ResultSink>();
  /** A subscription's audience key, worked out again only when its scope or user is another object. */
  const audiences = new WeakMap<RequestContext, { scope: CaseScope; user: User; key: string }>();
  const limitError = (message: string) => new GraphQLError(message, { extensions: { code: ErrorCode.LIMIT_EXCEEDED } });

  const server = makeServer<Record<string, unknown>, Extra>({
    schema,
    // a query or mutation sent over the socket runs on when the socket closes; the stop waits for it
    execute: (args) => app.work.track(execute(args)),
    subscribe: sharedSubscribe({
      audienceOf: (ctx) => {
        const user = ctx.user;
        if (!user) return null;
        const audienceIn = (scope: CaseScope) => {
          const known = audiences.get(ctx);
          if (known?.scope === scope && known.user === user) return known.key;
          // a viewer who reads personal data is logged reading it: such results are shared only among its own sockets
          const key = JSON.stringify([scope, [...user.roles].sort(), user.unitId, user.piiAccess ? user.id : false]);
          audiences.set(ctx, { scope, user, key });
          return key;
        };
        const scope = app.services.caseAccess.scopeNow(ctx);
        return scope instanceof Promise ? scope.then(audienceIn) : audienceIn(scope);
      },
      format: formatNext,
      sinkOf: (args) => sinks.get(args.contextValue as RequestContext),
    }),
    onConnect: async (ctx) => {
      const state = stateOf(ctx.extra);
      const token = bearerToken(authorizationParam(ctx.connectionParams));
      const auth = await app.services.auth.authenticate(app.db.dataSource, token);
      const user = auth.user;
      if (!user || !auth.token) return false;
      if (ctx.extra.socket.readyState !== ctx.extra.socket.OPEN) return false;
      const mine = byUser.get(user.id) ?? new Set<SocketState>();
      if (mine.size >= limits.maxSocketsPerUser) {
        ctx.extra.socket.close(WS_CLOSE.TOO_MANY_SOCKETS, `每个用户最多同时保持 ${limits.maxSocketsPerUser} 个实时连接`);
        return false;
      }
      state.auth = auth;
      byUser.set(user.id, mine.add(state));
      limitMessageSize(ctx.extra.socket, limits.maxMessageBytes);
      const ms = Math.max(0, auth.token.expiresAt.getTime() - Date.now());
      // setTimeout's limit is ~24.8 days; tokens live hours
      state.expiryTimer = setTimeout(() => drop(state, WS_CLOSE.REAUTHENTICATE, '令牌已过期'), Math.min(ms, 2 ** 31 - 1));
      return true;
    },
    onClose: (ctx) => {
      forget(stateOf(ctx.extra));
    },
    onSubscribe: (ctx, id, payload) => {
      const state = stateOf(ctx.extra);
      if (state.active.size >= limits.maxSubscriptions) return [limitError(`每个连接最多同时订阅 ${limits.maxSubscriptions} 项`)];
      if (operations >= limits.maxInstanceSubscriptions) {
        return [limitError(`本服务器实例的实时订阅已达上限（${limits.maxInstanceSubscriptions} 项），请稍后再试`)];
      }
      let document;
      try {
        document = parse(payload.query, { maxTokens: app.config.limits.maxTokens });
      } catch (err) {
        return [toGraphQLError(err)];
      }
      const errors = validate(schema, document, rules);
      if (errors.length) return errors.map(toGraphQLError);
      // graphql-ws would refuse this itself, but without telling onComplete, and the count would drift
      if (!getOperationAST(document, payload.operationName)) return [toGraphQLError(new GraphQLError('无法确定要执行的操作：请给出 operationName'))];
      state.active.add(id);
      operations++;
      return { schema, document, operationName: payload.operationName, variableValues: payload.variables };
    },
    onComplete: (ctx, id) => {
      if (stateOf(ctx.extra).active.delete(id)) operations--;
    },
    context: (ctx, id) => {
      const state = stateOf(ctx.extra);
      const ip = ctx.extra.request.socket.remoteAddress ?? 'unknown';
      const requestId = state.connectionId;
      const context = new RequestContext(app, state.auth ?? {}, requestId, ip, app.logger.child({ requestId, ws: true }));
      sinks.set(context, nextWriter(state.socket, id, limits.maxBufferedBytes));
      return context;
    },
    onError: (_ctx, _id, _payload, errors) => errors.map((e) => toGraphQLError(e).toJSON()),
    onNext: (_ctx, _id, _payload, _args, result) => formatNext(result),
  });

  wsServer.on('connection', (socket, request) => {
    const state = stateOf({ socket, request });
    limitMessageSize(socket, WS_PREAUTH_MAX_BYTES);
    // ws has already answered a protocol violation (e.g. 1009) by closing; nothing of ours went wrong
    socket.on('error', (err) => app.logger.info({ connectionId: state.connectionId, err: err.message }, 'websocket closed on a client protocol error'));
    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (data) => new Promise<void>((resolve, reject) => sendBounded(socket, data, limits.maxBufferedBytes, (err) => (err ? reject(err) : resolve()))),
        close: (code, reason) => socket.close(code, reason),
        onMessage: (handle) =>
          socket.on('message', (data) => {
            if (!state.auth && sizeOf(data) > WS_PREAUTH_MAX_BYTES) {
              socket.close(WS_CLOSE.TOO_BIG, '认证前的消息过大');
              return;
            }
            handle(String(data)).catch((err: unknown) => {
              app.logger.error({ err, connectionId: state.connectionId }, 'websocket message failed');
              socket.close(CloseCode.InternalServerError, 'Internal server error');
            });
          }),
      },
      { socket, request },
    );
    socket.once('close', (code, reason) => void closed(code, String(reason)));
  });

  const closeFor = (change: AccessChangedPayload) => {
    for (const state of [...(byUser.get(change.userId) ?? [])]) {
      if (change.sessionId && state.auth?.token?.sessionId !== change.sessionId) continue;
      if (change.kind === 'REVOKED') drop(state, WS_CLOSE.REVOKED, REVOKED_REASON);
      else drop(state, WS_CLOSE.REAUTHENTICATE, ROLES_CHANGED_REASON);
    }
  };
  const changes = app.pubsub.subscribe('ACCESS_CHANGED');
  const listening = (async () => {
    for await (const change of changes) closeFor(change);
  })().catch((err: unknown) => app.logger.error({ err }, 'stopped listening for access changes'));

  const allSockets = () => [...byUser.values()].flatMap((set) => [...set]);
  const heartbeat = startHeartbeat(wsServer, limits.heartbeatMs);
  const revalidation = setInterval(() => void revalidateSockets(app, allSockets(), drop), limits.heartbeatMs);
  revalidation.unref();
  return {
    wsServer,
    dispose: async () => {
      clearInterval(heartbeat);
      clearInterval(revalidation);
      await changes.return();
      await listening;
      for (const socket of wsServer.clients) socket.close(1001, 'Going away');
      await new Promise<void>((resolve, reject) => wsServer.close((err) => (err ? reject(err) : resolve())));
    },
  };
}

/**
 * The backstop for an access change whose pub/sub message was lost (e.g. Redis was down): each heartbeat the
 * users and logins behind open sockets are read again (two queries for all of them), and a socket whose token
 * no longer counts is closed with 4403, one whose user's roles changed with 4401.
 */
async function revalidateSockets(app: AppRuntime, sockets: SocketState[], drop: (s: SocketState, code: number, reason: string) => void): Promise<void> {
  const userIds = [...new Set(sockets.map((s) => s.auth!.user!.id))];
  if (!userIds.length) return;
  const sessionIds = [...new Set(sockets.map((s) => s.auth!.token!.sessionId))];
  try {
    const ds = app.db.dataSource;
    const users = new Map((await ds.getRepository(User).findBy({ id: In(userIds) })).map((u) => [u.id, u]));
    const revoked = new Set(
      (await ds.getRepository(AuthSession).find({ select: { id: true, revokedAt: true }, where: { id: In(sessionIds) } })).filter((s) => s.revokedAt).map((s) => s.id),
    );
    for (const state of sockets) {
      const was = state.auth!.user!;
      const now = users.get(was.id);
      if (!now || now.disabled || now.tokenVersion !== was.tokenVersion || revoked.has(state.auth!.token!.sessionId)) {
        drop(state, WS_CLOSE.REVOKED, REVOKED_REASON);
      } else if ([...now.roles].sort().join() !== [...was.roles].sort().join()) {
        drop(state, WS_CLOSE.REAUTHENTICATE, ROLES_CHANGED_REASON);
      }
    }
  } catch (err) {
    app.logger.warn({ err }, 'could not re-check socket users');
  }
}

/**
 * Pings every socket each interval and drops one that did not answer the previous ping, so connections
 * cut by a network failure do not linger holding subscriptions.
 */
function startHeartbeat(wsServer: WebSocketServer, intervalMs: number): NodeJS.Timeout {
  const alive = new WeakMap<WebSocket, boolean>();
  wsServer.on('connection', (socket) => {
    alive.set(socket, true);
    socket.on('pong', () => alive.set(socket, true));
  });
  const timer = setInterval(() => {
    for (const socket of wsServer.clients) {
      if (alive.get(socket) === false) {
        socket.terminate();
        continue;
      }
      alive.set(socket, false);
      socket.ping();
    }
  }, intervalMs);
  timer.unref();
  return timer;
}
