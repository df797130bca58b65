import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OfficeDuties1796112437297 implements MigrationInterface {
  name = 'OfficeDuties1796112437297';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`flash_report\` (\`id\` varchar(36) NOT NULL, \`caseId\` varchar(36) NOT NULL, \`kind\` enum ('GROUP_VISIT', 'URGENT') NOT NULL, \`at\` datetime(3) NOT NULL, \`reason\` mediumtext NULL, \`raisedById\` varchar(36) NULL, INDEX \`ix_flash_report_case\` (\`caseId\`), INDEX \`ix_flash_report_at\` (\`at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`reception\` (\`id\` varchar(36) NOT NULL, \`congressId\` varchar(36) NOT NULL, \`leaderId\` varchar(36) NOT NULL, \`startsAt\` datetime(3) NOT NULL, \`endsAt\` datetime(3) NOT NULL, \`place\` varchar(100) NOT NULL, \`scheduledById\` varchar(36) NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`ix_reception_congress_starts\` (\`congressId\`, \`startsAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`assignment\` ADD \`responsibleLeaderName\` varchar(100) NULL`);
    await queryRunner.query(`ALTER TABLE \`assignment\` ADD \`responsibleLeaderTitle\` varchar(100) NULL`);
    await queryRunner.query(`ALTER TABLE \`assignment\` ADD \`handlerId\` varchar(36) NULL`);
    await queryRunner.query(`ALTER TABLE \`petition_case\` ADD \`chargeLeaderId\` varchar(36) NULL`);
    await queryRunner.query(`ALTER TABLE \`petition_case\` ADD \`isUrgent\` tinyint NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE \`petition_case\` ADD \`receptionId\` varchar(36) NULL`);
    await queryRunner.query(`DROP INDEX \`ix_case_event_case_type_at\` ON \`case_event\``);
    await queryRunner.query(`ALTER TABLE \`case_event\` CHANGE \`type\` \`type\` enum ('REGISTERED', 'ACCEPTED', 'DECLINED', 'ARCHIVED', 'INSTRUCTION_REQUESTED', 'INSTRUCTED', 'ASSIGNED', 'ASSIGNMENT_ACCEPTED', 'ASSIGNMENT_OBJECTED', 'ASSIGNMENT_CANCELLED', 'EXTENSION_REQUESTED', 'EXTENSION_DECIDED', 'SUPERVISED', 'SUPERVISION_ANSWERED', 'HEARING_STARTED', 'HEARING_ENDED', 'RESULT_REPORTED', 'RESULT_REVIEWED', 'REPLIED', 'CLOSED', 'REOPENED', 'RATED', 'REFERRED', 'MATTER_LINKED', 'RESPONSIBLES_NAMED', 'CHARGE_TAKEN', 'FLAGGED_URGENT') NOT NULL`);
    await queryRunner.query(`CREATE INDEX \`ix_case_event_case_type_at\` ON \`case_event\` (\`caseId\`, \`type\`, \`at\`)`);
    await queryRunner.query(`CREATE INDEX \`ix_case_charge_leader\` ON \`petition_case\` (\`chargeLeaderId\`)`);
    await queryRunner.query(`CREATE INDEX \`ix_case_reception\` ON \`petition_case\` (\`receptionId\`)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_case_reception\` ON \`petition_case\``);
    await queryRunner.query(`DROP INDEX \`ix_case_charge_leader\` ON \`petition_case\``);
    await queryRunner.query(`DROP INDEX \`ix_case_event_case_type_at\` ON \`case_event\``);
    await queryRunner.query(`ALTER TABLE \`case_event\` CHANGE \`type\` \`type\` enum ('REGISTERED', 'ACCEPTED', 'DECLINED', 'ARCHIVED', 'INSTRUCTION_REQUESTED', 'INSTRUCTED', 'ASSIGNED', 'ASSIGNMENT_ACCEPTED', 'ASSIGNMENT_OBJECTED', 'ASSIGNMENT_CANCELLED', 'EXTENSION_REQUESTED', 'EXTENSION_DECIDED', 'SUPERVISED', 'SUPERVISION_ANSWERED', 'HEARING_STARTED', 'HEARING_ENDED', 'RESULT_REPORTED', 'RESULT_REVIEWED', 'REPLIED', 'CLOSED', 'REOPENED', 'RATED', 'REFERRED', 'MATTER_LINKED') NOT NULL`);
    await queryRunner.query(`CREATE INDEX \`ix_case_event_case_type_at\` ON \`case_event\` (\`caseId\`, \`type\`, \`at\`)`);
    await queryRunner.query(`ALTER TABLE \`petition_case\` DROP COLUMN \`receptionId\``);
    await queryRunner.query(`ALTER TABLE \`petition_case\` DROP COLUMN \`isUrgent\``);
    await queryRunner.query(`ALTER TABLE \`petition_case\` DROP COLUMN \`chargeLeaderId\``);
    await queryRunner.query(`ALTER TABLE \`assignment\` DROP COLUMN \`handlerId\``);
    await queryRunner.query(`ALTER TABLE \`assignment\` DROP COLUMN \`responsibleLeaderTitle\``);
    await queryRunner.query(`ALTER TABLE \`assignment\` DROP COLUMN \`responsibleLeaderName\``);
    await queryRunner.query(`DROP INDEX \`ix_reception_congress_starts\` ON \`reception\``);
    await queryRunner.query(`DROP TABLE \`reception\``);
    await queryRunner.query(`DROP INDEX \`ix_flash_report_at\` ON \`flash_report\``);
    await queryRunner.query(`DROP INDEX \`ix_flash_report_case\` ON \`flash_report\``);
    await queryRunner.query(`DROP TABLE \`flash_report\``);
  }
}
