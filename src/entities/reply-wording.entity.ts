import { Column, CreateDateColumn, Entity, Index } from 'typeorm';
import { UuidEntity } from './base.entity';
import { Outcome } from './case-enums';

/** Version states of a unified reply wording. */
export enum WordingStatus {
  DRAFT = 'DRAFT',
  APPROVED = 'APPROVED',
  SUPERSEDED = 'SUPERSEDED',
}

/**
 * One version of a matter's unified reply wording (统一答复口径). Versions count from 1 per matter; at most one is
 * APPROVED at a time, the earlier approved ones are SUPERSEDED. Its API shape is `ReplyWordingView`.
 */
@Entity({ name: 'reply_wording' })
@Index('uq_wording_matter_version', ['matterId', 'version'], { unique: true })
export class ReplyWording extends UuidEntity {
  @Column({ type: 'varchar', length: 36 })
  matterId: string;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'varchar', length: 16 })
  status: WordingStatus;

  @Column({ type: 'simple-enum', enum: Outcome })
  outcome: Outcome;

  /** May hold the placeholders {{petitionerName}}, {{serialNo}} and {{receivedDate}}. */
  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'simple-json' })
  coreStatements: string[];

  @Column({ type: 'datetime', precision: 3, nullable: true })
  approvedAt: Date | null;

  /** Who drafted this version (or proposed it at a joint meeting). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  createdById: string | null;

  /** Who approved it: office staff, or the body whose sign-off completed a joint meeting's approval. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  approvedById: string | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
