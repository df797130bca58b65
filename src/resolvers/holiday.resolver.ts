import { Arg, Authorized, Ctx, Field, InputType, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context/request-context';
import { Role } from '../auth/role';
import { HolidayCalendar } from '../entities/holiday-calendar.entity';
import { DateScalar } from '../schema/scalars';
import { Transactional } from './transactional.middleware';

@InputType({ description: '某年的节假日安排（国务院办公厅通知）(holiday table of one year)' })
export class HolidayCalendarInput {
  @Field(() => Int, { description: '年份' })
  year: number;

  @Field(() => [DateScalar], { description: '放假日期 YYYY-MM-DD' })
  holidays: string[];

  @Field(() => [DateScalar], { description: '调休上班日期（周末补班）YYYY-MM-DD' })
  workdays: string[];
}

@Resolver(() => HolidayCalendar)
export class HolidayResolver {
  @Authorized(Role.ADMIN)
  @Transactional()
  @Mutation(() => HolidayCalendar, { description: '载入（替换）某年的节假日与调休安排（仅管理员）；工作日期限据此计算' })
  loadHolidays(@Arg('input', () => HolidayCalendarInput, { description: '输入' }) input: HolidayCalendarInput, @Ctx() ctx: RequestContext): Promise<HolidayCalendar> {
    return ctx.services.calendar.loadYear(ctx, input.year, input.holidays, input.workdays);
  }

  @Authorized()
  @Query(() => [HolidayCalendar], { description: '已载入的节假日安排' })
  holidayCalendars(@Ctx() ctx: RequestContext): Promise<HolidayCalendar[]> {
    return ctx.services.calendar.list(ctx);
  }
}
