import { IsOptional, Max, Min, ValidateBy } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { LongText } from './validated-fields';

// reported with the other fields' errors; the service then checks the year against the office's own calendar
const NO_LATER_THAN_ANY_ZONES_YEAR = () => new Date(Date.now() + 14 * 3_600_000).getUTCFullYear();

@InputType({ description: '保存送阅件的阶段性工作小结 (save the office\'s stage summary of a bulletin)' })
export class BulletinSummaryInput {
  @Field(() => Int, { description: '年份（1900 至今年）' })
  @ValidateBy({
    name: 'bulletinYear',
    validator: {
      validate: (v: unknown) => Number.isInteger(v) && (v as number) >= 1900 && (v as number) <= NO_LATER_THAN_ANY_ZONES_YEAR(),
      defaultMessage: () => '年份应在 1900 至今年之间',
    },
  })
  year: number;

  @Field(() => Int, { nullable: true, description: '季度 1–4；不填为全年总结' })
  @IsOptional()
  @Min(1, { message: '季度应为 1 至 4；全年汇总不填季度' })
  @Max(4, { message: '季度应为 1 至 4；全年汇总不填季度' })
  quarter?: number | null;

  @Field(() => ID, { nullable: true, description: '哪个人大的送阅件（默认本人所在人大；只能修改本级的）' })
  unitId?: string | null;

  @LongText('阶段性工作小结', { nullable: true, note: '留空则删除已保存的文字，恢复按本期数字生成的草稿' })
  summary?: string | null;
}
