import { SignJWT } from 'jose';
import { expectErrorCode, type GraphQLErrorShape, type GraphQLResponse, type GraphQLTestClient } from './harness/graphql-client';
import { REGISTER_CASE, letterInput, seedCountyPeople, type CountyPeople } from './harness/case-fixtures';
import { seedUser } from './harness/fixtures';
import { TEST_JWT_SECRET, createTestServer, type TestServer } from './harness/test-server';
import { connectLive, type LiveResult } from './harness/ws-client';

// Errors a form can use (docs/rules.md "API conventions"): every field error at once; refusals of graphql-js itself
// (missing, unknown or mistyped input, in the document or in the variables) with a field path and a Chinese
// message, on HTTP and on the WebSocket; UNAUTHENTICATED with its reason; nullable lookups that keep the rest.

interface FieldError {
  field: string;
  code: string;
  message: string;
}

const REGISTER_LITERAL = (input: string) => `mutation { registerCase(input: { ${input} }) { id } }`;
const VALID_LITERAL = `channel: LETTER, caseType: CLAIM, receivedAt: "2026-03-31T23:30:00+08:00", category: "土地征收",
  summary: "反映征地补偿款未足额发放", content: "补偿款未足额发放。", petitioners: [{ name: "张三" }]`;

/** The one input refusal of `res`: BAD_USER_INPUT on `field`, in Chinese, listed in `fieldErrors`. */
function inputError(res: GraphQLResponse | LiveResult, field: string): GraphQLErrorShape {
  const errors = (res.errors ?? []) as GraphQLErrorShape[];
  const err = errors.find((e) => e.extensions?.field === field);
  if (!err) throw new Error(`no error on ${field}: ${JSON.stringify(res.errors)}`);
  expect(err.extensions?.code).toBe('BAD_USER_INPUT');
  expect(err.message).toMatch(/^[\u4e00-\u9fa5]/);
  expect(err.message).toContain(field);
  const fieldErrors = err.extensions?.fieldErrors as FieldError[];
  expect(fieldErrors).toEqual(expect.arrayContaining([expect.objectContaining({ field, code: 'BAD_USER_INPUT' })]));
  return err;
}

describe('error shapes a form can use', () => {
  let t: TestServer;
  let p: CountyPeople;

  beforeAll(async () => {
    t = await createTestServer({ TOKEN_TTL: '1h' });
    p = await seedCountyPeople(t);
  });
  afterAll(() => t?.close());

  it('reports an empty summary and a bad ID number together, each with its path', async () => {
    const res = await p.registrar.query(REGISTER_CASE, {
      input: letterInput({ summary: '', petitioners: [{ name: '张三' }, { name: '李四', idNumber: '110105194912310021' }] }),
    });
    const err = expectErrorCode(res, 'BAD_USER_INPUT');
    const fields = (err.extensions?.fieldErrors as FieldError[]).map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['summary', 'petitioners.1.idNumber']));
    expect(err.extensions?.field).toBe(fields[0]);
    for (const fe of err.extensions?.fieldErrors as FieldError[]) expect(fe.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  describe('refusals of the schema itself carry the field and a Chinese message', () => {
    const variableCases: Array<[string, Record<string, unknown>, string, RegExp]> = [
      ['a missing required input field', { summary: undefined }, 'summary', /缺少必填项/],
      ['a bad enum value', { channel: 'PIGEON' }, 'channel', /不是 CaseChannel 的可选值/],
      ['a DateTime without an offset', { receivedAt: '2026-03-31T23:30:00' }, 'receivedAt', /时区偏移/],
      ['an unknown input field', { urgency: 'HIGH' }, 'urgency', /没有输入项/],
      ['a nested missing field', { petitioners: [{ name: '张三' }, { phone: '13812345678' }] }, 'petitioners.1.name', /缺少必填项/],
    ];
    for (const [what, override, field, words] of variableCases) {
      it(`in variables: ${what} → ${field}`, async () => {
        const input = { ...letterInput(override) } as Record<string, unknown>;
        for (const [k, v] of Object.entries(override)) if (v === undefined) delete input[k];
        const err = inputError(await p.registrar.query(REGISTER_CASE, { input }), field);
        expect(err.message).toMatch(words);
        // the graphql-js detail follows the Chinese
        expect(err.message).toMatch(/Variable "\$input"/);
      });
    }

    const literalCases: Array<[string, string, string, RegExp]> = [
      ['a missing required input field', VALID_LITERAL.replace(/summary: "[^"]*",/, ''), 'summary', /缺少必填项/],
      ['a bad enum value', VALID_LITERAL.replace('channel: LETTER', 'channel: PIGEON'), 'channel', /CaseChannel/],
      ['a DateTime without an offset', VALID_LITERAL.replace('+08:00', ''), 'receivedAt', /时区偏移/],
      ['an unknown input field', `${VALID_LITERAL}, urgency: HIGH`, 'urgency', /没有输入项/],
      ['a nested missing field', VALID_LITERAL.replace('[{ name: "张三" }]', '[{ name: "张三" }, { phone: "1" }]'), 'petitioners.1.name', /缺少必填项/],
    ];
    for (const [what, literal, field, words] of literalCases) {
      it(`in the document: ${what} → ${field}`, async () => {
        expect(inputError(await p.registrar.query(REGISTER_LITERAL(literal)), field).message).toMatch(words);
      });
    }

    it('a missing required argument and a variable of the wrong type name the argument', async () => {
      inputError(await p.registrar.query('{ case { id } }'), 'id');
      inputError(await p.registrar.query('query($id: ID!) { case(id: $id) { id } }', {}), 'id');
      inputError(await p.registrar.query('query($n: Int) { cases(first: $n) { totalCount } }', { n: 'ten' }), 'first');
      inputError(await p.registrar.query('{ cases(first: "ten") { totalCount } }'), 'first');
    });

    it('says the same over the WebSocket', async () => {
      const live = connectLive(t.wsUrl, p.registrar.token);
      try {
        const literal = await live.subscribe(REGISTER_LITERAL(VALID_LITERAL.replace('+08:00', '')));
        inputError(await literal.next(), 'receivedAt');
        const variables = await live.subscribe(REGISTER_CASE, { input: letterInput({ channel: 'PIGEON' }) });
        inputError(await variables.next(), 'channel');
        const validated = await live.subscribe(REGISTER_CASE, { input: letterInput({ summary: '', petitioners: [{ name: '李四', idNumber: '110105194912310021' }] }) });
        const err = (await validated.next()).errors?.[0] as GraphQLErrorShape;
        expect((err.extensions?.fieldErrors as FieldError[]).map((f) => f.field)).toEqual(['summary', 'petitioners.0.idNumber']);
      } finally {
        await live.close();
      }
    });
  });

  describe('UNAUTHENTICATED says why', () => {
    const ME = '{ me { id } }';
    const reasonOf = (res: GraphQLResponse) => expectErrorCode(res, 'UNAUTHENTICATED').extensions?.reason;

    it('MISSING without a token, INVALID for a bad one, EXPIRED for an old one, REVOKED after a password change', async () => {
      expect(reasonOf(await t.client.query(ME))).toBe('MISSING');
      expect(reasonOf(await t.client.withToken('not.a.jwt').query(ME))).toBe('INVALID');

      const { me } = await t.admin.ok(ME);
      const now = Math.floor(Date.now() / 1000);
      const expired = await new SignJWT({ tv: 0 })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(me.id)
        .setIssuer('xinfang-api')
        .setIssuedAt(now - 7200)
        .setExpirationTime(now - 60)
        .sign(new TextEncoder().encode(TEST_JWT_SECRET));
      expect(reasonOf(await t.client.withToken(expired).query(ME))).toBe('EXPIRED');

      const u = await seedUser(t.admin, p.county.court, ['LIAISON']);
      const client: GraphQLTestClient = await t.login(u.username, u.password);
      await client.ok('mutation($o: String!, $n: String!) { changePassword(oldPassword: $o, newPassword: $n) { token } }', { o: u.password, n: 'another-password-9' });
      expect(reasonOf(await client.query(ME))).toBe('REVOKED');
    });

    it('a refused login says INVALID', async () => {
      const res = await t.client.query('mutation { login(username: "nobody-here", password: "wrong-password") { token } }');
      expect(reasonOf(res)).toBe('INVALID');
    });
  });

  describe('lookups of one object are nullable', () => {
    it('an unknown case is null with NOT_FOUND on id, and me survives', async () => {
      const res = await p.registrar.query('{ me { username } case(id: "unknown") { id } }');
      expect(res.data?.me?.username).toEqual(expect.any(String));
      expect(res.data?.case).toBeNull();
      const err = expectErrorCode(res, 'NOT_FOUND', 'id');
      expect(err.path).toEqual(['case']);
    });

    it('a case the viewer may not see answers the same as an unknown one', async () => {
      const { registerCase } = await p.registrar.ok(REGISTER_CASE, { input: letterInput() });
      const res = await p.court.query('query($id: ID!) { me { username } case(id: $id) { id } }', { id: registerCase.id });
      expect(res.data?.me?.username).toEqual(expect.any(String));
      expect(res.data?.case).toBeNull();
      expectErrorCode(res, 'NOT_FOUND', 'id');
    });

    for (const [lookup, client] of [
      ['unit', () => p.registrar],
      ['matter', () => p.registrar],
      ['user', () => t.admin],
    ] as const) {
      it(`${lookup}(id) is null with NOT_FOUND on id, and the rest survives`, async () => {
        const res = await client().query(`{ me { username } ${lookup}(id: "unknown") { id } }`);
        expect(res.data?.me?.username).toEqual(expect.any(String));
        expect(res.data?.[lookup]).toBeNull();
        expect(expectErrorCode(res, 'NOT_FOUND', 'id').path).toEqual([lookup]);
      });
    }

    it('user(id) finds a user for the administrator and is refused to anyone else', async () => {
      const u = await seedUser(t.admin, p.county.court, ['LIAISON']);
      expect((await t.admin.ok('query($id: ID!) { user(id: $id) { id username } }', { id: u.id })).user.username).toBe(u.username);
      expectErrorCode(await p.registrar.query('query($id: ID!) { user(id: $id) { id } }', { id: u.id }), 'FORBIDDEN');
    });
  });
});
