import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context/request-context';
import { BulletinSummaryInput } from '../schema/inputs/bulletin-summary.input';
import { Bulletin } from '../schema/types/bulletin.type';

@Resolver(() => Bulletin)
export class BulletinResolver {
  @Authorized()
  @Query(() => Bulletin, { description: '送阅件：某季度的信访情况分析（不填季度为全年总结），范围为某人大及其下级人大；无权查看的范围为 NOT_FOUND' })
  bulletin(
    @Arg('year', () => Int, { description: '年份' }) year: number,
    @Arg('quarter', () => Int, { nullable: true, description: '季度 1–4；不填为全年 (omit for the whole year)' }) quarter: number | null | undefined,
    @Arg('unitId', () => ID, { nullable: true, description: '哪个人大的送阅件（默认本人所在人大）' }) unitId: string | null | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<Bulletin> {
    return ctx.services.bulletins.bulletin(ctx, { year, quarter, unitId });
  }

  @Authorized()
  @Mutation(() => Bulletin, { description: '保存送阅件的阶段性工作小结（本级人大信访机构的登记人员、领导）；留空恢复草稿。返回保存后的送阅件' })
  saveBulletinSummary(@Arg('input', () => BulletinSummaryInput, { description: '输入' }) input: BulletinSummaryInput, @Ctx() ctx: RequestContext): Promise<Bulletin> {
    return ctx.services.bulletins.saveSummary(ctx, input);
  }
}
