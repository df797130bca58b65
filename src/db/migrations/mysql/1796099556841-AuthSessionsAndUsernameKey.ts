import type { MigrationInterface, QueryRunner } from 'typeorm';
import { backfillUsernameKeys } from '../backfill-username-keys';

export class AuthSessionsAndUsernameKey1796099556841 implements MigrationInterface {
  name = 'AuthSessionsAndUsernameKey1796099556841';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`auth_session\` (\`id\` varchar(36) NOT NULL, \`userId\` varchar(36) NOT NULL, \`generation\` int NOT NULL DEFAULT '0', \`createdAt\` datetime(3) NOT NULL, \`expiresAt\` datetime(3) NOT NULL, \`revokedAt\` datetime(3) NULL, INDEX \`ix_auth_session_user\` (\`userId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`app_user\` ADD \`usernameKey\` varchar(191) NOT NULL`);
    await backfillUsernameKeys(queryRunner, (name) => `\`${name}\``);
    await queryRunner.query(`CREATE UNIQUE INDEX \`uq_user_username_key\` ON \`app_user\` (\`usernameKey\`)`);
    await queryRunner.query(`ALTER TABLE \`auth_session\` ADD CONSTRAINT \`fk_auth_session_user\` FOREIGN KEY (\`userId\`) REFERENCES \`app_user\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`auth_session\` DROP FOREIGN KEY \`fk_auth_session_user\``);
    await queryRunner.query(`DROP INDEX \`uq_user_username_key\` ON \`app_user\``);
    await queryRunner.query(`ALTER TABLE \`app_user\` DROP COLUMN \`usernameKey\``);
    await queryRunner.query(`DROP TABLE \`auth_session\``);
  }
}
