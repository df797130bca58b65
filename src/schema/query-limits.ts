import { GraphQLError, getNamedType, isIntrospectionType, specifiedRules, type ValidationContext, type ValidationRule } from 'graphql';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import type { QueryLimits } from '../config/config';
import { ErrorCode } from '../errors/error-code';

/** Turns a graphql-armor rejection into our `QUERY_TOO_COMPLEX` error with a Chinese message. */
function reject(what: string) {
  return (ctx: ValidationContext | null, err: GraphQLError) =>
    ctx?.reportError(
      new GraphQLError(`查询${what}超出限制：${err.message.replace(/^Syntax Error: /, '')}`, {
        extensions: { code: ErrorCode.QUERY_TOO_COMPLEX },
      }),
    );
}

/**
 * The depth, alias and cost limits. The same list guards HTTP (Apollo's `validationRules`) and the
 * WebSocket (graphql-ws's `onSubscribe`), so a subscription cannot do what a query may not.
 */
export function queryLimitRules(limits: QueryLimits): ValidationRule[] {
  const common = { propagateOnRejection: false, exposeLimits: true };
  return [
    maxDepthRule({ ...common, n: limits.maxDepth, onReject: [reject('深度')] }),
    maxAliasesRule({ ...common, n: limits.maxAliases, onReject: [reject('别名数')] }),
    costLimitRule({ ...common, maxCost: limits.maxCost, onReject: [reject('复杂度')] }),
  ] as ValidationRule[];
}

/** graphql-js's own rules followed by ours; used where we validate by hand (the WebSocket). */
export function allValidationRules(limits: QueryLimits): ValidationRule[] {
  return [...specifiedRules, ...queryLimitRules(limits)];
}

/**
 * Refuses `__schema` and `__type` when introspection is off (production's default); `__typename` stays. The
 * same rule guards HTTP and the WebSocket.
 */
export function introspectionRules(enabled: boolean): ValidationRule[] {
  if (enabled) return [];
  const rule: ValidationRule = (ctx) => ({
    Field(node) {
      const type = getNamedType(ctx.getType());
      if (type && isIntrospectionType(type)) {
        ctx.reportError(
          new GraphQLError('本服务器未开启内省查询（__schema、__type），请使用仓库中的 schema.graphql', {
            nodes: node,
            extensions: { code: ErrorCode.BAD_USER_INPUT },
          }),
        );
      }
    },
  });
  return [rule];
}
