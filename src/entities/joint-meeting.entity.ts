import { Column, CreateDateColumn, Entity, Index, UpdateDateColumn } from 'typeorm';
import { UuidEntity } from './base.entity';
import { AgendaItemStatus, JointMeetingEventType, MeetingStatus, ParticipantCapacity } from './joint-meeting-enums';

/** 联席会议: the coordination meeting a congress office convenes. API shape: src/schema/types/joint-meeting.type.ts. */
@Entity({ name: 'joint_meeting' })
export class JointMeeting extends UuidEntity {
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'datetime', precision: 3 })
  startsAt: Date;

  @Column({ type: 'varchar', length: 200, nullable: true })
  location: string | null;

  @Column({ type: 'simple-enum', enum: MeetingStatus })
  status: MeetingStatus;

  /** The convening congress; its office staff see the meeting and only its REGISTRAR/LEADER run it. */
  @Index('ix_meeting_congress')
  @Column({ type: 'varchar', length: 36 })
  congressId: string;

  @Column({ type: 'varchar', length: 36 })
  scheduledById: string;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  startedAt: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  endedAt: Date | null;

  /** 纪要, written when the meeting concludes. */
  @Column({ type: 'text', nullable: true })
  minutes: string | null;

  @Column({ type: 'int', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date;
}

/** One invited person; the unit is the one they belonged to when invited. */
@Entity({ name: 'meeting_participant' })
@Index('uq_participant_meeting_user', ['meetingId', 'userId'], { unique: true })
export class MeetingParticipant extends UuidEntity {
  @Column({ type: 'varchar', length: 36 })
  meetingId: string;

  @Index('ix_participant_user')
  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @Column({ type: 'varchar', length: 36 })
  unitId: string;

  @Column({ type: 'simple-enum', enum: ParticipantCapacity })
  capacity: ParticipantCapacity;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'boolean', default: false })
  present: boolean;

  /** First time the participant joined; null for one who never attended. */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  joinedAt: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  leftAt: Date | null;
}

/** 议题: one matter put before the meeting. */
@Entity({ name: 'agenda_item' })
export class AgendaItem extends UuidEntity {
  @Index('ix_agenda_meeting')
  @Column({ type: 'varchar', length: 36 })
  meetingId: string;

  @Index('ix_agenda_matter')
  @Column({ type: 'varchar', length: 36 })
  matterId: string;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'simple-enum', enum: AgendaItemStatus })
  status: AgendaItemStatus;

  /** The wording draft now on the table (or the one approved through this item). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  proposedWordingId: string | null;

  @Column({ type: 'text', nullable: true })
  decision: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  responsibleUnitId: string | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  dueAt: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  resolvedAt: Date | null;

  @Column({ type: 'int', default: 1 })
  version: number;
}

/** 意见: what one participant said on one agenda item. */
@Entity({ name: 'meeting_opinion' })
export class MeetingOpinion extends UuidEntity {
  @Index('ix_opinion_item')
  @Column({ type: 'varchar', length: 36 })
  agendaItemId: string;

  @Column({ type: 'varchar', length: 36 })
  authorId: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  unitId: string | null;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;
}

/** 会签: one participating body's agreement to one proposed wording. */
@Entity({ name: 'wording_sign_off' })
@Index('uq_sign_off_item_wording_unit', ['agendaItemId', 'wordingId', 'unitId'], { unique: true })
export class WordingSignOff extends UuidEntity {
  @Column({ type: 'varchar', length: 36 })
  agendaItemId: string;

  @Column({ type: 'varchar', length: 36 })
  wordingId: string;

  @Column({ type: 'varchar', length: 36 })
  unitId: string;

  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @Column({ type: 'datetime', precision: 3 })
  at: Date;
}

/** The audit record of one meeting step, with actor and time; published after commit. */
@Entity({ name: 'joint_meeting_event' })
export class JointMeetingEventRecord extends UuidEntity {
  @Index('ix_meeting_event_meeting')
  @Column({ type: 'varchar', length: 36 })
  meetingId: string;

  @Column({ type: 'simple-enum', enum: JointMeetingEventType })
  type: JointMeetingEventType;

  @Column({ type: 'varchar', length: 36, nullable: true })
  actorId: string | null;

  @Column({ type: 'datetime', precision: 3 })
  at: Date;

  @Column({ type: 'varchar', length: 36, nullable: true })
  agendaItemId: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  opinionId: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  participantId: string | null;

  @Column({ type: 'text', nullable: true })
  detail: string | null;
}
