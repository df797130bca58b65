import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AssignmentCaseReportKey1796203965417 implements MigrationInterface {
  name = 'AssignmentCaseReportKey1796203965417';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_assignment_case_report"`);
    await queryRunner.query(`DROP INDEX "ix_assignment_unit_status"`);
    await queryRunner.query(`DROP INDEX "ix_assignment_due"`);
    // each assignment carries its case's congress and receipt (StatisticsService.unitFacts), filled from the cases
    await queryRunner.query(`CREATE TABLE "temporary_assignment" ("id" varchar(36) PRIMARY KEY NOT NULL, "caseId" varchar(36) NOT NULL, "unitId" varchar(36) NOT NULL, "mode" varchar CHECK( "mode" IN ('TRANSFER','ASSIGN') ) NOT NULL, "role" varchar CHECK( "role" IN ('LEAD','ASSIST') ) NOT NULL, "status" varchar CHECK( "status" IN ('PENDING','IN_PROGRESS','OBJECTED','REPORTED','COMPLETED','CANCELLED') ) NOT NULL, "dueInDays" integer NOT NULL, "unrolledDueDate" varchar(10) NOT NULL, "dueAt" datetime(3) NOT NULL, "assignedAt" datetime(3) NOT NULL, "assignedById" varchar(36) NOT NULL, "note" text, "acceptedAt" datetime(3), "endReason" text, "endedAt" datetime(3), "resultOutcome" varchar CHECK( "resultOutcome" IN ('SUPPORTED','EXPLAINED','NOT_SUPPORTED','MEDIATED') ), "resultReport" text, "resultReportedAt" datetime(3), "deliveredAt" datetime(3), "reviewNote" text, "version" integer NOT NULL DEFAULT (1), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "pausedSince" datetime(3), "responsibleLeaderName" varchar(100), "responsibleLeaderTitle" varchar(100), "handlerId" varchar(36), "caseCongressId" varchar(36) NOT NULL, "caseReceivedAt" datetime(3) NOT NULL)`);
    await queryRunner.query(`INSERT INTO "temporary_assignment"("id", "caseId", "unitId", "mode", "role", "status", "dueInDays", "unrolledDueDate", "dueAt", "assignedAt", "assignedById", "note", "acceptedAt", "endReason", "endedAt", "resultOutcome", "resultReport", "resultReportedAt", "deliveredAt", "reviewNote", "version", "createdAt", "pausedSince", "responsibleLeaderName", "responsibleLeaderTitle", "handlerId", "caseCongressId", "caseReceivedAt") SELECT a."id", a."caseId", a."unitId", a."mode", a."role", a."status", a."dueInDays", a."unrolledDueDate", a."dueAt", a."assignedAt", a."assignedById", a."note", a."acceptedAt", a."endReason", a."endedAt", a."resultOutcome", a."resultReport", a."resultReportedAt", a."deliveredAt", a."reviewNote", a."version", a."createdAt", a."pausedSince", a."responsibleLeaderName", a."responsibleLeaderTitle", a."handlerId", c."congressId", c."receivedAt" FROM "assignment" a LEFT JOIN "petition_case" c ON c."id" = a."caseId"`);
    await queryRunner.query(`DROP TABLE "assignment"`);
    await queryRunner.query(`ALTER TABLE "temporary_assignment" RENAME TO "assignment"`);
    await queryRunner.query(`CREATE INDEX "ix_assignment_case_report" ON "assignment" ("caseId", "unitId", "assignedAt", "dueAt", "deliveredAt", "status", "endedAt", "pausedSince") `);
    await queryRunner.query(`CREATE INDEX "ix_assignment_unit_status" ON "assignment" ("unitId", "status") `);
    await queryRunner.query(`CREATE INDEX "ix_assignment_due" ON "assignment" ("dueAt") `);
    await queryRunner.query(`CREATE INDEX "ix_assignment_report" ON "assignment" ("caseCongressId", "caseReceivedAt", "unitId", "assignedAt", "dueAt", "deliveredAt", "status", "endedAt", "pausedSince", "caseId") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_assignment_report"`);
    await queryRunner.query(`DROP INDEX "ix_assignment_due"`);
    await queryRunner.query(`DROP INDEX "ix_assignment_unit_status"`);
    await queryRunner.query(`DROP INDEX "ix_assignment_case_report"`);
    await queryRunner.query(`ALTER TABLE "assignment" RENAME TO "temporary_assignment"`);
    await queryRunner.query(`CREATE TABLE "assignment" ("id" varchar(36) PRIMARY KEY NOT NULL, "caseId" varchar(36) NOT NULL, "unitId" varchar(36) NOT NULL, "mode" varchar CHECK( "mode" IN ('TRANSFER','ASSIGN') ) NOT NULL, "role" varchar CHECK( "role" IN ('LEAD','ASSIST') ) NOT NULL, "status" varchar CHECK( "status" IN ('PENDING','IN_PROGRESS','OBJECTED','REPORTED','COMPLETED','CANCELLED') ) NOT NULL, "dueInDays" integer NOT NULL, "unrolledDueDate" varchar(10) NOT NULL, "dueAt" datetime(3) NOT NULL, "assignedAt" datetime(3) NOT NULL, "assignedById" varchar(36) NOT NULL, "note" text, "acceptedAt" datetime(3), "endReason" text, "endedAt" datetime(3), "resultOutcome" varchar CHECK( "resultOutcome" IN ('SUPPORTED','EXPLAINED','NOT_SUPPORTED','MEDIATED') ), "resultReport" text, "resultReportedAt" datetime(3), "deliveredAt" datetime(3), "reviewNote" text, "version" integer NOT NULL DEFAULT (1), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "pausedSince" datetime(3), "responsibleLeaderName" varchar(100), "responsibleLeaderTitle" varchar(100), "handlerId" varchar(36))`);
    await queryRunner.query(`INSERT INTO "assignment"("id", "caseId", "unitId", "mode", "role", "status", "dueInDays", "unrolledDueDate", "dueAt", "assignedAt", "assignedById", "note", "acceptedAt", "endReason", "endedAt", "resultOutcome", "resultReport", "resultReportedAt", "deliveredAt", "reviewNote", "version", "createdAt", "pausedSince", "responsibleLeaderName", "responsibleLeaderTitle", "handlerId") SELECT "id", "caseId", "unitId", "mode", "role", "status", "dueInDays", "unrolledDueDate", "dueAt", "assignedAt", "assignedById", "note", "acceptedAt", "endReason", "endedAt", "resultOutcome", "resultReport", "resultReportedAt", "deliveredAt", "reviewNote", "version", "createdAt", "pausedSince", "responsibleLeaderName", "responsibleLeaderTitle", "handlerId" FROM "temporary_assignment"`);
    await queryRunner.query(`DROP TABLE "temporary_assignment"`);
    await queryRunner.query(`CREATE INDEX "ix_assignment_due" ON "assignment" ("dueAt") `);
    await queryRunner.query(`CREATE INDEX "ix_assignment_unit_status" ON "assignment" ("unitId", "status") `);
    await queryRunner.query(`CREATE INDEX "ix_assignment_case_report" ON "assignment" ("caseId", "unitId", "assignedAt", "dueAt", "deliveredAt", "status", "endedAt", "pausedSince") `);
  }
}
