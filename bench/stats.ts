/**
 * Clock and statistics shared by the benchmark's main thread and its client worker. `nowMs` reads the
 * process-wide monotonic clock (uv_hrtime), so a time taken in the worker thread and one taken in the main
 * thread can be subtracted directly, unlike `performance.now()` whose origin differs per thread.
 */
export const nowMs = (): number => Number(process.hrtime.bigint()) / 1e6;

/** Nearest-rank percentile of an ascending array (`p` in 0..100). */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export const median = (values: number[]): number => percentile([...values].sort((a, b) => a - b), 50);

export interface LatencySummary {
  /** Deliveries measured (clients × events). */
  count: number;
  median: number;
  p99: number;
  max: number;
}

export function summarize(values: number[]): LatencySummary {
  const sorted = Float64Array.from(values).sort();
  return { count: sorted.length, median: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.length ? sorted[sorted.length - 1] : NaN };
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
