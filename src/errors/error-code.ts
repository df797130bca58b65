import { registerEnumType } from 'type-graphql';

/** Stable machine-readable error codes, sent as `extensions.code`. Never reuse a code for another meaning. */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  ALREADY_EXISTS = 'ALREADY_EXISTS',
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  CONFLICT = 'CONFLICT',
  DEADLINE_PASSED = 'DEADLINE_PASSED',
  LIMIT_EXCEEDED = 'LIMIT_EXCEEDED',
  NOT_ACCEPTABLE_AGAIN = 'NOT_ACCEPTABLE_AGAIN',
  ACCUSED_UNIT_EXCLUDED = 'ACCUSED_UNIT_EXCLUDED',
  REPLY_WORDING_MISMATCH = 'REPLY_WORDING_MISMATCH',
  REPLY_WORDING_OUTDATED = 'REPLY_WORDING_OUTDATED',
  CONFLICTING_REPLY = 'CONFLICTING_REPLY',
  MEETING_NOT_IN_SESSION = 'MEETING_NOT_IN_SESSION',
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  INTERNAL = 'INTERNAL',
}

/** Chinese description of each code; the schema documents the enum with these. */
export const ERROR_CODE_DESCRIPTIONS: Record<ErrorCode, string> = {
  UNAUTHENTICATED: '未登录，或令牌无效、已过期、已吊销；extensions.reason 为 MISSING、INVALID、EXPIRED 或 REVOKED，EXPIRED 时可续期 (unauthenticated)',
  FORBIDDEN: '当前用户的角色或单位无权执行该操作 (forbidden)',
  NOT_FOUND: '对象不存在，或当前用户无权看到它 (not found)',
  BAD_USER_INPUT: '输入不合法；extensions.fieldErrors 一次列出全部出错字段（field、code、message），extensions.field 为其中第一个 (bad user input)',
  ALREADY_EXISTS: '对象已存在，如重复的单位编码、用户名、重复评价、重复会签 (already exists)',
  INVALID_TRANSITION: '当前状态下不允许该操作；extensions.currentState / requestedAction 给出当前状态与所请求的操作 (invalid state transition)',
  CONFLICT: '并发修改冲突：他人已先行修改，请刷新后重试 (optimistic concurrency conflict)',
  DEADLINE_PASSED: '已超过法定或规定期限，如超过 5 个工作日的异议期 (deadline passed)',
  LIMIT_EXCEEDED: '超过次数或数量限制，如延期超过 30 日或第二次延期 (limit exceeded)',
  NOT_ACCEPTABLE_AGAIN: '复核后同一事项不再受理 (not acceptable again, 《信访工作条例》第 36 条)',
  ACCUSED_UNIT_EXCLUDED: '检举控告件不得交由被检举单位办理 (accused unit excluded, 第 30 条)',
  REPLY_WORDING_MISMATCH: '答复未采用已批准的统一答复口径，或缺少核心表述 (reply does not conform to the approved wording)',
  REPLY_WORDING_OUTDATED: '答复引用的口径版本已被新版本取代 (reply names a superseded wording)',
  CONFLICTING_REPLY: '与其他单位就同一事项的答复意见不一致（"撞车"），须先统一口径 (conflicting reply)',
  MEETING_NOT_IN_SESSION: '联席会议未在进行中 (meeting not in session)',
  TOO_MANY_REQUESTS: '请求过于频繁，已临时锁定，请稍后再试 (too many requests)',
  QUERY_TOO_COMPLEX: '查询过深、过大或别名过多，超出服务器限制 (query too complex)',
  SERVICE_UNAVAILABLE: '依赖的服务（数据库、消息通道）暂不可用 (service unavailable)',
  INTERNAL: '服务器内部错误；已记录日志，可凭 extensions.requestId 查询 (internal error)',
};

registerEnumType(ErrorCode, {
  name: 'ErrorCode',
  description: '错误代码：被拒绝的操作以 GraphQL 错误返回，extensions.code 取下列值之一 (error codes sent as extensions.code)',
  valuesConfig: Object.fromEntries(
    Object.entries(ERROR_CODE_DESCRIPTIONS).map(([k, description]) => [k, { description }]),
  ) as Record<ErrorCode, { description: string }>,
});
