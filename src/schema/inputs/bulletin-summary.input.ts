import { Field, ID, InputType, Int } from 'type-graphql';
import { LongText } from './validated-fields';

@InputType({ description: '保存送阅件的阶段性工作小结 (save the office\'s stage summary of a bulletin)' })
export class BulletinSummaryInput {
  @Field(() => Int, { description: '年份' })
  year: number;

  @Field(() => Int, { nullable: true, description: '季度 1–4；不填为全年总结' })
  quarter?: number | null;

  @Field(() => ID, { nullable: true, description: '哪个人大的送阅件（默认本人所在人大；只能修改本级的）' })
  unitId?: string | null;

  @LongText('阶段性工作小结', { nullable: true, note: '留空则删除已保存的文字，恢复按本期数字生成的草稿' })
  summary?: string | null;
}
