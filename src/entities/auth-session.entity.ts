import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from './user.entity';

/**
 * One login and the chain of tokens refreshed from it (a token family). Only the token of the current
 * `generation` may be refreshed; presenting an older one revokes the whole family.
 */
@Entity({ name: 'auth_session' })
export class AuthSession {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Index('ix_auth_session_user')
  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId', foreignKeyConstraintName: 'fk_auth_session_user' })
  user?: User;

  /** Rotation counter of the newest token; the login's own token is 0. */
  @Column({ type: 'int', default: 0 })
  generation: number;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;

  /** Expiry of the newest token: after it no token of the family is valid and the row may go. */
  @Column({ type: 'datetime', precision: 3 })
  expiresAt: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  revokedAt: Date | null;
}
