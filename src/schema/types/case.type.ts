import { Field, ID, Int, ObjectType } from 'type-graphql';
import { CaseChannel, CaseStatus, CaseType, Satisfaction } from '../../entities/case-enums';
import { Audience, Visible } from '../../policy/audience';

/**
 * The API shape of a case. Kept apart from the table (src/entities/case.entity.ts) so that a column reaches
 * the schema only when it is named here too; resolvers hand out the entity and this class picks its fields.
 * `simpleResolvers`: its plain fields are read straight off the entity, without type-graphql's per-field wrapper
 * (none of them has a middleware or `@Authorized`; a list reads about a thousand fields).
 */
@Visible(Audience.CASE_VIEWER)
@ObjectType('Case', { simpleResolvers: true, description: '信访件：一次来信、网上来信、来访、来电或上级人大批转 (petition case)' })
export class CaseView {
  @Field(() => ID, { description: '唯一标识 (ID)' })
  id: string;

  @Field(() => String, { description: '编号，登记机关内按年唯一，如 2026-000123 (serial number)' })
  serialNo: string;

  @Visible(Audience.REGISTERING_OFFICE)
  @Field(() => String, {
    nullable: true,
    description: '查询码：信访人凭此查询进度、评价；仅登记该件的人大信访机构可见，其他人为空 (query code printed on the receipt)',
  })
  queryCode: string | null;

  @Field(() => CaseStatus, { description: '状态 (status)' })
  status: CaseStatus;

  @Field(() => CaseChannel, { description: '来源渠道 (channel)' })
  channel: CaseChannel;

  @Field(() => CaseType, { description: '类别：建议意见、检举控告、申诉求决 (type)' })
  caseType: CaseType;

  @Field(() => String, { description: '问题分类，如"土地征收""劳动社保" (category)' })
  category: string;

  @Field(() => String, { description: '内容摘要 (summary)' })
  summary: string;

  @Field(() => String, { description: '信访内容全文 (content)' })
  content: string;

  @Field(() => Date, { description: '收信/接访时间 (received at)' })
  receivedAt: Date;

  @Field(() => Int, { description: '人次：来访时在场人数 (persons present)' })
  personCount: number;

  @Field(() => Boolean, { description: '重点件：由领导督办 (key case)' })
  isKey: boolean;

  @Field(() => Boolean, { description: '疑难件 (difficult case)' })
  isDifficult: boolean;

  @Field(() => Boolean, { description: '典型件：编入送阅件 (typical case)' })
  isTypical: boolean;

  @Field(() => Boolean, { description: '紧急件：信访机构已标记并报快报 (flagged urgent)' })
  isUrgent: boolean;

  @Field(() => Satisfaction, { nullable: true, description: '满意度 (satisfaction)' })
  satisfaction: Satisfaction | null;

  @Field(() => Date, { nullable: true, description: '最近一次答复时间 (last reply)' })
  lastRepliedAt: Date | null;

  @Field(() => Date, { nullable: true, description: '办结时间 (closed at)' })
  closedAt: Date | null;

  @Field(() => Int, { description: '复查/复核次数：1 为复查，2 为复核 (number of reviews)' })
  reviewCount: number;

  @Field(() => Date, { description: '受理期限：收到之日起 15 日（第 22 条），到期日办公地时间结束时；末日为节假日顺延 (intake due)' })
  intakeDueAt: Date;

  @Field(() => Date, { nullable: true, description: '复查/复核答复期限：最近一次申请之日起 30 日；未申请时为空 (review answer due)' })
  reviewDueAt: Date | null;

  @Field(() => Date, { description: '登记时间 (registered at)' })
  createdAt: Date;

  @Field(() => Date, { description: '最后修改时间 (updated at)' })
  updatedAt: Date;
}
