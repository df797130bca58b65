import type { MigrationInterface, QueryRunner } from 'typeorm';

export class JointMeetings1796101086927 implements MigrationInterface {
  name = 'JointMeetings1796101086927';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "joint_meeting" ("id" varchar(36) PRIMARY KEY NOT NULL, "title" varchar(200) NOT NULL, "startsAt" datetime(3) NOT NULL, "location" varchar(200), "status" varchar CHECK( "status" IN ('SCHEDULED','IN_SESSION','CONCLUDED','CANCELLED') ) NOT NULL, "congressId" varchar(36) NOT NULL, "scheduledById" varchar(36) NOT NULL, "startedAt" datetime(3), "endedAt" datetime(3), "minutes" text, "version" integer NOT NULL DEFAULT (1), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`);
    await queryRunner.query(`CREATE INDEX "ix_meeting_congress" ON "joint_meeting" ("congressId") `);
    await queryRunner.query(`CREATE TABLE "meeting_participant" ("id" varchar(36) PRIMARY KEY NOT NULL, "meetingId" varchar(36) NOT NULL, "userId" varchar(36) NOT NULL, "unitId" varchar(36) NOT NULL, "capacity" varchar CHECK( "capacity" IN ('OFFICE','BODY','DEPUTY','LEGAL_WORKER') ) NOT NULL, "position" integer NOT NULL, "present" boolean NOT NULL DEFAULT (0), "joinedAt" datetime(3), "leftAt" datetime(3))`);
    await queryRunner.query(`CREATE INDEX "ix_participant_user" ON "meeting_participant" ("userId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_participant_meeting_user" ON "meeting_participant" ("meetingId", "userId") `);
    await queryRunner.query(`CREATE TABLE "agenda_item" ("id" varchar(36) PRIMARY KEY NOT NULL, "meetingId" varchar(36) NOT NULL, "matterId" varchar(36) NOT NULL, "position" integer NOT NULL, "note" text, "status" varchar CHECK( "status" IN ('OPEN','SIGNING','AGREED','RESOLVED') ) NOT NULL, "proposedWordingId" varchar(36), "decision" text, "responsibleUnitId" varchar(36), "dueAt" datetime(3), "resolvedAt" datetime(3), "version" integer NOT NULL DEFAULT (1))`);
    await queryRunner.query(`CREATE INDEX "ix_agenda_meeting" ON "agenda_item" ("meetingId") `);
    await queryRunner.query(`CREATE INDEX "ix_agenda_matter" ON "agenda_item" ("matterId") `);
    await queryRunner.query(`CREATE TABLE "meeting_opinion" ("id" varchar(36) PRIMARY KEY NOT NULL, "agendaItemId" varchar(36) NOT NULL, "authorId" varchar(36) NOT NULL, "unitId" varchar(36), "body" text NOT NULL, "createdAt" datetime(3) NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "ix_opinion_item" ON "meeting_opinion" ("agendaItemId") `);
    await queryRunner.query(`CREATE TABLE "wording_sign_off" ("id" varchar(36) PRIMARY KEY NOT NULL, "agendaItemId" varchar(36) NOT NULL, "wordingId" varchar(36) NOT NULL, "unitId" varchar(36) NOT NULL, "userId" varchar(36) NOT NULL, "at" datetime(3) NOT NULL)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_sign_off_item_wording_unit" ON "wording_sign_off" ("agendaItemId", "wordingId", "unitId") `);
    await queryRunner.query(`CREATE TABLE "joint_meeting_event" ("id" varchar(36) PRIMARY KEY NOT NULL, "meetingId" varchar(36) NOT NULL, "type" varchar CHECK( "type" IN ('SCHEDULED','STARTED','PARTICIPANT_JOINED','PARTICIPANT_LEFT','OPINION_POSTED','WORDING_PROPOSED','SIGNED_OFF','WORDING_APPROVED','ITEM_RESOLVED','CONCLUDED','CANCELLED') ) NOT NULL, "actorId" varchar(36), "at" datetime(3) NOT NULL, "agendaItemId" varchar(36), "opinionId" varchar(36), "participantId" varchar(36), "detail" text)`);
    await queryRunner.query(`CREATE INDEX "ix_meeting_event_meeting" ON "joint_meeting_event" ("meetingId") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_meeting_event_meeting"`);
    await queryRunner.query(`DROP TABLE "joint_meeting_event"`);
    await queryRunner.query(`DROP INDEX "uq_sign_off_item_wording_unit"`);
    await queryRunner.query(`DROP TABLE "wording_sign_off"`);
    await queryRunner.query(`DROP INDEX "ix_opinion_item"`);
    await queryRunner.query(`DROP TABLE "meeting_opinion"`);
    await queryRunner.query(`DROP INDEX "ix_agenda_matter"`);
    await queryRunner.query(`DROP INDEX "ix_agenda_meeting"`);
    await queryRunner.query(`DROP TABLE "agenda_item"`);
    await queryRunner.query(`DROP INDEX "uq_participant_meeting_user"`);
    await queryRunner.query(`DROP INDEX "ix_participant_user"`);
    await queryRunner.query(`DROP TABLE "meeting_participant"`);
    await queryRunner.query(`DROP INDEX "ix_meeting_congress"`);
    await queryRunner.query(`DROP TABLE "joint_meeting"`);
  }
}
