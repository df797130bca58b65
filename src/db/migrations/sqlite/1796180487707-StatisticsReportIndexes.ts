import type { MigrationInterface, QueryRunner } from 'typeorm';

export class StatisticsReportIndexes1796180487707 implements MigrationInterface {
  name = 'StatisticsReportIndexes1796180487707';

  async up(queryRunner: QueryRunner): Promise<void> {
    // statistics now read "finished at asOf" of a never-reopened case from finishedAt, which until now was stamped
    // a moment before its event: align it with the event's instant
    await queryRunner.query(
      `UPDATE "petition_case" SET "finishedAt" = (SELECT MIN(e."at") FROM "case_event" e WHERE e."caseId" = "petition_case"."id" AND e."type" IN ('CLOSED', 'DECLINED', 'ARCHIVED')) WHERE "reviewCount" = 0 AND "finishedAt" IS NOT NULL`,
    );
    await queryRunner.query(`DROP INDEX "ix_assignment_case"`);
    await queryRunner.query(`CREATE INDEX "ix_assignment_case_report" ON "assignment" ("caseId", "unitId", "assignedAt", "dueAt", "deliveredAt", "status", "endedAt", "pausedSince") `);
    await queryRunner.query(`CREATE INDEX "ix_case_report" ON "petition_case" ("congressId", "receivedAt", "channel", "category", "personCount", "referredFromUnitId", "referredFromCaseId", "accusedUnitId", "reviewCount", "finishedAt", "lastRepliedAt", "intakeDueAt", "intakeDoneAt") `);
    await queryRunner.query(`DROP INDEX "ix_case_congress_received"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_case_report"`);
    await queryRunner.query(`CREATE INDEX "ix_case_congress_received" ON "petition_case" ("congressId", "receivedAt") `);
    await queryRunner.query(`DROP INDEX "ix_assignment_case_report"`);
    await queryRunner.query(`CREATE INDEX "ix_assignment_case" ON "assignment" ("caseId") `);
  }
}
