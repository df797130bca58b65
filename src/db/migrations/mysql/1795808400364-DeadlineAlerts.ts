import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DeadlineAlerts1795808400364 implements MigrationInterface {
  name = 'DeadlineAlerts1795808400364';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`deadline_alert\` (\`id\` varchar(36) NOT NULL, \`assignmentId\` varchar(36) NOT NULL, \`kind\` varchar(16) NOT NULL, \`dueAt\` datetime(3) NOT NULL, \`raisedAt\` datetime(3) NOT NULL, UNIQUE INDEX \`uq_deadline_alert\` (\`assignmentId\`, \`kind\`, \`dueAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`uq_deadline_alert\` ON \`deadline_alert\``);
    await queryRunner.query(`DROP TABLE \`deadline_alert\``);
  }
}
