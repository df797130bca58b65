import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isSpecifiedScalarType,
  type GraphQLSchema,
} from 'graphql';
import { parseDeclaredChanges, undeclaredBreakingChanges } from '../src/schema/breaking-changes';
import { firstDifference, printAppSchema } from '../src/schema/print-schema';

const SCHEMA_PATH = join(__dirname, '..', 'schema.graphql');
const HAS_CJK = /[\u4e00-\u9fa5]/;

/** Every type, field, argument and enum value of our own whose description has no Chinese in it. */
function missingChineseDescriptions(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const check = (description: string | null | undefined, name: string) => {
    if (!description?.trim() || !HAS_CJK.test(description)) missing.push(name);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || isSpecifiedScalarType(type)) continue;
    check(type.description, type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        check(field.description, `${type.name}.${field.name}`);
        for (const arg of field.args) check(arg.description, `${type.name}.${field.name}(${arg.name})`);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) check(field.description, `${type.name}.${field.name}`);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) check(value.description, `${type.name}.${value.name}`);
    }
  }
  return missing.sort();
}

describe('schema.graphql: the published contract', () => {
  let committed: string;
  let emitted: string;

  beforeAll(async () => {
    committed = readFileSync(SCHEMA_PATH, 'utf8');
    emitted = await printAppSchema();
  });

  it('equals the schema the code builds', () => {
    const drift = firstDifference(committed, emitted);
    if (drift) throw new Error(`schema.graphql is stale: run npm run schema:emit and commit it (first difference at ${drift})`);
  });

  it('describes every type, field, argument and enum value in Chinese', () => {
    const missing = missingChineseDescriptions(buildSchema(committed));
    if (missing.length) throw new Error(`${missing.length} schema element(s) lack a Chinese description:\n  ${missing.join('\n  ')}`);
  });
});

describe('breaking-change check', () => {
  const OLD = `type Query { me: User }\ntype User { id: ID! name: String }`;
  const REMOVED = `type Query { me: User }\ntype User { id: ID! }`;
  const ADDED = `type Query { me: User }\ntype User { id: ID! name: String email: String }`;
  const declare = (description: string) => [{ description, reason: '测试', date: '2026-01-01' }];

  it('reports a removed field', () => {
    const changes = undeclaredBreakingChanges(OLD, REMOVED, []);
    expect(changes).toEqual([{ type: 'FIELD_REMOVED', description: 'User.name was removed.' }]);
  });

  it('lets a removal through once its exact description is declared', () => {
    expect(undeclaredBreakingChanges(OLD, REMOVED, declare('User.name was removed.'))).toEqual([]);
    // Only the exact text counts, so a declaration cannot cover more than it names.
    expect(undeclaredBreakingChanges(OLD, REMOVED, declare('User.name was removed'))).toHaveLength(1);
  });

  it('does not treat an added field as breaking', () => {
    expect(undeclaredBreakingChanges(OLD, ADDED, [])).toEqual([]);
  });

  it('accepts the committed declarations file and rejects malformed entries', () => {
    expect(() => parseDeclaredChanges(readFileSync(join(__dirname, '..', 'docs', 'schema-changes.json'), 'utf8'))).not.toThrow();
    expect(() => parseDeclaredChanges('[{ "description": "User.name was removed.", "date": "2026-1-1" }]')).toThrow(/reason[\s\S]*date/);
    expect(() => parseDeclaredChanges('{}')).toThrow(/array/);
  });
});
