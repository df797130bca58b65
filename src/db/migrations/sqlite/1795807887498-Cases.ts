import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Cases1795807887498 implements MigrationInterface {
  name = 'Cases1795807887498';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "assignment" ("id" varchar(36) PRIMARY KEY NOT NULL, "caseId" varchar(36) NOT NULL, "unitId" varchar(36) NOT NULL, "mode" varchar CHECK( "mode" IN ('TRANSFER','ASSIGN') ) NOT NULL, "role" varchar CHECK( "role" IN ('LEAD','ASSIST') ) NOT NULL, "status" varchar CHECK( "status" IN ('PENDING','IN_PROGRESS','OBJECTED','REPORTED','COMPLETED','CANCELLED') ) NOT NULL, "dueInDays" integer NOT NULL, "unrolledDueDate" varchar(10) NOT NULL, "dueAt" datetime(3) NOT NULL, "assignedAt" datetime(3) NOT NULL, "assignedById" varchar(36) NOT NULL, "note" text, "acceptedAt" datetime(3), "endReason" text, "endedAt" datetime(3), "resultOutcome" varchar CHECK( "resultOutcome" IN ('SUPPORTED','EXPLAINED','NOT_SUPPORTED','MEDIATED') ), "resultReport" text, "resultReportedAt" datetime(3), "deliveredAt" datetime(3), "reviewNote" text, "version" integer NOT NULL DEFAULT (1), "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`);
    await queryRunner.query(`CREATE INDEX "ix_assignment_case" ON "assignment" ("caseId") `);
    await queryRunner.query(`CREATE INDEX "ix_assignment_due" ON "assignment" ("dueAt") `);
    await queryRunner.query(`CREATE INDEX "ix_assignment_unit_status" ON "assignment" ("unitId", "status") `);
    await queryRunner.query(`CREATE TABLE "case_event" ("id" varchar(36) PRIMARY KEY NOT NULL, "caseId" varchar(36) NOT NULL, "assignmentId" varchar(36), "type" varchar CHECK( "type" IN ('REGISTERED','ACCEPTED','DECLINED','ARCHIVED','INSTRUCTION_REQUESTED','INSTRUCTED','ASSIGNED','ASSIGNMENT_ACCEPTED','ASSIGNMENT_OBJECTED','ASSIGNMENT_CANCELLED','EXTENSION_REQUESTED','EXTENSION_DECIDED','SUPERVISED','SUPERVISION_ANSWERED','RESULT_REPORTED','RESULT_REVIEWED','REPLIED','CLOSED','REOPENED','RATED','REFERRED') ) NOT NULL, "actorId" varchar(36), "at" datetime(3) NOT NULL, "detail" text, "before" text, "after" text, "seq" integer NOT NULL DEFAULT (0))`);
    await queryRunner.query(`CREATE INDEX "ix_case_event_case_at" ON "case_event" ("caseId", "at") `);
    await queryRunner.query(`CREATE TABLE "petition_case" ("id" varchar(36) PRIMARY KEY NOT NULL, "serialNo" varchar(20) NOT NULL, "queryCode" varchar(16) NOT NULL, "congressId" varchar(36) NOT NULL, "status" varchar CHECK( "status" IN ('REGISTERED','ACCEPTED','DECLINED','ARCHIVED','ASSIGNED','RESULT_REPORTED','REPLIED','CLOSED','UNDER_REVIEW') ) NOT NULL, "channel" varchar CHECK( "channel" IN ('LETTER','ONLINE','VISIT','PHONE') ) NOT NULL, "caseType" varchar CHECK( "caseType" IN ('SUGGESTION','ACCUSATION','CLAIM') ) NOT NULL, "category" varchar(100) NOT NULL, "summary" varchar(500) NOT NULL, "content" text NOT NULL, "receivedAt" datetime(3) NOT NULL, "personCount" integer NOT NULL DEFAULT (1), "isKey" boolean NOT NULL DEFAULT (0), "isDifficult" boolean NOT NULL DEFAULT (0), "isTypical" boolean NOT NULL DEFAULT (0), "referredFromUnitId" varchar(36), "referredFromCaseId" varchar(36), "matterId" varchar(36), "accusedUnitId" varchar(36), "responsibleUserId" varchar(36) NOT NULL, "satisfaction" varchar CHECK( "satisfaction" IN ('SATISFIED','BASICALLY_SATISFIED','DISSATISFIED') ), "ratedByPetitioner" boolean NOT NULL DEFAULT (0), "lastRepliedAt" datetime(3), "closedAt" datetime(3), "finishedAt" datetime(3), "reviewCount" integer NOT NULL DEFAULT (0), "version" integer NOT NULL DEFAULT (1), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_case_query_code" ON "petition_case" ("queryCode") `);
    await queryRunner.query(`CREATE INDEX "ix_case_category" ON "petition_case" ("category") `);
    await queryRunner.query(`CREATE INDEX "ix_case_referred_from" ON "petition_case" ("referredFromUnitId") `);
    await queryRunner.query(`CREATE INDEX "ix_case_referred_from_case" ON "petition_case" ("referredFromCaseId") `);
    await queryRunner.query(`CREATE INDEX "ix_case_matter" ON "petition_case" ("matterId") `);
    await queryRunner.query(`CREATE INDEX "ix_case_accused" ON "petition_case" ("accusedUnitId") `);
    await queryRunner.query(`CREATE INDEX "ix_case_status" ON "petition_case" ("status") `);
    await queryRunner.query(`CREATE INDEX "ix_case_congress_received" ON "petition_case" ("congressId", "receivedAt") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_case_serial" ON "petition_case" ("congressId", "serialNo") `);
    await queryRunner.query(`CREATE TABLE "extension" ("id" varchar(36) PRIMARY KEY NOT NULL, "assignmentId" varchar(36) NOT NULL, "days" integer NOT NULL, "reason" text NOT NULL, "status" varchar CHECK( "status" IN ('PENDING','APPROVED','REJECTED') ) NOT NULL, "requestedById" varchar(36) NOT NULL, "requestedAt" datetime(3) NOT NULL, "decidedById" varchar(36), "decidedAt" datetime(3))`);
    await queryRunner.query(`CREATE INDEX "ix_extension_assignment" ON "extension" ("assignmentId") `);
    await queryRunner.query(`CREATE TABLE "holiday_calendar" ("year" integer PRIMARY KEY NOT NULL, "holidays" text NOT NULL, "workdays" text NOT NULL)`);
    await queryRunner.query(`CREATE TABLE "instruction" ("id" varchar(36) PRIMARY KEY NOT NULL, "caseId" varchar(36) NOT NULL, "leaderId" varchar(36) NOT NULL, "requestedById" varchar(36) NOT NULL, "requestedAt" datetime(3) NOT NULL, "text" text, "createdAt" datetime(3))`);
    await queryRunner.query(`CREATE INDEX "ix_instruction_case" ON "instruction" ("caseId") `);
    await queryRunner.query(`CREATE TABLE "matter" ("id" varchar(36) PRIMARY KEY NOT NULL, "title" varchar(200) NOT NULL, "description" text, "congressId" varchar(36) NOT NULL, "reReviewed" boolean NOT NULL DEFAULT (0), "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`);
    await queryRunner.query(`CREATE INDEX "ix_matter_congress" ON "matter" ("congressId") `);
    await queryRunner.query(`CREATE TABLE "petitioner" ("id" varchar(36) PRIMARY KEY NOT NULL, "caseId" varchar(36) NOT NULL, "position" integer NOT NULL DEFAULT (0), "name" varchar(100) NOT NULL, "idNumberMasked" varchar(18), "idNumberEnc" text, "idNumberHash" varchar(64), "phoneMasked" varchar(24), "phoneEnc" text, "phoneHash" varchar(64), "addressEnc" text)`);
    await queryRunner.query(`CREATE INDEX "ix_petitioner_case" ON "petitioner" ("caseId") `);
    await queryRunner.query(`CREATE INDEX "ix_petitioner_id_hash" ON "petitioner" ("idNumberHash") `);
    await queryRunner.query(`CREATE INDEX "ix_petitioner_phone_hash" ON "petitioner" ("phoneHash") `);
    await queryRunner.query(`CREATE TABLE "pii_access_log" ("id" varchar(36) PRIMARY KEY NOT NULL, "userId" varchar(36) NOT NULL, "petitionerId" varchar(36) NOT NULL, "field" varchar(16) NOT NULL, "requestId" varchar(64) NOT NULL, "at" datetime(3) NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "ix_pii_access_user" ON "pii_access_log" ("userId") `);
    await queryRunner.query(`CREATE INDEX "ix_pii_access_petitioner" ON "pii_access_log" ("petitionerId") `);
    await queryRunner.query(`CREATE TABLE "reply_wording" ("id" varchar(36) PRIMARY KEY NOT NULL, "matterId" varchar(36) NOT NULL, "version" integer NOT NULL, "status" varchar(16) NOT NULL, "outcome" varchar CHECK( "outcome" IN ('SUPPORTED','EXPLAINED','NOT_SUPPORTED','MEDIATED') ) NOT NULL, "body" text NOT NULL, "coreStatements" text NOT NULL, "approvedAt" datetime(3), "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_wording_matter_version" ON "reply_wording" ("matterId", "version") `);
    await queryRunner.query(`CREATE TABLE "reply" ("id" varchar(36) PRIMARY KEY NOT NULL, "caseId" varchar(36) NOT NULL, "unitId" varchar(36) NOT NULL, "authorId" varchar(36) NOT NULL, "method" varchar CHECK( "method" IN ('WRITTEN','IN_PERSON','PHONE','ONLINE') ) NOT NULL, "outcome" varchar CHECK( "outcome" IN ('SUPPORTED','EXPLAINED','NOT_SUPPORTED','MEDIATED') ) NOT NULL, "body" text NOT NULL, "wordingId" varchar(36), "matterId" varchar(36), "repliedAt" datetime(3) NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "ix_reply_case" ON "reply" ("caseId") `);
    await queryRunner.query(`CREATE INDEX "ix_reply_unit" ON "reply" ("unitId") `);
    await queryRunner.query(`CREATE INDEX "ix_reply_matter" ON "reply" ("matterId") `);
    await queryRunner.query(`CREATE TABLE "serial_counter" ("congressId" varchar(36) NOT NULL, "year" integer NOT NULL, "next" integer NOT NULL, PRIMARY KEY ("congressId", "year"))`);
    await queryRunner.query(`CREATE TABLE "supervision" ("id" varchar(36) PRIMARY KEY NOT NULL, "assignmentId" varchar(36) NOT NULL, "kind" varchar CHECK( "kind" IN ('PHONE','ON_SITE','LEADER','LISTED','CIRCULAR') ) NOT NULL, "note" text NOT NULL, "byId" varchar(36) NOT NULL, "createdAt" datetime(3) NOT NULL, "answer" text, "answeredAt" datetime(3))`);
    await queryRunner.query(`CREATE INDEX "ix_supervision_assignment" ON "supervision" ("assignmentId") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_supervision_assignment"`);
    await queryRunner.query(`DROP TABLE "supervision"`);
    await queryRunner.query(`DROP TABLE "serial_counter"`);
    await queryRunner.query(`DROP INDEX "ix_reply_matter"`);
    await queryRunner.query(`DROP INDEX "ix_reply_unit"`);
    await queryRunner.query(`DROP INDEX "ix_reply_case"`);
    await queryRunner.query(`DROP TABLE "reply"`);
    await queryRunner.query(`DROP INDEX "uq_wording_matter_version"`);
    await queryRunner.query(`DROP TABLE "reply_wording"`);
    await queryRunner.query(`DROP INDEX "ix_pii_access_petitioner"`);
    await queryRunner.query(`DROP INDEX "ix_pii_access_user"`);
    await queryRunner.query(`DROP TABLE "pii_access_log"`);
    await queryRunner.query(`DROP INDEX "ix_petitioner_phone_hash"`);
    await queryRunner.query(`DROP INDEX "ix_petitioner_id_hash"`);
    await queryRunner.query(`DROP INDEX "ix_petitioner_case"`);
    await queryRunner.query(`DROP TABLE "petitioner"`);
    await queryRunner.query(`DROP INDEX "ix_matter_congress"`);
    await queryRunner.query(`DROP TABLE "matter"`);
    await queryRunner.query(`DROP INDEX "ix_instruction_case"`);
    await queryRunner.query(`DROP TABLE "instruction"`);
    await queryRunner.query(`DROP TABLE "holiday_calendar"`);
    await queryRunner.query(`DROP INDEX "ix_extension_assignment"`);
    await queryRunner.query(`DROP TABLE "extension"`);
    await queryRunner.query(`DROP INDEX "uq_case_serial"`);
    await queryRunner.query(`DROP INDEX "ix_case_congress_received"`);
    await queryRunner.query(`DROP INDEX "ix_case_status"`);
    await queryRunner.query(`DROP INDEX "ix_case_accused"`);
    await queryRunner.query(`DROP INDEX "ix_case_matter"`);
    await queryRunner.query(`DROP INDEX "ix_case_referred_from_case"`);
    await queryRunner.query(`DROP INDEX "ix_case_referred_from"`);
    await queryRunner.query(`DROP INDEX "ix_case_category"`);
    await queryRunner.query(`DROP INDEX "uq_case_query_code"`);
    await queryRunner.query(`DROP TABLE "petition_case"`);
    await queryRunner.query(`DROP INDEX "ix_case_event_case_at"`);
    await queryRunner.query(`DROP TABLE "case_event"`);
    await queryRunner.query(`DROP INDEX "ix_assignment_unit_status"`);
    await queryRunner.query(`DROP INDEX "ix_assignment_due"`);
    await queryRunner.query(`DROP INDEX "ix_assignment_case"`);
    await queryRunner.query(`DROP TABLE "assignment"`);
  }
}
