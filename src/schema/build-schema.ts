import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import type { PubSub } from '@graphql-yoga/subscription';
import { authChecker } from '../auth/auth-checker';
import { AuthResolver } from '../resolvers/auth.resolver';
import { MetaResolver } from '../resolvers/meta.resolver';
import { AssignmentResolver } from '../resolvers/assignment.resolver';
import { ExtensionResolver, InstructionResolver, PetitionerResolver, ReplyResolver, SupervisionResolver } from '../resolvers/case-parts.resolver';
import { CaseResolver } from '../resolvers/case.resolver';
import { HolidayResolver } from '../resolvers/holiday.resolver';
import { MatterResolver } from '../resolvers/matter.resolver';
import { UnitResolver } from '../resolvers/unit.resolver';
import { UserResolver } from '../resolvers/user.resolver';
import { DateTimeScalar } from './scalars';

export const RESOLVERS = [
  MetaResolver,
  AuthResolver,
  UnitResolver,
  UserResolver,
  CaseResolver,
  AssignmentResolver,
  ExtensionResolver,
  SupervisionResolver,
  InstructionResolver,
  ReplyResolver,
  PetitionerResolver,
  MatterResolver,
  HolidayResolver,
] as const;

/** Builds the executable schema from the decorated classes; also used to emit `schema.graphql`. */
export function buildAppSchema(pubSub?: PubSub<Record<string, never>>): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [...RESOLVERS],
    authChecker,
    authMode: 'error',
    validate: { forbidUnknownValues: false, stopAtFirstError: true },
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    pubSub: pubSub as never,
  });
}
