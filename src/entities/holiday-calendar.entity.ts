import { Field, Int, ObjectType } from 'type-graphql';
import { Audience, Visible } from '../policy/audience';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DateScalar } from '../schema/scalars';

@Visible(Audience.SIGNED_IN)
@ObjectType({ description: '某年的节假日与调休安排 (holiday table of one year)' })
@Entity({ name: 'holiday_calendar' })
export class HolidayCalendar {
  @Field(() => Int, { description: '年份 (year)' })
  @PrimaryColumn({ type: 'int' })
  year: number;

  @Field(() => [DateScalar], { description: '法定节假日（放假日）YYYY-MM-DD (public holidays)' })
  @Column({ type: 'simple-json' })
  holidays: string[];

  @Field(() => [DateScalar], { description: '调休上班日（周末补班）YYYY-MM-DD (make-up working days)' })
  @Column({ type: 'simple-json' })
  workdays: string[];
}
