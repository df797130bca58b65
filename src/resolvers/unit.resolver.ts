import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context/request-context';
import { Role } from '../auth/role';
import { Unit } from '../entities/unit.entity';
import { unitsByParentId } from '../loaders/unit.loaders';
import { CreateUnitInput } from '../schema/inputs/create-unit.input';
import { UnitFilter } from '../schema/inputs/unit-filter.input';
import { Transactional } from './transactional.middleware';

@Resolver(() => Unit)
export class UnitResolver {
  @Authorized(Role.ADMIN)
  @Transactional()
  @Mutation(() => Unit, { description: '新建单位（仅管理员）。编码重复为 ALREADY_EXISTS；上级不存在为 NOT_FOUND；层级关系不合理为 BAD_USER_INPUT' })
  createUnit(@Arg('input', () => CreateUnitInput, { description: '输入' }) input: CreateUnitInput, @Ctx() ctx: RequestContext): Promise<Unit> {
    return ctx.services.units.create(ctx, input);
  }

  @Authorized()
  @Query(() => [Unit], { description: '单位目录，按层级、编码排序 (directory of units)' })
  units(@Arg('filter', () => UnitFilter, { nullable: true, description: '筛选条件' }) filter: UnitFilter | undefined, @Ctx() ctx: RequestContext): Promise<Unit[]> {
    return ctx.services.units.list(ctx, filter);
  }

  @Authorized()
  @Query(() => Unit, { nullable: true, description: '按 ID 查单位；不存在时为 null 并返回 NOT_FOUND 错误，同一请求中的其他字段照常返回' })
  unit(@Arg('id', () => ID, { description: '对象 ID' }) id: string, @Ctx() ctx: RequestContext): Promise<Unit> {
    return ctx.services.units.get(ctx, id);
  }

  @FieldResolver(() => Unit, { nullable: true, description: '上级单位 (superior body)' })
  parent(@Root() unit: Unit, @Ctx() ctx: RequestContext): Unit | Promise<Unit | null> | null {
    return unit.parentId ? ctx.services.units.unitOf(ctx, unit.parentId) : null;
  }

  @FieldResolver(() => [Unit], { description: '直属下级单位 (bodies directly below)' })
  children(@Root() unit: Unit, @Ctx() ctx: RequestContext): Promise<Unit[]> {
    return ctx.loader(unitsByParentId).load(unit.id);
  }
}
