import { Field, ID, InputType } from 'type-graphql';
import { Name, Reason } from './validated-fields';

@InputType({ description: '新建事项 (create a matter)' })
export class CreateMatterInput {
  @Name('事项标题')
  title: string;

  @Reason('事项说明', { nullable: true })
  description?: string;

  @Field(() => [ID], { nullable: true, description: '归入该事项的信访件' })
  caseIds?: string[];
}
