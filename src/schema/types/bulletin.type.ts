import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Outcome } from '../../entities/case-enums';
import { Audience, Visible } from '../../policy/audience';
import { CaseView } from './case.type';
import { Statistics } from './statistics.type';

@Visible(Audience.REPORT_VIEWER)
@ObjectType({ description: '主要数字的相对变化：0.12 表示上升 12%；比较基数为 0 时为空 (relative changes)' })
export class FigureChange {
  @Field(() => Float, { nullable: true, description: '来信来访总量的变化 (total received)' })
  totalReceived: number | null;

  @Field(() => Float, { nullable: true, description: '群众来信件数的变化 (letters received)' })
  letters: number | null;

  @Field(() => Float, { nullable: true, description: '来访批次的变化 (visit batches)' })
  visitBatches: number | null;

  @Field(() => Float, { nullable: true, description: '来访人次的变化 (visit persons)' })
  visitPersons: number | null;
}

@Visible(Audience.REPORT_VIEWER)
@ObjectType({ description: '热点问题：本期受理较多的问题类别，及其与前一年的比较 (leading category)' })
export class TopCategory {
  @Field({ description: '问题类别 (category)' })
  category: string;

  @Field(() => Int, { description: '本期受理件数 (received in the period)' })
  received: number;

  @Field(() => Int, { description: '本期开始前十二个月受理件数 (received in the trailing year)' })
  trailingYearReceived: number;

  @Field(() => Float, {
    nullable: true,
    description: '与前十二个月同等时长的平均水平相比的变化（季度比前一年的四分之一，全年比上一年）；前一年为 0 时为空 (change against the trailing year)',
  })
  changeFromTrailingYear: number | null;
}

@Visible(Audience.REPORT_VIEWER)
@ObjectType({ description: '重点、疑难件的办理结果 (result of a key or difficult case)' })
export class KeyCaseResult {
  @Field(() => CaseView, { description: '信访件 (the case)' })
  case: CaseView;

  @Field(() => Outcome, { nullable: true, description: '处理结果：最近一次答复信访人的结果，没有答复时为承办单位最近报送的结果；尚无结果时为空' })
  outcome: Outcome | null;
}

@Visible(Audience.REPORT_VIEWER)
@ObjectType({ description: '送阅件：季度（或全年）信访情况分析，可打印为 Word 文件 (quarterly bulletin or annual summary)' })
export class Bulletin {
  @Field({ description: '标题 (title)' })
  title: string;

  @Field(() => Statistics, { description: '本期统计 (the period\'s statistics)' })
  statistics: Statistics;

  @Field(() => FigureChange, { description: '与上季度相比；全年汇总时与上一年相比 (change from the previous quarter, or year)' })
  changeFromPreviousQuarter: FigureChange;

  @Field(() => FigureChange, { description: '与去年同期相比；全年汇总时与上一年相比 (change from the same quarter last year)' })
  changeFromSameQuarterLastYear: FigureChange;

  @Field(() => [TopCategory], { description: '热点问题：受理最多的前五个问题类别 (leading categories)' })
  topCategories: TopCategory[];

  @Field(() => [CaseView], { description: '本期典型件，按收到时间排列，最多 30 件 (typical cases)' })
  typicalCases: CaseView[];

  @Field(() => [KeyCaseResult], { description: '本期重点件、疑难件及其办理结果，按收到时间排列，最多 30 件 (key and difficult cases)' })
  keyCaseResults: KeyCaseResult[];

  @Field({ description: '阶段性工作小结：本级信访机构保存的文字（saveBulletinSummary），未保存时为按本期数字生成的草稿；Word 文件打印此文字 (stage summary)' })
  summary: string;

  @Field({ description: '按本期数字生成的小结草稿，供修改时参考 (the draft written from the figures)' })
  summaryDraft: string;

  @Field(() => Date, { nullable: true, description: '小结最近一次保存的时间；未保存（打印草稿）时为空 (when the office last saved the summary)' })
  summaryEditedAt: Date | null;

  @Field({ description: 'Word 文件下载地址（GET，携带同一登录令牌）(the .docx download path)' })
  docxUrl: string;
}
