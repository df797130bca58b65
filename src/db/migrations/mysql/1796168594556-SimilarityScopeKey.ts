import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The postings' key becomes (term, congress, case), and their case and congress ids ASCII with the binary collation
 * (src/db/ascii-key.ts): one rebuild of the table. TypeORM's schema comparison does not look at character sets, so
 * this part is written by hand; test/migrations.e2e-spec.ts checks the columns.
 */
export class SimilarityScopeKey1796168594556 implements MigrationInterface {
  name = 'SimilarityScopeKey1796168594556';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(rekey('CHARACTER SET ascii COLLATE ascii_bin', '`termKey`, `congressId`, `caseId`'));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(rekey('CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci', '`termKey`, `caseId`'));
  }
}

function rekey(charset: string, primaryKey: string): string {
  const id = (column: string) => `MODIFY \`${column}\` varchar(36) ${charset} NOT NULL`;
  return `ALTER TABLE \`similarity_posting\` DROP PRIMARY KEY, ${id('congressId')}, ${id('caseId')}, ADD PRIMARY KEY (${primaryKey})`;
}
