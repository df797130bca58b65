import type { RequestContext } from '../context/request-context';
import { LoginThrottle } from '../entities/login-throttle.entity';
import { tooManyRequests } from '../errors/domain-error';

export interface ThrottleRule {
  prefix: string;
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

const FIFTEEN_MINUTES = 15 * 60 * 1000;

/** Five failures for one username in 15 minutes lock it for 15 minutes; one address may fail far more often. */
export const LOGIN_RULES = {
  username: { prefix: 'u:', maxFailures: 5, windowMs: FIFTEEN_MINUTES, lockMs: FIFTEEN_MINUTES },
  address: { prefix: 'ip:', maxFailures: 100, windowMs: FIFTEEN_MINUTES, lockMs: FIFTEEN_MINUTES },
} satisfies Record<string, ThrottleRule>;

/** Counts failed attempts per key in the database, so every instance applies the same lock. */
export class LoginThrottleService {
  /** Throws `TOO_MANY_REQUESTS` when any of the keys is locked now. */
  async assertNotLocked(ctx: RequestContext, keys: Array<[ThrottleRule, string]>, message: string, now = new Date()): Promise<void> {
    for (const [rule, key] of keys) {
      const row = await ctx.repo(LoginThrottle).findOneBy({ key: rule.prefix + key });
      if (row?.lockedUntil && row.lockedUntil > now) {
        throw tooManyRequests(message, Math.ceil((row.lockedUntil.getTime() - now.getTime()) / 1000));
      }
    }
  }

  /** Records one failure against each key, in its own transaction so it survives the refused operation. */
  async recordFailure(ctx: RequestContext, keys: Array<[ThrottleRule, string]>, now = new Date()): Promise<void> {
    await ctx.transaction(async () => {
      const repo = ctx.repo(LoginThrottle);
      for (const [rule, raw] of keys) {
        const key = rule.prefix + raw;
        await repo.createQueryBuilder().insert().values({ key, failures: 0, windowStartedAt: now, lockedUntil: null }).orIgnore().execute();
        const row = await ctx.app.db.lockForUpdate(repo.createQueryBuilder('t').where('t.key = :key', { key })).getOneOrFail();
        const windowOpen = now.getTime() - row.windowStartedAt.getTime() < rule.windowMs;
        const failures = windowOpen ? row.failures + 1 : 1;
        await repo.update(
          { key },
          {
            failures,
            windowStartedAt: windowOpen ? row.windowStartedAt : now,
            lockedUntil: failures >= rule.maxFailures ? new Date(now.getTime() + rule.lockMs) : row.lockedUntil,
          },
        );
      }
    });
  }

  async clear(ctx: RequestContext, rule: ThrottleRule, key: string): Promise<void> {
    await ctx.repo(LoginThrottle).delete({ key: rule.prefix + key });
  }
}
