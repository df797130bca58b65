import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';
import { ErrorCode } from '../errors/error-code';

/** Largest JSON body `/graphql` reads (letters are at most 50,000 characters). */
export const BODY_LIMIT = '1mb';

interface HttpError {
  status?: number;
  type?: string;
  expose?: boolean;
}

/** A request as the access log leaves it: its id and its own logger. */
export type LoggedRequest = IncomingMessage & { id: unknown; log: Logger };

/**
 * Answers a failure before GraphQL runs (a body that is not JSON, too large, in an unknown encoding) in the shape of
 * a GraphQL response with a Chinese message and a stable code, instead of Express's HTML error page, which outside
 * production carries a stack trace. Written with Node's own response methods: the POST route outside Express uses it too.
 */
export function answerEdgeError(err: unknown, req: LoggedRequest, res: ServerResponse): void {
  const e = (err ?? {}) as HttpError;
  let status = 500;
  let code = ErrorCode.INTERNAL;
  let message = '服务器内部错误';
  if (e.type === 'entity.too.large') {
    [status, code, message] = [413, ErrorCode.LIMIT_EXCEEDED, `请求体超过 ${BODY_LIMIT.toUpperCase()} 上限`];
  } else if (e.type === 'entity.parse.failed') {
    [status, code, message] = [400, ErrorCode.BAD_USER_INPUT, '请求体不是合法的 JSON'];
  } else if (e.expose && e.status && e.status >= 400 && e.status < 500) {
    [status, code, message] = [e.status, ErrorCode.BAD_USER_INPUT, '请求格式错误（编码、字符集或长度不符）'];
  }
  if (code === ErrorCode.INTERNAL) req.log.error({ err }, 'request failed before GraphQL');
  else req.log.info({ code, type: e.type }, 'request refused before GraphQL');
  const body = JSON.stringify({ errors: [{ message, extensions: { code, ...(code === ErrorCode.INTERNAL ? { requestId: String(req.id) } : {}) } }] });
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(body));
  res.end(body);
}

/** {@link answerEdgeError} as Express's last error handler. */
export function edgeErrorHandler(): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (res.headersSent) return next(err);
    answerEdgeError(err, req as unknown as LoggedRequest, res);
  };
}
