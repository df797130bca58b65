import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Field, InputType } from 'type-graphql';
import type { RequestContext } from '../context/request-context';
import { Role } from '../auth/role';
import { Case } from '../entities/case.entity';
import { Matter } from '../entities/matter.entity';
import { casesByMatterId } from '../loaders/case.loaders';
import { onlyVisible } from '../loaders/visible-cases';
import { Name, Reason } from '../schema/inputs/validated-fields';
import { Transactional } from './transactional.middleware';

@InputType({ description: '新建事项 (create a matter)' })
export class CreateMatterInput {
  @Name('事项标题')
  title: string;

  @Reason('事项说明', { nullable: true })
  description?: string;

  @Field(() => [ID], { nullable: true, description: '归入该事项的信访件' })
  caseIds?: string[];
}

@Resolver(() => Matter)
export class MatterResolver {
  @Authorized(Role.REGISTRAR, Role.LEADER)
  @Transactional()
  @Mutation(() => Matter, { description: '新建事项，可同时归入若干信访件' })
  createMatter(@Arg('input', () => CreateMatterInput, { description: '输入' }) input: CreateMatterInput, @Ctx() ctx: RequestContext): Promise<Matter> {
    return ctx.services.matters.create(ctx, input);
  }

  @Authorized(Role.REGISTRAR, Role.LEADER)
  @Transactional()
  @Mutation(() => Case, { description: '把信访件归入事项' })
  linkCaseToMatter(@Arg('caseId', () => ID, { description: '信访件 ID' }) caseId: string, @Arg('matterId', () => ID, { description: '事项 ID' }) matterId: string, @Ctx() ctx: RequestContext): Promise<Case> {
    return ctx.services.matters.link(ctx, caseId, matterId);
  }

  @Authorized()
  @Query(() => Matter, { description: '按 ID 查事项' })
  matter(@Arg('id', () => ID, { description: '对象 ID' }) id: string, @Ctx() ctx: RequestContext): Promise<Matter> {
    return ctx.services.matters.get(ctx, id);
  }

  @FieldResolver(() => [Case], { description: '该事项下当前用户可见的信访件 (cases)' })
  async cases(@Root() m: Matter, @Ctx() ctx: RequestContext): Promise<Case[]> {
    return onlyVisible(ctx, await ctx.loader(casesByMatterId).load(m.id));
  }
}
