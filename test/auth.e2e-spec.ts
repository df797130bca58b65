import { SignJWT } from 'jose';
import { expectErrorCode } from './harness/graphql-client';
import { seedCounty, seedUser, type County } from './harness/fixtures';
import { ADMIN, TEST_JWT_SECRET, createTestServer, type TestServer } from './harness/test-server';

const LOGIN = `mutation Login($username: String!, $password: String!) {
  login(username: $username, password: $password) {
    token expiresAt
    user { id username displayName roles piiAccess unit { id name kind level } }
  }
}`;
const ME = `query Me { me { id username displayName roles piiAccess unit { id code name kind level parent { id name } } } }`;

describe('accounts: login, tokens, roles', () => {
  let t: TestServer;
  let county: County;

  beforeAll(async () => {
    t = await createTestServer({ TOKEN_TTL: '1h' });
    county = await seedCounty(t.admin);
  });
  afterAll(() => t?.close());

  it('logs the bootstrap administrator in; it belongs to no unit', async () => {
    const res = await t.client.query(LOGIN, ADMIN);
    expect(res.errors).toBeUndefined();
    const { login } = res.data;
    expect(login.user).toMatchObject({ username: ADMIN.username, roles: ['ADMIN'], unit: null });
    const ttl = new Date(login.expiresAt).getTime() - Date.now();
    expect(ttl).toBeGreaterThan(59 * 60 * 1000);
    expect(ttl).toBeLessThanOrEqual(60 * 60 * 1000);
    const me = await t.client.withToken(login.token).ok(ME);
    expect(me.me.username).toBe(ADMIN.username);
  });

  it('a registrar sees its congress and that congress\'s superior in me', async () => {
    const registrar = await seedUser(t.admin, county.congress, ['REGISTRAR'], { piiAccess: true });
    const client = await t.login(registrar.username, registrar.password);
    const { me } = await client.ok(ME);
    expect(me).toMatchObject({ username: registrar.username, roles: ['REGISTRAR'], piiAccess: true });
    expect(me.unit).toMatchObject({ id: county.congress, kind: 'CONGRESS', level: 'COUNTY', parent: { id: county.cityCongress } });
  });

  it('answers a wrong password and an unknown user with the same generic error', async () => {
    const user = await seedUser(t.admin, county.court, ['LIAISON']);
    const wrong = await t.client.query(LOGIN, { username: user.username, password: 'not-the-password' });
    const unknown = await t.client.query(LOGIN, { username: 'nobody-at-all', password: 'not-the-password' });
    const a = expectErrorCode(wrong, 'UNAUTHENTICATED');
    const b = expectErrorCode(unknown, 'UNAUTHENTICATED');
    expect(a.message).toBe(b.message);
    expect(wrong.data).toBeNull();
  });

  it('locks a username for 15 minutes after five failures, for unknown usernames too, with the same message', async () => {
    const user = await seedUser(t.admin, county.court, ['LIAISON']);
    for (const username of [user.username, 'ghost-user']) {
      for (let i = 0; i < 5; i++) expectErrorCode(await t.client.query(LOGIN, { username, password: 'wrong-password' }), 'UNAUTHENTICATED');
    }
    const locked = expectErrorCode(await t.client.query(LOGIN, { username: user.username, password: user.password }), 'TOO_MANY_REQUESTS');
    const ghost = expectErrorCode(await t.client.query(LOGIN, { username: 'ghost-user', password: 'whatever-pw' }), 'TOO_MANY_REQUESTS');
    expect(locked.message).toBe(ghost.message);
    expect(locked.extensions?.retryAfterSeconds).toBeGreaterThan(14 * 60);
    // other accounts behind the same address are unaffected
    const other = await seedUser(t.admin, county.court, ['LIAISON']);
    expect((await t.client.query(LOGIN, other)).errors).toBeUndefined();
  });

  it('refuses an expired token and a forged one with UNAUTHENTICATED', async () => {
    const { me } = await t.admin.ok('{ me { id } }');
    const now = Math.floor(Date.now() / 1000);
    const expired = await new SignJWT({ tv: 0 })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(me.id)
      .setIssuer('xinfang-api')
      .setIssuedAt(now - 7200)
      .setExpirationTime(now - 60)
      .sign(new TextEncoder().encode(TEST_JWT_SECRET));
    const forged = await new SignJWT({ tv: 0 })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(me.id)
      .setIssuer('xinfang-api')
      .setExpirationTime(now + 3600)
      .sign(new TextEncoder().encode('some-other-secret-of-sufficient-length!!'));
    const e1 = expectErrorCode(await t.client.withToken(expired).query(ME), 'UNAUTHENTICATED');
    expect(e1.message).toContain('过期');
    expectErrorCode(await t.client.withToken(forged).query(ME), 'UNAUTHENTICATED');
    expectErrorCode(await t.client.withToken('not.a.jwt').query(ME), 'UNAUTHENTICATED');
    expectErrorCode(await t.client.query(ME), 'UNAUTHENTICATED');
  });

  it('refreshes a valid token into one that expires later', async () => {
    const first = (await t.client.query(LOGIN, ADMIN)).data.login;
    await new Promise((r) => setTimeout(r, 1100));
    const { refreshToken } = await t.client.withToken(first.token).ok('mutation { refreshToken { token expiresAt user { id } } }');
    expect(new Date(refreshToken.expiresAt).getTime()).toBeGreaterThan(new Date(first.expiresAt).getTime());
    expect((await t.client.withToken(refreshToken.token).ok(ME)).me.username).toBe(ADMIN.username);
    expectErrorCode(await t.client.query('mutation { refreshToken { token } }'), 'UNAUTHENTICATED');
  });

  it('changing a password revokes the tokens issued before it', async () => {
    const user = await seedUser(t.admin, county.government, ['LIAISON']);
    const before = await t.login(user.username, user.password);
    const res = await before.query('mutation($o: String!, $n: String!) { changePassword(oldPassword: $o, newPassword: $n) { token } }', {
      o: user.password,
      n: 'brand-new-password',
    });
    expect(res.errors).toBeUndefined();
    const revoked = expectErrorCode(await before.query(ME), 'UNAUTHENTICATED');
    expect(revoked.message).toContain('失效');
    expect((await before.withToken(res.data.changePassword.token).ok(ME)).me.username).toBe(user.username);
    expectErrorCode(await t.client.query(LOGIN, user), 'UNAUTHENTICATED');
    expect((await t.client.query(LOGIN, { username: user.username, password: 'brand-new-password' })).errors).toBeUndefined();
  });

  it('rejects a wrong old password and a too-short new one, naming the field', async () => {
    const user = await seedUser(t.admin, county.government, ['LIAISON']);
    const c = await t.login(user.username, user.password);
    const op = 'mutation($o: String!, $n: String!) { changePassword(oldPassword: $o, newPassword: $n) { token } }';
    expectErrorCode(await c.query(op, { o: 'wrong-old-pw', n: 'new-password-ok' }), 'BAD_USER_INPUT', 'oldPassword');
    expectErrorCode(await c.query(op, { o: user.password, n: 'short' }), 'BAD_USER_INPUT', 'newPassword');
  });

  it('disabling a user revokes its tokens and blocks login', async () => {
    const user = await seedUser(t.admin, county.procuratorate, ['LIAISON']);
    const c = await t.login(user.username, user.password);
    await t.admin.ok('mutation($id: ID!) { setUserDisabled(id: $id, disabled: true) { id disabled } }', { id: user.id });
    expectErrorCode(await c.query(ME), 'UNAUTHENTICATED');
    expectErrorCode(await t.client.query(LOGIN, user), 'UNAUTHENTICATED');
    await t.admin.ok('mutation($id: ID!) { setUserDisabled(id: $id, disabled: false) { id } }', { id: user.id });
    expect((await t.client.query(LOGIN, user)).errors).toBeUndefined();
  });

  describe('roles', () => {
    it('only an administrator creates units and users', async () => {
      const registrar = await seedUser(t.admin, county.congress, ['REGISTRAR']);
      const c = await t.login(registrar.username, registrar.password);
      const unit = await c.query('mutation { createUnit(input: { code: "x-1", name: "某单位", kind: OTHER, level: COUNTY }) { id } }');
      expectErrorCode(unit, 'FORBIDDEN');
      const user = await c.query('mutation { createUser(input: { username: "someone", password: "long-enough", displayName: "某人", roles: [ADMIN] }) { id } }');
      expectErrorCode(user, 'FORBIDDEN');
      expectErrorCode(await c.query('{ users { id } }'), 'FORBIDDEN');
      expectErrorCode(await t.client.query('mutation { createUnit(input: { code: "x-2", name: "某单位", kind: OTHER, level: COUNTY }) { id } }'), 'UNAUTHENTICATED');
    });

    it('requires a unit for everyone but a pure administrator', async () => {
      const op = 'mutation($input: CreateUserInput!) { createUser(input: $input) { id unit { id } roles } }';
      expectErrorCode(
        await t.admin.query(op, { input: { username: 'no-unit-liaison', password: 'long-enough', displayName: '某人', roles: ['LIAISON'] } }),
        'BAD_USER_INPUT',
        'unitId',
      );
      const admin2 = await t.admin.ok(op, { input: { username: 'second-admin', password: 'long-enough', displayName: '管理员二', roles: ['ADMIN'] } });
      expect(admin2.createUser).toMatchObject({ unit: null, roles: ['ADMIN'] });
    });

    it('gives registrar and leader roles only inside a congress', async () => {
      const op = 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }';
      const res = await t.admin.query(op, {
        input: { username: 'court-registrar', password: 'long-enough', displayName: '某人', roles: ['REGISTRAR'], unitId: county.court },
      });
      expectErrorCode(res, 'BAD_USER_INPUT', 'roles');
    });

    it('refuses a duplicate username on that field, and bad input naming the field', async () => {
      const user = await seedUser(t.admin, county.court, ['LIAISON']);
      const op = 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }';
      const base = { password: 'long-enough', displayName: '某人', roles: ['LIAISON'], unitId: county.court };
      expectErrorCode(await t.admin.query(op, { input: { ...base, username: user.username } }), 'ALREADY_EXISTS', 'username');
      expectErrorCode(await t.admin.query(op, { input: { ...base, username: 'ok-name', password: 'short' } }), 'BAD_USER_INPUT', 'password');
      expectErrorCode(await t.admin.query(op, { input: { ...base, username: 'bad name!' } }), 'BAD_USER_INPUT', 'username');
      expectErrorCode(await t.admin.query(op, { input: { ...base, username: 'ok-name-2', roles: [] } }), 'BAD_USER_INPUT', 'roles');
      expectErrorCode(
        await t.admin.query(op, { input: { ...base, username: 'ok-name-3', unitId: '00000000-0000-0000-0000-000000000000' } }),
        'NOT_FOUND',
        'unitId',
      );
    });
  });
});
