import { isNullableType, isObjectType, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { buildAppSchema } from '../src/schema/build-schema';
import { Audience } from '../src/policy/audience';
import { audienceOf } from '../src/policy/enforce-audiences';

/** The operations anyone may call without signing in; every other root field requires a signed-in user. */
const PUBLIC_OPERATIONS = ['Query.caseProgress', 'Query.errorCodes', 'Mutation.login', 'Mutation.rateCase'];

/**
 * Deny by default at the schema (docs/rules.md "Who sees what"): every field of every object type declares who may
 * read it, and every operation either requires a signed-in user or is on the short public list above.
 */
describe('schema audiences', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildAppSchema();
  });
  const roots = () => [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter((t) => !!t);

  it('declares an audience for every field of every object type', () => {
    const missing: string[] = [];
    const known = new Set<string>(Object.values(Audience));
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__') || roots().includes(type)) continue;
      for (const field of Object.values(type.getFields())) {
        const audience = audienceOf(type, field);
        if (!audience || !known.has(audience)) missing.push(`${type.name}.${field.name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('requires a signed-in user for every operation but the public ones', () => {
    const authorized = new Set(getMetadataStorage().authorizedFields.map((f) => `${f.target.name}.${f.fieldName}`));
    const resolverOf = new Map<string, string>();
    for (const q of [...getMetadataStorage().queries, ...getMetadataStorage().mutations, ...getMetadataStorage().subscriptions]) {
      resolverOf.set(q.schemaName, `${q.target.name}.${q.methodName}`);
    }
    const open: string[] = [];
    for (const root of roots()) {
      for (const field of Object.keys(root!.getFields())) {
        const name = `${root!.name}.${field}`;
        if (PUBLIC_OPERATIONS.includes(name)) continue;
        if (!authorized.has(resolverOf.get(field) ?? '')) open.push(name);
      }
    }
    expect(open).toEqual([]);
    // the public list names real operations, so it cannot silently widen
    for (const name of PUBLIC_OPERATIONS) {
      const [root, field] = name.split('.');
      expect(roots().find((r) => r!.name === root)!.getFields()[field]).toBeDefined();
    }
  });

  it('makes every gated field nullable, so that it can answer null outside its audience', () => {
    const caseType = schema.getType('Case');
    if (!isObjectType(caseType)) throw new Error('Case is not an object type');
    const queryCode = caseType.getFields().queryCode;
    expect(audienceOf(caseType, queryCode)).toBe(Audience.REGISTERING_OFFICE);
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        if (audienceOf(type, field) === Audience.REGISTERING_OFFICE || audienceOf(type, field) === Audience.PII) {
          expect({ field: `${type.name}.${field.name}`, nullable: isNullableType(field.type) }).toEqual({ field: `${type.name}.${field.name}`, nullable: true });
        }
      }
    }
  });
});
