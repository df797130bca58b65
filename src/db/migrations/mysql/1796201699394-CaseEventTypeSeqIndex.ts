import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CaseEventTypeSeqIndex1796201699394 implements MigrationInterface {
  name = 'CaseEventTypeSeqIndex1796201699394';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_case_event_case_type_at\` ON \`case_event\``);
    await queryRunner.query(`CREATE INDEX \`ix_case_event_case_type_at_seq\` ON \`case_event\` (\`caseId\`, \`type\`, \`at\`, \`seq\`)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_case_event_case_type_at_seq\` ON \`case_event\``);
    await queryRunner.query(`CREATE INDEX \`ix_case_event_case_type_at\` ON \`case_event\` (\`caseId\`, \`type\`, \`at\`)`);
  }
}
