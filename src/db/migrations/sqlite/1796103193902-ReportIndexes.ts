import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ReportIndexes1796103193902 implements MigrationInterface {
  name = 'ReportIndexes1796103193902';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "ix_case_event_case_type_at" ON "case_event" ("caseId", "type", "at") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_case_event_case_type_at"`);
  }
}
