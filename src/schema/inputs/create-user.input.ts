import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, ValidateBy } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { Role } from '../../auth/role';
import { CODE_MAX } from '../../domain/text-rules';
import { Name, NewPassword } from './validated-fields';

@InputType({ description: '新建用户 (create a user)' })
export class CreateUserInput {
  @Field(() => String, { description: `登录名：字母、数字、. _ -，3–${CODE_MAX} 个字符 (username)` })
  @Length(3, CODE_MAX, { message: `登录名长度须为 3–${CODE_MAX} 个字符` })
  // full-width letters are the same name (usernames compare after NFKC), so they pass here and meet ALREADY_EXISTS
  @ValidateBy({
    name: 'usernameCharacters',
    validator: { validate: (v: unknown) => typeof v === 'string' && /^[A-Za-z0-9._-]+$/.test(v.normalize('NFKC')) },
  }, { message: '登录名只能包含字母、数字、.、_ 和 -' })
  username: string;

  @NewPassword('初始密码')
  password: string;

  @Name('显示姓名')
  displayName: string;

  @Field(() => ID, { nullable: true, description: '所属单位；除仅有 ADMIN 角色的管理员外必填 (unit)' })
  @IsOptional()
  unitId?: string;

  @Field(() => [Role], { description: '角色，至少一个 (roles)' })
  @ArrayMinSize(1, { message: '至少指定一个角色' })
  @ArrayMaxSize(8, { message: '角色过多' })
  roles: Role[];

  @Field(() => Boolean, { nullable: true, description: '是否可查看完整个人信息，默认否 (PII access)' })
  piiAccess?: boolean;
}
