import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Failed-login counter per username or client address; kept in the database so every instance sees it. */
@Entity({ name: 'login_throttle' })
export class LoginThrottle {
  @PrimaryColumn({ type: 'varchar', length: 191 })
  key: string;

  @Column({ type: 'int', default: 0 })
  failures: number;

  @Column({ type: 'datetime', precision: 3 })
  windowStartedAt: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  lockedUntil: Date | null;
}
