import pino from 'pino';
import { createAppPubSub, type AppPubSub, type JointMeetingEventPayload } from '../src/subscriptions/pubsub';

// Needs a Redis: this runs in the MariaDB + Redis pass of CI.
const redisUrl = process.env.REDIS_URL;

/**
 * An instance subscribes to its topics while it starts, often before its Redis connection is ready. A subscription
 * made in that moment must not be lost: every access change and unit-tree change would then pass this instance by
 * until it restarts.
 */
(redisUrl ? describe : describe.skip)('subscriptions made while the Redis connection is still starting', () => {
  const opened: AppPubSub[] = [];
  afterAll(async () => {
    await Promise.all(opened.map((p) => p.close()));
  });

  const event = (meetingId: string): JointMeetingEventPayload => ({
    eventId: meetingId,
    meetingId,
    type: 'STARTED',
    at: new Date().toISOString(),
    agendaItemId: null,
    opinionId: null,
    participantId: null,
    actorId: null,
  });

  it('receive what is published once the connection is up, whenever during the start they were made', async () => {
    const prefix = `startup-${process.pid}-${Date.now()}:`;
    const logger = pino({ level: 'silent' });
    const publisher = createAppPubSub(redisUrl, logger, prefix);
    opened.push(publisher);
    // several starts, each subscribing on every turn of the event loop from its creation until it is connected,
    // so that some subscriptions fall between the socket's connect and the client's ready
    const received = new Map<string, boolean>();
    for (let start = 0; start < 5; start++) {
      const starting = createAppPubSub(redisUrl, logger, prefix);
      opened.push(starting);
      let n = 0;
      const stopAt = Date.now() + 1000;
      await new Promise<void>((resolve) => {
        const turn = () => {
          const id = `s${start}-${n++}`;
          received.set(id, false);
          const it = starting.subscribe('JOINT_MEETING_EVENT', id);
          void it.next().then(() => received.set(id, true));
          if (starting.connected() || Date.now() > stopAt) resolve();
          else setTimeout(turn, 0);
        };
        turn();
      });
    }
    const until = Date.now() + 5000;
    while (!opened.every((p) => p.connected()) && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
    // SUBSCRIBE replies come back in order: one more round trip on every client and all are registered
    await new Promise((r) => setTimeout(r, 200));
    for (const id of received.keys()) publisher.publish('JOINT_MEETING_EVENT', id, event(id));
    const deadline = Date.now() + 3000;
    while ([...received.values()].some((v) => !v) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const lost = [...received].filter(([, got]) => !got).map(([id]) => id);
    expect(received.size).toBeGreaterThan(5);
    expect(lost).toEqual([]);
  });
});
