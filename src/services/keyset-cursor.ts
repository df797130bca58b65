import { badInput } from '../errors/domain-error';

/** An opaque keyset cursor over (instant, id), the order every paged list here uses. */
export function encodeKeysetCursor(at: Date, id: string): string {
  return Buffer.from(JSON.stringify([at.toISOString(), id])).toString('base64url');
}

/** The (instant, id) a cursor stands for; a cursor that was not made here is `BAD_USER_INPUT` on `after`. */
export function decodeKeysetCursor(cursor: string): [Date, string] {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const date = new Date(at);
    if (typeof id !== 'string' || Number.isNaN(date.getTime())) throw new Error('bad cursor');
    return [date, id];
  } catch {
    throw badInput('after', '游标无效');
  }
}
