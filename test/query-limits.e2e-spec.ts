import request from 'supertest';
import { expectErrorCode } from './harness/graphql-client';
import { createTestServer, type TestServer } from './harness/test-server';

describe('query limits', () => {
  let t: TestServer;

  beforeAll(async () => {
    t = await createTestServer({ MAX_QUERY_DEPTH: '6', MAX_QUERY_ALIASES: '5', MAX_QUERY_COST: '60', MAX_QUERY_TOKENS: '200' });
  });
  afterAll(() => t?.close());

  it('refuses a query nested deeper than the limit', async () => {
    const deep = '{ me { unit { parent { parent { parent { parent { parent { id } } } } } } } }';
    const err = expectErrorCode(await t.admin.query(deep), 'QUERY_TOO_COMPLEX');
    expect(err.message).toContain('深度');
    expect((await t.admin.query('{ me { unit { parent { id } } } }')).errors).toBeUndefined();
  });

  it('refuses too many aliases', async () => {
    const aliases = Array.from({ length: 6 }, (_, i) => `a${i}: errorCodes { code }`).join(' ');
    expectErrorCode(await t.admin.query(`{ ${aliases} }`), 'QUERY_TOO_COMPLEX');
  });

  it('refuses an expensive query', async () => {
    const fields = Array.from({ length: 5 }, (_, i) => `u${i}: units { id code name kind level parent { id code name kind level } }`).join(' ');
    expectErrorCode(await t.admin.query(`{ ${fields} }`), 'QUERY_TOO_COMPLEX');
  });

  it('refuses a document with more tokens than allowed before parsing it whole', async () => {
    const padding = Array.from({ length: 250 }, () => "id").join(' ');
    const err = expectErrorCode(await t.admin.query(`{ me { ${padding} } }`), 'QUERY_TOO_COMPLEX');
    expect(err.message).toContain('过长');
  });

  it('does not run batched HTTP requests', async () => {
    const res = await request(t.baseUrl)
      .post('/graphql')
      .set('content-type', 'application/json')
      .send([{ query: '{ errorCodes { code } }' }, { query: '{ errorCodes { code } }' }]);
    expect(res.status).toBe(400);
  });

  it('answers a syntax error and an unknown field as BAD_USER_INPUT without a stack trace', async () => {
    expectErrorCode(await t.admin.query('{ me { '), 'BAD_USER_INPUT');
    expectErrorCode(await t.admin.query('{ me { nope } }'), 'BAD_USER_INPUT');
  });

  it('lists every error code with its meaning', async () => {
    const { errorCodes } = await t.client.ok('{ errorCodes { code description } }');
    expect(errorCodes.map((e: { code: string }) => e.code)).toEqual(expect.arrayContaining(['UNAUTHENTICATED', 'QUERY_TOO_COMPLEX', 'INTERNAL']));
    expect(errorCodes.every((e: { description: string }) => /[\u4e00-\u9fa5]/.test(e.description))).toBe(true);
  });
});
