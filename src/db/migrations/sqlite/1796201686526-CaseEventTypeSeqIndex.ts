import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CaseEventTypeSeqIndex1796201686526 implements MigrationInterface {
  name = 'CaseEventTypeSeqIndex1796201686526';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_case_event_case_type_at"`);
    await queryRunner.query(`CREATE INDEX "ix_case_event_case_type_at_seq" ON "case_event" ("caseId", "type", "at", "seq") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_case_event_case_type_at_seq"`);
    await queryRunner.query(`CREATE INDEX "ix_case_event_case_type_at" ON "case_event" ("caseId", "type", "at") `);
  }
}
