import { Field, ID, InputType } from 'type-graphql';
import { Outcome } from '../../entities/case-enums';
import { LongText, ReasonList } from './validated-fields';

/** How many core statements one wording may require; a wording is a short list of sentences, not a reply. */
export const MAX_CORE_STATEMENTS = 20;

@InputType({ description: '起草统一答复口径的新版本 (draft a new version of a matter\'s unified reply wording)' })
export class DraftReplyWordingInput {
  @Field(() => ID, { description: '事项' })
  matterId: string;

  @Field(() => Outcome, { description: '处理结果：该事项的答复须采用同一处理结果' })
  outcome: Outcome;

  @LongText('口径正文', { note: '可含占位符 {{petitionerName}}、{{serialNo}}、{{receivedDate}}' })
  body: string;

  @ReasonList('核心表述', MAX_CORE_STATEMENTS)
  coreStatements: string[];
}
