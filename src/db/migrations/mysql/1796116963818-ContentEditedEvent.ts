import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ContentEditedEvent1796116963818 implements MigrationInterface {
  name = 'ContentEditedEvent1796116963818';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_case_event_case_type_at\` ON \`case_event\``);
    await queryRunner.query(`ALTER TABLE \`case_event\` CHANGE \`type\` \`type\` enum ('REGISTERED', 'ACCEPTED', 'DECLINED', 'ARCHIVED', 'INSTRUCTION_REQUESTED', 'INSTRUCTED', 'ASSIGNED', 'ASSIGNMENT_ACCEPTED', 'ASSIGNMENT_OBJECTED', 'ASSIGNMENT_CANCELLED', 'EXTENSION_REQUESTED', 'EXTENSION_DECIDED', 'SUPERVISED', 'SUPERVISION_ANSWERED', 'HEARING_STARTED', 'HEARING_ENDED', 'RESULT_REPORTED', 'RESULT_REVIEWED', 'REPLIED', 'CLOSED', 'REOPENED', 'RATED', 'REFERRED', 'MATTER_LINKED', 'RESPONSIBLES_NAMED', 'CHARGE_TAKEN', 'FLAGGED_URGENT', 'CONTENT_EDITED') NOT NULL`);
    await queryRunner.query(`CREATE INDEX \`ix_case_event_case_type_at\` ON \`case_event\` (\`caseId\`, \`type\`, \`at\`)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_case_event_case_type_at\` ON \`case_event\``);
    await queryRunner.query(`ALTER TABLE \`case_event\` CHANGE \`type\` \`type\` enum ('REGISTERED', 'ACCEPTED', 'DECLINED', 'ARCHIVED', 'INSTRUCTION_REQUESTED', 'INSTRUCTED', 'ASSIGNED', 'ASSIGNMENT_ACCEPTED', 'ASSIGNMENT_OBJECTED', 'ASSIGNMENT_CANCELLED', 'EXTENSION_REQUESTED', 'EXTENSION_DECIDED', 'SUPERVISED', 'SUPERVISION_ANSWERED', 'HEARING_STARTED', 'HEARING_ENDED', 'RESULT_REPORTED', 'RESULT_REVIEWED', 'REPLIED', 'CLOSED', 'REOPENED', 'RATED', 'REFERRED', 'MATTER_LINKED', 'RESPONSIBLES_NAMED', 'CHARGE_TAKEN', 'FLAGGED_URGENT') NOT NULL`);
    await queryRunner.query(`CREATE INDEX \`ix_case_event_case_type_at\` ON \`case_event\` (\`caseId\`, \`type\`, \`at\`)`);
  }
}
