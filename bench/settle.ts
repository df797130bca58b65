/**
 * Waiting for InnoDB to finish the work a bulk write leaves behind before anything is timed.
 *
 * Rewriting a million cases and tens of millions of postings returns long before InnoDB is done with them: purge
 * still has to remove the old row versions (the history list) and the page cleaner to write the dirty pages out. Both
 * run on the same two cores as the benchmark, for many minutes, and what they take is not what an office's
 * registration costs: an office builds its index once and registers cases one at a time.
 */
import type { DataSource } from 'typeorm';
import type { RunningServer } from '../src/server';

/** Purge is done when the history list is this short (a quiet server keeps a few entries). */
const HISTORY_SETTLED = 1_000;
/** The page cleaner is done when this share of the buffer pool is dirty or less, or when it writes at its idle pace. */
const DIRTY_SETTLED = 0.01;

/**
 * Pages a second the page cleaner writes when nothing presses it: `innodb_io_capacity`, the pace InnoDB is told the
 * disk takes in the background. Dirty pages left after a bulk load trickle out at about that pace for an hour, at
 * no cost in CPU; only a faster pace means the cleaner is still catching up.
 */
async function idleFlushRate(ds: DataSource): Promise<number> {
  const [row] = (await ds.query('SELECT @@innodb_io_capacity AS capacity')) as Array<{ capacity: string | number }>;
  const capacity = Number(row?.capacity);
  return Number.isFinite(capacity) && capacity > 0 ? capacity : 200;
}

async function innoDbBacklog(ds: DataSource): Promise<{ history: number; dirtyShare: number; flushed: number } | null> {
  const rows = (await ds.query(
    "SHOW GLOBAL STATUS WHERE Variable_name IN ('Innodb_history_list_length', 'Innodb_buffer_pool_pages_dirty', 'Innodb_buffer_pool_pages_total', 'Innodb_buffer_pool_pages_flushed')",
  )) as Array<{ Variable_name: string; Value: string }>;
  const value = (name: string) => Number(rows.find((r) => r.Variable_name === name)?.Value);
  const history = value('Innodb_history_list_length');
  const total = value('Innodb_buffer_pool_pages_total');
  // MySQL has no history-list status variable: it is not waited for there
  if (!Number.isFinite(total) || total <= 0) return null;
  const dirty = value('Innodb_buffer_pool_pages_dirty');
  const flushed = value('Innodb_buffer_pool_pages_flushed');
  return { history: Number.isFinite(history) ? history : 0, dirtyShare: Number.isFinite(dirty) ? dirty / total : 0, flushed: Number.isFinite(flushed) ? flushed : 0 };
}

/**
 * Polls InnoDB every `pollSeconds` until purge and page flushing have caught up or `maxSeconds` have passed; returns
 * the seconds waited and whether it settled. Does nothing on SQLite.
 */
export async function waitForInnoDbToSettle(
  ds: DataSource,
  log: (line: string) => void,
  { maxSeconds = 3600, pollSeconds = 10 } = {},
): Promise<{ seconds: number; settled: boolean }> {
  const start = performance.now();
  const seconds = () => (performance.now() - start) / 1000;
  if (ds.options.type !== 'mysql' && ds.options.type !== 'mariadb') return { seconds: 0, settled: true };
  const idlePace = await idleFlushRate(ds);
  let before: { flushed: number; at: number } | null = null;
  for (;;) {
    const backlog = await innoDbBacklog(ds);
    if (!backlog) return { seconds: seconds(), settled: true };
    const at = performance.now();
    const flushRate = before ? ((backlog.flushed - before.flushed) * 1000) / (at - before.at) : Infinity;
    before = { flushed: backlog.flushed, at };
    const flushing = backlog.dirtyShare > DIRTY_SETTLED && flushRate > idlePace;
    if (backlog.history <= HISTORY_SETTLED && !flushing) return { seconds: seconds(), settled: true };
    if (seconds() >= maxSeconds) return { seconds: seconds(), settled: false };
    log(
      `waiting for InnoDB: history list ${backlog.history.toLocaleString('en')}, ${(backlog.dirtyShare * 100).toFixed(1)}% of the buffer pool dirty` +
        (Number.isFinite(flushRate) ? `, ${flushRate.toFixed(0)} pages written a second` : ''),
    );
    await new Promise((done) => setTimeout(done, pollSeconds * 1000));
  }
}

/**
 * Raises every deadline alert the generated history owes (tens of thousands on a million cases) before anything is
 * timed. The server's own scan raises at most a thousand a clock a minute and would spend a second or more of every
 * minute of the benchmark on it, where an office's scan finds a handful. Returns the alerts raised.
 */
export async function raiseAlertBacklog(server: RunningServer, log: (line: string) => void): Promise<number> {
  let total = 0;
  for (;;) {
    const raised = await server.scheduler.scan(new Date(), 10_000);
    if (!raised) return total;
    total += raised;
    log(`deadline alerts the data owed: ${total.toLocaleString('en')} raised`);
  }
}
