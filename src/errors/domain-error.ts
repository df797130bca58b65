import { ErrorCode } from './error-code';

/** Extra, code-specific facts a client may act on (e.g. the current state of an illegal transition). */
export type ErrorDetails = Record<string, unknown>;

/**
 * A refused operation. Services throw these; the error mapper turns them into GraphQL errors with
 * `extensions.code`, `extensions.field` and the details. The message is for people, in Chinese.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** Why a request is not signed in, sent as `extensions.reason` so a front end knows whether refreshing can help. */
export type UnauthenticatedReason = 'MISSING' | 'INVALID' | 'EXPIRED' | 'REVOKED';

export const unauthenticated = (message = '未登录或登录已失效，请重新登录', reason?: UnauthenticatedReason) =>
  new DomainError(ErrorCode.UNAUTHENTICATED, message, undefined, reason ? { reason } : {});
export const forbidden = (message = '无权执行该操作') => new DomainError(ErrorCode.FORBIDDEN, message);
export const notFound = (what: string, field?: string) => new DomainError(ErrorCode.NOT_FOUND, `${what}不存在或无权查看`, field);
export const badInput = (field: string, message: string) => new DomainError(ErrorCode.BAD_USER_INPUT, message, field);
export const alreadyExists = (field: string | undefined, message: string) => new DomainError(ErrorCode.ALREADY_EXISTS, message, field);
export const conflict = (message = '数据已被他人修改，请刷新后重试') => new DomainError(ErrorCode.CONFLICT, message);
export const tooManyRequests = (message: string, retryAfterSeconds?: number) =>
  new DomainError(ErrorCode.TOO_MANY_REQUESTS, message, undefined, retryAfterSeconds ? { retryAfterSeconds } : {});
export const serviceUnavailable = (message = '服务暂不可用，请稍后再试') => new DomainError(ErrorCode.SERVICE_UNAVAILABLE, message);
