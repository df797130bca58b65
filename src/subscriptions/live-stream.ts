import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';
import type { AppPubSub, Topics } from './pubsub';

/**
 * Events a subscriber read as an iterator may leave unread before its subscription ends: the hub never waits for a
 * reader, so one that stopped (a client that stopped reading its socket) must not collect events without bound.
 */
export const MAX_UNREAD_EVENTS = 1024;

/** Topics published without a topic id, each with its one payload. */
type PlainTopic = { [K in keyof Topics]: Topics[K] extends [unknown] ? K : never }[keyof Topics];
type PayloadOf<K extends PlainTopic> = Topics[K][0];

/** Whether one subscriber receives one event; runs once per event and subscriber, in the order of the events. */
export type LiveFilter<T> = (payload: T) => boolean | Promise<boolean>;

/** Takes one delivered event; the next event waits until the returned promise settles. */
export type LiveDeliver<T> = (payload: T) => void | Promise<void>;

/**
 * One subscriber of a topic. Every subscriber of a topic on this instance is fed by that topic's single listener
 * (`TopicHub`), which hands each event to all of them at once; there is no pub/sub listener, queue or async
 * iterator chain of its own per subscriber. It is read as an async iterator, or, for a consumer that writes the
 * events out itself (`deliverTo`), drives that consumer directly; its iterator then only reports the end.
 */
export class LiveStream<T> implements AsyncIterableIterator<T> {
  private readonly queue: T[] = [];
  private waiting?: { resolve: (step: IteratorResult<T>) => void; reject: (err: unknown) => void };
  private deliver?: LiveDeliver<T>;
  private failure?: { err: unknown };
  private closed = false;

  constructor(
    private readonly hub: TopicHub<T>,
    private readonly filter: LiveFilter<T>,
  ) {
    hub.add(this);
  }

  /** Whether events are still being taken. */
  get open(): boolean {
    return !this.closed;
  }

  /** Hands each event that passes the filter to `deliver`, in order, instead of queueing it for `next()`. */
  deliverTo(deliver: LiveDeliver<T>): void {
    this.deliver = deliver;
  }

  /**
   * Called by the hub for each event; never rejects (a failure ends this stream with the error). Returns nothing
   * when the event was dealt with at once, which is the usual case once its shared facts are loaded.
   */
  offer(payload: T): void | Promise<void> {
    if (this.closed) return;
    try {
      const passes = this.filter(payload);
      if (passes instanceof Promise) return passes.then((yes) => this.take(payload, yes)).catch((err: unknown) => this.fail(err));
      return this.take(payload, passes);
    } catch (err) {
      this.fail(err);
    }
  }

  private take(payload: T, passes: boolean): void | Promise<void> {
    if (!passes || this.closed) return;
    if (!this.deliver) {
      if (this.waiting) this.settle().resolve({ done: false, value: payload });
      else if (this.queue.length >= MAX_UNREAD_EVENTS) this.fail(new DomainError(ErrorCode.LIMIT_EXCEEDED, '未读取的实时推送过多，订阅已结束，请重新订阅'));
      else this.queue.push(payload);
      return;
    }
    try {
      const delivered = this.deliver(payload);
      if (delivered instanceof Promise) return delivered.catch((err: unknown) => this.fail(err));
    } catch (err) {
      this.fail(err);
    }
  }

  next(): Promise<IteratorResult<T>> {
    if (this.queue.length) return Promise.resolve({ done: false, value: this.queue.shift() as T });
    if (this.failure) {
      const { err } = this.failure;
      this.failure = undefined;
      return Promise.reject(err);
    }
    if (this.closed) return Promise.resolve({ done: true, value: undefined });
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  return(): Promise<IteratorResult<T>> {
    this.close();
    this.queue.length = 0;
    return Promise.resolve({ done: true, value: undefined });
  }

  throw(err: unknown): Promise<IteratorResult<T>> {
    this.close();
    return Promise.reject(err);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  /** Ends the stream with `err`: a reader waiting on `next()` (or its next call) gets the error. */
  fail(err: unknown): void {
    if (this.closed) return;
    if (this.waiting) this.settle().reject(err);
    else this.failure = { err };
    this.close();
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    this.hub.remove(this);
    if (this.waiting) this.settle().resolve({ done: true, value: undefined });
  }

  private settle() {
    const waiting = this.waiting!;
    this.waiting = undefined;
    return waiting;
  }
}

/**
 * A topic's one listener on this instance's pub/sub, held while it has subscribers. Events are handed on one at a
 * time: every subscriber has taken (or refused) one event before the next is offered, so each receives them in
 * the order they were published.
 */
class TopicHub<T> {
  private readonly members = new Set<LiveStream<T>>();
  private source?: AsyncIterator<T>;

  constructor(private readonly subscribe: () => AsyncIterator<T>) {}

  add(stream: LiveStream<T>): void {
    this.members.add(stream);
    if (!this.source) this.listen();
  }

  remove(stream: LiveStream<T>): void {
    this.members.delete(stream);
    if (this.members.size || !this.source) return;
    const source = this.source;
    this.source = undefined;
    void source.return?.();
  }

  private listen(): void {
    const source = (this.source = this.subscribe());
    void (async () => {
      for (let step = await source.next(); !step.done; step = await source.next()) {
        // the first subscriber loads what an event's subscribers share (its facts, an execution), so that most of
        // the others then take the event without waiting
        const [first, ...rest] = [...this.members];
        await first?.offer(step.value);
        const pending: Array<Promise<void>> = [];
        for (const m of rest) {
          const offered = m.offer(step.value);
          if (offered) pending.push(offered);
        }
        if (pending.length) await Promise.all(pending);
      }
    })().catch((err: unknown) => {
      // the pub/sub failed under us: its subscribers end with that error, and the next subscriber listens anew
      if (this.source === source) this.source = undefined;
      for (const m of [...this.members]) m.fail(err);
    });
  }
}

const hubs = new WeakMap<AppPubSub, Map<string, TopicHub<unknown>>>();

/** A subscriber of `topic` on `pubsub` that receives the events `filter` lets through. */
export function liveStream<K extends PlainTopic>(pubsub: AppPubSub, topic: K, filter: LiveFilter<PayloadOf<K>>): LiveStream<PayloadOf<K>> {
  let byTopic = hubs.get(pubsub);
  if (!byTopic) hubs.set(pubsub, (byTopic = new Map()));
  let hub = byTopic.get(topic) as TopicHub<PayloadOf<K>> | undefined;
  if (!hub) {
    hub = new TopicHub<PayloadOf<K>>(() => pubsub.subscribe(topic as never)[Symbol.asyncIterator]() as AsyncIterator<PayloadOf<K>>);
    byTopic.set(topic, hub as TopicHub<unknown>);
  }
  return new LiveStream(hub, filter);
}
