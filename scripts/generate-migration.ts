/**
 * Writes a migration holding whatever the entities declare that the migrated database lacks, for the
 * engine `DATABASE_URL` names. Run on an empty database of each engine after changing entities:
 *   npm run migration:generate -- AddCases                        (SQLite, a temporary file)
 *   DATABASE_URL=mysql://… npm run migration:generate -- AddCases (MySQL/MariaDB)
 */
import 'reflect-metadata';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig } from '../src/config/config';
import { createDataSource } from '../src/db/data-source';

async function main() {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
    console.error('usage: generate-migration <PascalCaseName>');
    process.exit(2);
  }
  const env = { ...process.env };
  if (!env.DATABASE_URL) env.DATABASE_URL = `sqlite:${join(mkdtempSync(join(tmpdir(), 'xinfang-mig-')), 'gen.sqlite')}`;
  const config = loadConfig({ ...env, JWT_SECRET: 'x'.repeat(32), PII_KEY: '0'.repeat(64) });
  const ds = await createDataSource(config.database);
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  const sql = await ds.driver.createSchemaBuilder().log();
  await ds.destroy();
  if (sql.upQueries.length === 0) {
    console.log('no schema changes');
    return;
  }
  const engine = config.database.engine;
  const dir = resolve(__dirname, '..', '..', 'src', 'db', 'migrations', engine);
  const timestamp = Date.now();
  const className = `${name}${timestamp}`;
  const q = (s: string) => '`' + s.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
  const up = sql.upQueries.map((x) => `    await queryRunner.query(${q(x.query)});`).join('\n');
  const down = sql.downQueries.map((x) => `    await queryRunner.query(${q(x.query)});`).reverse().join('\n');
  const file = `${timestamp}-${name}.ts`;
  writeFileSync(
    join(dir, file),
    `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${up}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${down}
  }
}
`,
  );
  writeIndex(dir, engine);
  console.log(`wrote src/db/migrations/${engine}/${file}`);
}

/** Rewrites the engine's index so the data source lists every migration, in timestamp order. */
function writeIndex(dir: string, engine: string) {
  const files = readdirSync(dir)
    .filter((f) => /^\d+-[A-Za-z0-9]+\.ts$/.test(f))
    .sort();
  const entries = files.map((f) => {
    const [ts, n] = f.replace(/\.ts$/, '').split('-');
    return { module: f.replace(/\.ts$/, ''), cls: `${n}${ts}` };
  });
  const constName = engine === 'sqlite' ? 'SQLITE_MIGRATIONS' : 'MYSQL_MIGRATIONS';
  const label = engine === 'sqlite' ? 'SQLite' : 'MySQL/MariaDB';
  writeFileSync(
    join(dir, 'index.ts'),
    `${entries.map((e) => `import { ${e.cls} } from './${e.module}';`).join('\n')}

/** ${label} migrations in the order they run. */
export const ${constName}: Function[] = [${entries.map((e) => e.cls).join(', ')}];
`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
