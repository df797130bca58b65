import { Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context/request-context';
import { User } from '../entities/user.entity';
import { AuthPayload } from '../schema/types/auth-payload.type';
import { NameArg, NewPasswordArg, PasswordArg } from '../schema/inputs/validated-fields';
import { Transactional } from './transactional.middleware';

@Resolver()
export class AuthResolver {
  @Mutation(() => AuthPayload, {
    description: '登录，返回令牌。连续 5 次失败将锁定该登录名 15 分钟 (TOO_MANY_REQUESTS)；用户名或密码错误统一返回 UNAUTHENTICATED',
  })
  login(
    @NameArg('username', '登录名') username: string,
    @PasswordArg('password', '密码') password: string,
    @Ctx() ctx: RequestContext,
  ): Promise<AuthPayload> {
    return ctx.services.auth.login(ctx, username, password);
  }

  @Authorized()
  @Mutation(() => AuthPayload, { description: '用未过期的令牌换取新令牌 (renew the token before it expires)' })
  refreshToken(@Ctx() ctx: RequestContext): Promise<AuthPayload> {
    return ctx.services.auth.refresh(ctx);
  }

  @Authorized()
  @Transactional()
  @Mutation(() => AuthPayload, { description: '修改本人密码；此前签发的所有令牌随即失效，返回新令牌' })
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
