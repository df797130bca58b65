/**
 * Writes the schema the code builds to `schema.graphql` at the project root, for front ends and for
 * the breaking-change check. Run after changing any resolver, type or input:  npm run schema:emit
 */
import 'reflect-metadata';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { printAppSchema } from '../src/schema/print-schema';

// Compiled to dist/scripts/, so the project root is two levels up.
const SCHEMA_PATH = resolve(__dirname, '..', '..', 'schema.graphql');

async function main() {
  const sdl = await printAppSchema();
  const before = existsSync(SCHEMA_PATH) ? readFileSync(SCHEMA_PATH, 'utf8') : undefined;
  writeFileSync(SCHEMA_PATH, sdl);
  const lines = sdl.split('\n').length - 1;
  const state = before === undefined ? 'created' : before === sdl ? 'unchanged' : 'updated';
  console.log(`wrote ${SCHEMA_PATH} (${lines} lines, ${Buffer.byteLength(sdl)} bytes, ${state})`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
