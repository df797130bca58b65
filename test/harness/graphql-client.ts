import request from 'supertest';

export interface GraphQLErrorShape {
  message: string;
  path?: string[];
  extensions?: { code?: string; field?: string; [k: string]: unknown };
}

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: GraphQLErrorShape[];
  headers: Record<string, string>;
}

/** Talks to the real `/graphql` endpoint over HTTP, optionally with a bearer token. */
export class GraphQLTestClient {
  constructor(
    readonly baseUrl: string,
    readonly token?: string,
  ) {}

  withToken(token: string): GraphQLTestClient {
    return new GraphQLTestClient(this.baseUrl, token);
  }

  async query<T = any>(query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}): Promise<GraphQLResponse<T>> {
    let req = request(this.baseUrl).post('/graphql').set('content-type', 'application/json');
    if (this.token) req = req.set('authorization', `Bearer ${this.token}`);
    for (const [k, v] of Object.entries(headers)) req = req.set(k, v);
    const res = await req.send({ query, variables });
    return { status: res.status, data: res.body?.data, errors: res.body?.errors, headers: res.headers as Record<string, string> };
  }

  /** Runs an operation that must succeed and returns its data. */
  async ok<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const res = await this.query<T>(query, variables);
    if (res.errors?.length) throw new Error(`unexpected GraphQL errors: ${JSON.stringify(res.errors, null, 2)}`);
    return res.data as T;
  }

  async login(username: string, password: string): Promise<string> {
    const data = await this.ok<{ login: { token: string } }>(
      'mutation Login($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
      { u: username, p: password },
    );
    return data.login.token;
  }
}

/** Asserts the response failed with `code` (and the offending `field`, when given); returns the error. */
export function expectErrorCode(res: GraphQLResponse, code: string, field?: string): GraphQLErrorShape {
  const err = res.errors?.[0];
  if (!err) throw new Error(`expected error ${code}, got data ${JSON.stringify(res.data)}`);
  expect(err.extensions?.code).toBe(code);
  if (field !== undefined) expect(err.extensions?.field).toBe(field);
  expect(err.message).toMatch(/[\u4e00-\u9fa5]/);
  expect(JSON.stringify(err)).not.toMatch(/\n\s+at /);
  return err;
}
