import type { MigrationInterface, QueryRunner } from 'typeorm';

export class StatisticsReportIndexes1796180489610 implements MigrationInterface {
  name = 'StatisticsReportIndexes1796180489610';

  async up(queryRunner: QueryRunner): Promise<void> {
    // statistics now read "finished at asOf" of a never-reopened case from finishedAt, which until now was stamped
    // a moment before its event: align it with the event's instant
    await queryRunner.query(
      "UPDATE `petition_case` c SET c.`finishedAt` = (SELECT MIN(e.`at`) FROM `case_event` e WHERE e.`caseId` = c.`id` AND e.`type` IN ('CLOSED', 'DECLINED', 'ARCHIVED')) WHERE c.`reviewCount` = 0 AND c.`finishedAt` IS NOT NULL",
    );
    await queryRunner.query(`CREATE INDEX \`ix_assignment_case_report\` ON \`assignment\` (\`caseId\`, \`unitId\`, \`assignedAt\`, \`dueAt\`, \`deliveredAt\`, \`status\`, \`endedAt\`, \`pausedSince\`)`);
    await queryRunner.query(`DROP INDEX \`ix_assignment_case\` ON \`assignment\``);
    await queryRunner.query(`CREATE INDEX \`ix_case_report\` ON \`petition_case\` (\`congressId\`, \`receivedAt\`, \`channel\`, \`category\`, \`personCount\`, \`referredFromUnitId\`, \`referredFromCaseId\`, \`accusedUnitId\`, \`reviewCount\`, \`finishedAt\`, \`lastRepliedAt\`, \`intakeDueAt\`, \`intakeDoneAt\`)`);
    await queryRunner.query(`DROP INDEX \`ix_case_congress_received\` ON \`petition_case\``);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX \`ix_case_congress_received\` ON \`petition_case\` (\`congressId\`, \`receivedAt\`)`);
    await queryRunner.query(`DROP INDEX \`ix_case_report\` ON \`petition_case\``);
    await queryRunner.query(`CREATE INDEX \`ix_assignment_case\` ON \`assignment\` (\`caseId\`)`);
    await queryRunner.query(`DROP INDEX \`ix_assignment_case_report\` ON \`assignment\``);
  }
}
