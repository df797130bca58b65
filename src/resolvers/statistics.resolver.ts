import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context/request-context';
import { StatisticsInput } from '../schema/inputs/statistics.input';
import { Statistics } from '../schema/types/statistics.type';

@Resolver(() => Statistics)
export class StatisticsResolver {
  @Authorized()
  @Query(() => Statistics, { description: '信访统计：某期间（办公时区）收到的信访件截至某时点的办理情况；范围为某人大及其下级人大，无权查看的范围为 NOT_FOUND' })
  statistics(@Arg('input', () => StatisticsInput, { description: '统计条件' }) input: StatisticsInput, @Ctx() ctx: RequestContext): Promise<Statistics> {
    return ctx.services.statistics.statistics(ctx, input);
  }
}
