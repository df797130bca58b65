import { Field, ObjectType } from 'type-graphql';
import { Audience, Visible } from '../policy/audience';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { UuidEntity } from './base.entity';
import { Unit } from './unit.entity';
import { Role } from '../auth/role';

@Visible(Audience.SIGNED_IN)
@ObjectType({ description: '用户账号 (user account)' })
@Entity({ name: 'app_user' })
export class User extends UuidEntity {
  @Field(() => String, { description: '登录名，唯一 (username)' })
  @Index('uq_user_username', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  username: string;

  /** `usernameKey(username)`; unique, so names differing only in case or width cannot both exist. */
  @Index('uq_user_username_key', { unique: true })
  @Column({ type: 'varchar', length: 191 })
  usernameKey: string;

  @Field(() => String, { description: '显示姓名 (display name)' })
  @Column({ type: 'varchar', length: 100 })
  displayName: string;

  @Column({ type: 'varchar', length: 255 })
  passwordHash: string;

  @Field(() => [Role], { description: '角色 (roles)' })
  @Column({ type: 'simple-json' })
  roles: Role[];

  @Field(() => Boolean, { description: '是否有权查看完整个人信息（身份证号、电话、住址）(may read PII in full)' })
  @Column({ type: 'boolean', default: false })
  piiAccess: boolean;

  @Index('ix_user_unit')
  @Column({ type: 'varchar', length: 36, nullable: true })
  unitId: string | null;

  /** Foreign key only; read the unit through the loader. */
  @ManyToOne(() => Unit, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unitId', foreignKeyConstraintName: 'fk_user_unit' })
  unitRef?: Unit | null;

  @Field(() => Boolean, { description: '是否已停用 (disabled)' })
  @Column({ type: 'boolean', default: false })
  disabled: boolean;

  /** Bumped on password change or disabling; tokens carry it, so older ones stop working. */
  @Column({ type: 'int', default: 0 })
  tokenVersion: number;

  @Field(() => Date, { description: '创建时间 (created at)' })
  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  hasRole(...roles: Role[]): boolean {
    return this.roles.some((r) => roles.includes(r));
  }
}
