import { randomUUID } from 'node:crypto';
import { Audience, Visible } from '../policy/audience';
import { Field, ID, ObjectType } from 'type-graphql';
import { BeforeInsert, PrimaryColumn } from 'typeorm';

/**
 * Rows keyed by a random UUID kept as varchar(36): the same column on SQLite, MySQL and MariaDB
 * (MariaDB would otherwise use its native UUID type, which foreign keys in varchar cannot reference).
 */
@Visible(Audience.CASE_VIEWER)
@ObjectType({ simpleResolvers: true, description: '以 UUID 为主键的对象' })
export abstract class UuidEntity {
  @Field(() => ID, { description: '唯一标识 (ID)' })
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @BeforeInsert()
  protected assignId(): void {
    this.id ??= randomUUID();
  }
}
