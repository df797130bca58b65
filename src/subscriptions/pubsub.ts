import { setMaxListeners } from 'node:events';
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
  DEADLINE_ALERT: [payload: DeadlineAlertPayload];
  ACCESS_CHANGED: [payload: AccessChangedPayload];
  /** The unit tree changed: every instance forgets its in-memory copy. */
  UNITS_CHANGED: [payload: Record<string, never>];
  REPLY_WORDING_PUBLISHED: [payload: ReplyWordingPublishedPayload];
  FLASH_REPORT: [payload: FlashReportPayload];
  /** Published per meeting (the topic id), so only that meeting's subscribers are woken. */
  JOINT_MEETING_EVENT: [meetingId: string, payload: JointMeetingEventPayload];
};

/** A joint meeting step as it crosses instances: ids only, resolved by each subscriber with its own permissions. */
export interface JointMeetingEventPayload {
  eventId: string;
  meetingId: string;
  type: string;
  at: string;
  agendaItemId: string | null;
  opinionId: string | null;
  participantId: string | null;
  actorId: string | null;
}

/**
 * A newly approved wording version. It carries who may receive it (the matter's audience, worked out once when it
 * is published), so that each subscriber's filter decides in memory.
 */
export interface ReplyWordingPublishedPayload {
  wordingId: string;
  matterId: string;
  version: number;
  at: string;
  audience: { congressId: string; unitIds: string[] };
}

/**
 * A user's access changed, so sockets opened before must not go on serving it, on whichever instance they
 * are. REVOKED: the tokens no longer count (password changed, user disabled, a refresh token reused);
 * ROLES_CHANGED: they still do, but a socket holds the roles it was opened with.
 */
export interface AccessChangedPayload {
  userId: string;
  /** Only that login's sockets; every socket of the user when absent. */
  sessionId?: string;
  kind: 'REVOKED' | 'ROLES_CHANGED';
}

/**
 * A deadline alert raised once per clock, subject, kind and due instant: a unit's assignment (`assignmentId` set),
 * or one of the office's own clocks of the case (INTAKE, REVIEW; no assignment).
 */
export interface DeadlineAlertPayload {
  clock: 'ASSIGNMENT' | 'INTAKE' | 'REVIEW';
  assignmentId: string | null;
  caseId: string;
  kind: 'DUE_SOON' | 'OVERDUE';
  dueAt: string;
}

/**
 * A flash report (快报) as it crosses instances: ids and the case's policy facts, read once when it was raised, so
 * every subscriber on every instance decides in memory who receives it.
 */
export interface FlashReportPayload {
  flashReportId: string;
  caseId: string;
  kind: string;
  at: string;
  reason: string | null;
  access: { congressId: string; accusedUnitId: string | null };
}

/** A case change as it crosses instances: ids and facts only, never petitioner data. */
export interface CaseEventPayload {
  eventId: string;
  caseId: string;
  assignmentId: string | null;
  type: string;
  at: string;
  actorId: string | null;
  /**
   * What the access policy needs to decide who receives the event, as it stood when the change committed: read
   * once by the publisher, so every subscriber on every instance decides in memory, and a unit assigned a moment
   * later is not sent the steps from before its assignment.
   */
  access?: CaseAccessFacts;
}

/** The case and its assignments as the access policy sees them, in a form that crosses Redis as JSON. */
export interface CaseAccessFacts {
  congressId: string;
  accusedUnitId: string | null;
  assignments: Array<{ id: string; unitId: string; status: string }>;
}

/** Whether events can cross instances right now; announced on this instance only. */
export interface LiveStatusPayload {
  connected: boolean;
  at: string;
  message: string;
}

export type AppPubSub = PubSub<Topics> & {
  close(): Promise<void>;
  backend: 'memory' | 'redis';
  /** This instance's own channel for telling its subscribers about the event bus itself. */
  local: PubSub<{ LIVE_STATUS: [LiveStatusPayload] }>;
  connected(): boolean;
};

/** In-memory pub/sub, or Redis-backed when `REDIS_URL` is set so events reach every instance. */
export function createAppPubSub(redisUrl: string | undefined, logger: Logger, channelPrefix = 'xinfang:'): AppPubSub {
  const local = createPubSub<{ LIVE_STATUS: [LiveStatusPayload] }>();
  if (!redisUrl) {
    // every subscriber adds a listener; hundreds on one topic are expected, not a leak
    const eventTarget = new EventTarget();
    setMaxListeners(0, eventTarget);
    return Object.assign(createPubSub<Topics>({ eventTarget }), { close: async () => undefined, backend: 'memory' as const, local, connected: () => true });
  }
  const options = { maxRetriesPerRequest: null, enableOfflineQueue: true, lazyConnect: false };
  const publishClient = new Redis(redisUrl, options);
  // ioredis writes a SUBSCRIBE made between the socket's connect and its ready check at once; the check's INFO then
  // fails on a connection in subscriber mode, the client reconnects, and the subscription is silently lost. A
  // subscriber connection has no use for the check (it only says whether Redis is still loading its data).
  const subscribeClient = new Redis(redisUrl, { ...options, enableReadyCheck: false });
  let up = false;
  const announce = (connected: boolean) => {
    if (connected === up) return;
    up = connected;
    const message = connected ? '实时消息通道已恢复' : '实时消息通道（Redis）暂不可用，恢复后继续推送';
    local.publish('LIVE_STATUS', { connected, at: new Date().toISOString(), message });
  };
  const bothReady = () => publishClient.status === 'ready' && subscribeClient.status === 'ready';
  for (const [name, client] of [['publish', publishClient], ['subscribe', subscribeClient]] as const) {
    client.on('error', (err) => logger.warn({ err: err.message, client: name }, 'redis connection problem'));
    client.on('close', () => announce(false));
    client.on('ready', () => {
      logger.info({ client: name }, 'redis connected');
      announce(bothReady());
    });
  }
  const eventTarget = withChannelPrefix(
    createRedisEventTarget({ publishClient: settled(publishClient, logger), subscribeClient: settled(subscribeClient, logger) }),
    channelPrefix,
  );
  const pubsub = createPubSub<Topics>({ eventTarget });
  return Object.assign(pubsub, {
    backend: 'redis' as const,
    local,
    connected: () => bothReady(),
    close: async () => {
      publishClient.disconnect();
      subscribeClient.disconnect();
    },
  });
}

/**
 * The client as the event target uses it, whose commands' failures are logged: the event target fires its publish,
 * subscribe and unsubscribe without waiting, and a command queued while Redis is down fails when the server
 * shuts down, which would otherwise be an unhandled rejection.
 */
function settled(client: Redis, logger: Logger): Redis {
  const fired = new Set<PropertyKey>(['publish', 'subscribe', 'unsubscribe']);
  return new Proxy(client, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      if (!fired.has(prop)) return value.bind(target);
      return (...args: unknown[]) => {
        const result = (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        result.catch((err: unknown) => logger.warn({ err: (err as Error).message, command: String(prop) }, 'redis command dropped'));
        return result;
      };
    },
  });
}

/**
 * Puts a deployment's events on channels of its own, so several deployments (or test runs) can share one Redis
 * without receiving each other's events.
 */
function withChannelPrefix<T extends EventTarget>(target: T, prefix: string): T {
  return {
    addEventListener: (...[type, listener, options]: Parameters<EventTarget['addEventListener']>) =>
      target.addEventListener(prefix + type, listener, options),
    removeEventListener: (...[type, listener, options]: Parameters<EventTarget['removeEventListener']>) =>
      target.removeEventListener(prefix + type, listener, options),
    dispatchEvent: (event: Event) => target.dispatchEvent(new CustomEvent(prefix + event.type, { detail: (event as CustomEvent).detail })),
  } as T;
}
