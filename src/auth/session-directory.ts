import type { Logger } from 'pino';
import type { AuthSession } from '../entities/auth-session.entity';
import type { AppPubSub } from '../subscriptions/pubsub';

/** How long a login read from the database is served from memory at most, even with no change announced. */
export const SESSION_CACHE_TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  session: Promise<AuthSession | null>;
  userId?: string;
  loadedAt: number;
}

/**
 * Logins (a session with its user) held in memory, so that a request's authentication costs no statement. Every
 * access change on any instance (revocation, disabling, roles, password) reaches every instance through the
 * pub/sub and drops the user's entries there; while events cannot cross instances (Redis down) nothing is cached
 * and every request reads the database, and when the bus comes back the cache starts afresh. An entry lives
 * {@link SESSION_CACHE_TTL_MS} at most, and a read that was under way when a change arrived is not kept, so a
 * revocation is never outlived by a copy loaded before it.
 */
export class SessionDirectory {
  private readonly entries = new Map<string, Entry>();
  private readonly stops: Array<() => Promise<unknown>> = [];
  private listening = false;
  /** Bumped by every change: a read started before it must not be kept. */
  private epoch = 0;

  constructor(
    private readonly pubsub: AppPubSub,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** Starts listening for access changes made on any instance; until then nothing is cached. */
  listen(): void {
    if (this.listening) return;
    this.listening = true;
    const changes = this.pubsub.subscribe('ACCESS_CHANGED');
    const status = this.pubsub.local.subscribe('LIVE_STATUS');
    const follow = async (stream: AsyncIterableIterator<unknown>, onEvent: (e: unknown) => void) => {
      for await (const e of stream) onEvent(e);
    };
    void follow(changes as AsyncIterableIterator<unknown>, (e) => this.forgetUser((e as { userId: string }).userId)).catch((err: unknown) =>
      this.logger.error({ err }, 'session cache stopped listening'),
    );
    void follow(status as AsyncIterableIterator<unknown>, () => this.forgetAll()).catch((err: unknown) => this.logger.error({ err }, 'session cache stopped listening'));
    this.stops.push(async () => changes.return?.(), async () => status.return?.());
  }

  /** The login `sessionId` names with its user, from memory when a fresh copy is held, else through `load`. */
  async session(sessionId: string, load: () => Promise<AuthSession | null>): Promise<AuthSession | null> {
    if (!this.listening || !this.pubsub.connected()) return load();
    const held = this.entries.get(sessionId);
    if (held && this.now() - held.loadedAt < SESSION_CACHE_TTL_MS) return held.session;
    const epoch = this.epoch;
    const entry: Entry = { session: load(), loadedAt: this.now() };
    const found = await entry.session;
    // a change announced while this read was under way may not be reflected in it
    if (epoch === this.epoch && this.pubsub.connected()) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      entry.userId = found?.userId;
      this.entries.set(sessionId, entry);
    }
    return found;
  }

  /** The caller's transaction changed this user's access: forget it here at once, and on every instance after commit. */
  forgetUser(userId: string): void {
    this.epoch++;
    for (const [id, e] of this.entries) if (e.userId === userId) this.entries.delete(id);
  }

  async close(): Promise<void> {
    await Promise.all(this.stops.map((stop) => stop()));
  }

  private forgetAll(): void {
    this.epoch++;
    this.entries.clear();
  }
}
