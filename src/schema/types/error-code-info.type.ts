import { Field, ObjectType } from 'type-graphql';
import { Audience, Visible } from '../../policy/audience';
import { ErrorCode } from '../../errors/error-code';

@Visible(Audience.PUBLIC)
@ObjectType({ description: '错误代码说明 (an error code and what it means)' })
export class ErrorCodeInfo {
  @Field(() => ErrorCode, { description: '错误代码' })
  code: ErrorCode;

  @Field(() => String, { description: '含义' })
  description: string;
}
