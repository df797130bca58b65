import { Query, Resolver } from 'type-graphql';
import { ERROR_CODE_DESCRIPTIONS, ErrorCode } from '../errors/error-code';
import { ErrorCodeInfo } from '../schema/types/error-code-info.type';

@Resolver()
export class MetaResolver {
  @Query(() => [ErrorCodeInfo], { description: '全部错误代码及其含义，无需登录 (every error code, for client developers)' })
  errorCodes(): ErrorCodeInfo[] {
    return Object.values(ErrorCode).map((code) => ({ code, description: ERROR_CODE_DESCRIPTIONS[code] }));
  }
}
