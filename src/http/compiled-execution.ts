import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import { execute, GraphQLError, type DocumentNode, type ExecutionResult, type GraphQLSchema, type OperationDefinitionNode, type SourceLocation } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';

type Gateway = NonNullable<ApolloServerOptionsWithGateway<BaseContext>['gateway']>;

/** How the operations served so far were run, read by the tests that compare the two ways. */
export interface ExecutionCounts {
  interpreted: number;
  compiled: number;
  /** plans made; more than the distinct operations sent once plans have been dropped for the bound */
  compilations: number;
  /** operations graphql-jit declined, run by graphql-js each time */
  notCompilable: number;
}

/** The executor handed to Apollo Server, with its counts. */
export interface CompiledExecution extends Gateway {
  counts(): ExecutionCounts;
}
type Executor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;

/** A document is compiled on its second run: one-off queries are cheaper interpreted than compiled. */
const COMPILE_AT_RUN = 2;

/**
 * Compiled plans kept at once, least recently used dropped first. A front end sends a few dozen documents; the bound
 * keeps a client that sends endless distinct ones from growing the server, as Apollo Server's document store bounds
 * the documents themselves.
 */
const DEFAULT_PLANS_KEPT = 500;

/** The offset in `body` of a 1-based line and column, with line breaks as graphql-js counts them. */
function positionOf(body: string, { line, column }: SourceLocation): number {
  const breaks = /\r\n|[\n\r]/g;
  let offset = 0;
  for (let l = 1; l < line && breaks.exec(body); l++) offset = breaks.lastIndex;
  return offset + column - 1;
}

/**
 * graphql-jit's errors only look like graphql-js's (no `extensions` object, no nodes or source), and Apollo Server's
 * error formatting reads both: each is rebuilt as a graphql-js error with the same message, locations, path, cause
 * and extensions. It has no `nodes` (graphql-jit keeps only locations); nothing reads them from execution errors.
 */
function asGraphqlJsError(error: GraphQLError, document: DocumentNode): GraphQLError {
  const source = document.loc?.source;
  const positions = source && error.locations?.map((l) => positionOf(source.body, l));
  return new GraphQLError(error.message, { source, positions, path: error.path, originalError: error.originalError, extensions: error.extensions });
}

/**
 * Executes HTTP operations over our own schema, compiling each operation that is sent again with graphql-jit,
 * so a front end's repeated queries (the case list above all) skip graphql-js's per-field interpretation.
 * Apollo Server still parses, validates (our limits included) and caches the documents, runs every plugin and
 * formats every error; this only replaces the step that runs the resolvers. Apollo Server 5 takes another
 * executor only through its gateway interface, hence the shape.
 *
 * Anything graphql-jit declines to compile, and any request whose variables are refused, runs through
 * graphql-js itself, so such requests get graphql-js's own answers and messages.
 */
export function compiledExecution(schema: GraphQLSchema, { plansKept = DEFAULT_PLANS_KEPT } = {}): CompiledExecution {
  const counts: ExecutionCounts = { interpreted: 0, compiled: 0, compilations: 0, notCompilable: 0 };
  // keyed by the operation Apollo Server resolved in the document its store keeps: an evicted document takes its
  // operations' counts with it
  const runs = new WeakMap<OperationDefinitionNode, number>();
  const declined = new WeakSet<OperationDefinitionNode>();
  const plans = new LRUCache<OperationDefinitionNode, CompiledQuery>({ max: plansKept });

  const interpreted = (document: DocumentNode, contextValue: unknown, variables: Record<string, unknown> | undefined, operationName: string | undefined) => {
    counts.interpreted++;
    return execute({ schema, document, contextValue, variableValues: variables, operationName }) as Promise<ExecutionResult> | ExecutionResult;
  };

  const planFor = (document: DocumentNode, operation: OperationDefinitionNode): CompiledQuery | undefined => {
    const kept = plans.get(operation);
    if (kept) return kept;
    const seen = (runs.get(operation) ?? 0) + 1;
    runs.set(operation, seen);
    if (seen < COMPILE_AT_RUN || declined.has(operation)) return undefined;
    const compiled = compileQuery(schema, document, operation.name?.value);
    if (!isCompiledQuery(compiled)) {
      declined.add(operation);
      counts.notCompilable++;
      return undefined;
    }
    counts.compilations++;
    plans.set(operation, compiled);
    return compiled;
  };

  const executor: Executor = async ({ document, request, context, operation }) => {
    const name = request.operationName ?? undefined;
    // only the operation Apollo Server resolved (and checked: GET, subscriptions) may run compiled; without one,
    // graphql-js gives the answer it always gave
    const plan = operation ? planFor(document, operation) : undefined;
    if (!plan) return interpreted(document, context, request.variables, name);
    const result = await plan.query(undefined, context, request.variables ?? {});
    // refused before any resolver ran: graphql-js's answer carries what Apollo Server reads as bad user input
    if (!('data' in result)) return interpreted(document, context, request.variables, name);
    counts.compiled++;
    return result.errors ? { ...result, errors: result.errors.map((e) => asGraphqlJsError(e, document)) } : result;
  };

  return {
    counts: () => ({ ...counts }),
    async load() {
      return { executor };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    async stop() {},
  };
}
