import request from 'supertest';
import { assignedCase, seedCountyPeople, type CountyPeople } from './harness/case-fixtures';
import type { GraphQLTestClient } from './harness/graphql-client';
import { createTestServer, type TestServer } from './harness/test-server';

// A document is interpreted by graphql-js the first time it is sent and run from its graphql-jit plan after that.
// Front ends must not be able to tell: every answer below, data and errors alike, is compared byte for byte (with the
// errors in path order) across the first, second and third sending.

const LIST = `query List($first: Int!, $withUnits: Boolean!) {
  cases(first: $first) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { ...Row again: serialNo } }
  }
}
fragment Row on Case {
  id serialNo status channel summary @skip(if: $withUnits) receivedAt
  assignments { id status deadlineState unit @include(if: $withUnits) { id name } }
}`;

interface Sent {
  status: number;
  body: string;
}

/**
 * The answer's text with its errors in path order. GraphQL leaves the order of errors open, and both executors list
 * them as their fields settle: two fields failing in the same database round trip may come either way round.
 */
function withErrorsInPathOrder(text: string): string {
  const body = JSON.parse(text) as { errors?: Array<{ path?: unknown }> };
  body.errors?.sort((a, b) => JSON.stringify(a.path ?? []).localeCompare(JSON.stringify(b.path ?? [])));
  return JSON.stringify(body);
}

async function send(client: GraphQLTestClient, query: string, variables?: Record<string, unknown>, operationName?: string): Promise<Sent> {
  const res = await request(client.baseUrl)
    .post('/graphql')
    .set('content-type', 'application/json')
    .set('authorization', `Bearer ${client.token}`)
    .send({ query, variables, operationName });
  return { status: res.status, body: withErrorsInPathOrder(res.text) };
}

describe('repeated documents run compiled, with the same answers as the first, interpreted run', () => {
  let t: TestServer;
  let p: CountyPeople;
  let caseId: string;

  beforeAll(async () => {
    t = await createTestServer();
    p = await seedCountyPeople(t);
    for (let i = 0; i < 3; i++) {
      caseId = (await assignedCase(p.registrar, p.county.government, { summary: `反映第${i + 1}件事` })).id;
    }
  });
  afterAll(() => t?.close());

  let sent = 0;

  /**
   * Sends a request three times as a document never sent before (a comment of its own at the end, so locations stay);
   * all three answers must be identical. Returns the answer and how the three were run.
   */
  async function sameThrice(client: GraphQLTestClient, query: string, variables?: Record<string, unknown>, operationName?: string) {
    const fresh = `${query}\n# ${++sent}`;
    const before = t.server.execution.counts();
    const first = await send(client, fresh, variables, operationName);
    const second = await send(client, fresh, variables, operationName);
    const third = await send(client, fresh, variables, operationName);
    expect(second).toEqual(first);
    expect(third).toEqual(first);
    const after = t.server.execution.counts();
    return { ...first, interpreted: after.interpreted - before.interpreted, compiled: after.compiled - before.compiled };
  }

  /** As `sameThrice`, and the first run interpreted, the later two compiled. */
  async function interpretedThenCompiled(client: GraphQLTestClient, query: string, variables?: Record<string, unknown>, operationName?: string): Promise<Sent> {
    const answer = await sameThrice(client, query, variables, operationName);
    expect({ interpreted: answer.interpreted, compiled: answer.compiled }).toEqual({ interpreted: 1, compiled: 2 });
    return answer;
  }

  it('answers the nested case list the same, with fragments, aliases and @include', async () => {
    const withUnits = JSON.parse((await interpretedThenCompiled(p.registrar, LIST, { first: 2, withUnits: true })).body);
    expect(withUnits.data.cases.totalCount).toBe(3);
    expect(withUnits.data.cases.edges[0].node.again).toBe(withUnits.data.cases.edges[0].node.serialNo);
    expect(withUnits.data.cases.edges[0].node.assignments[0].unit.id).toBe(p.county.government);
    const withoutUnits = JSON.parse((await interpretedThenCompiled(p.registrar, LIST, { first: 2, withUnits: false })).body);
    expect(withoutUnits.data.cases.edges[0].node.assignments[0]).not.toHaveProperty('unit');
    expect(withoutUnits.data.cases.edges[0].node.summary).toEqual(expect.any(String));
    expect(withUnits.data.cases.edges[0].node).not.toHaveProperty('summary');
  });

  it('answers a hidden case as NOT_FOUND beside data the viewer may read, with the same path and locations', async () => {
    const query = `query Mixed($id: ID!, $none: ID!) {\r  me { id } hidden: case(id: $id) { id summary }\r\n  missing: case(id: $none) { id }\n}`;
    const answer = JSON.parse((await interpretedThenCompiled(p.court, query, { id: caseId, none: '00000000-0000-4000-8000-000000000000' })).body);
    expect(answer.data.me.id).toEqual(expect.any(String));
    expect(answer.data.hidden).toBeNull();
    expect(answer.data.missing).toBeNull();
    expect(answer.errors).toHaveLength(2);
    // lines as graphql-js counts them: a lone \r ends a line too
    expect(answer.errors[0]).toMatchObject({ path: ['hidden'], locations: [{ line: 2, column: 13 }], extensions: { code: 'NOT_FOUND' } });
    expect(answer.errors[1]).toMatchObject({ path: ['missing'], locations: [{ line: 3, column: 3 }], extensions: { code: 'NOT_FOUND' } });
  });

  it('refuses a bad argument and a mistyped variable the same way each time', async () => {
    const tooMany = JSON.parse((await interpretedThenCompiled(p.registrar, LIST, { first: 1000, withUnits: true })).body);
    expect(tooMany.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });

    const mistyped = await sameThrice(p.registrar, LIST, { first: 'many', withUnits: true });
    // refused variables always get graphql-js's own answer
    expect({ interpreted: mistyped.interpreted, compiled: mistyped.compiled }).toEqual({ interpreted: 3, compiled: 0 });
    expect(mistyped.status).toBe(400);
    expect(JSON.parse(mistyped.body).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('runs the mutations of one document in order, each in its own transaction, when compiled too', async () => {
    const doc = `mutation Route($id: ID!, $unit: ID!) {
      accepted: acceptCase(id: $id) { status }
      routed: assignCase(input: { caseId: $id, unitId: $unit, mode: ASSIGN }) { status case { status } }
    }`;
    const before = t.server.execution.counts();
    for (let i = 0; i < 3; i++) {
      const { registerCase } = await p.registrar.ok('mutation($input: RegisterCaseInput!) { registerCase(input: $input) { id } }', {
        input: { channel: 'LETTER', caseType: 'CLAIM', receivedAt: '2026-03-31T23:30:00+08:00', category: '土地征收', summary: `第${i}件`, content: '内容', petitioners: [{ name: '张三' }] },
      });
      // accepting must have happened before the assignment reads the case, or assigning is refused
      const answer = await p.registrar.ok(doc, { id: registerCase.id, unit: p.county.court });
      expect(answer).toEqual({ accepted: { status: 'ACCEPTED' }, routed: { status: 'PENDING', case: { status: 'ASSIGNED' } } });
    }
    expect(t.server.execution.counts().compiled - before.compiled).toBeGreaterThanOrEqual(2);
  });

  it('refuses a role that may not run an operation, and picks the named operation of a document', async () => {
    const doc = `query Mine { me { roles } } mutation Nope { createUnit(input: { code: "x-1", name: "X", kind: DEPARTMENT, level: COUNTY }) { id } }`;
    const refused = JSON.parse((await interpretedThenCompiled(p.court, doc, undefined, 'Nope')).body);
    expect(refused.errors[0].extensions.code).toBe('FORBIDDEN');
    const mine = JSON.parse((await interpretedThenCompiled(p.court, doc, undefined, 'Mine')).body);
    expect(mine.data.me.roles).toEqual(['LIAISON']);
  });

  it('never runs an operation Apollo Server did not resolve, such as one named by an empty operationName', async () => {
    const count = async () => (await p.registrar.ok('{ cases(first: 1) { totalCount } }')).cases.totalCount as number;
    const before = await count();
    const doc = `mutation Make($input: RegisterCaseInput!) { registerCase(input: $input) { id } }`;
    const input = { channel: 'LETTER', caseType: 'CLAIM', receivedAt: '2026-03-31T23:30:00+08:00', category: '土地征收', summary: '不应登记', content: '内容', petitioners: [{ name: '张三' }] };
    const answer = await sameThrice(p.registrar, doc, { input }, '');
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.compiled).toBe(0);
    expect(await count()).toBe(before);
  });
});
