import type { AuthState, RequestContext } from '../context/request-context';
import { DomainError, badInput, unauthenticated } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';
import { User } from '../entities/user.entity';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../auth/password';
import type { TokenService } from '../auth/token.service';
import { LOGIN_RULES, type LoginThrottleService } from './login-throttle.service';
import type { DataSource } from 'typeorm';

export interface IssuedToken {
  token: string;
  expiresAt: Date;
  user: User;
}

const WRONG_CREDENTIALS = '用户名或密码错误';
const LOCKED = '登录失败次数过多，账号已临时锁定，请 15 分钟后再试';

/** Login, token issue and verification, password changes. */
export class AuthService {
  constructor(
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottleService,
  ) {}

  /**
   * Resolves a bearer token to the user it names. A token is honoured only while the user exists, is
   * enabled and still has the token version the token was issued with.
   */
  async authenticate(dataSource: DataSource, token: string | undefined): Promise<AuthState> {
    if (!token) return {};
    const check = await this.tokens.verify(token);
    if (!check.ok) return { failure: check.reason };
    const user = await dataSource.getRepository(User).findOneBy({ id: check.claims.userId });
    if (!user || user.disabled || user.tokenVersion !== check.claims.tokenVersion) return { failure: 'revoked' };
    return { user };
  }

  /** Expiry of a token that has already been verified; used to end subscriptions it carries. */
  async expiryOf(token: string): Promise<Date | undefined> {
    const check = await this.tokens.verify(token);
    return check.ok ? check.claims.expiresAt : undefined;
  }

  /**
   * Checks the credentials and issues a token. Every refusal looks the same whether or not the username
   * exists; failures are counted per username and per client address.
   */
  async login(ctx: RequestContext, username: string, password: string): Promise<IssuedToken> {
    const name = username.trim();
    const keys = [
      [LOGIN_RULES.username, name.toLowerCase()],
      [LOGIN_RULES.address, ctx.clientIp],
    ] as Array<[typeof LOGIN_RULES.username, string]>;
    await this.throttle.assertNotLocked(ctx, keys, LOCKED);
    const user = await ctx.repo(User).findOneBy({ username: name });
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok || user.disabled) {
      await this.throttle.recordFailure(ctx, keys);
      throw new DomainError(ErrorCode.UNAUTHENTICATED, WRONG_CREDENTIALS);
    }
    await this.throttle.clear(ctx, LOGIN_RULES.username, name.toLowerCase());
    return { ...(await this.tokens.issue(user.id, user.tokenVersion)), user };
  }

  /** A fresh token for the signed-in user; only a valid, unexpired token can be refreshed. */
  async refresh(ctx: RequestContext): Promise<IssuedToken> {
    const user = ctx.requireUser();
    return { ...(await this.tokens.issue(user.id, user.tokenVersion)), user };
  }

  /** Changes the caller's own password; every token issued before stops working. Returns a new token. */
  async changePassword(ctx: RequestContext, oldPassword: string, newPassword: string): Promise<IssuedToken> {
    const me = ctx.requireUser();
    const user = await ctx.repo(User).findOneByOrFail({ id: me.id });
    if (!(await verifyPassword(oldPassword, user.passwordHash))) throw badInput('oldPassword', '原密码不正确');
    if (newPassword.length < 8 || newPassword.length > 128) throw badInput('newPassword', '密码长度须为 8–128 个字符');
    if (oldPassword === newPassword) throw badInput('newPassword', '新密码不能与原密码相同');
    const updated = await ctx.repo(User).increment({ id: user.id, tokenVersion: user.tokenVersion }, 'tokenVersion', 1);
    if (updated.affected !== 1) throw unauthenticated();
    await ctx.repo(User).update({ id: user.id }, { passwordHash: await hashPassword(newPassword) });
    const fresh = await ctx.repo(User).findOneByOrFail({ id: user.id });
    return { ...(await this.tokens.issue(fresh.id, fresh.tokenVersion)), user: fresh };
  }
}
