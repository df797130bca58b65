import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SimilarityIndex1796116193661 implements MigrationInterface {
  name = 'SimilarityIndex1796116193661';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "similarity_posting" ("termKey" integer NOT NULL, "caseId" varchar(36) NOT NULL, "congressId" varchar(36) NOT NULL, "weight" float NOT NULL, PRIMARY KEY ("termKey", "caseId"))`);
    await queryRunner.query(`CREATE INDEX "ix_similarity_posting_case" ON "similarity_posting" ("caseId") `);
    await queryRunner.query(`CREATE TABLE "similarity_term" ("termKey" integer PRIMARY KEY NOT NULL, "df" integer NOT NULL)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "similarity_term"`);
    await queryRunner.query(`DROP INDEX "ix_similarity_posting_case"`);
    await queryRunner.query(`DROP TABLE "similarity_posting"`);
  }
}
