import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ContentEditedEvent1796116951092 implements MigrationInterface {
  name = 'ContentEditedEvent1796116951092';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_case_event_case_type_at"`);
    await queryRunner.query(`DROP INDEX "ix_case_event_case_at"`);
    await queryRunner.query(`CREATE TABLE "temporary_case_event" ("id" varchar(36) PRIMARY KEY NOT NULL, "caseId" varchar(36) NOT NULL, "assignmentId" varchar(36), "type" varchar CHECK( "type" IN ('REGISTERED','ACCEPTED','DECLINED','ARCHIVED','INSTRUCTION_REQUESTED','INSTRUCTED','ASSIGNED','ASSIGNMENT_ACCEPTED','ASSIGNMENT_OBJECTED','ASSIGNMENT_CANCELLED','EXTENSION_REQUESTED','EXTENSION_DECIDED','SUPERVISED','SUPERVISION_ANSWERED','HEARING_STARTED','HEARING_ENDED','RESULT_REPORTED','RESULT_REVIEWED','REPLIED','CLOSED','REOPENED','RATED','REFERRED','MATTER_LINKED','RESPONSIBLES_NAMED','CHARGE_TAKEN','FLAGGED_URGENT','CONTENT_EDITED') ) NOT NULL, "actorId" varchar(36), "at" datetime(3) NOT NULL, "detail" text, "before" text, "after" text, "seq" integer NOT NULL DEFAULT (0))`);
    await queryRunner.query(`INSERT INTO "temporary_case_event"("id", "caseId", "assignmentId", "type", "actorId", "at", "detail", "before", "after", "seq") SELECT "id", "caseId", "assignmentId", "type", "actorId", "at", "detail", "before", "after", "seq" FROM "case_event"`);
    await queryRunner.query(`DROP TABLE "case_event"`);
    await queryRunner.query(`ALTER TABLE "temporary_case_event" RENAME TO "case_event"`);
    await queryRunner.query(`CREATE INDEX "ix_case_event_case_at" ON "case_event" ("caseId", "at") `);
    await queryRunner.query(`CREATE INDEX "ix_case_event_case_type_at" ON "case_event" ("caseId", "type", "at") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_case_event_case_type_at"`);
    await queryRunner.query(`DROP INDEX "ix_case_event_case_at"`);
    await queryRunner.query(`ALTER TABLE "case_event" RENAME TO "temporary_case_event"`);
    await queryRunner.query(`CREATE TABLE "case_event" ("id" varchar(36) PRIMARY KEY NOT NULL, "caseId" varchar(36) NOT NULL, "assignmentId" varchar(36), "type" varchar CHECK( "type" IN ('REGISTERED','ACCEPTED','DECLINED','ARCHIVED','INSTRUCTION_REQUESTED','INSTRUCTED','ASSIGNED','ASSIGNMENT_ACCEPTED','ASSIGNMENT_OBJECTED','ASSIGNMENT_CANCELLED','EXTENSION_REQUESTED','EXTENSION_DECIDED','SUPERVISED','SUPERVISION_ANSWERED','HEARING_STARTED','HEARING_ENDED','RESULT_REPORTED','RESULT_REVIEWED','REPLIED','CLOSED','REOPENED','RATED','REFERRED','MATTER_LINKED','RESPONSIBLES_NAMED','CHARGE_TAKEN','FLAGGED_URGENT') ) NOT NULL, "actorId" varchar(36), "at" datetime(3) NOT NULL, "detail" text, "before" text, "after" text, "seq" integer NOT NULL DEFAULT (0))`);
    await queryRunner.query(`INSERT INTO "case_event"("id", "caseId", "assignmentId", "type", "actorId", "at", "detail", "before", "after", "seq") SELECT "id", "caseId", "assignmentId", "type", "actorId", "at", "detail", "before", "after", "seq" FROM "temporary_case_event"`);
    await queryRunner.query(`DROP TABLE "temporary_case_event"`);
    await queryRunner.query(`CREATE INDEX "ix_case_event_case_at" ON "case_event" ("caseId", "at") `);
    await queryRunner.query(`CREATE INDEX "ix_case_event_case_type_at" ON "case_event" ("caseId", "type", "at") `);
  }
}
