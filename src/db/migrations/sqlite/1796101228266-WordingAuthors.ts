import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Who drafted and who approved each reply wording version (nullable: versions written before are unknown). */
export class WordingAuthors1796101228266 implements MigrationInterface {
  name = 'WordingAuthors1796101228266';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "reply_wording" ADD COLUMN "createdById" varchar(36)`);
    await queryRunner.query(`ALTER TABLE "reply_wording" ADD COLUMN "approvedById" varchar(36)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "reply_wording" DROP COLUMN "approvedById"`);
    await queryRunner.query(`ALTER TABLE "reply_wording" DROP COLUMN "createdById"`);
  }
}
