import { CaseView } from '../schema/types/case.type';
import { Arg, Authorized, Ctx, FieldResolver, Resolver, Root, Subscription, type SubscriptionHandlerData } from 'type-graphql';
import type { RequestContext } from '../context/request-context';
import { Assignment } from '../entities/assignment.entity';
import { Case } from '../entities/case.entity';
import { CaseEventType, DeadlineClock, DeadlineStateEnum } from '../entities/case-enums';
import { User } from '../entities/user.entity';
import { userById } from '../loaders/case.loaders';
import { CaseEvent, DeadlineAlert, LiveStatus } from '../subscriptions/live-types';
import type { CaseEventPayload, DeadlineAlertPayload, LiveStatusPayload } from '../subscriptions/pubsub';
import { liveStream } from '../subscriptions/live-stream';
import type { LiveCaseEvent } from '../services/live.service';

/** A case event as the access policy takes it. */
const caseEventOf = (payload: CaseEventPayload): LiveCaseEvent => ({
  type: payload.type as CaseEventType,
  assignmentId: payload.assignmentId,
  actorId: payload.actorId,
  access: payload.access,
});

/** Delivers an event only to a subscriber the access policy lets see it now; decided from one load per event. */
function mayReceive({ payload, context }: SubscriptionHandlerData<CaseEventPayload, object, RequestContext>): boolean | Promise<boolean> {
  return context.services.live.mayReceive(context, payload.eventId, payload.caseId, caseEventOf(payload));
}

/** What `deadlineAlerts` delivers unless asked for more: the units' alerts, exactly the stream it carried before the office's clocks. */
const UNIT_ALERTS = [DeadlineClock.ASSIGNMENT];

/** Alerts published before clocks existed are the units'. */
const clockOf = (payload: DeadlineAlertPayload) => (payload.clock ?? DeadlineClock.ASSIGNMENT) as DeadlineClock;

/** Names one alert alike for all its subscribers: its facts are loaded once under this key. */
const alertKey = (payload: DeadlineAlertPayload) => `alert:${clockOf(payload)}:${payload.assignmentId ?? payload.caseId}:${payload.kind}:${payload.dueAt}`;

/** An alert as the access policy takes it. */
const alertEventOf = (payload: DeadlineAlertPayload): LiveCaseEvent => ({
  type: null,
  assignmentId: payload.assignmentId,
  officeClock: clockOf(payload) !== DeadlineClock.ASSIGNMENT,
});

/** An alert of a clock the subscriber asked for, delivered as the access policy allows (office clocks: the owning office). */
function mayReceiveAlert({ payload, args, context }: SubscriptionHandlerData<DeadlineAlertPayload, { clocks?: DeadlineClock[] | null }, RequestContext>): boolean | Promise<boolean> {
  const clock = clockOf(payload);
  if (!(args.clocks ?? UNIT_ALERTS).includes(clock)) return false;
  return context.services.live.mayReceive(context, alertKey(payload), payload.caseId, alertEventOf(payload));
}

@Resolver(() => CaseEvent)
export class CaseEventResolver {
  @Authorized()
  @Subscription(() => CaseEvent, {
    // one listener for all subscribers on this instance, each event put to each subscriber's filter
    subscribe: ({ args, context, info }) =>
      liveStream((context as RequestContext).app.pubsub, 'CASE_EVENT', (payload) => mayReceive({ payload, args, context: context as RequestContext, info })),
    description: '信访件事件：只推送当前用户可见的信访件的变更；承办单位只收到与本单位有关的事件',
  })
  caseEvents(@Root() payload: CaseEventPayload, @Ctx() ctx: RequestContext): CaseEvent {
    ctx.services.live.prepare(ctx, payload.eventId, caseEventOf(payload));
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
    filter: mayReceiveAlert,
    description: '期限提醒：交办件的提醒推送给交办机关和该承办单位；信访机构自己的受理、复查复核答复时限的提醒只推送给该件所属人大的信访机构',
  })
  deadlineAlerts(
    @Root() payload: DeadlineAlertPayload,
    @Ctx() ctx: RequestContext,
    @Arg('clocks', () => [DeadlineClock], {
      nullable: true,
      defaultValue: UNIT_ALERTS,
      description: '接收哪些时钟的提醒；默认只有交办件（ASSIGNMENT），信访机构要收受理、复查复核答复时限的提醒须写明 INTAKE、REVIEW',
    })
    _clocks?: DeadlineClock[] | null,
  ): DeadlineAlert {
    ctx.services.live.prepare(ctx, alertKey(payload), alertEventOf(payload));
    return {
      kind: payload.kind as DeadlineStateEnum,
      dueAt: new Date(payload.dueAt),
      clock: clockOf(payload),
      assignmentId: payload.assignmentId,
      caseId: payload.caseId,
    };
  }

  @FieldResolver(() => Assignment, { nullable: true, description: '交办件；信访机构自己的时限（INTAKE、REVIEW）为空' })
  assignment(@Root() a: DeadlineAlert, @Ctx() ctx: RequestContext): Promise<Assignment | null> | null {
    return a.assignmentId ? ctx.services.live.visibleAssignment(ctx, a.assignmentId) : null;
  }

  @FieldResolver(() => CaseView, { description: '信访件（按订阅者的权限解析）' })
  case(@Root() a: DeadlineAlert, @Ctx() ctx: RequestContext): Promise<Case> {
    return ctx.services.live.eventCase(ctx, a.caseId);
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
