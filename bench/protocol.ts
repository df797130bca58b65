/** Messages between the benchmark's main thread and the worker thread that hosts the N clients. */

export type ClientMode = 'graphql' | 'raw';

export interface OpenCommand {
  cmd: 'open';
  mode: ClientMode;
  url: string;
  n: number;
  /**
   * graphql mode: the bearer tokens sent in connectionParams (client i uses tokens[i % tokens.length]: the
   * server allows a user only a few sockets, so the N subscribers are spread over several users) and the
   * subscription document.
   */
  tokens?: string[];
  query?: string;
  /** How many clients may be connecting at the same time. */
  connectConcurrency: number;
  /** Give up on a client that has not connected after this long. */
  connectTimeoutMs: number;
}

export type ToWorker = OpenCommand | { cmd: 'close' };

export type FromWorker =
  /** Every client has connected (and, in graphql mode, sent its subscribe message), or given up. */
  | { ev: 'opened'; connected: number; failed: number; firstError?: string; ms: number }
  /** Every one of the N clients has received the event `id`; `times[i]` is when client i got it (nowMs). */
  | { ev: 'complete'; id: string; times: Float64Array }
  /** A client saw something it should not have (an error, an early close); reported a few times at most. */
  | { ev: 'problem'; message: string }
  | { ev: 'closed' };
