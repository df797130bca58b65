import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { AppRuntime } from '../app-runtime';
import { Assignment } from '../entities/assignment.entity';
import { DeadlineStateEnum } from '../entities/case-enums';
import { deadlineStateSql } from './deadline-sql';
import { DeadlineAlertRecord } from '../entities/deadline-alert.entity';
import { isUniqueViolation } from '../errors/error-mapper';


/**
 * Scans for assignments that are due within 3 days or overdue and raises one alert per assignment, kind
 * and due instant. The claim is a unique row in the database, so any number of instances may scan.
 */
export class DeadlineScheduler {
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    private readonly runtime: AppRuntime,
    private readonly log: Logger,
  ) {}

  start(intervalMs: number): void {
    this.timer = setInterval(() => void this.scanSafely(), intervalMs);
    this.timer.unref();
    void this.scanSafely();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  private async scanSafely(): Promise<void> {
    if (this.running) return;
    this.running = this.scan();
    try {
      await this.running;
    } catch (err) {
      this.log.warn({ err }, 'deadline scan failed');
    } finally {
      this.running = undefined;
    }
  }

  /** One scan at `now`; returns how many alerts this instance raised. */
  async scan(now = new Date()): Promise<number> {
    const ds = this.runtime.db.dataSource;
    const overdue = deadlineStateSql('a', DeadlineStateEnum.OVERDUE, now);
    const dueSoon = deadlineStateSql('a', DeadlineStateEnum.DUE_SOON, now);
    const candidates = await ds
      .getRepository(Assignment)
      .createQueryBuilder('a')
      .where(`(${overdue.where}) OR (${dueSoon.where})`, { ...overdue.params, ...dueSoon.params })
      .orderBy('a.dueAt', 'ASC')
      .take(1000)
      .getMany();
    let raised = 0;
    for (const a of candidates) {
      const kind = a.dueAt < now ? 'OVERDUE' : 'DUE_SOON';
      try {
        await this.runtime.db.serialised(() =>
          ds.getRepository(DeadlineAlertRecord).insert({ id: randomUUID(), assignmentId: a.id, kind, dueAt: a.dueAt, raisedAt: now }),
        );
      } catch (err) {
        // another instance (or an earlier scan) claimed this alert first
        if (isUniqueViolation(err)) continue;
        throw err;
      }
      raised++;
      this.runtime.pubsub.publish('DEADLINE_ALERT', { assignmentId: a.id, caseId: a.caseId, kind, dueAt: a.dueAt.toISOString() });
    }
    return raised;
  }
}
