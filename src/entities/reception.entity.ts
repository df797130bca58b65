import { Column, CreateDateColumn, Entity, Index } from 'typeorm';
import { UuidEntity } from './base.entity';

/** 领导接访: a session at which a leader of a congress receives visitors in person. */
@Entity({ name: 'reception' })
@Index('ix_reception_congress_starts', ['congressId', 'startsAt'])
export class Reception extends UuidEntity {
  @Column({ type: 'varchar', length: 36 })
  congressId: string;

  @Column({ type: 'varchar', length: 36 })
  leaderId: string;

  @Column({ type: 'datetime', precision: 3 })
  startsAt: Date;

  @Column({ type: 'datetime', precision: 3 })
  endsAt: Date;

  @Column({ type: 'varchar', length: 100 })
  place: string;

  @Column({ type: 'varchar', length: 36 })
  scheduledById: string;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
