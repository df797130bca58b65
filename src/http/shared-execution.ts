import { createSourceEventStream, execute, getOperationAST, Kind, print, type ExecutionArgs, type ExecutionResult } from 'graphql';
import type { RequestContext } from '../context/request-context';
import { Eventual } from '../context/eventual';
import { LiveStream } from '../subscriptions/live-stream';

/**
 * Root subscription fields whose result depends on nothing of the viewer but its audience (scope, roles, unit,
 * PII access) once the event has passed the viewer's own filter. Others (a meeting's events depend on who takes
 * part) are executed per subscriber as before.
 */
const SHAREABLE_ROOT_FIELDS = new Set(['caseEvents']);

/** The viewer's audience key, or null when this viewer's results must not be shared. */
export type AudienceOf = (ctx: RequestContext) => string | null | Promise<string | null>;

/**
 * Where a subscription's results can be written without graphql-ws: `write` takes the JSON of one `next` payload.
 * Absent, results go back to graphql-ws one by one.
 */
export interface ResultSink {
  write(payloadJson: string): void;
}

export interface SharedSubscribeOptions {
  /** The subscriber's audience key, or null when its results must not be shared. */
  audienceOf: AudienceOf;
  /** The `next` payload for one result, as graphql-ws's `onNext` makes it. */
  format(result: ExecutionResult): unknown;
  /** The subscription's sink, when its results may be written directly. */
  sinkOf?(args: ExecutionArgs): ResultSink | undefined;
}

/** One execution of an event, with its `next` payload serialised at most once for all who receive it. */
interface Execution {
  result: ExecutionResult;
  json?: string;
}

const isAsyncIterable = (v: unknown): v is AsyncIterable<unknown> =>
  typeof v === 'object' && v !== null && typeof (v as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function';

/**
 * graphql-ws's `subscribe`, executing each event once per audience rather than once per subscriber: subscribers of
 * the same document and variables whose viewers share an audience key receive one execution result per event
 * (as Hasura multiplexes its live queries). Each subscriber's own filter still decides whether the event reaches it
 * at all; only the execution that follows is shared. An event is recognised by its payload object, which the
 * pub/sub hands to every subscriber alike; a payload that is not shared that way is executed per subscriber.
 *
 * A subscription fed by a `LiveStream` with a sink is delivered without graphql-ws's per-result work: the shared
 * result is serialised once per event and audience and written to each subscriber's socket with its own id, from
 * the topic's one listener; graphql-ws then only sees the subscription end.
 */
export function sharedSubscribe({ audienceOf, format, sinkOf }: SharedSubscribeOptions) {
  const executions = new WeakMap<object, Map<string, Eventual<Execution>>>();

  return async (args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> => {
    const source = await createSourceEventStream(args);
    if (!isAsyncIterable(source)) return source as ExecutionResult;
    const iterator = source[Symbol.asyncIterator]();
    const operation = getOperationAST(args.document, args.operationName);
    const shareable = !!operation?.selectionSet.selections.every((s) => s.kind === Kind.FIELD && SHAREABLE_ROOT_FIELDS.has(s.name.value));
    const operationKey = shareable ? `${print(args.document)}\u0000${args.operationName ?? ''}\u0000${JSON.stringify(args.variableValues ?? {})}` : '';

    const executeOnce = async (payload: unknown): Promise<Execution> => ({ result: await execute({ ...args, rootValue: payload }) });
    let keyed: { audience: string; key: string } | undefined;
    const shared = (payload: object, audience: string | null): Execution | Promise<Execution> => {
      if (audience === null) return executeOnce(payload);
      let byKey = executions.get(payload);
      if (!byKey) executions.set(payload, (byKey = new Map()));
      if (keyed?.audience !== audience) keyed = { audience, key: `${operationKey}\u0000${audience}` };
      let execution = byKey.get(keyed.key);
      if (!execution) byKey.set(keyed.key, (execution = new Eventual(executeOnce(payload))));
      return execution.now;
    };
    /** The execution for this subscriber; without waiting a turn when its audience's is already done. */
    const run = (payload: unknown): Execution | Promise<Execution> => {
      if (!shareable || typeof payload !== 'object' || payload === null) return executeOnce(payload);
      const audience = audienceOf(args.contextValue as RequestContext);
      return audience instanceof Promise ? audience.then((a) => shared(payload, a)) : shared(payload, audience);
    };

    const sink = source instanceof LiveStream ? sinkOf?.(args) : undefined;
    if (sink) {
      const stream = source as LiveStream<unknown>;
      const write = (execution: Execution) => {
        if (stream.open) sink.write((execution.json ??= JSON.stringify(format(execution.result))));
      };
      stream.deliverTo((payload) => {
        const execution = run(payload);
        if (execution instanceof Promise) return execution.then(write);
        write(execution);
      });
    }

    const mapped: AsyncIterableIterator<ExecutionResult> = {
      async next() {
        const step = await iterator.next();
        if (step.done) return { done: true, value: undefined };
        return { done: false, value: (await run(step.value)).result };
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
