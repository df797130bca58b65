import { Column, Entity, Index } from 'typeorm';
import { UuidEntity } from './base.entity';

@Entity({ name: 'petitioner' })
export class Petitioner extends UuidEntity {
  @Index('ix_petitioner_case')
  @Column({ type: 'varchar', length: 36 })
  caseId: string;

  @Column({ type: 'int', default: 0 })
  position: number;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 18, nullable: true })
  idNumberMasked: string | null;

  @Column({ type: 'text', nullable: true })
  idNumberEnc: string | null;

  /** Keyed hash of the normalised ID number, for finding repeat petitions without decrypting. */
  @Index('ix_petitioner_id_hash')
  @Column({ type: 'varchar', length: 64, nullable: true })
  idNumberHash: string | null;

  @Column({ type: 'varchar', length: 24, nullable: true })
  phoneMasked: string | null;

  @Column({ type: 'text', nullable: true })
  phoneEnc: string | null;

  @Index('ix_petitioner_phone_hash')
  @Column({ type: 'varchar', length: 64, nullable: true })
  phoneHash: string | null;

  @Column({ type: 'text', nullable: true })
  addressEnc: string | null;
}
