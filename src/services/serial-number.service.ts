import { randomInt } from 'node:crypto';
import type { RequestContext } from '../context/request-context';
import { Case } from '../entities/case.entity';
import { SerialCounter } from '../entities/serial-counter.entity';

const QUERY_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const QUERY_CODE_LENGTH = 12;

/** Serial numbers per congress and year, and the petitioner's query codes. */
export class SerialNumberService {
  /**
   * The next serial number (`2026-000123`) of a congress for a year. The counter row is locked for the rest
   * of the registering transaction, so concurrent registrations never share a number.
   */
  async next(ctx: RequestContext, congressId: string, year: number): Promise<string> {
    const repo = ctx.repo(SerialCounter);
    if (ctx.app.db.engine === 'mysql') {
      // Not INSERT IGNORE: on an existing row that takes a shared lock, and two registrations holding it both wait
      // for the exclusive FOR UPDATE below — a deadlock. ON DUPLICATE KEY UPDATE takes the exclusive lock at once.
      const table = ctx.app.db.dataSource.getMetadata(SerialCounter).tableName;
      await ctx.manager.query(`INSERT INTO \`${table}\` (\`congressId\`, \`year\`, \`next\`) VALUES (?, ?, 1) ON DUPLICATE KEY UPDATE \`next\` = \`next\``, [
        congressId,
        year,
      ]);
    } else {
      await repo.createQueryBuilder().insert().values({ congressId, year, next: 1 }).orIgnore().execute();
    }
    const row = await ctx.app.db
      .lockForUpdate(repo.createQueryBuilder('s').where('s.congressId = :congressId AND s.year = :year', { congressId, year }))
      .getOneOrFail();
    await repo.update({ congressId, year }, { next: row.next + 1 });
    return `${year}-${String(row.next).padStart(6, '0')}`;
  }

  /** A random, unguessable query code (about 60 bits) that no other case has. */
  async queryCode(ctx: RequestContext): Promise<string> {
    for (;;) {
      let code = '';
      for (let i = 0; i < QUERY_CODE_LENGTH; i++) code += QUERY_CODE_ALPHABET[randomInt(QUERY_CODE_ALPHABET.length)];
      if (!(await ctx.repo(Case).existsBy({ queryCode: code }))) return code;
    }
  }
}
