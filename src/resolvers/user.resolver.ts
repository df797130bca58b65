import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context/request-context';
import { Role } from '../auth/role';
import { Unit } from '../entities/unit.entity';
import { User } from '../entities/user.entity';
import { CreateUserInput } from '../schema/inputs/create-user.input';
import { Transactional } from './transactional.middleware';

@Resolver(() => User)
export class UserResolver {
  @Authorized(Role.ADMIN)
  @Transactional()
  @Mutation(() => User, { description: '新建用户（仅管理员）。登录名不区分大小写与全角半角，重复为 ALREADY_EXISTS' })
  createUser(@Arg('input', () => CreateUserInput, { description: '输入' }) input: CreateUserInput, @Ctx() ctx: RequestContext): Promise<User> {
    return ctx.services.users.create(ctx, input);
  }

  @Authorized(Role.ADMIN)
  @Transactional()
  @Mutation(() => User, { description: '停用或启用用户（仅管理员）；停用即吊销其全部令牌，其 WebSocket 连接在所有实例上立即以 4403 关闭' })
  setUserDisabled(
    @Arg('id', () => ID, { description: '对象 ID' }) id: string,
    @Arg('disabled', () => Boolean, { description: 'true 为停用，false 为启用' }) disabled: boolean,
    @Ctx() ctx: RequestContext,
  ): Promise<User> {
    return ctx.services.users.setDisabled(ctx, id, disabled);
  }

  @Authorized(Role.ADMIN)
  @Transactional()
  @Mutation(() => User, {
    description:
      '替换用户的角色（仅管理员），规则同新建用户。其令牌继续有效，但其已打开的 WebSocket 连接在所有实例上立即以 4401 关闭，重新连接后按新角色推送',
  })
  setUserRoles(
    @Arg('id', () => ID, { description: '对象 ID' }) id: string,
    @Arg('roles', () => [Role], { description: '新的角色，至少一个' }) roles: Role[],
    @Ctx() ctx: RequestContext,
  ): Promise<User> {
    return ctx.services.users.setRoles(ctx, id, roles);
  }

  @Authorized(Role.ADMIN)
  @Query(() => User, { nullable: true, description: '按 ID 查用户（仅管理员）；不存在时为 null 并返回 NOT_FOUND 错误，同一请求中的其他字段照常返回' })
  user(@Arg('id', () => ID, { description: '对象 ID' }) id: string, @Ctx() ctx: RequestContext): Promise<User> {
    return ctx.services.users.get(ctx, id);
  }

  @Authorized(Role.ADMIN)
  @Query(() => [User], { description: '用户列表（仅管理员），可按单位筛选' })
  users(@Arg('unitId', () => ID, { nullable: true, description: '单位 ID' }) unitId: string | undefined, @Ctx() ctx: RequestContext): Promise<User[]> {
    return ctx.services.users.list(ctx, unitId);
  }

  @FieldResolver(() => Unit, { nullable: true, description: '所属单位；系统管理员可无单位 (unit)' })
  unit(@Root() user: User, @Ctx() ctx: RequestContext): Unit | Promise<Unit | null> | null {
    return user.unitId ? ctx.services.units.unitOf(ctx, user.unitId) : null;
  }
}
