import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Who drafted and who approved each reply wording version (nullable: versions written before are unknown). */
export class WordingAuthors1796101237255 implements MigrationInterface {
  name = 'WordingAuthors1796101237255';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`reply_wording\` ADD \`createdById\` varchar(36) NULL`);
    await queryRunner.query(`ALTER TABLE \`reply_wording\` ADD \`approvedById\` varchar(36) NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`reply_wording\` DROP COLUMN \`approvedById\``);
    await queryRunner.query(`ALTER TABLE \`reply_wording\` DROP COLUMN \`createdById\``);
  }
}
