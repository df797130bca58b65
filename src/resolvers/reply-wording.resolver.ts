import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, Subscription, type SubscriptionHandlerData } from 'type-graphql';
import type { RequestContext } from '../context/request-context';
import { Role } from '../auth/role';
import { Matter } from '../entities/matter.entity';
import type { ReplyWording } from '../entities/reply-wording.entity';
import { matterById } from '../loaders/case.loaders';
import { DraftReplyWordingInput } from '../schema/inputs/reply-wording.inputs';
import { ReplyWordingView } from '../schema/types/reply-wording.type';
import type { ReplyWordingPublishedPayload } from '../subscriptions/pubsub';
import { Transactional } from './transactional.middleware';

/** Delivers a published wording only to those who may see its matter, decided in memory by the access policy. */
function mayReceive({ payload, context }: SubscriptionHandlerData<ReplyWordingPublishedPayload, object, RequestContext>): Promise<boolean> {
  return context.services.live.mayReceiveMatterEvent(context, payload.audience);
}

@Resolver(() => ReplyWordingView)
export class ReplyWordingResolver {
  @Authorized(Role.REGISTRAR, Role.LEADER)
  @Transactional()
  @Mutation(() => ReplyWordingView, { description: '起草事项统一答复口径的新版本（草稿，版本号递增）；人大信访机构登记员或领导' })
  draftReplyWording(@Arg('input', () => DraftReplyWordingInput, { description: '输入' }) input: DraftReplyWordingInput, @Ctx() ctx: RequestContext): Promise<ReplyWording> {
    return ctx.services.wordings.draft(ctx, input);
  }

  @Authorized(Role.REGISTRAR, Role.LEADER)
  @Transactional()
  @Mutation(() => ReplyWordingView, {
    description: '批准答复口径草稿：原现行版本改为已取代，本版本成为现行口径并实时推送给该事项的各方；须有核心表述且均见于正文',
  })
  approveReplyWording(@Arg('id', () => ID, { description: '答复口径版本 ID' }) id: string, @Ctx() ctx: RequestContext): Promise<ReplyWording> {
    return ctx.services.wordings.approve(ctx, id);
  }

  @Authorized()
  @Query(() => String, {
    description: '按信访件填充答复口径正文中的占位符（信访人姓名、编号、收信日期），供前端预填答复；口径须属于该件所在事项',
  })
  renderReplyWording(
    @Arg('wordingId', () => ID, { description: '答复口径版本 ID' }) wordingId: string,
    @Arg('caseId', () => ID, { description: '信访件 ID' }) caseId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<string> {
    return ctx.services.wordings.render(ctx, wordingId, caseId);
  }

  @Authorized()
  @Subscription(() => ReplyWordingView, {
    topics: 'REPLY_WORDING_PUBLISHED',
    filter: mayReceive,
    description: '答复口径发布：某事项的新口径版本批准时推送给能看到该事项的人大信访机构和承办单位',
  })
  replyWordingPublished(@Root() payload: ReplyWordingPublishedPayload, @Ctx() ctx: RequestContext): Promise<ReplyWording> {
    return ctx.services.live.publishedWording(ctx, payload.wordingId);
  }

  @FieldResolver(() => Matter, { description: '所属事项 (matter)' })
  async matter(@Root() w: ReplyWording, @Ctx() ctx: RequestContext): Promise<Matter> {
    return (await ctx.loader(matterById).load(w.matterId))!;
  }
}
