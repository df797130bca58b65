import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OpenClockIndexes1796282983828 implements MigrationInterface {
  name = 'OpenClockIndexes1796282983828';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX \`ix_assignment_undelivered_due\` ON \`assignment\` (\`deliveredAt\`, \`dueAt\`)`);
    await queryRunner.query(`CREATE INDEX \`ix_case_review_open\` ON \`petition_case\` (\`reviewAnsweredAt\`, \`reviewDueAt\`)`);
    await queryRunner.query(`CREATE INDEX \`ix_case_intake_open\` ON \`petition_case\` (\`intakeDoneAt\`, \`intakeDueAt\`)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_case_intake_open\` ON \`petition_case\``);
    await queryRunner.query(`DROP INDEX \`ix_case_review_open\` ON \`petition_case\``);
    await queryRunner.query(`DROP INDEX \`ix_assignment_undelivered_due\` ON \`assignment\``);
  }
}
