import { SignJWT } from 'jose';
import { In } from 'typeorm';
import { AuthSession } from '../src/entities/auth-session.entity';
import { systemContext } from '../src/bootstrap';
import { Role } from '../src/auth/role';
import { expectErrorCode } from './harness/graphql-client';
import { seedCounty, seedUser, uniq, type County } from './harness/fixtures';
import { ADMIN, TEST_JWT_SECRET, createTestServer, type TestServer } from './harness/test-server';

const LOGIN = `mutation Login($username: String!, $password: String!) {
  login(username: $username, password: $password) {
    token expiresAt
    user { id username displayName roles piiAccess unit { id name kind level } }
  }
}`;
const ME = `query Me { me { id username displayName roles piiAccess unit { id code name kind level parent { id name } } } }`;
const REFRESH = 'mutation { refreshToken { token expiresAt } }';
const SET_ROLES = 'mutation($id: ID!, $roles: [Role!]!) { setUserRoles(id: $id, roles: $roles) { id roles } }';

/** The same name in full-width letters, digits and punctuation (as an IME may type it). */
const fullWidth = (s: string) => [...s].map((c) => (c >= '!' && c <= '~' ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c)).join('');

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

  it('refuses an expired token and a forged one with UNAUTHENTICATED, saying why in extensions.reason', async () => {
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
    expect(e1.extensions?.reason).toBe('EXPIRED');
    expect(expectErrorCode(await t.client.withToken(forged).query(ME), 'UNAUTHENTICATED').extensions?.reason).toBe('INVALID');
    expect(expectErrorCode(await t.client.withToken('not.a.jwt').query(ME), 'UNAUTHENTICATED').extensions?.reason).toBe('INVALID');
    expect(expectErrorCode(await t.client.query(ME), 'UNAUTHENTICATED').extensions?.reason).toBe('MISSING');
  });

  it('refreshes a valid token into one that expires later', async () => {
    const first = (await t.client.query(LOGIN, ADMIN)).data.login;
    await new Promise((r) => setTimeout(r, 1100));
    const { refreshToken } = await t.client.withToken(first.token).ok('mutation { refreshToken { token expiresAt user { id } } }');
    expect(new Date(refreshToken.expiresAt).getTime()).toBeGreaterThan(new Date(first.expiresAt).getTime());
    expect((await t.client.withToken(refreshToken.token).ok(ME)).me.username).toBe(ADMIN.username);
    expectErrorCode(await t.client.query('mutation { refreshToken { token } }'), 'UNAUTHENTICATED');
  });

  it("clears a user's expired sessions at its next login and keeps the live ones", async () => {
    const user = await seedUser(t.admin, undefined, ['ADMIN']);
    const tokens = [];
    for (let i = 0; i < 3; i++) tokens.push((await t.client.query(LOGIN, { username: user.username, password: user.password })).data.login.token);
    const sessions = t.server.runtime.db.dataSource.getRepository(AuthSession);
    const [a, b, c] = await sessions.find({ where: { userId: user.id }, order: { createdAt: 'ASC' } });
    await sessions.update({ id: In([a.id, b.id]) }, { expiresAt: new Date(Date.now() - 60_000) });

    const next = (await t.client.query(LOGIN, { username: user.username, password: user.password })).data.login.token;

    const left = (await sessions.find({ where: { userId: user.id } })).map((s) => s.id);
    expect(left).toHaveLength(2);
    expect(left).toContain(c.id);
    expect(left).not.toContain(a.id);
    expect(left).not.toContain(b.id);
    expect((await t.client.withToken(next).ok(ME)).me.id).toBe(user.id);
    expect((await t.client.withToken(tokens[2]).ok(ME)).me.id).toBe(user.id);
  });

  describe('refresh token rotation', () => {
    it('exchanges each token for the next; the earlier ones keep working until they expire', async () => {
      const user = await seedUser(t.admin, county.court, ['LIAISON']);
      const t0 = await t.login(user.username, user.password);
      const t1 = t0.withToken((await t0.ok(REFRESH)).refreshToken.token);
      const t2 = t1.withToken((await t1.ok(REFRESH)).refreshToken.token);
      expect(new Set([t0.token, t1.token, t2.token]).size).toBe(3);
      for (const c of [t0, t1, t2]) expect((await c.ok(ME)).me.username).toBe(user.username);
      expect((await t2.ok(REFRESH)).refreshToken.token).toBeDefined();
    });

    it('presenting a used token revokes every token of that login, and only of that login', async () => {
      const user = await seedUser(t.admin, county.court, ['LIAISON']);
      const t0 = await t.login(user.username, user.password);
      const otherLogin = await t.login(user.username, user.password);
      const t1 = t0.withToken((await t0.ok(REFRESH)).refreshToken.token);
      const t2 = t1.withToken((await t1.ok(REFRESH)).refreshToken.token);

      // t0 was already exchanged: whoever presents it again, the chain is no longer trusted
      const reuse = expectErrorCode(await t0.query(REFRESH), 'UNAUTHENTICATED');
      expect(reuse.extensions?.reason).toBe('REVOKED');
      for (const c of [t0, t1, t2]) {
        const err = expectErrorCode(await c.query(ME), 'UNAUTHENTICATED');
        expect(err.extensions?.reason).toBe('REVOKED');
      }
      expectErrorCode(await t2.query(REFRESH), 'UNAUTHENTICATED');
      expect((await otherLogin.ok(ME)).me.username).toBe(user.username);
      expect((await t.login(user.username, user.password)).token).toBeDefined();
    });

    it('lets only one of two parallel refreshes of the same token through, and then revokes the login', async () => {
      const user = await seedUser(t.admin, county.court, ['LIAISON']);
      const t0 = await t.login(user.username, user.password);
      const results = await Promise.all([t0.query(REFRESH), t0.query(REFRESH)]);
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      const winner = t0.withToken(results.find((r) => !r.errors)!.data.refreshToken.token);
      expectErrorCode(await winner.query(ME), 'UNAUTHENTICATED');
    });
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

    it('keeps usernames unique whatever their case or width, and logs in with any of those forms', async () => {
      const name = `Registrar-${uniq()}`;
      const op = 'mutation($input: CreateUserInput!) { createUser(input: $input) { id username } }';
      const base = { password: 'long-enough', displayName: '某人', roles: ['REGISTRAR'], unitId: county.congress };
      const created = await t.admin.ok(op, { input: { ...base, username: name } });
      expect(created.createUser.username).toBe(name);
      expectErrorCode(await t.admin.query(op, { input: { ...base, username: name.toLowerCase() } }), 'ALREADY_EXISTS', 'username');
      expectErrorCode(await t.admin.query(op, { input: { ...base, username: name.toUpperCase() } }), 'ALREADY_EXISTS', 'username');
      // full-width letters are the same name after NFKC: the same refusal, through the API and below it
      expectErrorCode(await t.admin.query(op, { input: { ...base, username: fullWidth(name.toLowerCase()) } }), 'ALREADY_EXISTS', 'username');
      const ctx = systemContext(t.server.runtime, 'test');
      await expect(
        ctx.transaction(() => t.server.runtime.services.users.create(ctx, { ...base, roles: [Role.REGISTRAR], username: fullWidth(name.toLowerCase()) })),
      ).rejects.toMatchObject({ code: 'ALREADY_EXISTS', field: 'username' });
      const { users } = await t.admin.ok('{ users { username } }');
      expect(users.filter((u: { username: string }) => u.username.normalize('NFKC').toLowerCase() === name.toLowerCase())).toHaveLength(1);

      for (const form of [name, name.toLowerCase(), name.toUpperCase(), fullWidth(name), ` ${fullWidth(name.toLowerCase())} `]) {
        const res = await t.client.query(LOGIN, { username: form, password: base.password });
        expect(res.errors).toBeUndefined();
        expect(res.data.login.user.username).toBe(name);
      }
    });

    it('lets an administrator replace a user\'s roles under the rules of creating one', async () => {
      const user = await seedUser(t.admin, county.congress, ['REGISTRAR']);
      const c = await t.login(user.username, user.password);
      expect((await t.admin.ok(SET_ROLES, { id: user.id, roles: ['LEADER', 'REGISTRAR'] })).setUserRoles.roles.sort()).toEqual(['LEADER', 'REGISTRAR']);
      // the token stays valid and every request sees the new roles
      expect((await c.ok(ME)).me.roles.sort()).toEqual(['LEADER', 'REGISTRAR']);
      expectErrorCode(await c.query(SET_ROLES, { id: user.id, roles: ['ADMIN'] }), 'FORBIDDEN');
      expectErrorCode(await t.admin.query(SET_ROLES, { id: user.id, roles: [] }), 'BAD_USER_INPUT', 'roles');
      const liaison = await seedUser(t.admin, county.court, ['LIAISON']);
      expectErrorCode(await t.admin.query(SET_ROLES, { id: liaison.id, roles: ['REGISTRAR'] }), 'BAD_USER_INPUT', 'roles');
      const { me } = await t.admin.ok('{ me { id } }');
      expectErrorCode(await t.admin.query(SET_ROLES, { id: me.id, roles: ['VIEWER'] }), 'BAD_USER_INPUT', 'roles');
      expect((await t.admin.query(SET_ROLES, { id: '00000000-0000-0000-0000-000000000000', roles: ['VIEWER'] })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
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
