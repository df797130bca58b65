import { Writable } from 'node:stream';
import pino from 'pino';
import request from 'supertest';
import { createTestServer, type TestServer } from './harness/test-server';

// POST /graphql with a JSON body is served beside Express (src/http/graphql-post.ts); every other request, and the
// same POST under another spelling of the path (`/GraphQL`: Express matches paths without regard to case), goes
// through Express. The two routes must answer alike: status, body, content type, CORS headers, request id, access log.
// Express's own send() marks its answers with an ETag, which tells the two routes apart.

describe('POST /graphql beside Express', () => {
  let t: TestServer;
  const lines: Array<Record<string, unknown>> = [];

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        for (const line of chunk.toString('utf8').split('\n')) if (line) lines.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    t = await createTestServer({}, { logger: pino({ level: 'info' }, sink) });
  });
  afterAll(() => t?.close());

  type Send = (path: string) => request.Test;
  /** Sends the same request both ways; an answer Apollo Server wrote shows which way it went by its ETag. */
  const both = async (send: Send, byApollo = true) => {
    const ours = await send('/graphql');
    const express = await send('/GraphQL');
    expect(ours.headers.etag).toBeUndefined();
    // a refused body is answered before Apollo Server by the same function on both ways
    if (byApollo) expect(express.headers.etag).toBeDefined();
    return { ours, express };
  };
  const sameAnswer = ({ ours, express }: { ours: request.Response; express: request.Response }) => {
    expect(ours.status).toBe(express.status);
    expect(ours.headers['content-type']).toBe(express.headers['content-type']);
    expect(ours.headers['content-length']).toBe(String(Buffer.byteLength(ours.text)));
    expect(ours.text).toBe(express.text);
    for (const h of ['access-control-allow-origin', 'access-control-expose-headers', 'vary', 'cache-control']) expect(ours.headers[h]).toBe(express.headers[h]);
  };
  const post = (body: string, headers: Record<string, string> = {}): Send => (path) => {
    const req = request(t.baseUrl).post(path).set('content-type', 'application/json').set('origin', 'http://front.example.gov.cn');
    for (const [k, v] of Object.entries(headers)) req.set(k, v);
    return req.send(body);
  };

  it('answers queries, refusals and errors exactly as the route through Express does', async () => {
    const auth = { authorization: `Bearer ${t.admin.token}` };
    const cases: Array<[string, Send]> = [
      ['a signed-in query', post(JSON.stringify({ query: '{ me { username roles } }' }), auth)],
      ['variables and an operation name', post(JSON.stringify({ query: 'query A { __typename } query B($f: Int!) { cases(first: $f) { totalCount } }', operationName: 'B', variables: { f: 2 } }), auth)],
      ['a query string on the path', post(JSON.stringify({ query: '{ me { username } }' }), auth)],
      ['a charset in the content type', post(JSON.stringify({ query: '{ me { username } }' }), { ...auth, 'content-type': 'application/json; charset=utf-8' })],
      ['a field that does not exist', post(JSON.stringify({ query: '{ me { nope } }' }), auth)],
      ['no token', post(JSON.stringify({ query: '{ me { username } }' }))],
      ['a token that is not one', post(JSON.stringify({ query: '{ me { username } }' }), { authorization: 'Bearer not-a-token' })],
      ['variables of the wrong type', post(JSON.stringify({ query: 'query($f: Int!) { cases(first: $f) { totalCount } }', variables: { f: 'two' } }), auth)],
      ['no query at all', post(JSON.stringify({ variables: {} }), auth)],
      ['a body that is not JSON', post('{"query": "{ me { id } }"')],
      ['a body over the limit', post(JSON.stringify({ query: '{ __typename }', variables: { padding: 'x'.repeat(2 * 1024 * 1024) } }))],
    ];
    for (const [what, send] of cases) {
      const edge = what.startsWith('a body');
      const answer = await both(what === 'a query string on the path' ? (path) => send(`${path}?from=test`) : send, !edge);
      try {
        sameAnswer(answer);
      } catch (err) {
        throw new Error(`${what}: ${(err as Error).message}`, { cause: err });
      }
    }
  });

  it('keeps the request id and writes the access log line of each request', async () => {
    const { ours, express } = await both(post(JSON.stringify({ query: '{ __typename }' }), { 'x-request-id': 'front-42.a' }));
    expect(ours.headers['x-request-id']).toBe('front-42.a');
    expect(express.headers['x-request-id']).toBe('front-42.a');
    const logged = lines.filter((l) => l.msg === 'request completed' && (l.req as { id?: string } | undefined)?.id === 'front-42.a');
    expect(logged.map((l) => (l.req as { url: string }).url).sort()).toEqual(['/GraphQL', '/graphql']);
    for (const l of logged) expect((l.res as { statusCode: number }).statusCode).toBe(200);
    // an id outside the allowed characters is replaced by a fresh one
    const forged = await request(t.baseUrl).post('/graphql').set('content-type', 'application/json').set('x-request-id', 'a b"c').send({ query: '{ __typename }' });
    expect(forged.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('leaves GET queries, preflights and other content types to Express', async () => {
    const get = await request(t.baseUrl).get('/graphql').query({ query: '{ me { username } }' }).set('authorization', `Bearer ${t.admin.token}`).set('apollo-require-preflight', 'true');
    expect(get.status).toBe(200);
    expect(get.body).toEqual({ data: { me: { username: 'admin' } } });
    expect(get.headers.etag).toBeDefined();
    const text = await request(t.baseUrl).post('/graphql').set('content-type', 'text/plain').send('{ me { username } }');
    const textViaExpress = await request(t.baseUrl).post('/GraphQL').set('content-type', 'text/plain').send('{ me { username } }');
    expect(text.status).toBe(textViaExpress.status);
    expect(text.text).toBe(textViaExpress.text);
    expect(text.status).toBeGreaterThanOrEqual(400);
    // a JSON media type that body-parser does not read by default is Express's too
    const vendor = post(JSON.stringify({ query: '{ __typename }' }), { 'content-type': 'application/vnd.api+json' });
    const [vendorOurs, vendorExpress] = [await vendor('/graphql'), await vendor('/GraphQL')];
    expect(vendorOurs.headers.etag).toBeDefined();
    expect(vendorOurs.status).toBe(vendorExpress.status);
    expect(vendorOurs.text).toBe(vendorExpress.text);
  });
});
