import type { QueryRunner } from 'typeorm';

/**
 * Fills `app_user.usernameKey` for the accounts that exist before the column does. The normal form is spelled
 * out here rather than imported so this migration keeps doing what it did when it shipped. Accounts whose
 * names already collide (possible on SQLite, which compared names exactly) keep working: the oldest gets the
 * plain key, each later one a key made unique with its id, and logs in by its exact name.
 */
export async function backfillUsernameKeys(queryRunner: QueryRunner, quote: (name: string) => string): Promise<void> {
  const [table, id, username, key, createdAt] = ['app_user', 'id', 'username', 'usernameKey', 'createdAt'].map(quote);
  const rows: Array<{ id: string; username: string }> = await queryRunner.query(
    `SELECT ${id} AS id, ${username} AS username FROM ${table} ORDER BY ${createdAt}, ${id}`,
  );
  const taken = new Set<string>();
  for (const row of rows) {
    const plain = row.username.normalize('NFKC').trim().toLowerCase();
    const value = taken.has(plain) ? `${plain}#${row.id}` : plain;
    taken.add(value);
    await queryRunner.query(`UPDATE ${table} SET ${key} = ? WHERE ${id} = ?`, [value, row.id]);
  }
}
