import type { Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { GraphQLError, parse, validate, type GraphQLSchema } from 'graphql';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import type { AppRuntime } from '../app-runtime';
import { bearerToken } from '../auth/token.service';
import { RequestContext, type AuthState } from '../context/request-context';
import { mapError } from '../errors/error-mapper';
import { allValidationRules } from '../schema/query-limits';

/** What a socket remembers between its messages. */
interface SocketState {
  auth?: AuthState;
  connectionId: string;
  expiryTimer?: NodeJS.Timeout;
}

/** Reads `authorization` from connectionParams whatever its case (GraphiQL sends `Authorization`). */
export function authorizationParam(params: Readonly<Record<string, unknown>> | undefined): unknown {
  if (!params) return undefined;
  const key = Object.keys(params).find((k) => k.toLowerCase() === 'authorization');
  return key ? params[key] : undefined;
}

const toGraphQLError = (err: unknown) => {
  const mapped = mapError(err);
  return new GraphQLError(mapped.message, { extensions: { code: mapped.code, ...(mapped.field ? { field: mapped.field } : {}) } });
};

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
  const stateOf = (extra: object): SocketState => {
    let s = states.get(extra);
    if (!s) states.set(extra, (s = { connectionId: randomUUID() }));
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
        const expiresAt = await app.services.auth.expiryOf(token);
        if (expiresAt) {
          const ms = Math.max(0, expiresAt.getTime() - Date.now());
          // setTimeout's limit is ~24.8 days; tokens live hours
          state.expiryTimer = setTimeout(() => ctx.extra.socket.close(4401, 'Token expired'), Math.min(ms, 2 ** 31 - 1));
        }
        return true;
      },
      onClose: (ctx) => {
        const state = states.get(ctx.extra);
        if (state?.expiryTimer) clearTimeout(state.expiryTimer);
      },
      onSubscribe: (_ctx, _id, payload) => {
        let document;
        try {
          document = parse(payload.query, { maxTokens: app.config.limits.maxTokens });
        } catch (err) {
          return [toGraphQLError(err)];
        }
        const errors = validate(schema, document, rules);
        if (errors.length) return errors.map(toGraphQLError);
        return undefined;
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
  return { wsServer, dispose: () => cleanup.dispose() };
}
