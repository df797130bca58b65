import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Cases1795807888829 implements MigrationInterface {
  name = 'Cases1795807888829';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`assignment\` (\`id\` varchar(36) NOT NULL, \`caseId\` varchar(36) NOT NULL, \`unitId\` varchar(36) NOT NULL, \`mode\` enum ('TRANSFER', 'ASSIGN') NOT NULL, \`role\` enum ('LEAD', 'ASSIST') NOT NULL, \`status\` enum ('PENDING', 'IN_PROGRESS', 'OBJECTED', 'REPORTED', 'COMPLETED', 'CANCELLED') NOT NULL, \`dueInDays\` int NOT NULL, \`unrolledDueDate\` varchar(10) NOT NULL, \`dueAt\` datetime(3) NOT NULL, \`assignedAt\` datetime(3) NOT NULL, \`assignedById\` varchar(36) NOT NULL, \`note\` text NULL, \`acceptedAt\` datetime(3) NULL, \`endReason\` text NULL, \`endedAt\` datetime(3) NULL, \`resultOutcome\` enum ('SUPPORTED', 'EXPLAINED', 'NOT_SUPPORTED', 'MEDIATED') NULL, \`resultReport\` text NULL, \`resultReportedAt\` datetime(3) NULL, \`deliveredAt\` datetime(3) NULL, \`reviewNote\` text NULL, \`version\` int NOT NULL DEFAULT '1', \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`ix_assignment_case\` (\`caseId\`), INDEX \`ix_assignment_due\` (\`dueAt\`), INDEX \`ix_assignment_unit_status\` (\`unitId\`, \`status\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`case_event\` (\`id\` varchar(36) NOT NULL, \`caseId\` varchar(36) NOT NULL, \`assignmentId\` varchar(36) NULL, \`type\` enum ('REGISTERED', 'ACCEPTED', 'DECLINED', 'ARCHIVED', 'INSTRUCTION_REQUESTED', 'INSTRUCTED', 'ASSIGNED', 'ASSIGNMENT_ACCEPTED', 'ASSIGNMENT_OBJECTED', 'ASSIGNMENT_CANCELLED', 'EXTENSION_REQUESTED', 'EXTENSION_DECIDED', 'SUPERVISED', 'SUPERVISION_ANSWERED', 'RESULT_REPORTED', 'RESULT_REVIEWED', 'REPLIED', 'CLOSED', 'REOPENED', 'RATED', 'REFERRED') NOT NULL, \`actorId\` varchar(36) NULL, \`at\` datetime(3) NOT NULL, \`detail\` text NULL, \`before\` text NULL, \`after\` text NULL, \`seq\` int NOT NULL DEFAULT '0', INDEX \`ix_case_event_case_at\` (\`caseId\`, \`at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`petition_case\` (\`id\` varchar(36) NOT NULL, \`serialNo\` varchar(20) NOT NULL, \`queryCode\` varchar(16) NOT NULL, \`congressId\` varchar(36) NOT NULL, \`status\` enum ('REGISTERED', 'ACCEPTED', 'DECLINED', 'ARCHIVED', 'ASSIGNED', 'RESULT_REPORTED', 'REPLIED', 'CLOSED', 'UNDER_REVIEW') NOT NULL, \`channel\` enum ('LETTER', 'ONLINE', 'VISIT', 'PHONE') NOT NULL, \`caseType\` enum ('SUGGESTION', 'ACCUSATION', 'CLAIM') NOT NULL, \`category\` varchar(100) NOT NULL, \`summary\` varchar(500) NOT NULL, \`content\` text NOT NULL, \`receivedAt\` datetime(3) NOT NULL, \`personCount\` int NOT NULL DEFAULT '1', \`isKey\` tinyint NOT NULL DEFAULT 0, \`isDifficult\` tinyint NOT NULL DEFAULT 0, \`isTypical\` tinyint NOT NULL DEFAULT 0, \`referredFromUnitId\` varchar(36) NULL, \`referredFromCaseId\` varchar(36) NULL, \`matterId\` varchar(36) NULL, \`accusedUnitId\` varchar(36) NULL, \`responsibleUserId\` varchar(36) NOT NULL, \`satisfaction\` enum ('SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED') NULL, \`ratedByPetitioner\` tinyint NOT NULL DEFAULT 0, \`lastRepliedAt\` datetime(3) NULL, \`closedAt\` datetime(3) NULL, \`finishedAt\` datetime(3) NULL, \`reviewCount\` int NOT NULL DEFAULT '0', \`version\` int NOT NULL DEFAULT '1', \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`uq_case_query_code\` (\`queryCode\`), INDEX \`ix_case_category\` (\`category\`), INDEX \`ix_case_referred_from\` (\`referredFromUnitId\`), INDEX \`ix_case_referred_from_case\` (\`referredFromCaseId\`), INDEX \`ix_case_matter\` (\`matterId\`), INDEX \`ix_case_accused\` (\`accusedUnitId\`), INDEX \`ix_case_status\` (\`status\`), INDEX \`ix_case_congress_received\` (\`congressId\`, \`receivedAt\`), UNIQUE INDEX \`uq_case_serial\` (\`congressId\`, \`serialNo\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`extension\` (\`id\` varchar(36) NOT NULL, \`assignmentId\` varchar(36) NOT NULL, \`days\` int NOT NULL, \`reason\` text NOT NULL, \`status\` enum ('PENDING', 'APPROVED', 'REJECTED') NOT NULL, \`requestedById\` varchar(36) NOT NULL, \`requestedAt\` datetime(3) NOT NULL, \`decidedById\` varchar(36) NULL, \`decidedAt\` datetime(3) NULL, INDEX \`ix_extension_assignment\` (\`assignmentId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`holiday_calendar\` (\`year\` int NOT NULL, \`holidays\` text NOT NULL, \`workdays\` text NOT NULL, PRIMARY KEY (\`year\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`instruction\` (\`id\` varchar(36) NOT NULL, \`caseId\` varchar(36) NOT NULL, \`leaderId\` varchar(36) NOT NULL, \`requestedById\` varchar(36) NOT NULL, \`requestedAt\` datetime(3) NOT NULL, \`text\` text NULL, \`createdAt\` datetime(3) NULL, INDEX \`ix_instruction_case\` (\`caseId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`matter\` (\`id\` varchar(36) NOT NULL, \`title\` varchar(200) NOT NULL, \`description\` text NULL, \`congressId\` varchar(36) NOT NULL, \`reReviewed\` tinyint NOT NULL DEFAULT 0, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`ix_matter_congress\` (\`congressId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`petitioner\` (\`id\` varchar(36) NOT NULL, \`caseId\` varchar(36) NOT NULL, \`position\` int NOT NULL DEFAULT '0', \`name\` varchar(100) NOT NULL, \`idNumberMasked\` varchar(18) NULL, \`idNumberEnc\` text NULL, \`idNumberHash\` varchar(64) NULL, \`phoneMasked\` varchar(24) NULL, \`phoneEnc\` text NULL, \`phoneHash\` varchar(64) NULL, \`addressEnc\` text NULL, INDEX \`ix_petitioner_case\` (\`caseId\`), INDEX \`ix_petitioner_id_hash\` (\`idNumberHash\`), INDEX \`ix_petitioner_phone_hash\` (\`phoneHash\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`pii_access_log\` (\`id\` varchar(36) NOT NULL, \`userId\` varchar(36) NOT NULL, \`petitionerId\` varchar(36) NOT NULL, \`field\` varchar(16) NOT NULL, \`requestId\` varchar(64) NOT NULL, \`at\` datetime(3) NOT NULL, INDEX \`ix_pii_access_user\` (\`userId\`), INDEX \`ix_pii_access_petitioner\` (\`petitionerId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`reply_wording\` (\`id\` varchar(36) NOT NULL, \`matterId\` varchar(36) NOT NULL, \`version\` int NOT NULL, \`status\` varchar(16) NOT NULL, \`outcome\` enum ('SUPPORTED', 'EXPLAINED', 'NOT_SUPPORTED', 'MEDIATED') NOT NULL, \`body\` text NOT NULL, \`coreStatements\` text NOT NULL, \`approvedAt\` datetime(3) NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`uq_wording_matter_version\` (\`matterId\`, \`version\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`reply\` (\`id\` varchar(36) NOT NULL, \`caseId\` varchar(36) NOT NULL, \`unitId\` varchar(36) NOT NULL, \`authorId\` varchar(36) NOT NULL, \`method\` enum ('WRITTEN', 'IN_PERSON', 'PHONE', 'ONLINE') NOT NULL, \`outcome\` enum ('SUPPORTED', 'EXPLAINED', 'NOT_SUPPORTED', 'MEDIATED') NOT NULL, \`body\` text NOT NULL, \`wordingId\` varchar(36) NULL, \`matterId\` varchar(36) NULL, \`repliedAt\` datetime(3) NOT NULL, INDEX \`ix_reply_case\` (\`caseId\`), INDEX \`ix_reply_unit\` (\`unitId\`), INDEX \`ix_reply_matter\` (\`matterId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`serial_counter\` (\`congressId\` varchar(36) NOT NULL, \`year\` int NOT NULL, \`next\` int NOT NULL, PRIMARY KEY (\`congressId\`, \`year\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`supervision\` (\`id\` varchar(36) NOT NULL, \`assignmentId\` varchar(36) NOT NULL, \`kind\` enum ('PHONE', 'ON_SITE', 'LEADER', 'LISTED', 'CIRCULAR') NOT NULL, \`note\` text NOT NULL, \`byId\` varchar(36) NOT NULL, \`createdAt\` datetime(3) NOT NULL, \`answer\` text NULL, \`answeredAt\` datetime(3) NULL, INDEX \`ix_supervision_assignment\` (\`assignmentId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_supervision_assignment\` ON \`supervision\``);
    await queryRunner.query(`DROP TABLE \`supervision\``);
    await queryRunner.query(`DROP TABLE \`serial_counter\``);
    await queryRunner.query(`DROP INDEX \`ix_reply_matter\` ON \`reply\``);
    await queryRunner.query(`DROP INDEX \`ix_reply_unit\` ON \`reply\``);
    await queryRunner.query(`DROP INDEX \`ix_reply_case\` ON \`reply\``);
    await queryRunner.query(`DROP TABLE \`reply\``);
    await queryRunner.query(`DROP INDEX \`uq_wording_matter_version\` ON \`reply_wording\``);
    await queryRunner.query(`DROP TABLE \`reply_wording\``);
    await queryRunner.query(`DROP INDEX \`ix_pii_access_petitioner\` ON \`pii_access_log\``);
    await queryRunner.query(`DROP INDEX \`ix_pii_access_user\` ON \`pii_access_log\``);
    await queryRunner.query(`DROP TABLE \`pii_access_log\``);
    await queryRunner.query(`DROP INDEX \`ix_petitioner_phone_hash\` ON \`petitioner\``);
    await queryRunner.query(`DROP INDEX \`ix_petitioner_id_hash\` ON \`petitioner\``);
    await queryRunner.query(`DROP INDEX \`ix_petitioner_case\` ON \`petitioner\``);
    await queryRunner.query(`DROP TABLE \`petitioner\``);
    await queryRunner.query(`DROP INDEX \`ix_matter_congress\` ON \`matter\``);
    await queryRunner.query(`DROP TABLE \`matter\``);
    await queryRunner.query(`DROP INDEX \`ix_instruction_case\` ON \`instruction\``);
    await queryRunner.query(`DROP TABLE \`instruction\``);
    await queryRunner.query(`DROP TABLE \`holiday_calendar\``);
    await queryRunner.query(`DROP INDEX \`ix_extension_assignment\` ON \`extension\``);
    await queryRunner.query(`DROP TABLE \`extension\``);
    await queryRunner.query(`DROP INDEX \`uq_case_serial\` ON \`petition_case\``);
    await queryRunner.query(`DROP INDEX \`ix_case_congress_received\` ON \`petition_case\``);
    await queryRunner.query(`DROP INDEX \`ix_case_status\` ON \`petition_case\``);
    await queryRunner.query(`DROP INDEX \`ix_case_accused\` ON \`petition_case\``);
    await queryRunner.query(`DROP INDEX \`ix_case_matter\` ON \`petition_case\``);
    await queryRunner.query(`DROP INDEX \`ix_case_referred_from_case\` ON \`petition_case\``);
    await queryRunner.query(`DROP INDEX \`ix_case_referred_from\` ON \`petition_case\``);
    await queryRunner.query(`DROP INDEX \`ix_case_category\` ON \`petition_case\``);
    await queryRunner.query(`DROP INDEX \`uq_case_query_code\` ON \`petition_case\``);
    await queryRunner.query(`DROP TABLE \`petition_case\``);
    await queryRunner.query(`DROP INDEX \`ix_case_event_case_at\` ON \`case_event\``);
    await queryRunner.query(`DROP TABLE \`case_event\``);
    await queryRunner.query(`DROP INDEX \`ix_assignment_unit_status\` ON \`assignment\``);
    await queryRunner.query(`DROP INDEX \`ix_assignment_due\` ON \`assignment\``);
    await queryRunner.query(`DROP INDEX \`ix_assignment_case\` ON \`assignment\``);
    await queryRunner.query(`DROP TABLE \`assignment\``);
  }
}
