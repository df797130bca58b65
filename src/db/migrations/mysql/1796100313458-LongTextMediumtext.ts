import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Long free text needs MEDIUMTEXT on MySQL (TEXT holds 21,845 Chinese characters); MODIFY keeps the data. */
export class LongTextMediumtext1796100313458 implements MigrationInterface {
  name = 'LongTextMediumtext1796100313458';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`assignment\` MODIFY \`note\` mediumtext NULL`);
    await queryRunner.query(`ALTER TABLE \`assignment\` MODIFY \`endReason\` mediumtext NULL`);
    await queryRunner.query(`ALTER TABLE \`assignment\` MODIFY \`resultReport\` mediumtext NULL`);
    await queryRunner.query(`ALTER TABLE \`assignment\` MODIFY \`reviewNote\` mediumtext NULL`);
    await queryRunner.query(`ALTER TABLE \`case_event\` MODIFY \`detail\` mediumtext NULL`);
    await queryRunner.query(`ALTER TABLE \`petition_case\` MODIFY \`content\` mediumtext NOT NULL`);
    await queryRunner.query(`ALTER TABLE \`extension\` MODIFY \`reason\` mediumtext NOT NULL`);
    await queryRunner.query(`ALTER TABLE \`instruction\` MODIFY \`text\` mediumtext NULL`);
    await queryRunner.query(`ALTER TABLE \`matter\` MODIFY \`description\` mediumtext NULL`);
    await queryRunner.query(`ALTER TABLE \`petitioner\` MODIFY \`idNumberEnc\` mediumtext NULL`);
    await queryRunner.query(`ALTER TABLE \`petitioner\` MODIFY \`phoneEnc\` mediumtext NULL`);
    await queryRunner.query(`ALTER TABLE \`petitioner\` MODIFY \`addressEnc\` mediumtext NULL`);
    await queryRunner.query(`ALTER TABLE \`reply_wording\` MODIFY \`body\` mediumtext NOT NULL`);
    await queryRunner.query(`ALTER TABLE \`reply\` MODIFY \`body\` mediumtext NOT NULL`);
    await queryRunner.query(`ALTER TABLE \`supervision\` MODIFY \`note\` mediumtext NOT NULL`);
    await queryRunner.query(`ALTER TABLE \`supervision\` MODIFY \`answer\` mediumtext NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`supervision\` MODIFY \`answer\` text NULL`);
    await queryRunner.query(`ALTER TABLE \`supervision\` MODIFY \`note\` text NOT NULL`);
    await queryRunner.query(`ALTER TABLE \`reply\` MODIFY \`body\` text NOT NULL`);
    await queryRunner.query(`ALTER TABLE \`reply_wording\` MODIFY \`body\` text NOT NULL`);
    await queryRunner.query(`ALTER TABLE \`petitioner\` MODIFY \`addressEnc\` text NULL`);
    await queryRunner.query(`ALTER TABLE \`petitioner\` MODIFY \`phoneEnc\` text NULL`);
    await queryRunner.query(`ALTER TABLE \`petitioner\` MODIFY \`idNumberEnc\` text NULL`);
    await queryRunner.query(`ALTER TABLE \`matter\` MODIFY \`description\` text NULL`);
    await queryRunner.query(`ALTER TABLE \`instruction\` MODIFY \`text\` text NULL`);
    await queryRunner.query(`ALTER TABLE \`extension\` MODIFY \`reason\` text NOT NULL`);
    await queryRunner.query(`ALTER TABLE \`petition_case\` MODIFY \`content\` text NOT NULL`);
    await queryRunner.query(`ALTER TABLE \`case_event\` MODIFY \`detail\` text NULL`);
    await queryRunner.query(`ALTER TABLE \`assignment\` MODIFY \`reviewNote\` text NULL`);
    await queryRunner.query(`ALTER TABLE \`assignment\` MODIFY \`resultReport\` text NULL`);
    await queryRunner.query(`ALTER TABLE \`assignment\` MODIFY \`endReason\` text NULL`);
    await queryRunner.query(`ALTER TABLE \`assignment\` MODIFY \`note\` text NULL`);
  }
}
