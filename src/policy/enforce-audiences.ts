import { defaultFieldResolver, isObjectType, type GraphQLField, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import type { RequestContext } from '../context/request-context';
import { mayReadQueryCode } from './access-policy';
import { Audience, AUDIENCE_KEY } from './audience';

type Gate = (ctx: RequestContext, parent: never) => boolean | Promise<boolean>;

/** The audiences a field answers null outside of; the others are kept by how their parents are reached. */
const GATES: Partial<Record<Audience, Gate>> = {
  [Audience.REGISTERING_OFFICE]: (ctx, parent: { congressId: string }) => mayReadQueryCode(ctx.user, parent),
};

/** The audience a field declares, or the one its type declares for all its fields. */
export function audienceOf(type: GraphQLObjectType, field: GraphQLField<unknown, unknown>): Audience | undefined {
  return (field.extensions?.[AUDIENCE_KEY] ?? type.extensions?.[AUDIENCE_KEY]) as Audience | undefined;
}

/**
 * Makes every gated audience declared in the schema hold: such a field answers null to a viewer outside it,
 * whatever its resolver would return. Runs once when the schema is built.
 */
export function enforceAudiences(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const gate = GATES[audienceOf(type, field)!];
      if (!gate) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = async (parent, args, ctx: RequestContext, info) => ((await gate(ctx, parent as never)) ? resolve(parent, args, ctx, info) : null);
    }
  }
  return schema;
}
