import type DataLoader from 'dataloader';
import type { EntityManager, EntityTarget, ObjectLiteral, Repository } from 'typeorm';
import type { Logger } from 'pino';
import type { AppRuntime } from '../app-runtime';
import type { TokenClaims } from '../auth/token.service';
import type { TransactionHolder } from '../db/database';
import { unauthenticated } from '../errors/domain-error';
import type { User } from '../entities/user.entity';

/** Why a presented token did not authenticate; kept so protected fields can say so precisely. */
export type AuthFailure = 'expired' | 'invalid' | 'revoked';

export interface AuthState {
  user?: User;
  /** The verified token the user presented; set whenever `user` is. */
  token?: TokenClaims;
  failure?: AuthFailure;
}

/** Builds one typed DataLoader for one relation; called at most once per request. */
export type LoaderFactory<K, V> = (ctx: RequestContext) => DataLoader<K, V>;

const FAILURE_MESSAGES: Record<AuthFailure, string> = {
  expired: '登录已过期，请重新登录',
  invalid: '令牌无效，请重新登录',
  revoked: '令牌已失效（密码已修改、账号已停用或令牌被重复续期），请重新登录',
};

/**
 * Everything one GraphQL operation (HTTP request or subscription) works with: who is asking, the
 * per-request loaders, and data access that joins the operation's transaction when one is open.
 */
export class RequestContext implements TransactionHolder {
  transactionManager?: EntityManager;
  readonly afterCommitQueue: Array<() => void | Promise<void>> = [];
  /** Set on a context made by `onReplica`: its reads outside a transaction go to a read replica. */
  private replicaManager?: EntityManager;
  private readonly loaders = new Map<LoaderFactory<unknown, unknown>, DataLoader<unknown, unknown>>();

  constructor(
    readonly app: AppRuntime,
    readonly auth: AuthState,
    readonly requestId: string,
    readonly clientIp: string,
    readonly log: Logger,
  ) {}

  get services() {
    return this.app.services;
  }

  get user(): User | undefined {
    return this.auth.user;
  }

  /** The signed-in user, or `UNAUTHENTICATED` naming why the token did not count (`extensions.reason`). */
  requireUser(): User {
    if (this.auth.user) return this.auth.user;
    const failure = this.auth.failure;
    throw unauthenticated(failure ? FAILURE_MESSAGES[failure] : undefined, failure ? (failure.toUpperCase() as Uppercase<AuthFailure>) : 'MISSING');
  }

  get manager(): EntityManager {
    return this.transactionManager ?? this.replicaManager ?? this.app.db.dataSource.manager;
  }

  /**
   * Runs read-only `work` (reports, exports) with a context of the same viewer whose reads go to a read replica, when
   * replicas are configured and no transaction is open; otherwise `work` gets this context and reads the primary.
   * A transaction opened inside `work` still runs on the primary.
   */
  onReplica<T>(work: (ctx: RequestContext) => Promise<T>): Promise<T> {
    if (this.transactionManager || this.replicaManager || !this.app.db.hasReplicas) return work(this);
    return this.app.db.onReplica((manager) => {
      const replica = this.detached();
      replica.replicaManager = manager;
      return work(replica);
    });
  }

  /**
   * A context of the same viewer and request outside this one's transaction, with loaders of its own: its queries
   * take a connection of their own and see only what is committed.
   */
  detached(): RequestContext {
    return new RequestContext(this.app, this.auth, this.requestId, this.clientIp, this.log);
  }

  repo<T extends ObjectLiteral>(entity: EntityTarget<T>): Repository<T> {
    return this.manager.getRepository(entity);
  }

  /** Runs `work` in one transaction that every query through this context joins. */
  transaction<T>(work: () => Promise<T>): Promise<T> {
    return this.app.db.transaction(this, work);
  }

  /** Schedules work for after the current transaction commits (immediately when there is none). */
  afterCommit(task: () => void | Promise<void>): void {
    if (this.transactionManager) this.afterCommitQueue.push(task);
    else void Promise.resolve().then(task);
  }

  /**
   * Forgets cached loads. A subscription keeps one context for its whole life, so each event starts afresh
   * and is resolved from the current data.
   */
  resetLoaders(): void {
    this.loaders.clear();
  }

  loader<K, V>(factory: LoaderFactory<K, V>): DataLoader<K, V> {
    let loader = this.loaders.get(factory as LoaderFactory<unknown, unknown>);
    if (!loader) {
      loader = factory(this) as DataLoader<unknown, unknown>;
      this.loaders.set(factory as LoaderFactory<unknown, unknown>, loader);
    }
    return loader as DataLoader<K, V>;
  }
}
