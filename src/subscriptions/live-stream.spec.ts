import pino from 'pino';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';
import { liveStream, MAX_UNREAD_EVENTS } from './live-stream';
import { createAppPubSub } from './pubsub';

const settle = () => new Promise((r) => setImmediate(r));

describe('a live stream read as an iterator', () => {
  const pubsub = createAppPubSub(undefined, pino({ level: 'silent' }));
  afterAll(() => pubsub.close());

  it('delivers what its filter lets through, in the order published', async () => {
    const stream = liveStream(pubsub, 'UNITS_CHANGED', () => true);
    await settle();
    for (let i = 0; i < 3; i++) pubsub.publish('UNITS_CHANGED', {});
    await settle();
    for (let i = 0; i < 3; i++) expect(await stream.next()).toEqual({ done: false, value: {} });
    await stream.return();
  });

  it(`ends with LIMIT_EXCEEDED when more than ${MAX_UNREAD_EVENTS} events wait unread, and holds no more of them`, async () => {
    const stalled = liveStream(pubsub, 'UNITS_CHANGED', () => true);
    const reading = liveStream(pubsub, 'UNITS_CHANGED', () => true);
    let readOk = 0;
    const reader = (async () => {
      for (let i = 0; i <= MAX_UNREAD_EVENTS + 10; i++) if (!(await reading.next()).done) readOk++;
    })();
    await settle();
    for (let i = 0; i <= MAX_UNREAD_EVENTS + 10; i++) {
      pubsub.publish('UNITS_CHANGED', {});
      if (i % 100 === 0) await settle();
    }
    await reader;
    // a subscriber that keeps reading is not affected by one that stopped
    expect(readOk).toBe(MAX_UNREAD_EVENTS + 11);
    expect(stalled.open).toBe(false);
    let read = 0;
    let failure: unknown;
    try {
      for (;;) {
        const step = await stalled.next();
        if (step.done) break;
        read++;
      }
    } catch (err) {
      failure = err;
    }
    expect(read).toBe(MAX_UNREAD_EVENTS);
    expect(failure).toBeInstanceOf(DomainError);
    expect((failure as DomainError).code).toBe(ErrorCode.LIMIT_EXCEEDED);
    await reading.return();
  });
});
