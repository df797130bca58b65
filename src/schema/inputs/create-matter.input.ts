import { IsOptional, Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: '新建事项 (create a matter)' })
export class CreateMatterInput {
  @Field(() => String, { description: '事项标题' })
  @Length(1, 200, { message: '事项标题不能为空，且不超过 200 个字符' })
  @Matches(/\S/, { message: '事项标题不能为空' })
  title: string;

  @Field(() => String, { nullable: true, description: '说明' })
  @IsOptional()
  @Length(0, 5000, { message: '说明不超过 5000 个字符' })
  description?: string;

  @Field(() => [ID], { nullable: true, description: '归入该事项的信访件' })
  caseIds?: string[];
}
