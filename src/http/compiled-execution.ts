import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import { execute, GraphQLError, type DocumentNode, type ExecutionResult, type GraphQLSchema, type SourceLocation } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

type Gateway = NonNullable<ApolloServerOptionsWithGateway<BaseContext>['gateway']>;

/** How the operations served so far were run: counted for operators and for the tests that compare the two ways. */
export interface ExecutionCounts {
  interpreted: number;
  compiled: number;
  /** documents graphql-jit declined, run by graphql-js each time */
  notCompilable: number;
}

/** The executor handed to Apollo Server, with its counts. */
export interface CompiledExecution extends Gateway {
  counts(): ExecutionCounts;
}
type Executor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;

/** What is known of one parsed document: how often it ran, and its compiled form per operation once it has one. */
interface DocumentPlan {
  runs: number;
  compiled: Map<string, CompiledQuery | null>;
}

/** A document is compiled on its second run: one-off queries are cheaper interpreted than compiled. */
const COMPILE_AT_RUN = 2;

/** The offset in `body` of a 1-based line and column. */
function positionOf(body: string, { line, column }: SourceLocation): number {
  let offset = 0;
  for (let l = 1; l < line; l++) offset = body.indexOf('\n', offset) + 1;
  return offset + column - 1;
}

/**
 * graphql-jit's errors only look like graphql-js's (no `extensions` object, no nodes or source), and Apollo Server's
 * error formatting reads both: each is rebuilt as a graphql-js error with the same message, locations, path, cause
 * and extensions.
 */
function asGraphqlJsError(error: GraphQLError, document: DocumentNode): GraphQLError {
  const source = document.loc?.source;
  const positions = source && error.locations?.map((l) => positionOf(source.body, l));
  return new GraphQLError(error.message, { source, positions, path: error.path, originalError: error.originalError, extensions: error.extensions });
}

/**
 * Executes HTTP operations over our own schema, compiling each document that is sent again with graphql-jit,
 * so a front end's repeated queries (the case list above all) skip graphql-js's per-field interpretation.
 * Apollo Server still parses, validates (our limits included) and caches the documents, runs every plugin and
 * formats every error; this only replaces the step that runs the resolvers. Apollo Server 5 takes another
 * executor only through its gateway interface, hence the shape.
 *
 * Anything graphql-jit declines to compile, and any request whose variables are refused, runs through
 * graphql-js itself, so such requests get graphql-js's own answers and messages.
 */
export function compiledExecution(schema: GraphQLSchema): CompiledExecution {
  const counts: ExecutionCounts = { interpreted: 0, compiled: 0, notCompilable: 0 };
  // keyed by the document object Apollo Server's document store keeps: a document it evicts is dropped here too
  const plans = new WeakMap<DocumentNode, DocumentPlan>();
  const interpreted = (document: DocumentNode, contextValue: unknown, variables: Record<string, unknown> | undefined, operationName: string | undefined) => {
    counts.interpreted++;
    return execute({ schema, document, contextValue, variableValues: variables, operationName }) as Promise<ExecutionResult> | ExecutionResult;
  };

  const compiledFor = (document: DocumentNode, operationName: string | undefined): CompiledQuery | null => {
    let plan = plans.get(document);
    if (!plan) plans.set(document, (plan = { runs: 0, compiled: new Map() }));
    if (++plan.runs < COMPILE_AT_RUN) return null;
    const key = operationName ?? '';
    if (!plan.compiled.has(key)) {
      const compiled = compileQuery(schema, document, operationName);
      plan.compiled.set(key, isCompiledQuery(compiled) ? compiled : null);
      if (!isCompiledQuery(compiled)) counts.notCompilable++;
    }
    return plan.compiled.get(key)!;
  };

  const executor: Executor = async ({ document, request, context }) => {
    const name = request.operationName ?? undefined;
    const compiled = compiledFor(document, name);
    if (!compiled) return interpreted(document, context, request.variables, name);
    counts.compiled++;
    const result = await compiled.query(undefined, context, request.variables ?? {});
    // refused before any resolver ran: graphql-js's answer carries what Apollo Server reads as bad user input
    if (!('data' in result)) return interpreted(document, context, request.variables, name);
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
