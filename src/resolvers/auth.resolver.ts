import { Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context/request-context';
import { User } from '../entities/user.entity';
import { AuthPayload } from '../schema/types/auth-payload.type';
import { NameArg, NewPasswordArg, PasswordArg } from '../schema/inputs/validated-fields';
import { Transactional } from './transactional.middleware';

@Resolver()
export class AuthResolver {
  @Mutation(() => AuthPayload, {
    description:
      '登录，开始一次新的登录会话并返回其第一个令牌。登录名不区分大小写与全角半角。同一登录名 15 分钟内至多核验 5 次密码（并发的尝试同样计数），超过即锁定 15 分钟 (TOO_MANY_REQUESTS)；用户名或密码错误统一返回 UNAUTHENTICATED',
  })
  login(
    @NameArg('username', '登录名') username: string,
    @PasswordArg('password', '密码') password: string,
    @Ctx() ctx: RequestContext,
  ): Promise<AuthPayload> {
    return ctx.services.auth.login(ctx, username, password);
  }

  @Authorized()
  @Mutation(() => AuthPayload, {
    description:
      '令牌轮换：用本次登录最新的未过期令牌换取下一个令牌，每个令牌只能续期一次。已续期过的令牌仍可访问直至其到期，但若再次用于续期，视为被盗用，本次登录的全部令牌立即吊销（UNAUTHENTICATED，extensions.reason 为 REVOKED）。前端须串行续期 (refresh token rotation)',
  })
  refreshToken(@Ctx() ctx: RequestContext): Promise<AuthPayload> {
    return ctx.services.auth.refresh(ctx);
  }

  @Authorized()
  @Transactional()
  @Mutation(() => AuthPayload, { description: '修改本人密码；此前签发的所有令牌随即失效、WebSocket 连接以 4403 关闭，返回新登录会话的令牌' })
  changePassword(
    @PasswordArg('oldPassword', '原密码') oldPassword: string,
    @NewPasswordArg('newPassword', '新密码') newPassword: string,
    @Ctx() ctx: RequestContext,
  ): Promise<AuthPayload> {
    return ctx.services.auth.changePassword(ctx, oldPassword, newPassword);
  }

  @Authorized()
  @Query(() => User, { description: '当前登录用户 (the signed-in user)' })
  me(@Ctx() ctx: RequestContext): User {
    return ctx.requireUser();
  }
}
