import type { MigrationInterface, QueryRunner } from 'typeorm';

export class HearingPauseAndMatterEvents1795809775606 implements MigrationInterface {
  name = 'HearingPauseAndMatterEvents1795809775606';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_assignment_unit_status"`);
    await queryRunner.query(`DROP INDEX "ix_assignment_due"`);
    await queryRunner.query(`DROP INDEX "ix_assignment_case"`);
    await queryRunner.query(`CREATE TABLE "temporary_assignment" ("id" varchar(36) PRIMARY KEY NOT NULL, "caseId" varchar(36) NOT NULL, "unitId" varchar(36) NOT NULL, "mode" varchar CHECK( "mode" IN ('TRANSFER','ASSIGN') ) NOT NULL, "role" varchar CHECK( "role" IN ('LEAD','ASSIST') ) NOT NULL, "status" varchar CHECK( "status" IN ('PENDING','IN_PROGRESS','OBJECTED','REPORTED','COMPLETED','CANCELLED') ) NOT NULL, "dueInDays" integer NOT NULL, "unrolledDueDate" varchar(10) NOT NULL, "dueAt" datetime(3) NOT NULL, "assignedAt" datetime(3) NOT NULL, "assignedById" varchar(36) NOT NULL, "note" text, "acceptedAt" datetime(3), "endReason" text, "endedAt" datetime(3), "resultOutcome" varchar CHECK( "resultOutcome" IN ('SUPPORTED','EXPLAINED','NOT_SUPPORTED','MEDIATED') ), "resultReport" text, "resultReportedAt" datetime(3), "deliveredAt" datetime(3), "reviewNote" text, "version" integer NOT NULL DEFAULT (1), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "pausedSince" datetime(3))`);
    await queryRunner.query(`INSERT INTO "temporary_assignment"("id", "caseId", "unitId", "mode", "role", "status", "dueInDays", "unrolledDueDate", "dueAt", "assignedAt", "assignedById", "note", "acceptedAt", "endReason", "endedAt", "resultOutcome", "resultReport", "resultReportedAt", "deliveredAt", "reviewNote", "version", "createdAt") SELECT "id", "caseId", "unitId", "mode", "role", "status", "dueInDays", "unrolledDueDate", "dueAt", "assignedAt", "assignedById", "note", "acceptedAt", "endReason", "endedAt", "resultOutcome", "resultReport", "resultReportedAt", "deliveredAt", "reviewNote", "version", "createdAt" FROM "assignment"`);
    await queryRunner.query(`DROP TABLE "assignment"`);
    await queryRunner.query(`ALTER TABLE "temporary_assignment" RENAME TO "assignment"`);
    await queryRunner.query(`CREATE INDEX "ix_assignment_unit_status" ON "assignment" ("unitId", "status") `);
    await queryRunner.query(`CREATE INDEX "ix_assignment_due" ON "assignment" ("dueAt") `);
    await queryRunner.query(`CREATE INDEX "ix_assignment_case" ON "assignment" ("caseId") `);
    await queryRunner.query(`DROP INDEX "ix_case_event_case_at"`);
    await queryRunner.query(`CREATE TABLE "temporary_case_event" ("id" varchar(36) PRIMARY KEY NOT NULL, "caseId" varchar(36) NOT NULL, "assignmentId" varchar(36), "type" varchar CHECK( "type" IN ('REGISTERED','ACCEPTED','DECLINED','ARCHIVED','INSTRUCTION_REQUESTED','INSTRUCTED','ASSIGNED','ASSIGNMENT_ACCEPTED','ASSIGNMENT_OBJECTED','ASSIGNMENT_CANCELLED','EXTENSION_REQUESTED','EXTENSION_DECIDED','SUPERVISED','SUPERVISION_ANSWERED','HEARING_STARTED','HEARING_ENDED','RESULT_REPORTED','RESULT_REVIEWED','REPLIED','CLOSED','REOPENED','RATED','REFERRED','MATTER_LINKED') ) NOT NULL, "actorId" varchar(36), "at" datetime(3) NOT NULL, "detail" text, "before" text, "after" text, "seq" integer NOT NULL DEFAULT (0))`);
    await queryRunner.query(`INSERT INTO "temporary_case_event"("id", "caseId", "assignmentId", "type", "actorId", "at", "detail", "before", "after", "seq") SELECT "id", "caseId", "assignmentId", "type", "actorId", "at", "detail", "before", "after", "seq" FROM "case_event"`);
    await queryRunner.query(`DROP TABLE "case_event"`);
    await queryRunner.query(`ALTER TABLE "temporary_case_event" RENAME TO "case_event"`);
    await queryRunner.query(`CREATE INDEX "ix_case_event_case_at" ON "case_event" ("caseId", "at") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_case_event_case_at"`);
    await queryRunner.query(`ALTER TABLE "case_event" RENAME TO "temporary_case_event"`);
    await queryRunner.query(`CREATE TABLE "case_event" ("id" varchar(36) PRIMARY KEY NOT NULL, "caseId" varchar(36) NOT NULL, "assignmentId" varchar(36), "type" varchar CHECK( "type" IN ('REGISTERED','ACCEPTED','DECLINED','ARCHIVED','INSTRUCTION_REQUESTED','INSTRUCTED','ASSIGNED','ASSIGNMENT_ACCEPTED','ASSIGNMENT_OBJECTED','ASSIGNMENT_CANCELLED','EXTENSION_REQUESTED','EXTENSION_DECIDED','SUPERVISED','SUPERVISION_ANSWERED','RESULT_REPORTED','RESULT_REVIEWED','REPLIED','CLOSED','REOPENED','RATED','REFERRED') ) NOT NULL, "actorId" varchar(36), "at" datetime(3) NOT NULL, "detail" text, "before" text, "after" text, "seq" integer NOT NULL DEFAULT (0))`);
    await queryRunner.query(`INSERT INTO "case_event"("id", "caseId", "assignmentId", "type", "actorId", "at", "detail", "before", "after", "seq") SELECT "id", "caseId", "assignmentId", "type", "actorId", "at", "detail", "before", "after", "seq" FROM "temporary_case_event"`);
    await queryRunner.query(`DROP TABLE "temporary_case_event"`);
    await queryRunner.query(`CREATE INDEX "ix_case_event_case_at" ON "case_event" ("caseId", "at") `);
    await queryRunner.query(`DROP INDEX "ix_assignment_case"`);
    await queryRunner.query(`DROP INDEX "ix_assignment_due"`);
    await queryRunner.query(`DROP INDEX "ix_assignment_unit_status"`);
    await queryRunner.query(`ALTER TABLE "assignment" RENAME TO "temporary_assignment"`);
    await queryRunner.query(`CREATE TABLE "assignment" ("id" varchar(36) PRIMARY KEY NOT NULL, "caseId" varchar(36) NOT NULL, "unitId" varchar(36) NOT NULL, "mode" varchar CHECK( "mode" IN ('TRANSFER','ASSIGN') ) NOT NULL, "role" varchar CHECK( "role" IN ('LEAD','ASSIST') ) NOT NULL, "status" varchar CHECK( "status" IN ('PENDING','IN_PROGRESS','OBJECTED','REPORTED','COMPLETED','CANCELLED') ) NOT NULL, "dueInDays" integer NOT NULL, "unrolledDueDate" varchar(10) NOT NULL, "dueAt" datetime(3) NOT NULL, "assignedAt" datetime(3) NOT NULL, "assignedById" varchar(36) NOT NULL, "note" text, "acceptedAt" datetime(3), "endReason" text, "endedAt" datetime(3), "resultOutcome" varchar CHECK( "resultOutcome" IN ('SUPPORTED','EXPLAINED','NOT_SUPPORTED','MEDIATED') ), "resultReport" text, "resultReportedAt" datetime(3), "deliveredAt" datetime(3), "reviewNote" text, "version" integer NOT NULL DEFAULT (1), "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`);
    await queryRunner.query(`INSERT INTO "assignment"("id", "caseId", "unitId", "mode", "role", "status", "dueInDays", "unrolledDueDate", "dueAt", "assignedAt", "assignedById", "note", "acceptedAt", "endReason", "endedAt", "resultOutcome", "resultReport", "resultReportedAt", "deliveredAt", "reviewNote", "version", "createdAt") SELECT "id", "caseId", "unitId", "mode", "role", "status", "dueInDays", "unrolledDueDate", "dueAt", "assignedAt", "assignedById", "note", "acceptedAt", "endReason", "endedAt", "resultOutcome", "resultReport", "resultReportedAt", "deliveredAt", "reviewNote", "version", "createdAt" FROM "temporary_assignment"`);
    await queryRunner.query(`DROP TABLE "temporary_assignment"`);
    await queryRunner.query(`CREATE INDEX "ix_assignment_case" ON "assignment" ("caseId") `);
    await queryRunner.query(`CREATE INDEX "ix_assignment_due" ON "assignment" ("dueAt") `);
    await queryRunner.query(`CREATE INDEX "ix_assignment_unit_status" ON "assignment" ("unitId", "status") `);
  }
}
