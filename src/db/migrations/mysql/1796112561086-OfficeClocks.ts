import type { MigrationInterface, QueryRunner } from 'typeorm';
import { backfillOfficeClocks } from '../backfill-office-clocks';

export class OfficeClocks1796112561086 implements MigrationInterface {
  name = 'OfficeClocks1796112561086';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`uq_deadline_alert\` ON \`deadline_alert\``);
    // every alert raised so far was a unit's: its assignment becomes the subject of an ASSIGNMENT alert
    await queryRunner.query(`ALTER TABLE \`deadline_alert\` CHANGE \`assignmentId\` \`subjectId\` varchar(36) NOT NULL`);
    await queryRunner.query(`ALTER TABLE \`deadline_alert\` ADD \`clock\` varchar(16) NOT NULL DEFAULT 'ASSIGNMENT'`);
    // nullable until the backfill has computed every existing case's intake clock
    await queryRunner.query(`ALTER TABLE \`petition_case\` ADD \`intakeDueAt\` datetime(3) NULL`);
    await queryRunner.query(`ALTER TABLE \`petition_case\` ADD \`intakeDoneAt\` datetime(3) NULL`);
    await queryRunner.query(`ALTER TABLE \`petition_case\` ADD \`reviewDueAt\` datetime(3) NULL`);
    await queryRunner.query(`ALTER TABLE \`petition_case\` ADD \`reviewAnsweredAt\` datetime(3) NULL`);
    await backfillOfficeClocks(queryRunner, (name) => `\`${name}\``);
    await queryRunner.query(`ALTER TABLE \`petition_case\` MODIFY \`intakeDueAt\` datetime(3) NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX \`uq_deadline_alert\` ON \`deadline_alert\` (\`clock\`, \`subjectId\`, \`kind\`, \`dueAt\`)`);
    await queryRunner.query(`CREATE INDEX \`ix_case_intake_due\` ON \`petition_case\` (\`intakeDueAt\`)`);
    await queryRunner.query(`CREATE INDEX \`ix_case_review_due\` ON \`petition_case\` (\`reviewDueAt\`)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_case_review_due\` ON \`petition_case\``);
    await queryRunner.query(`DROP INDEX \`ix_case_intake_due\` ON \`petition_case\``);
    await queryRunner.query(`DROP INDEX \`uq_deadline_alert\` ON \`deadline_alert\``);
    await queryRunner.query(`ALTER TABLE \`petition_case\` DROP COLUMN \`reviewAnsweredAt\``);
    await queryRunner.query(`ALTER TABLE \`petition_case\` DROP COLUMN \`reviewDueAt\``);
    await queryRunner.query(`ALTER TABLE \`petition_case\` DROP COLUMN \`intakeDoneAt\``);
    await queryRunner.query(`ALTER TABLE \`petition_case\` DROP COLUMN \`intakeDueAt\``);
    // the office's own alerts have no assignment and do not survive going back
    await queryRunner.query(`DELETE FROM \`deadline_alert\` WHERE \`clock\` <> 'ASSIGNMENT'`);
    await queryRunner.query(`ALTER TABLE \`deadline_alert\` DROP COLUMN \`clock\``);
    await queryRunner.query(`ALTER TABLE \`deadline_alert\` CHANGE \`subjectId\` \`assignmentId\` varchar(36) NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX \`uq_deadline_alert\` ON \`deadline_alert\` (\`assignmentId\`, \`kind\`, \`dueAt\`)`);
  }
}
