import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { hashPassword } from '../src/auth/password';
import { parseDatabaseUrl, type DatabaseConfig } from '../src/config/config';
import { createDataSource } from '../src/db/data-source';
import { User } from '../src/entities/user.entity';
import { ADMIN, ENGINE, createTestDatabase, startTestServerOn, type TestServer } from './harness/test-server';

const MIGRATION = /^AuthSessionsAndUsernameKey/;
const PASSWORD = 'old-account-password';

/**
 * Accounts made before usernames were compared in normal form: on SQLite two of them may differ only in case
 * (MySQL's case-insensitive collation never allowed that).
 */
const ACCOUNTS = [
  { username: ADMIN.username, password: ADMIN.password, at: '2026-01-01 08:00:00' },
  { username: 'Registrar', password: PASSWORD, at: '2026-01-02 08:00:00' },
  { username: 'Ｌｉａｉｓｏｎ-1', password: PASSWORD, at: '2026-01-03 08:00:00' },
  ...(ENGINE === 'sqlite' ? [{ username: 'registrar', password: `${PASSWORD}-2`, at: '2026-01-04 08:00:00' }] : []),
];

describe(`usernames of existing accounts on ${ENGINE}, when the migration adds their normal form`, () => {
  let t: TestServer;
  const ids = new Map<string, string>();

  beforeAll(async () => {
    const db = await createTestDatabase();
    const url = db.url === 'sqlite::memory:' ? `sqlite:${join(mkdtempSync(join(tmpdir(), 'xinfang-names-')), 'db.sqlite')}` : db.url;
    const ds = await createDataSource(parseDatabaseUrl(url) as DatabaseConfig);
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
    while ((await ds.query(`SELECT name FROM migrations`)).some((m: { name: string }) => MIGRATION.test(m.name))) {
      await ds.undoLastMigration({ transaction: 'each' });
    }
    const q = ENGINE === 'mysql' ? (n: string) => `\`${n}\`` : (n: string) => `"${n}"`;
    const columns = ['id', 'username', 'displayName', 'passwordHash', 'roles', 'piiAccess', 'unitId', 'disabled', 'tokenVersion', 'createdAt'];
    for (const a of ACCOUNTS) {
      const id = randomUUID();
      ids.set(a.username, id);
      await ds.query(`INSERT INTO ${q('app_user')} (${columns.map(q).join(', ')}) VALUES (?, ?, ?, ?, ?, 0, NULL, 0, 0, ?)`, [
        id,
        a.username,
        '旧账号',
        await hashPassword(a.password),
        '["ADMIN"]',
        a.at,
      ]);
    }
    await ds.destroy();
    t = await startTestServerOn(url, {}, db.drop);
  });
  afterAll(() => t?.close());

  it('gives every account its normal form, the oldest of a colliding pair the plain one', async () => {
    const users = await t.server.runtime.db.dataSource.getRepository(User).find();
    const keyOf = (name: string) => users.find((u) => u.id === ids.get(name))?.usernameKey;
    expect(keyOf('Registrar')).toBe('registrar');
    expect(keyOf('Ｌｉａｉｓｏｎ-1')).toBe('liaison-1');
    if (ENGINE === 'sqlite') expect(keyOf('registrar')).toBe(`registrar#${ids.get('registrar')}`);
  });

  it('logs each account in: any form of the name reaches the oldest, the exact name a later one', async () => {
    const login = (username: string, password: string) =>
      t.client.query('mutation($u: String!, $p: String!) { login(username: $u, password: $p) { user { id } } }', { u: username, p: password });
    for (const form of ['REGISTRAR', 'ｒｅｇｉｓｔｒａｒ', 'Registrar']) {
      expect((await login(form, PASSWORD)).data?.login.user.id).toBe(ids.get('Registrar'));
    }
    expect((await login('liaison-1', PASSWORD)).data?.login.user.id).toBe(ids.get('Ｌｉａｉｓｏｎ-1'));
    if (ENGINE === 'sqlite') expect((await login('registrar', `${PASSWORD}-2`)).data?.login.user.id).toBe(ids.get('registrar'));
  });
});
