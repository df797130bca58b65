/**
 * A promise that, once it has resolved, also gives its value at once. Live events are put to every subscriber in
 * turn; what they share (an event's facts, a viewer's scope, an execution) is loaded once, and each subscriber after
 * the first then reads it without another promise, microtask and async-hook round. It sits beside the request
 * context because the services' per-request memos (the viewer's scope) are built on it.
 */
export class Eventual<T> {
  private resolved?: { value: T };

  constructor(readonly promise: Promise<T>) {
    // a rejection is reported to whoever awaits `promise`; this handler only keeps the value
    promise.then(
      (value) => (this.resolved = { value }),
      () => undefined,
    );
  }

  /** The value when it has resolved, else the promise. */
  get now(): T | Promise<T> {
    return this.resolved ? this.resolved.value : this.promise;
  }

  /** `then` without a microtask when the value is already there. */
  map<U>(f: (value: T) => U | Promise<U>): U | Promise<U> {
    return this.resolved ? f(this.resolved.value) : this.promise.then(f);
  }
}
