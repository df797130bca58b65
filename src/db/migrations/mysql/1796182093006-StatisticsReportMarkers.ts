import type { MigrationInterface, QueryRunner } from 'typeorm';

export class StatisticsReportMarkers1796182093006 implements MigrationInterface {
  name = 'StatisticsReportMarkers1796182093006';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`petition_case\` ADD \`firstAssignedAt\` datetime(3) NULL`);
    // the statistics read two markers from the case row (StatisticsService.caseFacts): finishedAt, until now stamped
    // a moment before its event, is aligned with the instant of the (last) finishing event; firstAssignedAt is the earliest assignment
    await queryRunner.query(
      "UPDATE `petition_case` c SET c.`finishedAt` = (SELECT MAX(e.`at`) FROM `case_event` e WHERE e.`caseId` = c.`id` AND e.`type` IN ('CLOSED', 'DECLINED', 'ARCHIVED')) WHERE c.`finishedAt` IS NOT NULL",
    );
    await queryRunner.query('UPDATE `petition_case` c SET c.`firstAssignedAt` = (SELECT MIN(a.`assignedAt`) FROM `assignment` a WHERE a.`caseId` = c.`id`)');
    await queryRunner.query(`CREATE INDEX \`ix_assignment_case_report\` ON \`assignment\` (\`caseId\`, \`unitId\`, \`assignedAt\`, \`dueAt\`, \`deliveredAt\`, \`status\`, \`endedAt\`, \`pausedSince\`)`);
    await queryRunner.query(`CREATE INDEX \`ix_case_report\` ON \`petition_case\` (\`congressId\`, \`receivedAt\`, \`channel\`, \`category\`, \`personCount\`, \`referredFromUnitId\`, \`referredFromCaseId\`, \`accusedUnitId\`, \`reviewCount\`, \`finishedAt\`, \`lastRepliedAt\`, \`firstAssignedAt\`, \`intakeDueAt\`, \`intakeDoneAt\`)`);
    await queryRunner.query(`DROP INDEX \`ix_assignment_case\` ON \`assignment\``);
    await queryRunner.query(`DROP INDEX \`ix_case_congress_received\` ON \`petition_case\``);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_case_report\` ON \`petition_case\``);
    await queryRunner.query(`DROP INDEX \`ix_assignment_case_report\` ON \`assignment\``);
    await queryRunner.query(`ALTER TABLE \`petition_case\` DROP COLUMN \`firstAssignedAt\``);
    await queryRunner.query(`CREATE INDEX \`ix_case_congress_received\` ON \`petition_case\` (\`congressId\`, \`receivedAt\`)`);
    await queryRunner.query(`CREATE INDEX \`ix_assignment_case\` ON \`assignment\` (\`caseId\`)`);
  }
}
