import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795807305582 implements MigrationInterface {
  name = 'Initial1795807305582';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`login_throttle\` (\`key\` varchar(191) NOT NULL, \`failures\` int NOT NULL DEFAULT '0', \`windowStartedAt\` datetime(3) NOT NULL, \`lockedUntil\` datetime(3) NULL, PRIMARY KEY (\`key\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`unit\` (\`id\` varchar(36) NOT NULL, \`code\` varchar(64) NOT NULL, \`name\` varchar(200) NOT NULL, \`kind\` enum ('CONGRESS', 'GOVERNMENT', 'DEPARTMENT', 'COURT', 'PROCURATORATE', 'OTHER') NOT NULL, \`level\` enum ('PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP') NOT NULL, \`parentId\` varchar(36) NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`uq_unit_code\` (\`code\`), INDEX \`ix_unit_parent\` (\`parentId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`app_user\` (\`id\` varchar(36) NOT NULL, \`username\` varchar(64) NOT NULL, \`displayName\` varchar(100) NOT NULL, \`passwordHash\` varchar(255) NOT NULL, \`roles\` text NOT NULL, \`piiAccess\` tinyint NOT NULL DEFAULT 0, \`unitId\` varchar(36) NULL, \`disabled\` tinyint NOT NULL DEFAULT 0, \`tokenVersion\` int NOT NULL DEFAULT '0', \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`uq_user_username\` (\`username\`), INDEX \`ix_user_unit\` (\`unitId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`app_user\` ADD CONSTRAINT \`fk_user_unit\` FOREIGN KEY (\`unitId\`) REFERENCES \`unit\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`app_user\` DROP FOREIGN KEY \`fk_user_unit\``);
    await queryRunner.query(`DROP INDEX \`ix_user_unit\` ON \`app_user\``);
    await queryRunner.query(`DROP INDEX \`uq_user_username\` ON \`app_user\``);
    await queryRunner.query(`DROP TABLE \`app_user\``);
    await queryRunner.query(`DROP INDEX \`ix_unit_parent\` ON \`unit\``);
    await queryRunner.query(`DROP INDEX \`uq_unit_code\` ON \`unit\``);
    await queryRunner.query(`DROP TABLE \`unit\``);
    await queryRunner.query(`DROP TABLE \`login_throttle\``);
  }
}
