import type { MigrationInterface, QueryRunner } from 'typeorm';

export class BulletinSummary1796313461725 implements MigrationInterface {
  name = 'BulletinSummary1796313461725';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`bulletin_summary\` (\`congressId\` varchar(36) NOT NULL, \`year\` int NOT NULL, \`quarter\` int NOT NULL, \`text\` mediumtext NOT NULL, \`updatedById\` varchar(36) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, PRIMARY KEY (\`congressId\`, \`year\`, \`quarter\`)) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`bulletin_summary\``);
  }
}
