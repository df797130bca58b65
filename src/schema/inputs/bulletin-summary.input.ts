import { Field, ID, InputType, Int } from 'type-graphql';
import { bulletinQuarterProblem, bulletinYearProblem } from '../../domain/bulletin';
import { LongText, checked } from './validated-fields';

// with the other fields' errors, before the office's time zone is at hand: no later than the year anywhere on earth
// now; the service then checks the year against the office's own calendar
const latestYearAnywhere = () => new Date(Date.now() + 14 * 3_600_000).getUTCFullYear();

@InputType({ description: '保存送阅件的阶段性工作小结 (save the office\'s stage summary of a bulletin)' })
export class BulletinSummaryInput {
  @Field(() => Int, { description: '年份（1900 至今年）' })
  @checked((v) => bulletinYearProblem(v, latestYearAnywhere()))
  year: number;

  @Field(() => Int, { nullable: true, description: '季度 1–4；不填为全年总结' })
  @checked(bulletinQuarterProblem)
  quarter?: number | null;

  @Field(() => ID, { nullable: true, description: '哪个人大的送阅件（默认本人所在人大；只能修改本级的）' })
  unitId?: string | null;

  @LongText('阶段性工作小结', { nullable: true, note: '留空则删除已保存的文字，恢复按本期数字生成的草稿' })
  summary?: string | null;
}
