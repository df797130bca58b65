import type { MigrationInterface, QueryRunner } from 'typeorm';

export class StatisticsReportMarkers1796182086422 implements MigrationInterface {
  name = 'StatisticsReportMarkers1796182086422';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_assignment_case"`);
    await queryRunner.query(`DROP INDEX "ix_case_congress_received"`);
    await queryRunner.query(`DROP INDEX "ix_case_reception"`);
    await queryRunner.query(`DROP INDEX "ix_case_charge_leader"`);
    await queryRunner.query(`DROP INDEX "uq_case_serial"`);
    await queryRunner.query(`DROP INDEX "ix_case_status"`);
    await queryRunner.query(`DROP INDEX "ix_case_accused"`);
    await queryRunner.query(`DROP INDEX "ix_case_matter"`);
    await queryRunner.query(`DROP INDEX "ix_case_referred_from_case"`);
    await queryRunner.query(`DROP INDEX "ix_case_referred_from"`);
    await queryRunner.query(`DROP INDEX "ix_case_category"`);
    await queryRunner.query(`DROP INDEX "uq_case_query_code"`);
    await queryRunner.query(`DROP INDEX "ix_case_intake_due"`);
    await queryRunner.query(`DROP INDEX "ix_case_review_due"`);
    await queryRunner.query(`CREATE TABLE "temporary_petition_case" ("id" varchar(36) PRIMARY KEY NOT NULL, "serialNo" varchar(20) NOT NULL, "queryCode" varchar(16) NOT NULL, "congressId" varchar(36) NOT NULL, "status" varchar CHECK( "status" IN ('REGISTERED','ACCEPTED','DECLINED','ARCHIVED','ASSIGNED','RESULT_REPORTED','REPLIED','CLOSED','UNDER_REVIEW') ) NOT NULL, "channel" varchar CHECK( "channel" IN ('LETTER','ONLINE','VISIT','PHONE') ) NOT NULL, "caseType" varchar CHECK( "caseType" IN ('SUGGESTION','ACCUSATION','CLAIM') ) NOT NULL, "category" varchar(100) NOT NULL, "summary" varchar(500) NOT NULL, "content" text NOT NULL, "receivedAt" datetime(3) NOT NULL, "personCount" integer NOT NULL DEFAULT (1), "isKey" boolean NOT NULL DEFAULT (0), "isDifficult" boolean NOT NULL DEFAULT (0), "isTypical" boolean NOT NULL DEFAULT (0), "referredFromUnitId" varchar(36), "referredFromCaseId" varchar(36), "matterId" varchar(36), "accusedUnitId" varchar(36), "responsibleUserId" varchar(36) NOT NULL, "satisfaction" varchar CHECK( "satisfaction" IN ('SATISFIED','BASICALLY_SATISFIED','DISSATISFIED') ), "ratedByPetitioner" boolean NOT NULL DEFAULT (0), "lastRepliedAt" datetime(3), "closedAt" datetime(3), "finishedAt" datetime(3), "reviewCount" integer NOT NULL DEFAULT (0), "version" integer NOT NULL DEFAULT (1), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "intakeDueAt" datetime(3) NOT NULL, "intakeDoneAt" datetime(3), "reviewDueAt" datetime(3), "reviewAnsweredAt" datetime(3), "chargeLeaderId" varchar(36), "isUrgent" boolean NOT NULL DEFAULT (0), "receptionId" varchar(36), "firstAssignedAt" datetime(3))`);
    await queryRunner.query(`INSERT INTO "temporary_petition_case"("id", "serialNo", "queryCode", "congressId", "status", "channel", "caseType", "category", "summary", "content", "receivedAt", "personCount", "isKey", "isDifficult", "isTypical", "referredFromUnitId", "referredFromCaseId", "matterId", "accusedUnitId", "responsibleUserId", "satisfaction", "ratedByPetitioner", "lastRepliedAt", "closedAt", "finishedAt", "reviewCount", "version", "createdAt", "updatedAt", "intakeDueAt", "intakeDoneAt", "reviewDueAt", "reviewAnsweredAt", "chargeLeaderId", "isUrgent", "receptionId") SELECT "id", "serialNo", "queryCode", "congressId", "status", "channel", "caseType", "category", "summary", "content", "receivedAt", "personCount", "isKey", "isDifficult", "isTypical", "referredFromUnitId", "referredFromCaseId", "matterId", "accusedUnitId", "responsibleUserId", "satisfaction", "ratedByPetitioner", "lastRepliedAt", "closedAt", "finishedAt", "reviewCount", "version", "createdAt", "updatedAt", "intakeDueAt", "intakeDoneAt", "reviewDueAt", "reviewAnsweredAt", "chargeLeaderId", "isUrgent", "receptionId" FROM "petition_case"`);
    await queryRunner.query(`DROP TABLE "petition_case"`);
    await queryRunner.query(`ALTER TABLE "temporary_petition_case" RENAME TO "petition_case"`);
    await queryRunner.query(`CREATE INDEX "ix_case_reception" ON "petition_case" ("receptionId") `);
    await queryRunner.query(`CREATE INDEX "ix_case_charge_leader" ON "petition_case" ("chargeLeaderId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_case_serial" ON "petition_case" ("congressId", "serialNo") `);
    await queryRunner.query(`CREATE INDEX "ix_case_status" ON "petition_case" ("status") `);
    await queryRunner.query(`CREATE INDEX "ix_case_accused" ON "petition_case" ("accusedUnitId") `);
    await queryRunner.query(`CREATE INDEX "ix_case_matter" ON "petition_case" ("matterId") `);
    await queryRunner.query(`CREATE INDEX "ix_case_referred_from_case" ON "petition_case" ("referredFromCaseId") `);
    await queryRunner.query(`CREATE INDEX "ix_case_referred_from" ON "petition_case" ("referredFromUnitId") `);
    await queryRunner.query(`CREATE INDEX "ix_case_category" ON "petition_case" ("category") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_case_query_code" ON "petition_case" ("queryCode") `);
    await queryRunner.query(`CREATE INDEX "ix_case_intake_due" ON "petition_case" ("intakeDueAt") `);
    await queryRunner.query(`CREATE INDEX "ix_case_review_due" ON "petition_case" ("reviewDueAt") `);
    await queryRunner.query(`CREATE INDEX "ix_assignment_case_report" ON "assignment" ("caseId", "unitId", "assignedAt", "dueAt", "deliveredAt", "status", "endedAt", "pausedSince") `);
    await queryRunner.query(`CREATE INDEX "ix_case_report" ON "petition_case" ("congressId", "receivedAt", "channel", "category", "personCount", "referredFromUnitId", "referredFromCaseId", "accusedUnitId", "reviewCount", "finishedAt", "lastRepliedAt", "firstAssignedAt", "intakeDueAt", "intakeDoneAt") `);
    // the statistics read two markers from the case row (StatisticsService.caseFacts): finishedAt, until now stamped
    // a moment before its event, is aligned with the instant of the (last) finishing event; firstAssignedAt is the earliest assignment
    await queryRunner.query(
      `UPDATE "petition_case" SET "finishedAt" = (SELECT MAX(e."at") FROM "case_event" e WHERE e."caseId" = "petition_case"."id" AND e."type" IN ('CLOSED', 'DECLINED', 'ARCHIVED')) WHERE "finishedAt" IS NOT NULL`,
    );
    await queryRunner.query(`UPDATE "petition_case" SET "firstAssignedAt" = (SELECT MIN(a."assignedAt") FROM "assignment" a WHERE a."caseId" = "petition_case"."id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_case_report"`);
    await queryRunner.query(`DROP INDEX "ix_assignment_case_report"`);
    await queryRunner.query(`DROP INDEX "ix_case_review_due"`);
    await queryRunner.query(`DROP INDEX "ix_case_intake_due"`);
    await queryRunner.query(`DROP INDEX "uq_case_query_code"`);
    await queryRunner.query(`DROP INDEX "ix_case_category"`);
    await queryRunner.query(`DROP INDEX "ix_case_referred_from"`);
    await queryRunner.query(`DROP INDEX "ix_case_referred_from_case"`);
    await queryRunner.query(`DROP INDEX "ix_case_matter"`);
    await queryRunner.query(`DROP INDEX "ix_case_accused"`);
    await queryRunner.query(`DROP INDEX "ix_case_status"`);
    await queryRunner.query(`DROP INDEX "uq_case_serial"`);
    await queryRunner.query(`DROP INDEX "ix_case_charge_leader"`);
    await queryRunner.query(`DROP INDEX "ix_case_reception"`);
    await queryRunner.query(`ALTER TABLE "petition_case" RENAME TO "temporary_petition_case"`);
    await queryRunner.query(`CREATE TABLE "petition_case" ("id" varchar(36) PRIMARY KEY NOT NULL, "serialNo" varchar(20) NOT NULL, "queryCode" varchar(16) NOT NULL, "congressId" varchar(36) NOT NULL, "status" varchar CHECK( "status" IN ('REGISTERED','ACCEPTED','DECLINED','ARCHIVED','ASSIGNED','RESULT_REPORTED','REPLIED','CLOSED','UNDER_REVIEW') ) NOT NULL, "channel" varchar CHECK( "channel" IN ('LETTER','ONLINE','VISIT','PHONE') ) NOT NULL, "caseType" varchar CHECK( "caseType" IN ('SUGGESTION','ACCUSATION','CLAIM') ) NOT NULL, "category" varchar(100) NOT NULL, "summary" varchar(500) NOT NULL, "content" text NOT NULL, "receivedAt" datetime(3) NOT NULL, "personCount" integer NOT NULL DEFAULT (1), "isKey" boolean NOT NULL DEFAULT (0), "isDifficult" boolean NOT NULL DEFAULT (0), "isTypical" boolean NOT NULL DEFAULT (0), "referredFromUnitId" varchar(36), "referredFromCaseId" varchar(36), "matterId" varchar(36), "accusedUnitId" varchar(36), "responsibleUserId" varchar(36) NOT NULL, "satisfaction" varchar CHECK( "satisfaction" IN ('SATISFIED','BASICALLY_SATISFIED','DISSATISFIED') ), "ratedByPetitioner" boolean NOT NULL DEFAULT (0), "lastRepliedAt" datetime(3), "closedAt" datetime(3), "finishedAt" datetime(3), "reviewCount" integer NOT NULL DEFAULT (0), "version" integer NOT NULL DEFAULT (1), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "intakeDueAt" datetime(3) NOT NULL, "intakeDoneAt" datetime(3), "reviewDueAt" datetime(3), "reviewAnsweredAt" datetime(3), "chargeLeaderId" varchar(36), "isUrgent" boolean NOT NULL DEFAULT (0), "receptionId" varchar(36))`);
    await queryRunner.query(`INSERT INTO "petition_case"("id", "serialNo", "queryCode", "congressId", "status", "channel", "caseType", "category", "summary", "content", "receivedAt", "personCount", "isKey", "isDifficult", "isTypical", "referredFromUnitId", "referredFromCaseId", "matterId", "accusedUnitId", "responsibleUserId", "satisfaction", "ratedByPetitioner", "lastRepliedAt", "closedAt", "finishedAt", "reviewCount", "version", "createdAt", "updatedAt", "intakeDueAt", "intakeDoneAt", "reviewDueAt", "reviewAnsweredAt", "chargeLeaderId", "isUrgent", "receptionId") SELECT "id", "serialNo", "queryCode", "congressId", "status", "channel", "caseType", "category", "summary", "content", "receivedAt", "personCount", "isKey", "isDifficult", "isTypical", "referredFromUnitId", "referredFromCaseId", "matterId", "accusedUnitId", "responsibleUserId", "satisfaction", "ratedByPetitioner", "lastRepliedAt", "closedAt", "finishedAt", "reviewCount", "version", "createdAt", "updatedAt", "intakeDueAt", "intakeDoneAt", "reviewDueAt", "reviewAnsweredAt", "chargeLeaderId", "isUrgent", "receptionId" FROM "temporary_petition_case"`);
    await queryRunner.query(`DROP TABLE "temporary_petition_case"`);
    await queryRunner.query(`CREATE INDEX "ix_case_review_due" ON "petition_case" ("reviewDueAt") `);
    await queryRunner.query(`CREATE INDEX "ix_case_intake_due" ON "petition_case" ("intakeDueAt") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_case_query_code" ON "petition_case" ("queryCode") `);
    await queryRunner.query(`CREATE INDEX "ix_case_category" ON "petition_case" ("category") `);
    await queryRunner.query(`CREATE INDEX "ix_case_referred_from" ON "petition_case" ("referredFromUnitId") `);
    await queryRunner.query(`CREATE INDEX "ix_case_referred_from_case" ON "petition_case" ("referredFromCaseId") `);
    await queryRunner.query(`CREATE INDEX "ix_case_matter" ON "petition_case" ("matterId") `);
    await queryRunner.query(`CREATE INDEX "ix_case_accused" ON "petition_case" ("accusedUnitId") `);
    await queryRunner.query(`CREATE INDEX "ix_case_status" ON "petition_case" ("status") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_case_serial" ON "petition_case" ("congressId", "serialNo") `);
    await queryRunner.query(`CREATE INDEX "ix_case_charge_leader" ON "petition_case" ("chargeLeaderId") `);
    await queryRunner.query(`CREATE INDEX "ix_case_reception" ON "petition_case" ("receptionId") `);
    await queryRunner.query(`CREATE INDEX "ix_case_congress_received" ON "petition_case" ("congressId", "receivedAt") `);
    await queryRunner.query(`CREATE INDEX "ix_assignment_case" ON "assignment" ("caseId") `);
  }
}
