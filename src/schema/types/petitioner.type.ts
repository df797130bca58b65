import { Field, ID, ObjectType } from 'type-graphql';
import { Audience, Visible } from '../../policy/audience';

/**
 * The API shape of a petitioner. The table (src/entities/petitioner.entity.ts) holds ciphertexts and keyed
 * hashes that must never reach the schema; only what is named here does, and the full values come through
 * field resolvers that mask and audit them.
 */
@Visible(Audience.CASE_VIEWER)
@ObjectType('Petitioner', { description: '信访人：身份证号、电话、住址加密存储，按权限显示 (petitioner)' })
export class PetitionerView {
  @Field(() => ID, { description: '唯一标识 (ID)' })
  id: string;

  @Field(() => String, { description: '姓名 (name)' })
  name: string;

  @Field(() => String, { nullable: true, description: '身份证号（脱敏），如 110101********1234 (masked ID number)' })
  idNumberMasked: string | null;
}
