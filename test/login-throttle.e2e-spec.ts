import { seedUser } from './harness/fixtures';
import type { GraphQLResponse } from './harness/graphql-client';
import { createTestServer, type TestServer } from './harness/test-server';

const LOGIN = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }';

/** The code each answer carries: UNAUTHENTICATED means the password was checked, TOO_MANY_REQUESTS that it was not. */
const codeOf = (res: GraphQLResponse) => (res.errors ? String(res.errors[0].extensions?.code) : 'OK');

describe('login throttle under parallel attempts', () => {
  let t: TestServer;

  beforeAll(async () => {
    t = await createTestServer();
  });
  afterAll(() => t?.close());

  it('checks at most five passwords of one username however many arrive at once, and refuses the right one after them', async () => {
    const user = await seedUser(t.admin, undefined, ['ADMIN']);
    const wrong = Array.from({ length: 19 }, (_, i) => t.client.query(LOGIN, { u: user.username, p: `wrong-password-${i}` }));
    // the right password goes once five guesses have certainly taken the allowance: one was refused, or five were checked
    const codes: string[] = [];
    await new Promise<void>((resolve) => {
      let settled = 0;
      for (const p of wrong) {
        void p.then((res) => {
          codes.push(codeOf(res));
          settled++;
          if (codes.includes('TOO_MANY_REQUESTS') || codes.filter((c) => c === 'UNAUTHENTICATED').length >= 5 || settled === wrong.length) resolve();
        });
      }
    });
    const right = await t.client.query(LOGIN, { u: user.username, p: user.password });
    const all = [...(await Promise.all(wrong)).map(codeOf), codeOf(right)];

    expect(all.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(5);
    expect(all.filter((c) => c === 'TOO_MANY_REQUESTS')).toHaveLength(15);
    expect(codeOf(right)).toBe('TOO_MANY_REQUESTS');
    expect(right.errors![0].extensions?.retryAfterSeconds).toBeGreaterThan(14 * 60);
  });

  it('counts every case and width form of a username as one', async () => {
    const user = await seedUser(t.admin, undefined, ['ADMIN']);
    const upper = user.username.toUpperCase();
    const wide = [...user.username].map((c) => (c >= '!' && c <= '~' ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c)).join('');
    const forms = [upper, wide, user.username, upper, wide];
    const codes = (await Promise.all(forms.map((u) => t.client.query(LOGIN, { u, p: 'wrong-password' })))).map(codeOf);
    expect(codes).toEqual(Array(5).fill('UNAUTHENTICATED'));
    expect(codeOf(await t.client.query(LOGIN, { u: user.username, p: user.password }))).toBe('TOO_MANY_REQUESTS');
  });

  it('gives a successful login its attempt back, so an address does not fill up with good logins', async () => {
    const user = await seedUser(t.admin, undefined, ['ADMIN']);
    for (let i = 0; i < 4; i++) expect(codeOf(await t.client.query(LOGIN, { u: user.username, p: 'wrong-password' }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.client.query(LOGIN, { u: user.username, p: user.password }))).toBe('OK');
    // the success forgot the username's failures
    for (let i = 0; i < 4; i++) expect(codeOf(await t.client.query(LOGIN, { u: user.username, p: 'wrong-password' }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.client.query(LOGIN, { u: user.username, p: user.password }))).toBe('OK');
  });

  it('lets a whole office log in at the same moment, each of them on two devices', async () => {
    const users = await Promise.all(Array.from({ length: 16 }, () => seedUser(t.admin, undefined, ['ADMIN'])));
    for (let round = 0; round < 2; round++) {
      const logins = users.flatMap((u) => [u, u]).map((u) => t.client.query(LOGIN, { u: u.username, p: u.password }));
      expect((await Promise.all(logins)).map(codeOf)).toEqual(Array(users.length * 2).fill('OK'));
    }
  });

  // last: it locks the test's own address
  it('checks at most 100 passwords from one address however many arrive at once', async () => {
    const attempts = Array.from({ length: 110 }, (_, i) => t.client.query(LOGIN, { u: `nobody-${i}`, p: 'wrong-password' }));
    const codes = (await Promise.all(attempts)).map(codeOf);
    // the 18 failures of the tests above came from this address too
    expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(100 - 18);
    expect(codes.filter((c) => c === 'UNAUTHENTICATED').length + codes.filter((c) => c === 'TOO_MANY_REQUESTS').length).toBe(110);
    expect(codeOf(await t.client.query(LOGIN, { u: 'one-more', p: 'wrong-password' }))).toBe('TOO_MANY_REQUESTS');
  });
});
