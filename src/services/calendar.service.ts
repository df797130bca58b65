import type { RequestContext } from '../context/request-context';
import { DeadlineCalendar, isHolidayTableError, mergeHolidayTables, parseHolidayTable } from '../domain/deadline-calendar';
import { HolidayCalendar } from '../entities/holiday-calendar.entity';
import { badInput } from '../errors/domain-error';

const calendars = new WeakMap<RequestContext, Promise<DeadlineCalendar>>();

/** The office's deadline calendar: the loaded holiday tables in the office time zone. */
export class CalendarService {
  constructor(private readonly officeTimeZone: string) {}

  /** The calendar as the database holds it now; built once per request. */
  calendar(ctx: RequestContext): Promise<DeadlineCalendar> {
    let cal = calendars.get(ctx);
    if (!cal) {
      cal = ctx
        .repo(HolidayCalendar)
        .find()
        .then((rows) => {
          const tables = rows.map((r) => parseHolidayTable(r.year, r.holidays, r.workdays)).filter((t) => !isHolidayTableError(t));
          return new DeadlineCalendar(mergeHolidayTables(tables as never), this.officeTimeZone);
        });
      calendars.set(ctx, cal);
    }
    return cal;
  }

  /** Replaces one year's table of public holidays and 调休 make-up working days. */
  async loadYear(ctx: RequestContext, year: number, holidays: string[], workdays: string[]): Promise<HolidayCalendar> {
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw badInput('year', '年份须在 2000–2100 之间');
    const parsed = parseHolidayTable(year, holidays, workdays);
    if (isHolidayTableError(parsed)) throw badInput(parsed.field, parsed.message);
    const row = { year, holidays: [...parsed.holidays].sort(), workdays: [...parsed.workdays].sort() };
    await ctx.repo(HolidayCalendar).save(row);
    calendars.delete(ctx);
    return ctx.repo(HolidayCalendar).findOneByOrFail({ year });
  }

  list(ctx: RequestContext): Promise<HolidayCalendar[]> {
    return ctx.repo(HolidayCalendar).find({ order: { year: 'ASC' } });
  }
}
