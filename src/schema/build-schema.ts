import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { createPubSub, type PubSub } from '@graphql-yoga/subscription';
import { authChecker } from '../auth/auth-checker';
import { AuthResolver } from '../resolvers/auth.resolver';
import { MetaResolver } from '../resolvers/meta.resolver';
import { AssignmentResolver } from '../resolvers/assignment.resolver';
import { ExtensionResolver, InstructionResolver, PetitionerResolver, ReplyResolver, SupervisionResolver } from '../resolvers/case-parts.resolver';
import { CaseResolver } from '../resolvers/case.resolver';
import { CaseSimilarityResolver } from '../resolvers/case-similarity.resolver';
import { HolidayResolver } from '../resolvers/holiday.resolver';
import { MatterResolver } from '../resolvers/matter.resolver';
import { ReplyWordingResolver } from '../resolvers/reply-wording.resolver';
import {
  AgendaItemResolver,
  JointMeetingEventResolver,
  JointMeetingResolver,
  MeetingParticipantResolver,
  OpinionResolver,
  ResolutionResolver,
  SignOffResolver,
} from '../resolvers/joint-meeting.resolver';
import { CaseEventResolver, DeadlineAlertResolver, LiveStatusResolver } from '../resolvers/live.resolver';
import { StatisticsResolver } from '../resolvers/statistics.resolver';
import { BulletinResolver } from '../resolvers/bulletin.resolver';
import { UnitResolver } from '../resolvers/unit.resolver';
import { UserResolver } from '../resolvers/user.resolver';
import { ReceptionResolver } from '../resolvers/reception.resolver';
import { FlashReportLiveResolver, FlashReportResolver } from '../resolvers/flash-report.resolver';
import { DateTimeScalar } from './scalars';
import { enforceAudiences } from '../policy/enforce-audiences';
import { directFieldResolvers } from './direct-field-resolvers';

export const RESOLVERS = [
  MetaResolver,
  AuthResolver,
  UnitResolver,
  StatisticsResolver,
  BulletinResolver,
  UserResolver,
  CaseResolver,
  CaseSimilarityResolver,
  AssignmentResolver,
  ExtensionResolver,
  SupervisionResolver,
  InstructionResolver,
  ReplyResolver,
  PetitionerResolver,
  MatterResolver,
  ReplyWordingResolver,
  HolidayResolver,
  CaseEventResolver,
  DeadlineAlertResolver,
  LiveStatusResolver,
  JointMeetingResolver,
  MeetingParticipantResolver,
  AgendaItemResolver,
  OpinionResolver,
  SignOffResolver,
  ResolutionResolver,
  JointMeetingEventResolver,
  ReceptionResolver,
  FlashReportResolver,
  FlashReportLiveResolver,
] as const;

/** Builds the executable schema from the decorated classes; also used to emit `schema.graphql`. */
export async function buildAppSchema(pubSub?: PubSub<Record<string, never>>): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: [...RESOLVERS],
    authChecker,
    authMode: 'error',
    validate: { forbidUnknownValues: false, stopAtFirstError: true },
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    // printing the schema needs no real event bus; serving it gets the application's
    pubSub: (pubSub ?? createPubSub()) as never,
  });
  // type-graphql has no decorator for the root types' own descriptions
  schema.getQueryType()!.description = '查询 (queries)';
  schema.getMutationType()!.description = '变更：每个变更在一个事务中完成 (mutations, each one transaction)';
  const subscription = schema.getSubscriptionType();
  if (subscription) subscription.description = '订阅：经 graphql-ws 推送，只推送当前用户可见的内容 (subscriptions)';
  return enforceAudiences(directFieldResolvers(schema, RESOLVERS));
}
