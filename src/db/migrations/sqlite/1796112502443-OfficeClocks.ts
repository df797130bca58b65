import type { MigrationInterface, QueryRunner } from 'typeorm';
import { backfillOfficeClocks } from '../backfill-office-clocks';

export class OfficeClocks1796112502443 implements MigrationInterface {
  name = 'OfficeClocks1796112502443';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "uq_deadline_alert"`);
    // every alert raised so far was a unit's: its assignment becomes the subject of an ASSIGNMENT alert
    await queryRunner.query(`CREATE TABLE "temporary_deadline_alert" ("id" varchar(36) PRIMARY KEY NOT NULL, "kind" varchar(16) NOT NULL, "dueAt" datetime(3) NOT NULL, "raisedAt" datetime(3) NOT NULL, "clock" varchar(16) NOT NULL DEFAULT ('ASSIGNMENT'), "subjectId" varchar(36) NOT NULL)`);
    await queryRunner.query(`INSERT INTO "temporary_deadline_alert"("id", "kind", "dueAt", "raisedAt", "clock", "subjectId") SELECT "id", "kind", "dueAt", "raisedAt", 'ASSIGNMENT', "assignmentId" FROM "deadline_alert"`);
    await queryRunner.query(`DROP TABLE "deadline_alert"`);
    await queryRunner.query(`ALTER TABLE "temporary_deadline_alert" RENAME TO "deadline_alert"`);
    await queryRunner.query(`DROP INDEX "uq_case_serial"`);
    await queryRunner.query(`DROP INDEX "ix_case_congress_received"`);
    await queryRunner.query(`DROP INDEX "ix_case_status"`);
    await queryRunner.query(`DROP INDEX "ix_case_accused"`);
    await queryRunner.query(`DROP INDEX "ix_case_matter"`);
    await queryRunner.query(`DROP INDEX "ix_case_referred_from_case"`);
    await queryRunner.query(`DROP INDEX "ix_case_referred_from"`);
    await queryRunner.query(`DROP INDEX "ix_case_category"`);
    await queryRunner.query(`DROP INDEX "uq_case_query_code"`);
    await queryRunner.query(`CREATE TABLE "temporary_petition_case" ("id" varchar(36) PRIMARY KEY NOT NULL, "serialNo" varchar(20) NOT NULL, "queryCode" varchar(16) NOT NULL, "congressId" varchar(36) NOT NULL, "status" varchar CHECK( "status" IN ('REGISTERED','ACCEPTED','DECLINED','ARCHIVED','ASSIGNED','RESULT_REPORTED','REPLIED','CLOSED','UNDER_REVIEW') ) NOT NULL, "channel" varchar CHECK( "channel" IN ('LETTER','ONLINE','VISIT','PHONE') ) NOT NULL, "caseType" varchar CHECK( "caseType" IN ('SUGGESTION','ACCUSATION','CLAIM') ) NOT NULL, "category" varchar(100) NOT NULL, "summary" varchar(500) NOT NULL, "content" text NOT NULL, "receivedAt" datetime(3) NOT NULL, "personCount" integer NOT NULL DEFAULT (1), "isKey" boolean NOT NULL DEFAULT (0), "isDifficult" boolean NOT NULL DEFAULT (0), "isTypical" boolean NOT NULL DEFAULT (0), "referredFromUnitId" varchar(36), "referredFromCaseId" varchar(36), "matterId" varchar(36), "accusedUnitId" varchar(36), "responsibleUserId" varchar(36) NOT NULL, "satisfaction" varchar CHECK( "satisfaction" IN ('SATISFIED','BASICALLY_SATISFIED','DISSATISFIED') ), "ratedByPetitioner" boolean NOT NULL DEFAULT (0), "lastRepliedAt" datetime(3), "closedAt" datetime(3), "finishedAt" datetime(3), "reviewCount" integer NOT NULL DEFAULT (0), "version" integer NOT NULL DEFAULT (1), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "intakeDueAt" datetime(3) NOT NULL, "intakeDoneAt" datetime(3), "reviewDueAt" datetime(3), "reviewAnsweredAt" datetime(3))`);
    await queryRunner.query(`INSERT INTO "temporary_petition_case"("id", "serialNo", "queryCode", "congressId", "status", "channel", "caseType", "category", "summary", "content", "receivedAt", "personCount", "isKey", "isDifficult", "isTypical", "referredFromUnitId", "referredFromCaseId", "matterId", "accusedUnitId", "responsibleUserId", "satisfaction", "ratedByPetitioner", "lastRepliedAt", "closedAt", "finishedAt", "reviewCount", "version", "createdAt", "updatedAt", "intakeDueAt") SELECT "id", "serialNo", "queryCode", "congressId", "status", "channel", "caseType", "category", "summary", "content", "receivedAt", "personCount", "isKey", "isDifficult", "isTypical", "referredFromUnitId", "referredFromCaseId", "matterId", "accusedUnitId", "responsibleUserId", "satisfaction", "ratedByPetitioner", "lastRepliedAt", "closedAt", "finishedAt", "reviewCount", "version", "createdAt", "updatedAt", "receivedAt" FROM "petition_case"`);
    await queryRunner.query(`DROP TABLE "petition_case"`);
    await queryRunner.query(`ALTER TABLE "temporary_petition_case" RENAME TO "petition_case"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_case_serial" ON "petition_case" ("congressId", "serialNo") `);
    await queryRunner.query(`CREATE INDEX "ix_case_congress_received" ON "petition_case" ("congressId", "receivedAt") `);
    await queryRunner.query(`CREATE INDEX "ix_case_status" ON "petition_case" ("status") `);
    await queryRunner.query(`CREATE INDEX "ix_case_accused" ON "petition_case" ("accusedUnitId") `);
    await queryRunner.query(`CREATE INDEX "ix_case_matter" ON "petition_case" ("matterId") `);
    await queryRunner.query(`CREATE INDEX "ix_case_referred_from_case" ON "petition_case" ("referredFromCaseId") `);
    await queryRunner.query(`CREATE INDEX "ix_case_referred_from" ON "petition_case" ("referredFromUnitId") `);
    await queryRunner.query(`CREATE INDEX "ix_case_category" ON "petition_case" ("category") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_case_query_code" ON "petition_case" ("queryCode") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_deadline_alert" ON "deadline_alert" ("clock", "subjectId", "kind", "dueAt") `);
    await queryRunner.query(`CREATE INDEX "ix_case_intake_due" ON "petition_case" ("intakeDueAt") `);
    await queryRunner.query(`CREATE INDEX "ix_case_review_due" ON "petition_case" ("reviewDueAt") `);
    // receipt stood in for the intake due date above; the backfill computes the clocks from each case's history
    await backfillOfficeClocks(queryRunner, (name) => `"${name}"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_case_review_due"`);
    await queryRunner.query(`DROP INDEX "ix_case_intake_due"`);
    await queryRunner.query(`DROP INDEX "uq_deadline_alert"`);
    await queryRunner.query(`DROP INDEX "uq_case_query_code"`);
    await queryRunner.query(`DROP INDEX "ix_case_category"`);
    await queryRunner.query(`DROP INDEX "ix_case_referred_from"`);
    await queryRunner.query(`DROP INDEX "ix_case_referred_from_case"`);
    await queryRunner.query(`DROP INDEX "ix_case_matter"`);
    await queryRunner.query(`DROP INDEX "ix_case_accused"`);
    await queryRunner.query(`DROP INDEX "ix_case_status"`);
    await queryRunner.query(`DROP INDEX "ix_case_congress_received"`);
    await queryRunner.query(`DROP INDEX "uq_case_serial"`);
    await queryRunner.query(`ALTER TABLE "petition_case" RENAME TO "temporary_petition_case"`);
    await queryRunner.query(`CREATE TABLE "petition_case" ("id" varchar(36) PRIMARY KEY NOT NULL, "serialNo" varchar(20) NOT NULL, "queryCode" varchar(16) NOT NULL, "congressId" varchar(36) NOT NULL, "status" varchar CHECK( "status" IN ('REGISTERED','ACCEPTED','DECLINED','ARCHIVED','ASSIGNED','RESULT_REPORTED','REPLIED','CLOSED','UNDER_REVIEW') ) NOT NULL, "channel" varchar CHECK( "channel" IN ('LETTER','ONLINE','VISIT','PHONE') ) NOT NULL, "caseType" varchar CHECK( "caseType" IN ('SUGGESTION','ACCUSATION','CLAIM') ) NOT NULL, "category" varchar(100) NOT NULL, "summary" varchar(500) NOT NULL, "content" text NOT NULL, "receivedAt" datetime(3) NOT NULL, "personCount" integer NOT NULL DEFAULT (1), "isKey" boolean NOT NULL DEFAULT (0), "isDifficult" boolean NOT NULL DEFAULT (0), "isTypical" boolean NOT NULL DEFAULT (0), "referredFromUnitId" varchar(36), "referredFromCaseId" varchar(36), "matterId" varchar(36), "accusedUnitId" varchar(36), "responsibleUserId" varchar(36) NOT NULL, "satisfaction" varchar CHECK( "satisfaction" IN ('SATISFIED','BASICALLY_SATISFIED','DISSATISFIED') ), "ratedByPetitioner" boolean NOT NULL DEFAULT (0), "lastRepliedAt" datetime(3), "closedAt" datetime(3), "finishedAt" datetime(3), "reviewCount" integer NOT NULL DEFAULT (0), "version" integer NOT NULL DEFAULT (1), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`);
    await queryRunner.query(`INSERT INTO "petition_case"("id", "serialNo", "queryCode", "congressId", "status", "channel", "caseType", "category", "summary", "content", "receivedAt", "personCount", "isKey", "isDifficult", "isTypical", "referredFromUnitId", "referredFromCaseId", "matterId", "accusedUnitId", "responsibleUserId", "satisfaction", "ratedByPetitioner", "lastRepliedAt", "closedAt", "finishedAt", "reviewCount", "version", "createdAt", "updatedAt") SELECT "id", "serialNo", "queryCode", "congressId", "status", "channel", "caseType", "category", "summary", "content", "receivedAt", "personCount", "isKey", "isDifficult", "isTypical", "referredFromUnitId", "referredFromCaseId", "matterId", "accusedUnitId", "responsibleUserId", "satisfaction", "ratedByPetitioner", "lastRepliedAt", "closedAt", "finishedAt", "reviewCount", "version", "createdAt", "updatedAt" FROM "temporary_petition_case"`);
    await queryRunner.query(`DROP TABLE "temporary_petition_case"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_case_query_code" ON "petition_case" ("queryCode") `);
    await queryRunner.query(`CREATE INDEX "ix_case_category" ON "petition_case" ("category") `);
    await queryRunner.query(`CREATE INDEX "ix_case_referred_from" ON "petition_case" ("referredFromUnitId") `);
    await queryRunner.query(`CREATE INDEX "ix_case_referred_from_case" ON "petition_case" ("referredFromCaseId") `);
    await queryRunner.query(`CREATE INDEX "ix_case_matter" ON "petition_case" ("matterId") `);
    await queryRunner.query(`CREATE INDEX "ix_case_accused" ON "petition_case" ("accusedUnitId") `);
    await queryRunner.query(`CREATE INDEX "ix_case_status" ON "petition_case" ("status") `);
    await queryRunner.query(`CREATE INDEX "ix_case_congress_received" ON "petition_case" ("congressId", "receivedAt") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_case_serial" ON "petition_case" ("congressId", "serialNo") `);
    await queryRunner.query(`ALTER TABLE "deadline_alert" RENAME TO "temporary_deadline_alert"`);
    await queryRunner.query(`CREATE TABLE "deadline_alert" ("id" varchar(36) PRIMARY KEY NOT NULL, "assignmentId" varchar(36) NOT NULL, "kind" varchar(16) NOT NULL, "dueAt" datetime(3) NOT NULL, "raisedAt" datetime(3) NOT NULL)`);
    // the office's own alerts have no assignment and do not survive going back
    await queryRunner.query(`INSERT INTO "deadline_alert"("id", "assignmentId", "kind", "dueAt", "raisedAt") SELECT "id", "subjectId", "kind", "dueAt", "raisedAt" FROM "temporary_deadline_alert" WHERE "clock" = 'ASSIGNMENT'`);
    await queryRunner.query(`DROP TABLE "temporary_deadline_alert"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_deadline_alert" ON "deadline_alert" ("assignmentId", "kind", "dueAt") `);
  }
}
