import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SimilarityScopeKey1796168586138 implements MigrationInterface {
  name = 'SimilarityScopeKey1796168586138';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_similarity_posting_case"`);
    await queryRunner.query(`CREATE TABLE "temporary_similarity_posting" ("termKey" integer NOT NULL, "congressId" varchar(36) NOT NULL, "caseId" varchar(36) NOT NULL, "weight" float NOT NULL, PRIMARY KEY ("termKey", "congressId", "caseId"))`);
    await queryRunner.query(`INSERT INTO "temporary_similarity_posting"("termKey", "congressId", "caseId", "weight") SELECT "termKey", "congressId", "caseId", "weight" FROM "similarity_posting"`);
    await queryRunner.query(`DROP TABLE "similarity_posting"`);
    await queryRunner.query(`ALTER TABLE "temporary_similarity_posting" RENAME TO "similarity_posting"`);
    await queryRunner.query(`CREATE INDEX "ix_similarity_posting_case" ON "similarity_posting" ("caseId") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_similarity_posting_case"`);
    await queryRunner.query(`ALTER TABLE "similarity_posting" RENAME TO "temporary_similarity_posting"`);
    await queryRunner.query(`CREATE TABLE "similarity_posting" ("termKey" integer NOT NULL, "caseId" varchar(36) NOT NULL, "congressId" varchar(36) NOT NULL, "weight" float NOT NULL, PRIMARY KEY ("termKey", "caseId"))`);
    await queryRunner.query(`INSERT INTO "similarity_posting"("termKey", "caseId", "congressId", "weight") SELECT "termKey", "caseId", "congressId", "weight" FROM "temporary_similarity_posting"`);
    await queryRunner.query(`DROP TABLE "temporary_similarity_posting"`);
    await queryRunner.query(`CREATE INDEX "ix_similarity_posting_case" ON "similarity_posting" ("caseId") `);
  }
}
