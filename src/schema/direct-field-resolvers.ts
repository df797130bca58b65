import { isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

type FieldResolverMetadata = ReturnType<typeof getMetadataStorage>['fieldResolvers'][number];
type ParamMetadata = NonNullable<FieldResolverMetadata['params']>[number];
type Resolve = GraphQLFieldResolver<unknown, unknown>;

/** Marks a resolver that calls its method directly, so that tests can tell which path a field takes. */
export const DIRECT = Symbol('direct field resolver');

/**
 * How the method of a field resolver is called without type-graphql's general wrapper, or undefined when it needs
 * that wrapper: middlewares and auth rules run in the wrapper, and arguments are converted and validated there.
 * What is left is a method taking its root and the context, in some order.
 */
function directCall(meta: FieldResolverMetadata, fallback: Resolve): Resolve | undefined {
  if (meta.kind !== 'external' || meta.middlewares?.length || meta.roles !== undefined) return undefined;
  const params = [...(meta.params ?? [])].sort((a, b) => a.index - b.index);
  const simple = params.every((p, i) => p.index === i && (p.kind === 'root' || p.kind === 'context') && p.propertyName === undefined);
  if (!simple) return undefined;
  const rootType: unknown = params.find((p): p is Extract<ParamMetadata, { kind: 'root' }> => p.kind === 'root')?.getType?.();
  const instance = new (meta.target as new () => Record<string, (...a: unknown[]) => unknown>)();
  const method = instance[meta.methodName];
  if (typeof method !== 'function') return undefined;
  const rootFirst = params[0]?.kind === 'root';
  const call =
    params.length === 2
      ? rootFirst
        ? (root: unknown, ctx: unknown) => method.call(instance, root, ctx)
        : (root: unknown, ctx: unknown) => method.call(instance, ctx, root)
      : params.length === 1
        ? rootFirst
          ? (root: unknown) => method.call(instance, root)
          : (_root: unknown, ctx: unknown) => method.call(instance, ctx)
        : () => method.call(instance);
  // a root that is not already of the declared class is converted by type-graphql first, so it takes that path
  const resolve: Resolve =
    typeof rootType === 'function'
      ? (root, args, ctx, info) => (root instanceof (rootType as abstract new () => unknown) ? call(root, ctx) : fallback(root, args, ctx, info))
      : (root, _args, ctx) => call(root, ctx);
  return Object.assign(resolve, { [DIRECT]: true });
}

/**
 * type-graphql runs every field resolver through one general wrapper that, on every call and for every row, builds
 * the resolver data, walks the middleware chain, sorts and maps the parameter list and converts the root. A field
 * resolver with no middleware, no auth rule and no arguments, taking only its root and the context, needs none of
 * that, and in a list it runs once per row: such resolvers are called directly. Every other field keeps the wrapper.
 * Runs once, on the schema type-graphql built from `resolvers`, which must have been built without global middlewares.
 */
export function directFieldResolvers(schema: GraphQLSchema, resolvers: readonly Function[]): GraphQLSchema {
  const storage = getMetadataStorage();
  for (const meta of storage.fieldResolvers) {
    if (!resolvers.includes(meta.target) || !meta.getObjectType) continue;
    const objectClass = meta.getObjectType();
    const typeName = storage.objectTypes.find((o) => o.target === objectClass)?.name;
    const type = typeName ? schema.getType(typeName) : undefined;
    if (!isObjectType(type)) continue;
    const field = type.getFields()[meta.schemaName];
    if (!field?.resolve || field.args.length) continue;
    const direct = directCall(meta, field.resolve);
    if (direct) field.resolve = direct;
  }
  return schema;
}
