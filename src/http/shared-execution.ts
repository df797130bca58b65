import { createSourceEventStream, execute, getOperationAST, Kind, print, type ExecutionArgs, type ExecutionResult } from 'graphql';
import type { RequestContext } from '../context/request-context';

/**
 * Root subscription fields whose result depends on nothing of the viewer but its audience (scope, roles, unit,
 * PII access) once the event has passed the viewer's own filter. Others (a meeting's events depend on who takes
 * part) are executed per subscriber as before.
 */
const SHAREABLE_ROOT_FIELDS = new Set(['caseEvents']);

/** The viewer's audience key, or null when this viewer's results must not be shared. */
export type AudienceOf = (ctx: RequestContext) => Promise<string | null>;

const isAsyncIterable = (v: unknown): v is AsyncIterable<unknown> =>
  typeof v === 'object' && v !== null && typeof (v as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function';

/**
 * graphql-ws's `subscribe`, executing each event once per audience rather than once per subscriber: subscribers of
 * the same document and variables whose viewers share an audience key receive one execution result per event
 * (as Hasura multiplexes its live queries). Each subscriber's own filter still decides whether the event reaches it
 * at all; only the execution that follows is shared. An event is recognised by its payload object, which the
 * pub/sub hands to every subscriber alike; a payload that is not shared that way is executed per subscriber.
 */
export function sharedSubscribe(audienceOf: AudienceOf) {
  const results = new WeakMap<object, Map<string, Promise<ExecutionResult>>>();

  return async (args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> => {
    const source = await createSourceEventStream(args);
    if (!isAsyncIterable(source)) return source as ExecutionResult;
    const iterator = source[Symbol.asyncIterator]();
    const operation = getOperationAST(args.document, args.operationName);
    const shareable = !!operation?.selectionSet.selections.every((s) => s.kind === Kind.FIELD && SHAREABLE_ROOT_FIELDS.has(s.name.value));
    const operationKey = shareable ? `${print(args.document)}\u0000${args.operationName ?? ''}\u0000${JSON.stringify(args.variableValues ?? {})}` : '';

    const run = async (payload: unknown): Promise<ExecutionResult> => {
      const executeOnce = async () => execute({ ...args, rootValue: payload }) as ExecutionResult | Promise<ExecutionResult>;
      if (!shareable || typeof payload !== 'object' || payload === null) return executeOnce();
      const audience = await audienceOf(args.contextValue as RequestContext);
      if (audience === null) return executeOnce();
      let byKey = results.get(payload);
      if (!byKey) results.set(payload, (byKey = new Map()));
      const key = `${operationKey}\u0000${audience}`;
      let result = byKey.get(key);
      if (!result) byKey.set(key, (result = executeOnce()));
      return result;
    };

    const mapped: AsyncIterableIterator<ExecutionResult> = {
      async next() {
        const step = await iterator.next();
        if (step.done) return { done: true, value: undefined };
        return { done: false, value: await run(step.value) };
      },
      // like graphql-js's own mapping: stopping the subscription stops its source at once, even while it waits
      async return() {
        await iterator.return?.();
        return { done: true, value: undefined };
      },
      async throw(err: unknown) {
        await iterator.return?.();
        throw err;
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
    return mapped;
  };
}
