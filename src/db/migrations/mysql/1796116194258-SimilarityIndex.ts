import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SimilarityIndex1796116194258 implements MigrationInterface {
  name = 'SimilarityIndex1796116194258';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`similarity_posting\` (\`termKey\` int NOT NULL, \`caseId\` varchar(36) NOT NULL, \`congressId\` varchar(36) NOT NULL, \`weight\` float NOT NULL, INDEX \`ix_similarity_posting_case\` (\`caseId\`), PRIMARY KEY (\`termKey\`, \`caseId\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`similarity_term\` (\`termKey\` int NOT NULL, \`df\` int NOT NULL, PRIMARY KEY (\`termKey\`)) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`similarity_term\``);
    await queryRunner.query(`DROP INDEX \`ix_similarity_posting_case\` ON \`similarity_posting\``);
    await queryRunner.query(`DROP TABLE \`similarity_posting\``);
  }
}
