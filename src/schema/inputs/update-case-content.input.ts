import { Field, ID, InputType } from 'type-graphql';
import { LongText, Name, Summary } from './validated-fields';

@InputType({ description: '更正信访件的分类、摘要或全文 (correct a case\'s category, summary or content)' })
export class UpdateCaseContentInput {
  @Field(() => ID, { description: '信访件 ID' })
  caseId: string;

  @Name('问题分类', { nullable: true })
  category?: string;

  @Summary('内容摘要', { nullable: true })
  summary?: string;

  @LongText('信访内容全文', { nullable: true })
  content?: string;
}
