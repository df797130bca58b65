import { graphql, type GraphQLSchema } from 'graphql';
import { Arg, Authorized, buildSchema, Ctx, Field, FieldResolver, ID, ObjectType, Query, Resolver, Root, UseMiddleware } from 'type-graphql';
import { DIRECT, directFieldResolvers } from './direct-field-resolvers';

// Which field resolvers skip type-graphql's wrapper, and that those which do answer exactly as before. The whole
// schema's fields are exercised through the server by the end-to-end suites.

@ObjectType()
class Item {
  @Field(() => ID)
  id!: string;

  label = '';
}

interface Ctx0 {
  prefix: string;
  roles: string[];
  seen: string[];
}

@Resolver(() => Item)
class ItemResolver {
  @Query(() => [Item])
  items(): Item[] {
    return ['a', 'b'].map((id) => Object.assign(new Item(), { id, label: id.toUpperCase() }));
  }

  @Query(() => Item)
  plainItem(): Item {
    // a plain object, not an Item: type-graphql converts it before the field resolver sees it
    return { id: 'p', label: 'P' } as Item;
  }

  @FieldResolver(() => String)
  name(@Root() item: Item, @Ctx() ctx: Ctx0): string {
    return `${ctx.prefix}${item.label}:${item instanceof Item}`;
  }

  @FieldResolver(() => String)
  contextFirst(@Ctx() ctx: Ctx0, @Root() item: Item): string {
    return `${ctx.prefix}${item.id}`;
  }

  @FieldResolver(() => String)
  withArg(@Root() item: Item, @Arg('suffix') suffix: string): string {
    return item.id + suffix;
  }

  @Authorized('ADMIN')
  @FieldResolver(() => String, { nullable: true })
  secret(@Root() item: Item): string {
    return `secret-${item.id}`;
  }

  @UseMiddleware(({ context }: { context: Ctx0 }, next) => {
    context.seen.push('middleware');
    return next();
  })
  @FieldResolver(() => String)
  watched(@Root() item: Item): string {
    return `watched-${item.id}`;
  }
}

@Authorized('ADMIN')
@Resolver(() => Item)
class GuardedResolver {
  // guarded by the class's rule, not its own
  @FieldResolver(() => String, { nullable: true })
  guarded(@Root() item: Item): string {
    return `guarded-${item.id}`;
  }
}

describe('directFieldResolvers', () => {
  let wrapped: GraphQLSchema;
  let direct: GraphQLSchema;
  const authChecker = ({ context }: { context: Ctx0 }, roles: string[]) => roles.every((r) => context.roles.includes(r));

  beforeAll(async () => {
    wrapped = await buildSchema({ resolvers: [ItemResolver, GuardedResolver], authChecker, authMode: 'null', validate: false });
    direct = directFieldResolvers(await buildSchema({ resolvers: [ItemResolver, GuardedResolver], authChecker, authMode: 'null', validate: false }), [ItemResolver, GuardedResolver]);
  });

  it('calls a resolver of root and context directly, and leaves arguments, auth rules and middlewares to type-graphql', () => {
    const fields = direct.getType('Item') as unknown as { getFields(): Record<string, { resolve?: object }> };
    const isDirect = (name: string) => Boolean((fields.getFields()[name].resolve as Record<symbol, unknown> | undefined)?.[DIRECT]);
    expect(['name', 'contextFirst'].filter(isDirect)).toEqual(['name', 'contextFirst']);
    expect(['withArg', 'secret', 'watched', 'guarded'].filter(isDirect)).toEqual([]);
  });

  it('answers every field exactly as the wrapped schema does, middlewares and auth rules included', async () => {
    const source = '{ items { id name contextFirst withArg(suffix: "!") secret watched guarded } plainItem { id name contextFirst } }';
    for (const roles of [[], ['ADMIN']]) {
      const run = async (schema: GraphQLSchema) => {
        const contextValue: Ctx0 = { prefix: '>', roles, seen: [] };
        return { result: await graphql({ schema, source, contextValue }), seen: contextValue.seen };
      };
      const [a, b] = [await run(wrapped), await run(direct)];
      expect(b).toEqual(a);
      expect(b.result.errors).toBeUndefined();
      expect(b.seen).toEqual(['middleware', 'middleware']);
      const items = (b.result.data as { items: Array<{ secret: string | null; guarded: string | null }> }).items;
      expect(items.map((i) => [i.secret, i.guarded])).toEqual(roles.length ? [['secret-a', 'guarded-a'], ['secret-b', 'guarded-b']] : [[null, null], [null, null]]);
    }
    const { data } = await graphql({ schema: direct, source: '{ plainItem { name } }', contextValue: { prefix: '', roles: [], seen: [] } });
    // the plain root took type-graphql's path and arrived converted
    expect(data).toEqual({ plainItem: { name: 'P:true' } });
  });
});
