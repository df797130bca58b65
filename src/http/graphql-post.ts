import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { answerEdgeError, type LoggedRequest } from './edge-errors';
import type { InFlight } from './in-flight';

/** A Connect-style middleware as pino-http, cors and body-parser export them; none of them needs Express. */
type Middleware = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;

export interface GraphqlPostRoute<C extends BaseContext> {
  /** The access log (pino-http): it gives the request its id, its `x-request-id` header and its logger. */
  accessLog: Middleware;
  /** The CORS headers of `/graphql`. */
  cors: Middleware;
  /** The JSON body, with its size limit (body-parser). */
  jsonBody: Middleware;
  apollo: ApolloServer<C>;
  context: (req: LoggedRequest) => Promise<C>;
  work: InFlight;
}

/** The content type body-parser's JSON parser reads by default (`application/json`, any parameters). */
const JSON_TYPE = /^application\/json\s*(?:;|$)/i;

/**
 * Serves `POST /graphql` with a JSON body beside Express instead of through it, and tells whether it took the request
 * (everything else goes on to Express: GET queries, preflights, other content types, GraphiQL, exports).
 *
 * Express gives every request and response a new prototype (`Object.setPrototypeOf`), and V8 then kept most of what a
 * request allocated alive through the next young-generation collection and promoted it: a list request's 200 KB of
 * rows, entities and results were copied and promoted whatever the load, so garbage collection, not the query, set
 * the pace. Served here, the same list costs about 9% less CPU (BENCHMARKS.md, fifth round).
 *
 * The request passes the same steps as through Express, in the same order and with the same instances: the access
 * log, the CORS headers, the JSON body with its limit, the same answers to a refused body, counted in flight, then
 * Apollo Server with the same context. Apollo Server's own answer (status, headers, body) is written as it is.
 */
export function graphqlPostRoute<C extends BaseContext>(route: GraphqlPostRoute<C>): (req: IncomingMessage, res: ServerResponse) => boolean {
  const serve = async (req: LoggedRequest, res: ServerResponse): Promise<void> => {
    const body = (req as { body?: unknown }).body;
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const query = req.url!.indexOf('?');
    const answer = await route.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: 'POST', headers, search: query < 0 ? '' : req.url!.slice(query), body },
      context: () => route.context(req),
    });
    for (const [key, value] of answer.headers) res.setHeader(key, value);
    res.statusCode = answer.status ?? 200;
    if (answer.body.kind === 'complete') {
      res.setHeader('content-length', Buffer.byteLength(answer.body.string));
      res.end(answer.body.string);
      return;
    }
    for await (const chunk of answer.body.asyncIterator) res.write(chunk);
    res.end();
  };

  const failed = (err: unknown, req: LoggedRequest, res: ServerResponse) => {
    if (res.headersSent) {
      req.log.error({ err }, 'request failed after its answer began');
      res.destroy();
    } else {
      answerEdgeError(err, req, res);
    }
  };

  return (req, res) => {
    if (req.method !== 'POST' || !isGraphqlPath(req.url) || !JSON_TYPE.test(req.headers['content-type'] ?? '')) return false;
    const logged = req as LoggedRequest;
    route.accessLog(req, res, () => {
      route.cors(req, res, (corsErr) => {
        if (corsErr) return failed(corsErr, logged, res);
        route.jsonBody(req, res, (bodyErr) => {
          if (bodyErr) return failed(bodyErr, logged, res);
          void route.work.track(serve(logged, res).catch((err: unknown) => failed(err, logged, res)));
        });
      });
    });
    return true;
  };
}

/** `/graphql` or `/graphql/`, with or without a query string, as Express's `app.use('/graphql', …)` matches it at the top. */
function isGraphqlPath(url: string | undefined): boolean {
  if (!url?.startsWith('/graphql')) return false;
  const rest = url.slice('/graphql'.length);
  return rest === '' || rest === '/' || rest.startsWith('?') || rest.startsWith('/?');
}
