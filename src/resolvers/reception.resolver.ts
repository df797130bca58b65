import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context/request-context';
import { Role } from '../auth/role';
import type { Case } from '../entities/case.entity';
import type { Reception } from '../entities/reception.entity';
import { User } from '../entities/user.entity';
import { userById } from '../loaders/case.loaders';
import { OFFICE_ROLES } from '../policy/access-policy';
import { Audience, Visible } from '../policy/audience';
import { ScheduleReceptionInput } from '../schema/inputs/office-duties.inputs';
import { CaseView } from '../schema/types/case.type';
import { ReceptionView } from '../schema/types/office-duties.type';
import { Transactional } from './transactional.middleware';

@Resolver(() => ReceptionView)
export class ReceptionResolver {
  @Authorized(Role.REGISTRAR, Role.LEADER)
  @Transactional()
  @Mutation(() => ReceptionView, {
    description: '安排领导接访：本级人大领导、时间、地点；过去的日期、结束早于开始、超过 24 小时或非本级领导为 BAD_USER_INPUT',
  })
  scheduleReception(@Arg('input', () => ScheduleReceptionInput, { description: '输入' }) input: ScheduleReceptionInput, @Ctx() ctx: RequestContext): Promise<Reception> {
    return ctx.services.receptions.schedule(ctx, input);
  }

  @Authorized(...OFFICE_ROLES)
  @Query(() => [ReceptionView], { description: '领导接访安排：开始时间在 [from, to) 内的本级人大（及下级人大，只读）的接访，按时间排序' })
  receptions(
    @Arg('from', () => Date, { description: '起（含）' }) from: Date,
    @Arg('to', () => Date, { description: '止（不含）' }) to: Date,
    @Ctx() ctx: RequestContext,
  ): Promise<Reception[]> {
    return ctx.services.receptions.list(ctx, from, to);
  }

  @FieldResolver(() => User, { description: '接访领导 (leader)' })
  async leader(@Root() r: Reception, @Ctx() ctx: RequestContext): Promise<User> {
    return (await ctx.loader(userById).load(r.leaderId))!;
  }

  @Visible(Audience.CASE_PART)
  @FieldResolver(() => [CaseView], { description: '本次接访登记的来访（当前用户可见的）(visits received at the session)' })
  visits(@Root() r: Reception, @Ctx() ctx: RequestContext): Promise<Case[]> {
    return ctx.services.receptions.visits(ctx, r);
  }
}
