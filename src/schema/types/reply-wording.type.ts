import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Outcome } from '../../entities/case-enums';
import { WordingStatus } from '../../entities/reply-wording.entity';
import { Audience, Visible } from '../../policy/audience';

registerEnumType(WordingStatus, {
  name: 'WordingStatus',
  description: '答复口径版本状态 (wording version status)',
  valuesConfig: {
    DRAFT: { description: '草稿：尚未批准，不能作为答复依据 (draft)' },
    APPROVED: { description: '已批准：事项的现行口径，该事项的答复须采用 (approved, current)' },
    SUPERSEDED: { description: '已被新版本取代 (superseded by a newer approved version)' },
  },
});

/**
 * The API shape of one version of a unified reply wording. Reached only through a matter the viewer may see (or a
 * reply, or a published event the policy let through), so every field has the matter's audience.
 */
@Visible(Audience.MATTER_VIEWER)
@ObjectType('ReplyWording', { description: '统一答复口径的一个版本：处理结果、答复正文与核心表述；每个版本有自己的 ID (one version of a unified reply wording)' })
export class ReplyWordingView {
  @Field(() => ID, { description: '唯一标识 (ID)' })
  id: string;

  @Field(() => Int, { description: '版本号，同一事项内自 1 递增 (version)' })
  version: number;

  @Field(() => WordingStatus, { description: '状态：草稿、已批准（现行）、已被取代 (status)' })
  status: WordingStatus;

  @Field(() => Outcome, { description: '处理结果：该事项的答复须采用同一处理结果 (outcome)' })
  outcome: Outcome;

  @Field(() => String, {
    description: '答复正文，可含占位符 {{petitionerName}}（信访人姓名）、{{serialNo}}（编号）、{{receivedDate}}（收信日期），用 renderReplyWording 按件填充 (body)',
  })
  body: string;

  @Field(() => [String], { description: '核心表述：每份答复中必须逐字出现（比较时忽略空白与全角半角标点差异），不含占位符 (core statements)' })
  coreStatements: string[];

  @Field(() => Date, { nullable: true, description: '批准时间；草稿为空 (approved at)' })
  approvedAt: Date | null;

  @Field(() => Date, { description: '起草时间 (drafted at)' })
  createdAt: Date;
}
