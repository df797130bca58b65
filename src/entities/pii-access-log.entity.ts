import { Column, Entity, Index } from 'typeorm';
import { UuidEntity } from './base.entity';

/** Every read of a full ID number, phone or address: who, whose, which field, when. */
@Entity({ name: 'pii_access_log' })
export class PiiAccessLog extends UuidEntity {
  @Index('ix_pii_access_user')
  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @Index('ix_pii_access_petitioner')
  @Column({ type: 'varchar', length: 36 })
  petitionerId: string;

  @Column({ type: 'varchar', length: 16 })
  field: string;

  @Column({ type: 'varchar', length: 64 })
  requestId: string;

  @Column({ type: 'datetime', precision: 3 })
  at: Date;
}
