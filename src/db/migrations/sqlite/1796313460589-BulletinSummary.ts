import type { MigrationInterface, QueryRunner } from 'typeorm';

export class BulletinSummary1796313460589 implements MigrationInterface {
  name = 'BulletinSummary1796313460589';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "bulletin_summary" ("congressId" varchar(36) NOT NULL, "year" integer NOT NULL, "quarter" integer NOT NULL, "text" text NOT NULL, "updatedById" varchar(36) NOT NULL, "updatedAt" datetime(3) NOT NULL, PRIMARY KEY ("congressId", "year", "quarter"))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "bulletin_summary"`);
  }
}
