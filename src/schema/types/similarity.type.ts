import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Case } from '../../entities/case.entity';
import { Matter } from '../../entities/matter.entity';
import { Audience, Visible } from '../../policy/audience';
import { CaseView } from './case.type';

/** Why another case is shown as probably about the same issue (docs/rules.md "Similar petitions"). */
export enum SimilarityReason {
  SAME_PETITIONER = 'SAME_PETITIONER',
  SAME_MATTER = 'SAME_MATTER',
  SIMILAR_CONTENT = 'SIMILAR_CONTENT',
}

registerEnumType(SimilarityReason, {
  name: 'SimilarityReason',
  description: '相似原因 (why a case is shown as similar)',
  valuesConfig: {
    SAME_PETITIONER: { description: '同一信访人（身份证号或电话一致）' },
    SAME_MATTER: { description: '已归入同一事项' },
    SIMILAR_CONTENT: { description: '内容相似（地点、单位、金额与诉求相近）' },
  },
});

@Visible(Audience.CASE_VIEWER)
@ObjectType({ description: '一件相似信访件及其得分与原因 (similar case edge)' })
export class SimilarCaseEdge {
  @Field(() => Float, { description: '相似度 0–1，越大越可能是同一问题；≥ 0.27 时登记即提示 (score)' })
  score: number;

  @Field(() => [SimilarityReason], { description: '相似原因 (reasons)' })
  reasons: SimilarityReason[];

  @Field(() => CaseView, { description: '相似的信访件（当前用户可见的）' })
  node: Case;
}

@Visible(Audience.CASE_VIEWER)
@ObjectType({ description: '相似信访件列表，按相似度从高到低 (similar cases)' })
export class SimilarCaseConnection {
  @Field(() => Int, { description: '参与排序的候选中可显示的件数（内容候选最多 50 件，同一信访人或同一事项最多 20 件）' })
  totalCount: number;

  @Field(() => [SimilarCaseEdge], { description: '相似件，按相似度从高到低' })
  edges: SimilarCaseEdge[];
}

@Visible(Audience.CASE_VIEWER)
@ObjectType({ description: '建议归入的事项及其得分 (suggested matter)' })
export class MatterSuggestion {
  @Field(() => Float, { description: '相似度 0–1：该事项下与本件最相近的信访件的内容得分' })
  score: number;

  @Field(() => Matter, { description: '事项（当前用户可见的）' })
  matter: Matter;
}
