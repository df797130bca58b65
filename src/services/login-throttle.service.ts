import { Brackets } from 'typeorm';
import type { RequestContext } from '../context/request-context';
import { LoginThrottle } from '../entities/login-throttle.entity';
import { tooManyRequests } from '../errors/domain-error';

export interface ThrottleRule {
  prefix: string;
  maxFailures: number;
  windowMs: number;
  lockMs: number;
  /** A success forgets the key's failures (a username); otherwise it only gives back its own attempt (an address). */
  clearOnSuccess?: boolean;
}

const FIFTEEN_MINUTES = 15 * 60 * 1000;

/** Five failures for one username in 15 minutes lock it for 15 minutes; one address may fail far more often. */
export const LOGIN_RULES = {
  username: { prefix: 'u:', maxFailures: 5, windowMs: FIFTEEN_MINUTES, lockMs: FIFTEEN_MINUTES, clearOnSuccess: true },
  address: { prefix: 'ip:', maxFailures: 100, windowMs: FIFTEEN_MINUTES, lockMs: FIFTEEN_MINUTES },
} satisfies Record<string, ThrottleRule>;

/** The attempts one login holds against each key's allowance, taken before its password is checked. */
export interface Reservation {
  keys: Array<[ThrottleRule, string]>;
}

/** Counts failed attempts per key in the database, so every instance applies the same lock. */
export class LoginThrottleService {
  /**
   * Takes one attempt from each key's allowance before the (slow) password check, counting it as a failure
   * until {@link succeeded} gives it back. The claim is one conditional UPDATE per key, atomic on both
   * engines, so however many attempts run in parallel, no more than the limit are ever checked. Throws
   * `TOO_MANY_REQUESTS` (and holds nothing) when any key is used up. Runs outside any transaction: each
   * statement commits at once and no row lock is held across statements.
   */
  async reserve(ctx: RequestContext, keys: Array<[ThrottleRule, string]>, message: string, now = new Date()): Promise<Reservation> {
    const held: Reservation = { keys: [] };
    for (const [rule, raw] of keys) {
      const key = rule.prefix + raw;
      const retryAfter = await this.claim(ctx, rule, key, now);
      if (retryAfter !== undefined) {
        await this.release(ctx, held.keys);
        throw tooManyRequests(message, retryAfter);
      }
      held.keys.push([rule, raw]);
    }
    return held;
  }

  /** The attempt failed: it stays counted, and a key that has reached its limit is locked from now. */
  async failed(ctx: RequestContext, reservation: Reservation, now = new Date()): Promise<void> {
    await ctx.app.db.serialised(async () => {
      for (const [rule, raw] of reservation.keys) {
        await this.repo(ctx)
          .createQueryBuilder()
          .update()
          .set({ lockedUntil: new Date(now.getTime() + rule.lockMs) })
          .where({ key: rule.prefix + raw })
          .andWhere('failures >= :max AND (lockedUntil IS NULL OR lockedUntil <= :now)', { max: rule.maxFailures, now })
          .execute();
      }
    });
  }

  /** The attempt succeeded: a username's failures are forgotten, an address gets its attempt back. */
  async succeeded(ctx: RequestContext, reservation: Reservation): Promise<void> {
    const clear = reservation.keys.filter(([rule]) => rule.clearOnSuccess);
    await this.release(ctx, reservation.keys.filter(([rule]) => !rule.clearOnSuccess));
    await ctx.app.db.serialised(async () => {
      for (const [rule, raw] of clear) await this.repo(ctx).delete({ key: rule.prefix + raw });
    });
  }

  /** Gives the attempts back without counting them, e.g. when the check itself could not run. */
  async release(ctx: RequestContext, keys: Array<[ThrottleRule, string]>): Promise<void> {
    await ctx.app.db.serialised(async () => {
      for (const [rule, raw] of keys) {
        await this.repo(ctx)
          .createQueryBuilder()
          .update()
          .set({ failures: () => 'failures - 1' })
          .where({ key: rule.prefix + raw })
          .andWhere('failures > 0')
          .execute();
      }
    });
  }

  /** The key's rows, outside any operation's transaction: a claim must commit whatever the operation does. */
  private repo(ctx: RequestContext) {
    return ctx.app.db.dataSource.getRepository(LoginThrottle);
  }

  /** Claims one attempt on `key`; returns undefined when it got one, else the seconds until one frees up. */
  private async claim(ctx: RequestContext, rule: ThrottleRule, key: string, now: Date): Promise<number | undefined> {
    return ctx.app.db.serialised(async () => {
      const repo = this.repo(ctx);
      if (ctx.app.db.engine === 'mysql') {
        // not INSERT IGNORE: on an existing row it takes a shared lock, and three logins from one address holding it
        // while each waits to update the row deadlock; ON DUPLICATE KEY UPDATE takes the exclusive lock at once
        await repo.createQueryBuilder().insert().values({ key, failures: 0, windowStartedAt: now, lockedUntil: null }).orUpdate(['key'], ['key']).execute();
      } else {
        await repo.createQueryBuilder().insert().values({ key, failures: 0, windowStartedAt: now, lockedUntil: null }).orIgnore().execute();
      }
      // a window or a lock that has run out starts afresh
      await repo
        .createQueryBuilder()
        .update()
        .set({ failures: 0, windowStartedAt: now, lockedUntil: null })
        .where({ key })
        .andWhere(
          new Brackets((b) =>
            b.where('lockedUntil <= :now', { now }).orWhere('lockedUntil IS NULL AND windowStartedAt <= :windowStart', {
              windowStart: new Date(now.getTime() - rule.windowMs),
            }),
          ),
        )
        .execute();
      const taken = await repo
        .createQueryBuilder()
        .update()
        .set({ failures: () => 'failures + 1' })
        .where({ key })
        .andWhere('failures < :max AND (lockedUntil IS NULL OR lockedUntil <= :now)', { max: rule.maxFailures, now })
        .execute();
      if (taken.affected === 1) return undefined;
      const row = await repo.findOneBy({ key });
      // the attempts still in flight lock the key when they fail, so tell the caller to wait a full lock
      const until = row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil.getTime() : now.getTime() + rule.lockMs;
      return Math.ceil((until - now.getTime()) / 1000);
    });
  }
}
