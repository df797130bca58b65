import { types } from 'node:util';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError, AuthenticationError, AuthorizationError } from 'type-graphql';
import type { ValidationError } from 'class-validator';
import { QueryFailedError } from 'typeorm';
import { DomainError } from './domain-error';
import { ErrorCode } from './error-code';
import { schemaInputProblem } from './schema-input-error';

/** One refused input field, as listed in `extensions.fieldErrors`. */
export interface FieldError {
  /** Dotted path from the argument, with list indexes: `petitioners.0.idNumber`. */
  field: string;
  code: ErrorCode;
  message: string;
}

export interface MappedError {
  code: ErrorCode;
  message: string;
  field?: string;
  details?: Record<string, unknown>;
  /** True when the cause is ours, not the client's: log it and hide its text. */
  internal?: boolean;
}

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));

/** Apollo's and graphql-js's own request-level codes, all of them the client's mistake. */
const REQUEST_CODES: Record<string, string> = {
  GRAPHQL_PARSE_FAILED: '查询语法错误',
  GRAPHQL_VALIDATION_FAILED: '查询与模式不符',
  BAD_USER_INPUT: '输入不合法',
  BAD_REQUEST: '请求格式错误',
  OPERATION_RESOLUTION_FAILURE: '无法确定要执行的操作',
  PERSISTED_QUERY_NOT_FOUND: '持久化查询不存在',
  PERSISTED_QUERY_NOT_SUPPORTED: '不支持持久化查询',
};

/** Every failed constraint of a validation, depth first, one per field (the first message of each). */
function fieldErrorsOf(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((e) => {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    const message = e.constraints && Object.values(e.constraints)[0];
    const own: FieldError[] = message ? [{ field: path, code: ErrorCode.BAD_USER_INPUT, message }] : [];
    return [...own, ...fieldErrorsOf(e.children ?? [], path)];
  });
}

const DUPLICATE = /ER_DUP_ENTRY|Duplicate entry|SQLITE_CONSTRAINT_UNIQUE|SQLITE_CONSTRAINT_PRIMARYKEY|UNIQUE constraint failed/;
const UNAVAILABLE = /ECONNREFUSED|ETIMEDOUT|PROTOCOL_CONNECTION_LOST|ER_CON_COUNT_ERROR|Pool is closed|SQLITE_BUSY|ECONNRESET/;

/** True for InnoDB's "Deadlock found when trying to get lock" (ER_LOCK_DEADLOCK, 1213). */
export function isDeadlock(err: unknown): boolean {
  const e = err as { code?: unknown; errno?: unknown } | null;
  return !!e && (e.code === 'ER_LOCK_DEADLOCK' || e.errno === 1213);
}

/** True for a unique-key violation on either engine. */
export function isUniqueViolation(err: unknown): boolean {
  return err instanceof QueryFailedError && DUPLICATE.test(err.message);
}

/**
 * The one place that decides what any thrown value means to a client. Domain errors keep their code,
 * field and details; validation and authorisation failures of the framework get our codes; database
 * races and outages get stable codes; anything else is `INTERNAL` and its text never leaves the server.
 */
export function mapError(error: unknown): MappedError {
  let original: unknown = error;
  while (original instanceof GraphQLError && original.originalError && !(original instanceof ArgumentValidationError)) {
    original = original.originalError;
  }
  if (original instanceof DomainError) {
    return { code: original.code, message: original.message, field: original.field, details: original.details };
  }
  if (original instanceof ArgumentValidationError) {
    const fieldErrors = fieldErrorsOf(original.extensions.validationErrors);
    const first = fieldErrors[0];
    return { code: ErrorCode.BAD_USER_INPUT, message: first?.message ?? '输入不合法', field: first?.field, details: first ? { fieldErrors } : {} };
  }
  if (original instanceof AuthenticationError) return { code: ErrorCode.UNAUTHENTICATED, message: '请先登录', details: { reason: 'MISSING' } };
  if (original instanceof AuthorizationError) return { code: ErrorCode.FORBIDDEN, message: '当前角色无权执行该操作' };
  if (isUniqueViolation(original) || isDeadlock(original)) {
    return { code: ErrorCode.CONFLICT, message: '数据已被同时修改或已存在，请刷新后重试' };
  }
  // isNativeError also knows an Error made in another realm (a vm context), whose class `instanceof Error` does not see
  if ((original instanceof Error || types.isNativeError(original)) && UNAVAILABLE.test(`${(original as { code?: string }).code ?? ''} ${original.message}`)) {
    return { code: ErrorCode.SERVICE_UNAVAILABLE, message: '数据库暂不可用，请稍后再试', internal: true };
  }
  const schemaProblem = error instanceof GraphQLError ? schemaInputProblem(error) : undefined;
  if (schemaProblem) return { code: ErrorCode.BAD_USER_INPUT, message: schemaProblem.message, field: schemaProblem.field };
  if (original instanceof GraphQLError && error instanceof GraphQLError) {
    const inner = String(original.extensions?.code ?? '');
    const code = KNOWN_CODES.has(inner) ? inner : String(error.extensions?.code ?? '');
    if (KNOWN_CODES.has(code) && code !== ErrorCode.BAD_USER_INPUT) {
      const { code: _c, ...details } = original.extensions as Record<string, unknown>;
      const field = typeof details.field === 'string' ? details.field : undefined;
      delete details.field;
      return { code: code as ErrorCode, message: original.message, field, details };
    }
    if (/contains more th\w+ \d+ tokens/.test(error.message)) {
      return { code: ErrorCode.QUERY_TOO_COMPLEX, message: `查询过长，超出服务器限制: ${error.message}` };
    }
    // graphql-js and Apollo report malformed requests and bad variables in English; the field is in the text
    if (code in REQUEST_CODES || !code) {
      const field = /at "([^"]+)"/.exec(error.message)?.[1]?.replace(/^input\./, '').replace(/\[(\d+)\]/g, '.$1');
      return { code: ErrorCode.BAD_USER_INPUT, message: `${REQUEST_CODES[code] ?? '请求不合法'}: ${error.message}`, field };
    }
  }
  return { code: ErrorCode.INTERNAL, message: '服务器内部错误', internal: true };
}

/** Shapes a mapped error as it goes over the wire; stack traces only in development. */
export function formatMappedError(
  mapped: MappedError,
  formatted: GraphQLFormattedError,
  opts: { requestId?: string; stack?: string } = {},
): GraphQLFormattedError {
  // a refusal about one field is the one-element case of "every field error at once"
  const fieldErrors: FieldError[] | undefined =
    mapped.code === ErrorCode.BAD_USER_INPUT && mapped.field && !mapped.details?.fieldErrors
      ? [{ field: mapped.field, code: mapped.code, message: mapped.message }]
      : undefined;
  // every UNAUTHENTICATED says why; one raised without a reason refused the credentials or token presented
  const reason = mapped.code === ErrorCode.UNAUTHENTICATED && !mapped.details?.reason ? { reason: 'INVALID' } : {};
  return {
    message: mapped.message,
    locations: formatted.locations,
    path: formatted.path,
    extensions: {
      code: mapped.code,
      ...(mapped.field ? { field: mapped.field } : {}),
      ...(mapped.details ?? {}),
      ...reason,
      ...(fieldErrors ? { fieldErrors } : {}),
      ...(opts.requestId && mapped.code === ErrorCode.INTERNAL ? { requestId: opts.requestId } : {}),
      ...(opts.stack ? { stacktrace: opts.stack.split('\n') } : {}),
    },
  };
}

const SUGGESTION = /\s*Did you mean [^]*$/;

/**
 * Drops graphql-js's "Did you mean …?" hints: with introspection off they would still spell out the schema
 * one guess at a time.
 */
export function withoutSuggestions(mapped: MappedError): MappedError {
  return SUGGESTION.test(mapped.message) ? { ...mapped, message: mapped.message.replace(SUGGESTION, '') } : mapped;
}

const clientErrors = new WeakSet<GraphQLError>();

/**
 * The error as a client sees it, for the transport Apollo's `formatError` does not serve (the WebSocket). graphql-ws
 * passes errors refused before execution through its error hook once more; those are returned as they are.
 */
export function toClientError(error: unknown, opts: { suggestions?: boolean } = {}): GraphQLError {
  if (error instanceof GraphQLError && clientErrors.has(error)) return error;
  const mapped = opts.suggestions === false ? withoutSuggestions(mapError(error)) : mapError(error);
  const { message, extensions } = formatMappedError(mapped, { message: mapped.message });
  const shaped = new GraphQLError(message, { extensions });
  clientErrors.add(shaped);
  return shaped;
}
