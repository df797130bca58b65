import { randomUUID } from 'node:crypto';
import { In, IsNull, LessThan, type DataSource } from 'typeorm';
import type { AuthState, RequestContext } from '../context/request-context';
import { DomainError, badInput, unauthenticated } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';
import { AuthSession } from '../entities/auth-session.entity';
import { User } from '../entities/user.entity';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../auth/password';
import type { TokenService } from '../auth/token.service';
import type { SessionDirectory } from '../auth/session-directory';
import { usernameKey } from '../auth/username';
import type { AccessChangedPayload } from '../subscriptions/pubsub';
import { LOGIN_RULES, type LoginThrottleService, type ThrottleRule } from './login-throttle.service';

export interface IssuedToken {
  token: string;
  expiresAt: Date;
  user: User;
}

const WRONG_CREDENTIALS = '用户名或密码错误';
const LOCKED = '登录失败次数过多，账号已临时锁定，请 15 分钟后再试';
const REUSED = '该令牌已续期过，再次使用视为令牌被盗用：本次登录签发的全部令牌均已吊销，请重新登录';
/** Throttle keys are stored in a varchar(191); a longer name than any account can have still counts. */
const MAX_THROTTLE_NAME = 128;

/** Login, token issue, rotation and verification, password changes. */
export class AuthService {
  constructor(
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottleService,
  ) {}

  /**
   * Resolves a bearer token to the user it names, in one query. A token is honoured only while its login
   * (token family) has not been revoked and the user exists, is enabled and still has the token version the
   * token was issued with. With `sessions`, a login read recently is taken from memory (no statement at all).
   */
  async authenticate(dataSource: DataSource, token: string | undefined, sessions?: SessionDirectory): Promise<AuthState> {
    if (!token) return {};
    const check = await this.tokens.verify(token);
    if (!check.ok) return { failure: check.reason };
    const { claims } = check;
    // a query builder rather than findOne: findOne with a relation and its implicit LIMIT 1 costs TypeORM two statements
    const load = async () =>
      (await dataSource.getRepository(AuthSession).createQueryBuilder('s').leftJoinAndSelect('s.user', 'u').where('s.id = :id', { id: claims.sessionId }).getOne()) ?? null;
    const session = sessions ? await sessions.session(claims.sessionId, load) : await load();
    const user = session?.user;
    if (!session || session.revokedAt || !user || user.id !== claims.userId || user.disabled || user.tokenVersion !== claims.tokenVersion) {
      return { failure: 'revoked' };
    }
    return { user, token: claims };
  }

  /**
   * Checks the credentials and starts a login. Every refusal looks the same whether or not the username
   * exists. The attempt is counted against the username and the client address before the password is
   * checked, so parallel guesses cannot get past the limit; a success gives the count back.
   */
  async login(ctx: RequestContext, username: string, password: string): Promise<IssuedToken> {
    const key = usernameKey(username);
    const keys: Array<[ThrottleRule, string]> = [
      [LOGIN_RULES.username, key.slice(0, MAX_THROTTLE_NAME)],
      [LOGIN_RULES.address, ctx.clientIp],
    ];
    const reservation = await this.throttle.reserve(ctx, keys, LOCKED);
    let user: User | undefined;
    let ok: boolean;
    try {
      user = await this.findForLogin(ctx, username, key);
      ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    } catch (err) {
      await this.throttle.release(ctx, reservation.keys);
      throw err;
    }
    if (!user || !ok || user.disabled) {
      await this.throttle.failed(ctx, reservation);
      throw new DomainError(ErrorCode.UNAUTHENTICATED, WRONG_CREDENTIALS);
    }
    await this.throttle.succeeded(ctx, reservation);
    return this.startSession(ctx, user);
  }

  /**
   * Rotates the presented token: it is exchanged once for the next token of its login. Presenting a token
   * that was already exchanged means two parties hold the chain, so the whole login is revoked (OAuth 2.0
   * Security BCP, refresh token rotation). Runs outside an operation transaction so the revocation stays.
   */
  async refresh(ctx: RequestContext): Promise<IssuedToken> {
    const user = ctx.requireUser();
    const presented = ctx.auth.token;
    if (!presented) throw unauthenticated();
    const next = presented.generation + 1;
    const issued = await this.tokens.issue({ userId: user.id, tokenVersion: user.tokenVersion, sessionId: presented.sessionId, generation: next });
    const rotated = await ctx.transaction(() =>
      ctx
        .repo(AuthSession)
        .update({ id: presented.sessionId, generation: presented.generation, revokedAt: IsNull() }, { generation: next, expiresAt: issued.expiresAt }),
    );
    if (rotated.affected === 1) return { ...issued, user };
    await ctx.transaction(async () => {
      await ctx.repo(AuthSession).update({ id: presented.sessionId, revokedAt: IsNull() }, { revokedAt: new Date() });
      this.announceAccessChange(ctx, { userId: user.id, sessionId: presented.sessionId, kind: 'REVOKED' });
    });
    throw unauthenticated(REUSED, 'REVOKED');
  }

  /** Changes the caller's own password; every token issued before stops working. Returns a new login's token. */
  async changePassword(ctx: RequestContext, oldPassword: string, newPassword: string): Promise<IssuedToken> {
    const me = ctx.requireUser();
    const user = await ctx.repo(User).findOneByOrFail({ id: me.id });
    if (!(await verifyPassword(oldPassword, user.passwordHash))) throw badInput('oldPassword', '原密码不正确');
    if (newPassword.length < 8 || newPassword.length > 128) throw badInput('newPassword', '密码长度须为 8–128 个字符');
    if (oldPassword === newPassword) throw badInput('newPassword', '新密码不能与原密码相同');
    const updated = await ctx.repo(User).increment({ id: user.id, tokenVersion: user.tokenVersion }, 'tokenVersion', 1);
    if (updated.affected !== 1) throw unauthenticated();
    await ctx.repo(User).update({ id: user.id }, { passwordHash: await hashPassword(newPassword) });
    this.announceAccessChange(ctx, { userId: user.id, kind: 'REVOKED' });
    return this.startSession(ctx, await ctx.repo(User).findOneByOrFail({ id: user.id }));
  }

  /**
   * Tells every instance, once the current transaction has committed, that sockets opened by this user (or by
   * one of its logins) must no longer be served as they were.
   */
  announceAccessChange(ctx: RequestContext, change: AccessChangedPayload): void {
    ctx.afterCommit(() => {
      // this instance stops honouring a cached copy at once, before the event has gone round
      ctx.app.sessions.forgetUser(change.userId);
      void ctx.app.pubsub.publish('ACCESS_CHANGED', change);
    });
  }

  /** The account a login names: by its exact name first (accounts whose names collided before names were normalised), else by its normal form. */
  private async findForLogin(ctx: RequestContext, username: string, key: string): Promise<User | undefined> {
    const exact = username.trim();
    const found = await ctx.repo(User).find({ where: [{ usernameKey: key }, { username: exact }], take: 2 });
    return found.find((u) => u.username === exact) ?? found.find((u) => u.usernameKey === key);
  }

  /** A new login (token family) with its first token; the user's logins whose tokens have all expired go. */
  private async startSession(ctx: RequestContext, user: User): Promise<IssuedToken> {
    const sessionId = randomUUID();
    const now = new Date();
    const issued = await this.tokens.issue({ userId: user.id, tokenVersion: user.tokenVersion, sessionId, generation: 0 }, now);
    await ctx.transaction(async () => {
      const repo = ctx.repo(AuthSession);
      // expired sessions go by primary key, found by a plain read: a ranged DELETE on MySQL locks the gap of the
      // user index that other users' logins insert into, and two such logins deadlock
      const expired = await repo.find({ select: { id: true }, where: { userId: user.id, expiresAt: LessThan(now) } });
      // still expired when deleted: a refresh may have extended one since the read
      if (expired.length) await repo.delete({ id: In(expired.map((s) => s.id)), expiresAt: LessThan(now) });
      await repo.insert({ id: sessionId, userId: user.id, generation: 0, createdAt: now, expiresAt: issued.expiresAt, revokedAt: null });
    });
    return { ...issued, user };
  }
}
