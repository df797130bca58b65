import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AssignmentCaseReportKey1796203976588 implements MigrationInterface {
  name = 'AssignmentCaseReportKey1796203976588';

  async up(queryRunner: QueryRunner): Promise<void> {
    // each assignment carries its case's congress and receipt (StatisticsService.unitFacts): added empty, filled from
    // the cases, then required
    await queryRunner.query(`ALTER TABLE \`assignment\` ADD \`caseCongressId\` varchar(36) NULL, ADD \`caseReceivedAt\` datetime(3) NULL`);
    await queryRunner.query('UPDATE `assignment` a JOIN `petition_case` c ON c.`id` = a.`caseId` SET a.`caseCongressId` = c.`congressId`, a.`caseReceivedAt` = c.`receivedAt`');
    await queryRunner.query(`ALTER TABLE \`assignment\` MODIFY \`caseCongressId\` varchar(36) NOT NULL, MODIFY \`caseReceivedAt\` datetime(3) NOT NULL`);
    await queryRunner.query(`CREATE INDEX \`ix_assignment_report\` ON \`assignment\` (\`caseCongressId\`, \`caseReceivedAt\`, \`unitId\`, \`assignedAt\`, \`dueAt\`, \`deliveredAt\`, \`status\`, \`endedAt\`, \`pausedSince\`, \`caseId\`)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_assignment_report\` ON \`assignment\``);
    await queryRunner.query(`ALTER TABLE \`assignment\` DROP COLUMN \`caseReceivedAt\``);
    await queryRunner.query(`ALTER TABLE \`assignment\` DROP COLUMN \`caseCongressId\``);
  }
}
