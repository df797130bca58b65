import type { Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { GraphQLError, parse, validate, type GraphQLSchema } from 'graphql';
import { WebSocketServer, type WebSocket } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import type { AppRuntime } from '../app-runtime';
import { bearerToken } from '../auth/token.service';
import { RequestContext, type AuthState } from '../context/request-context';
import { In } from 'typeorm';
import { User } from '../entities/user.entity';
import { toClientError } from '../errors/error-mapper';
import { ErrorCode } from '../errors/error-code';
import { allValidationRules } from '../schema/query-limits';

/** What a socket remembers between its messages. */
interface SocketState {
  auth?: AuthState;
  connectionId: string;
  expiryTimer?: NodeJS.Timeout;
  active: Set<string>;
}

/** Reads `authorization` from connectionParams whatever its case (GraphiQL sends `Authorization`). */
export function authorizationParam(params: Readonly<Record<string, unknown>> | undefined): unknown {
  if (!params) return undefined;
  const key = Object.keys(params).find((k) => k.toLowerCase() === 'authorization');
  return key ? params[key] : undefined;
}

const toGraphQLError = toClientError;

/**
 * graphql-ws on the HTTP server's `/graphql` path. A socket must present a valid bearer token in
 * connectionParams or it is closed with 4403 before any subscription; when the token expires the socket
 * (and every subscription it carries) is closed with 4401. Apollo's plugins do not run here, so the same
 * validation rules and error mapping are applied by hand.
 */
export function attachGraphqlWs(httpServer: Server, schema: GraphQLSchema, app: AppRuntime) {
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const rules = allValidationRules(app.config.limits);
  const states = new WeakMap<object, SocketState>();
  const authenticated = new Map<WebSocket, SocketState>();
  const stateOf = (extra: object): SocketState => {
    let s = states.get(extra);
    if (!s) states.set(extra, (s = { connectionId: randomUUID(), active: new Set() }));
    return s;
  };

  const cleanup = useServer<Record<string, unknown>>(
    {
      schema,
      onConnect: async (ctx) => {
        const token = bearerToken(authorizationParam(ctx.connectionParams));
        const auth = await app.services.auth.authenticate(app.db.dataSource, token);
        if (!auth.user || !token) return false;
        const state = stateOf(ctx.extra);
        state.auth = auth;
        authenticated.set(ctx.extra.socket, state);
        const expiresAt = await app.services.auth.expiryOf(token);
        if (expiresAt) {
          const ms = Math.max(0, expiresAt.getTime() - Date.now());
          // setTimeout's limit is ~24.8 days; tokens live hours
          state.expiryTimer = setTimeout(() => ctx.extra.socket.close(4401, 'Token expired'), Math.min(ms, 2 ** 31 - 1));
        }
        return true;
      },
      onClose: (ctx) => {
        authenticated.delete(ctx.extra.socket);
        const state = states.get(ctx.extra);
        if (state?.expiryTimer) clearTimeout(state.expiryTimer);
        state?.active.clear();
      },
      onSubscribe: (ctx, id, payload) => {
        const state = stateOf(ctx.extra);
        if (state.active.size >= app.config.ws.maxSubscriptions) {
          return [
            new GraphQLError(`每个连接最多同时订阅 ${app.config.ws.maxSubscriptions} 项`, {
              extensions: { code: ErrorCode.LIMIT_EXCEEDED },
            }),
          ];
        }
        let document;
        try {
          document = parse(payload.query, { maxTokens: app.config.limits.maxTokens });
        } catch (err) {
          return [toGraphQLError(err)];
        }
        const errors = validate(schema, document, rules);
        if (errors.length) return errors.map(toGraphQLError);
        state.active.add(id);
        return undefined;
      },
      onComplete: (ctx, id) => {
        stateOf(ctx.extra).active.delete(id);
      },
      context: (ctx) => {
        const state = stateOf(ctx.extra);
        const ip = ctx.extra.request.socket.remoteAddress ?? 'unknown';
        const requestId = `${state.connectionId}`;
        return new RequestContext(app, state.auth ?? {}, requestId, ip, app.logger.child({ requestId, ws: true }));
      },
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => toGraphQLError(e).toJSON()),
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: result.errors.map((e) => ({ ...toGraphQLError(e).toJSON(), path: e.path })) } : result,
    },
    wsServer,
  );
  const heartbeat = startHeartbeat(wsServer, app.config.ws.heartbeatMs);
  const revalidation = setInterval(() => void revokeStaleSockets(app, authenticated), app.config.ws.heartbeatMs);
  revalidation.unref();
  return {
    wsServer,
    dispose: async () => {
      clearInterval(heartbeat);
      clearInterval(revalidation);
      await cleanup.dispose();
    },
  };
}

/**
 * A socket authenticates once, when it opens. Each heartbeat the users behind open sockets are read again
 * (one query for all of them): a user disabled or whose password changed since has revoked its tokens, and its
 * sockets are closed with 4403 so no further event reaches it.
 */
async function revokeStaleSockets(app: AppRuntime, sockets: Map<WebSocket, SocketState>): Promise<void> {
  const ids = [...new Set([...sockets.values()].map((s) => s.auth?.user?.id).filter((id): id is string => !!id))];
  if (!ids.length) return;
  try {
    const current = new Map((await app.db.dataSource.getRepository(User).findBy({ id: In(ids) })).map((u) => [u.id, u]));
    for (const [socket, state] of sockets) {
      const was = state.auth?.user;
      const now = was ? current.get(was.id) : undefined;
      if (was && (!now || now.disabled || now.tokenVersion !== was.tokenVersion)) {
        sockets.delete(socket);
        socket.close(4403, 'Token revoked');
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
