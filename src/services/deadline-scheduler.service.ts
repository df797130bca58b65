import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { In, IsNull, LessThanOrEqual } from 'typeorm';
import type { AppRuntime } from '../app-runtime';
import { isOpenAssignment } from '../domain/case-workflow';
import { Assignment } from '../entities/assignment.entity';
import { AssignmentStatus } from '../entities/case-enums';
import { DeadlineAlertRecord } from '../entities/deadline-alert.entity';
import { isUniqueViolation } from '../errors/error-mapper';

const DUE_SOON_MS = 3 * 24 * 3600 * 1000;
const OPEN = Object.values(AssignmentStatus).filter(isOpenAssignment);

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
    const candidates = await ds.getRepository(Assignment).find({
      where: { status: In(OPEN), deliveredAt: IsNull(), pausedSince: IsNull(), dueAt: LessThanOrEqual(new Date(now.getTime() + DUE_SOON_MS)) },
      order: { dueAt: 'ASC' },
      take: 1000,
    });
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
