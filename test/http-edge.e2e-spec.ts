import request from 'supertest';
import { expectErrorCode, type GraphQLResponse } from './harness/graphql-client';
import { createTestServer, type TestServer } from './harness/test-server';
import { connectLive, type LiveClient } from './harness/ws-client';

/** A refusal that arrives as GraphQL-shaped JSON with a Chinese message, never an HTML page or a stack. */
function expectJsonRefusal(res: request.Response, status: number, code: string): void {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  expect(res.text).not.toMatch(/<html|<pre>|\n\s+at /i);
  expect(res.body.errors).toHaveLength(1);
  expect(res.body.errors[0].extensions.code).toBe(code);
  expect(res.body.errors[0].message).toMatch(/[\u4e00-\u9fa5]/);
}

// Production's settings for the schema's visibility, switched off by hand (the tests run as NODE_ENV=test).
describe('the HTTP edge of /graphql', () => {
  let t: TestServer;
  let live: LiveClient;

  beforeAll(async () => {
    t = await createTestServer({ GRAPHIQL: '1', GRAPHQL_INTROSPECTION: '0' });
    live = connectLive(t.wsUrl, t.admin.token);
  });
  afterAll(async () => {
    await live?.close();
    await t?.close();
  });

  it('refuses a subscription sent over HTTP with BAD_USER_INPUT pointing to the WebSocket, signed in or not', async () => {
    for (const client of [t.admin, t.client]) {
      const res = await client.query('subscription { caseEvents { type } }');
      expect(res.status).toBe(400);
      const err = expectErrorCode(res, 'BAD_USER_INPUT');
      expect(err.message).toContain('WebSocket');
    }
    // a query in the same document runs when it is the operation asked for
    const res = await request(t.baseUrl)
      .post('/graphql')
      .set('authorization', `Bearer ${t.admin.token}`)
      .send({ query: 'subscription S { caseEvents { type } } query Q { me { username } }', operationName: 'Q' });
    expect(res.body).toEqual({ data: { me: { username: 'admin' } } });
  });

  it('answers a body that is not JSON with a GraphQL-shaped 400, and a body over the limit with a 413', async () => {
    const malformed = await request(t.baseUrl).post('/graphql').set('content-type', 'application/json').send('{"query": "{ me { id } }"');
    expectJsonRefusal(malformed, 400, 'BAD_USER_INPUT');
    const tooLarge = await request(t.baseUrl)
      .post('/graphql')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ query: '{ __typename }', variables: { padding: 'x'.repeat(2 * 1024 * 1024) } }));
    expectJsonRefusal(tooLarge, 413, 'LIMIT_EXCEEDED');
  });

  it('answers a CORS preflight with 204 and the headers a browser front end needs, with GraphiQL on', async () => {
    const res = await request(t.baseUrl)
      .options('/graphql')
      .set('origin', 'http://front.example.gov.cn')
      .set('access-control-request-method', 'POST')
      .set('access-control-request-headers', 'authorization, content-type');
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['access-control-allow-methods']).toContain('POST');
    expect(res.headers['access-control-allow-headers']?.toLowerCase()).toContain('authorization');
    expect(res.headers['access-control-allow-headers']?.toLowerCase()).toContain('content-type');
    // the page itself is still there
    const page = await request(t.baseUrl).get('/graphql').set('accept', 'text/html');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
  });

  it('refuses introspection over HTTP and WebSocket when it is off, and keeps __typename', async () => {
    const overHttp = expectErrorCode(await t.admin.query('{ __schema { types { name } } }'), 'BAD_USER_INPUT');
    expect(overHttp.message).toContain('内省');
    expectErrorCode(await t.client.query('{ __type(name: "Case") { fields { name } } }'), 'BAD_USER_INPUT');
    expect((await t.client.ok('{ __typename }')).__typename).toBe('Query');
    const sub = await live.subscribe('{ __schema { queryType { name } } }');
    const overWs = (await sub.next()).errors![0];
    expect(overWs.extensions?.code).toBe('BAD_USER_INPUT');
    expect(overWs.message).toContain('内省');
  });

  it('leaves out "Did you mean" suggestions over HTTP and WebSocket when introspection is off', async () => {
    const noSuggestion = (res: GraphQLResponse) => {
      const err = expectErrorCode(res, 'BAD_USER_INPUT');
      expect(err.message).toContain('errorCode');
      expect(err.message).not.toMatch(/Did you mean|errorCodes/);
    };
    noSuggestion(await t.client.query('{ errorCode { code } }'));
    const sub = await live.subscribe('{ errorCode { code } }');
    const res = await sub.next();
    noSuggestion({ status: 200, errors: res.errors as GraphQLResponse['errors'], headers: {} });
  });
});
