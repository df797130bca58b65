import { CaseView } from '../schema/types/case.type';
import { Authorized, Ctx, FieldResolver, Resolver, Root, Subscription, type SubscriptionHandlerData } from 'type-graphql';
import type { RequestContext } from '../context/request-context';
import { Assignment } from '../entities/assignment.entity';
import { Case } from '../entities/case.entity';
import { CaseEventType, DeadlineStateEnum } from '../entities/case-enums';
import { User } from '../entities/user.entity';
import { userById } from '../loaders/case.loaders';
import { CaseEvent, DeadlineAlert, LiveStatus } from '../subscriptions/live-types';
import type { CaseEventPayload, DeadlineAlertPayload, LiveStatusPayload } from '../subscriptions/pubsub';

/** Delivers an event only to a subscriber the access policy lets see it now; decided from one load per event. */
async function mayReceive({ payload, context }: SubscriptionHandlerData<CaseEventPayload | DeadlineAlertPayload, object, RequestContext>): Promise<boolean> {
  if ('type' in payload) {
    const event = { type: payload.type as CaseEventType, assignmentId: payload.assignmentId, actorId: payload.actorId, access: payload.access };
    return context.services.live.mayReceive(context, payload.eventId, payload.caseId, event);
  }
  const key = `alert:${payload.assignmentId}:${payload.kind}:${payload.dueAt}`;
  return context.services.live.mayReceive(context, key, payload.caseId, { type: null, assignmentId: payload.assignmentId });
}

@Resolver(() => CaseEvent)
export class CaseEventResolver {
  @Authorized()
  @Subscription(() => CaseEvent, {
    topics: 'CASE_EVENT',
    filter: mayReceive,
    description: '信访件事件：只推送当前用户可见的信访件的变更；承办单位只收到与本单位有关的事件',
  })
  caseEvents(@Root() payload: CaseEventPayload): CaseEvent {
    return { type: payload.type as CaseEventType, at: new Date(payload.at), caseId: payload.caseId, assignmentId: payload.assignmentId, actorId: payload.actorId };
  }

  @FieldResolver(() => CaseView, { description: '信访件（按订阅者的权限解析）' })
  case(@Root() e: CaseEvent, @Ctx() ctx: RequestContext): Promise<Case> {
    return ctx.services.live.eventCase(ctx, e.caseId);
  }

  @FieldResolver(() => Assignment, { nullable: true, description: '相关交办件；承办单位只看到本单位的' })
  assignment(@Root() e: CaseEvent, @Ctx() ctx: RequestContext): Promise<Assignment | null> | null {
    return e.assignmentId ? ctx.services.live.visibleAssignment(ctx, e.assignmentId) : null;
  }

  @FieldResolver(() => User, { nullable: true, description: '操作人；信访人自行评价时为空' })
  actor(@Root() e: CaseEvent, @Ctx() ctx: RequestContext): Promise<User | null> | null {
    return e.actorId ? ctx.loader(userById).load(e.actorId) : null;
  }
}

@Resolver(() => DeadlineAlert)
export class DeadlineAlertResolver {
  @Authorized()
  @Subscription(() => DeadlineAlert, {
    topics: 'DEADLINE_ALERT',
    filter: mayReceive,
    description: '期限提醒：推送给交办机关和该承办单位',
  })
  deadlineAlerts(@Root() payload: DeadlineAlertPayload): DeadlineAlert {
    return { kind: payload.kind as DeadlineStateEnum, dueAt: new Date(payload.dueAt), assignmentId: payload.assignmentId, caseId: payload.caseId };
  }

  @FieldResolver(() => Assignment, { description: '交办件' })
  async assignment(@Root() a: DeadlineAlert, @Ctx() ctx: RequestContext): Promise<Assignment> {
    return (await ctx.services.live.visibleAssignment(ctx, a.assignmentId))!;
  }
}

@Resolver(() => LiveStatus)
export class LiveStatusResolver {
  @Authorized()
  @Subscription(() => LiveStatus, {
    subscribe: ({ context }) => (context as RequestContext).app.pubsub.local.subscribe('LIVE_STATUS'),
    description: '实时推送通道状态：多实例部署时 Redis 中断或恢复即推送一次',
  })
  liveStatus(@Root() payload: LiveStatusPayload): LiveStatus {
    return { connected: payload.connected, at: new Date(payload.at), message: payload.message };
  }
}
