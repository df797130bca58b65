import { Arg, Authorized, Ctx, FieldResolver, Query, Resolver, Root, Subscription, type SubscriptionHandlerData } from 'type-graphql';
import type { RequestContext } from '../context/request-context';
import type { Case } from '../entities/case.entity';
import { FlashReportKind } from '../entities/case-enums';
import type { FlashReport } from '../entities/flash-report.entity';
import { OFFICE_ROLES } from '../policy/access-policy';
import { CaseView } from '../schema/types/case.type';
import { FlashReportView } from '../schema/types/office-duties.type';
import type { FlashReportPayload } from '../subscriptions/pubsub';

/** Pushes a flash report only to the office staff the access policy names, decided in memory per subscriber. */
function mayReceive({ payload, context }: SubscriptionHandlerData<FlashReportPayload, object, RequestContext>): Promise<boolean> {
  return context.services.flashReports.mayReceive(context, payload);
}

@Resolver(() => FlashReportView)
export class FlashReportResolver {
  @Authorized(...OFFICE_ROLES)
  @Query(() => [FlashReportView], { description: '快报：在 [from, to) 内报出的、当前用户可见的快报，新的在前' })
  flashReports(
    @Arg('from', () => Date, { description: '起（含）' }) from: Date,
    @Arg('to', () => Date, { description: '止（不含）' }) to: Date,
    @Ctx() ctx: RequestContext,
  ): Promise<FlashReport[]> {
    return ctx.services.flashReports.list(ctx, from, to);
  }

  @FieldResolver(() => CaseView, { description: '信访件 (case)' })
  case(@Root() f: FlashReport, @Ctx() ctx: RequestContext): Promise<Case> {
    return ctx.services.caseQuery.requireVisible(ctx, f.caseId);
  }
}

@Resolver(() => FlashReportView)
export class FlashReportLiveResolver {
  // any signed-in user may subscribe; the access policy decides per report, so a unit's subscription stays silent
  @Authorized()
  @Subscription(() => FlashReportView, {
    topics: 'FLASH_REPORT',
    filter: mayReceive,
    description: '快报推送：集体访（5 人及以上）或紧急件，推送给本级及上级人大的领导和信访机构（ADMIN、REGISTRAR、LEADER、VIEWER），不推送承办单位',
  })
  flashReports(@Root() payload: FlashReportPayload): Pick<FlashReport, 'id' | 'kind' | 'at' | 'reason' | 'caseId'> {
    return { id: payload.flashReportId, kind: payload.kind as FlashReportKind, at: new Date(payload.at), reason: payload.reason, caseId: payload.caseId };
  }
}
