import type { MigrationInterface, QueryRunner } from 'typeorm';

export class JointMeetings1796101089172 implements MigrationInterface {
  name = 'JointMeetings1796101089172';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`joint_meeting\` (\`id\` varchar(36) NOT NULL, \`title\` varchar(200) NOT NULL, \`startsAt\` datetime(3) NOT NULL, \`location\` varchar(200) NULL, \`status\` enum ('SCHEDULED', 'IN_SESSION', 'CONCLUDED', 'CANCELLED') NOT NULL, \`congressId\` varchar(36) NOT NULL, \`scheduledById\` varchar(36) NOT NULL, \`startedAt\` datetime(3) NULL, \`endedAt\` datetime(3) NULL, \`minutes\` mediumtext NULL, \`version\` int NOT NULL DEFAULT '1', \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`ix_meeting_congress\` (\`congressId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`meeting_participant\` (\`id\` varchar(36) NOT NULL, \`meetingId\` varchar(36) NOT NULL, \`userId\` varchar(36) NOT NULL, \`unitId\` varchar(36) NOT NULL, \`capacity\` enum ('OFFICE', 'BODY', 'DEPUTY', 'LEGAL_WORKER') NOT NULL, \`position\` int NOT NULL, \`present\` tinyint NOT NULL DEFAULT 0, \`joinedAt\` datetime(3) NULL, \`leftAt\` datetime(3) NULL, INDEX \`ix_participant_user\` (\`userId\`), UNIQUE INDEX \`uq_participant_meeting_user\` (\`meetingId\`, \`userId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`agenda_item\` (\`id\` varchar(36) NOT NULL, \`meetingId\` varchar(36) NOT NULL, \`matterId\` varchar(36) NOT NULL, \`position\` int NOT NULL, \`note\` mediumtext NULL, \`status\` enum ('OPEN', 'SIGNING', 'AGREED', 'RESOLVED') NOT NULL, \`proposedWordingId\` varchar(36) NULL, \`decision\` mediumtext NULL, \`responsibleUnitId\` varchar(36) NULL, \`dueAt\` datetime(3) NULL, \`resolvedAt\` datetime(3) NULL, \`version\` int NOT NULL DEFAULT '1', INDEX \`ix_agenda_meeting\` (\`meetingId\`), INDEX \`ix_agenda_matter\` (\`matterId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`meeting_opinion\` (\`id\` varchar(36) NOT NULL, \`agendaItemId\` varchar(36) NOT NULL, \`authorId\` varchar(36) NOT NULL, \`unitId\` varchar(36) NULL, \`body\` mediumtext NOT NULL, \`createdAt\` datetime(3) NOT NULL, INDEX \`ix_opinion_item\` (\`agendaItemId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`wording_sign_off\` (\`id\` varchar(36) NOT NULL, \`agendaItemId\` varchar(36) NOT NULL, \`wordingId\` varchar(36) NOT NULL, \`unitId\` varchar(36) NOT NULL, \`userId\` varchar(36) NOT NULL, \`at\` datetime(3) NOT NULL, UNIQUE INDEX \`uq_sign_off_item_wording_unit\` (\`agendaItemId\`, \`wordingId\`, \`unitId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`joint_meeting_event\` (\`id\` varchar(36) NOT NULL, \`meetingId\` varchar(36) NOT NULL, \`type\` enum ('SCHEDULED', 'STARTED', 'PARTICIPANT_JOINED', 'PARTICIPANT_LEFT', 'OPINION_POSTED', 'WORDING_PROPOSED', 'SIGNED_OFF', 'WORDING_APPROVED', 'ITEM_RESOLVED', 'CONCLUDED', 'CANCELLED') NOT NULL, \`actorId\` varchar(36) NULL, \`at\` datetime(3) NOT NULL, \`agendaItemId\` varchar(36) NULL, \`opinionId\` varchar(36) NULL, \`participantId\` varchar(36) NULL, \`detail\` mediumtext NULL, INDEX \`ix_meeting_event_meeting\` (\`meetingId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_meeting_event_meeting\` ON \`joint_meeting_event\``);
    await queryRunner.query(`DROP TABLE \`joint_meeting_event\``);
    await queryRunner.query(`DROP INDEX \`uq_sign_off_item_wording_unit\` ON \`wording_sign_off\``);
    await queryRunner.query(`DROP TABLE \`wording_sign_off\``);
    await queryRunner.query(`DROP INDEX \`ix_opinion_item\` ON \`meeting_opinion\``);
    await queryRunner.query(`DROP TABLE \`meeting_opinion\``);
    await queryRunner.query(`DROP INDEX \`ix_agenda_matter\` ON \`agenda_item\``);
    await queryRunner.query(`DROP INDEX \`ix_agenda_meeting\` ON \`agenda_item\``);
    await queryRunner.query(`DROP TABLE \`agenda_item\``);
    await queryRunner.query(`DROP INDEX \`uq_participant_meeting_user\` ON \`meeting_participant\``);
    await queryRunner.query(`DROP INDEX \`ix_participant_user\` ON \`meeting_participant\``);
    await queryRunner.query(`DROP TABLE \`meeting_participant\``);
    await queryRunner.query(`DROP INDEX \`ix_meeting_congress\` ON \`joint_meeting\``);
    await queryRunner.query(`DROP TABLE \`joint_meeting\``);
  }
}
