import { CaseView } from '../schema/types/case.type';
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context/request-context';
import { Role } from '../auth/role';
import { Case } from '../entities/case.entity';
import { Matter } from '../entities/matter.entity';
import { Reply } from '../entities/reply.entity';
import type { ReplyWording } from '../entities/reply-wording.entity';
import { ReplyWordingView } from '../schema/types/reply-wording.type';
import { CreateMatterInput } from '../schema/inputs/create-matter.input';
import { Transactional } from './transactional.middleware';

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
  @Mutation(() => CaseView, { description: '把信访件归入事项' })
  linkCaseToMatter(@Arg('caseId', () => ID, { description: '信访件 ID' }) caseId: string, @Arg('matterId', () => ID, { description: '事项 ID' }) matterId: string, @Ctx() ctx: RequestContext): Promise<Case> {
    return ctx.services.matters.link(ctx, caseId, matterId);
  }

  @Authorized()
  @Query(() => Matter, { nullable: true, description: '按 ID 查事项；看不到的与不存在的一样为 null 并返回 NOT_FOUND 错误，同一请求中的其他字段照常返回' })
  matter(@Arg('id', () => ID, { description: '对象 ID' }) id: string, @Ctx() ctx: RequestContext): Promise<Matter> {
    return ctx.services.matters.get(ctx, id);
  }

  @FieldResolver(() => [CaseView], { description: '该事项下当前用户可见的信访件 (cases)' })
  cases(@Root() m: Matter, @Ctx() ctx: RequestContext): Promise<Case[]> {
    return ctx.services.matters.visibleCases(ctx, m.id);
  }

  @FieldResolver(() => ReplyWordingView, { nullable: true, description: '现行（已批准）的统一答复口径；尚无则为空 (current approved wording)' })
  currentWording(@Root() m: Matter, @Ctx() ctx: RequestContext): Promise<ReplyWording | null> {
    return ctx.services.wordings.current(ctx, m.id);
  }

  @FieldResolver(() => [ReplyWordingView], { description: '答复口径的全部版本，新版本在前 (all wording versions, newest first)' })
  wordings(@Root() m: Matter, @Ctx() ctx: RequestContext): Promise<ReplyWording[]> {
    return ctx.services.wordings.versions(ctx, m.id);
  }

  @FieldResolver(() => [Reply], { description: '该事项下当前用户可见的信访件上的答复，按答复时间先后 (replies on the matter\'s cases the viewer may see)' })
  replies(@Root() m: Matter, @Ctx() ctx: RequestContext): Promise<Reply[]> {
    return ctx.services.matters.replies(ctx, m.id);
  }
}
