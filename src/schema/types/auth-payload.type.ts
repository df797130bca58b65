import { Field, ObjectType } from 'type-graphql';
import { Audience, Visible } from '../../policy/audience';
import { User } from '../../entities/user.entity';

@Visible(Audience.PUBLIC)
@ObjectType({ description: '登录结果：令牌及其到期时间 (token, its expiry and the user)' })
export class AuthPayload {
  @Field(() => String, { description: 'JWT 令牌；请求时放在 Authorization: Bearer <token> 头中。它同时是续期凭据：只能用 refreshToken 续期一次' })
  token: string;

  @Field(() => Date, { description: '令牌到期时间；到期前可用 refreshToken 换取下一个令牌' })
  expiresAt: Date;

  @Field(() => User, { description: '当前用户' })
  user: User;
}
