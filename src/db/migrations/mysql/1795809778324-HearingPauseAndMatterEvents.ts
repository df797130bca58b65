import type { MigrationInterface, QueryRunner } from 'typeorm';

export class HearingPauseAndMatterEvents1795809778324 implements MigrationInterface {
  name = 'HearingPauseAndMatterEvents1795809778324';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`assignment\` ADD \`pausedSince\` datetime(3) NULL`);
    await queryRunner.query(`ALTER TABLE \`case_event\` CHANGE \`type\` \`type\` enum ('REGISTERED', 'ACCEPTED', 'DECLINED', 'ARCHIVED', 'INSTRUCTION_REQUESTED', 'INSTRUCTED', 'ASSIGNED', 'ASSIGNMENT_ACCEPTED', 'ASSIGNMENT_OBJECTED', 'ASSIGNMENT_CANCELLED', 'EXTENSION_REQUESTED', 'EXTENSION_DECIDED', 'SUPERVISED', 'SUPERVISION_ANSWERED', 'HEARING_STARTED', 'HEARING_ENDED', 'RESULT_REPORTED', 'RESULT_REVIEWED', 'REPLIED', 'CLOSED', 'REOPENED', 'RATED', 'REFERRED', 'MATTER_LINKED') NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`case_event\` CHANGE \`type\` \`type\` enum ('REGISTERED', 'ACCEPTED', 'DECLINED', 'ARCHIVED', 'INSTRUCTION_REQUESTED', 'INSTRUCTED', 'ASSIGNED', 'ASSIGNMENT_ACCEPTED', 'ASSIGNMENT_OBJECTED', 'ASSIGNMENT_CANCELLED', 'EXTENSION_REQUESTED', 'EXTENSION_DECIDED', 'SUPERVISED', 'SUPERVISION_ANSWERED', 'RESULT_REPORTED', 'RESULT_REVIEWED', 'REPLIED', 'CLOSED', 'REOPENED', 'RATED', 'REFERRED') NOT NULL`);
    await queryRunner.query(`ALTER TABLE \`assignment\` DROP COLUMN \`pausedSince\``);
  }
}
