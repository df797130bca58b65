import type { NextFunction, Request, Response } from 'express';
import type { ParamsDictionary } from 'express-serve-static-core';

type Handler<P = ParamsDictionary> = (req: Request<P>, res: Response, next: NextFunction) => unknown;

/**
 * The requests and operations this instance is still working on. A client that goes away does not stop its
 * request: the handler runs on with nobody to answer, and draining the connections no longer waits for it. The stop
 * waits for {@link settled} before it closes the database, so that such work ends as it would have ended anyway
 * (committed or rolled back as a whole), not cut short by a closed pool.
 */
export class InFlight {
  private running = 0;
  private waiters: Array<() => void> = [];

  get count(): number {
    return this.running;
  }

  /** Counts `work` until it settles, and hands it back unchanged (a value that is not a promise is not counted). */
  track<T>(work: T): T {
    if (!(work instanceof Promise)) return work;
    this.running++;
    return work.finally(() => {
      if (--this.running === 0) for (const wake of this.waiters.splice(0)) wake();
    }) as T;
  }

  /** An Express handler counted while it runs; a rejection still reaches Express. */
  handler<P = ParamsDictionary>(handle: Handler<P>): Handler<P> {
    return (req, res, next) => this.track(handle(req, res, next));
  }

  /** Resolves true once nothing is in flight, or false when `timeoutMs` passes first. */
  settled(timeoutMs: number): Promise<boolean> {
    if (this.running === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== done);
        resolve(false);
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        resolve(true);
      };
      this.waiters.push(done);
    });
  }
}
