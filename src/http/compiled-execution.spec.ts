import { buildSchema, getOperationAST, parse, type DocumentNode } from 'graphql';
import { compiledExecution, type CompiledExecution } from './compiled-execution';

// The executor alone, over a small schema: when an operation is compiled, when its plan is dropped, and what runs
// interpreted. The whole server path (Apollo Server, our errors) is in test/compiled-execution.e2e-spec.ts.

const schema = buildSchema(`type Query { hello(name: String!): String! n: Int! }`);
const root = { hello: ({ name }: { name: string }) => `你好，${name}`, n: () => 1 };

async function executorOf(execution: CompiledExecution) {
  // the executor is handed over as Apollo Server's gateway hands it: after load()
  const { executor } = await execution.load({ apollo: {} });
  if (!executor) throw new Error('no executor');
  return async (document: DocumentNode, operationName?: string, variables?: Record<string, unknown>) =>
    executor({ document, operation: getOperationAST(document, operationName) ?? undefined, request: { operationName, variables }, context: {} } as never);
}

describe('compiledExecution: which operations run from a plan', () => {
  // resolvers on the fields themselves, as type-graphql builds them
  for (const field of Object.values(schema.getQueryType()!.getFields())) field.resolve = (_p, args) => (root as Record<string, (a: unknown) => unknown>)[field.name](args);

  it('interprets the first run of an operation and runs the later ones from one plan', async () => {
    const execution = compiledExecution(schema);
    const run = await executorOf(execution);
    const doc = parse('query Hi($name: String!) { hello(name: $name) }');
    for (let i = 0; i < 3; i++) expect(await run(doc, 'Hi', { name: '张三' })).toEqual({ data: { hello: '你好，张三' } });
    expect(execution.counts()).toEqual({ interpreted: 1, compiled: 2, compilations: 1, notCompilable: 0 });
  });

  it('keeps at most the bound of plans, dropping the least recently used first', async () => {
    const execution = compiledExecution(schema, { plansKept: 2 });
    const run = await executorOf(execution);
    const [a, b, c] = ['query A { n }', 'query B { n }', 'query C { n }'].map((q) => parse(q));
    for (const doc of [a, b, a, b]) await run(doc);
    expect(execution.counts().compilations).toBe(2);
    await run(a); // a is now the most recently used, b the least
    await run(c);
    await run(c); // c compiled: b dropped
    expect(execution.counts().compilations).toBe(3);
    await run(a); // still kept
    expect(execution.counts().compilations).toBe(3);
    await run(b); // compiled again
    expect(execution.counts().compilations).toBe(4);
  });

  it('runs an operation that was not resolved, or whose variables are refused, through graphql-js', async () => {
    const execution = compiledExecution(schema);
    const run = await executorOf(execution);
    const doc = parse('query One { n } query Two { n }');
    for (let i = 0; i < 3; i++) expect((await run(doc, '')).errors?.[0].message).toMatch(/Unknown operation named ""|Must provide operation name/);
    const hi = parse('query Hi($name: String!) { hello(name: $name) }');
    for (let i = 0; i < 3; i++) expect((await run(hi, 'Hi', { name: 42 })).errors?.[0].message).toMatch(/^Variable "\$name" got invalid value 42/);
    expect(execution.counts()).toMatchObject({ interpreted: 6, compiled: 0 });
  });
});
