import { createPubSub, type PubSub } from '@graphql-yoga/subscription';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import Redis from 'ioredis';
import type { Logger } from 'pino';

/**
 * Topics and their payloads. Adding a topic is one line here; payloads carry ids only, so each
 * subscriber resolves the fields with its own permissions.
 */
export type Topics = {
  CASE_EVENT: [payload: CaseEventPayload];
};

/** A case change as it crosses instances: ids and facts only, never petitioner data. */
export interface CaseEventPayload {
  eventId: string;
  caseId: string;
  assignmentId: string | null;
  type: string;
  at: string;
  actorId: string | null;
}

export type AppPubSub = PubSub<Topics> & { close(): Promise<void>; backend: 'memory' | 'redis' };

/** In-memory pub/sub, or Redis-backed when `REDIS_URL` is set so events reach every instance. */
export function createAppPubSub(redisUrl: string | undefined, logger: Logger): AppPubSub {
  if (!redisUrl) {
    return Object.assign(createPubSub<Topics>(), { close: async () => undefined, backend: 'memory' as const });
  }
  const options = { maxRetriesPerRequest: null, enableOfflineQueue: true, lazyConnect: false };
  const publishClient = new Redis(redisUrl, options);
  const subscribeClient = new Redis(redisUrl, options);
  for (const [name, client] of [['publish', publishClient], ['subscribe', subscribeClient]] as const) {
    client.on('error', (err) => logger.warn({ err: err.message, client: name }, 'redis connection problem'));
    client.on('ready', () => logger.info({ client: name }, 'redis connected'));
  }
  const eventTarget = createRedisEventTarget({ publishClient, subscribeClient });
  const pubsub = createPubSub<Topics>({ eventTarget });
  return Object.assign(pubsub, {
    backend: 'redis' as const,
    close: async () => {
      publishClient.disconnect();
      subscribeClient.disconnect();
    },
  });
}
