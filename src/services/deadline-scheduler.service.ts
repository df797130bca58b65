import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { AppRuntime } from '../app-runtime';
import { Assignment } from '../entities/assignment.entity';
import { Case } from '../entities/case.entity';
import { DeadlineClock, DeadlineStateEnum } from '../entities/case-enums';
import { deadlineStateSql, officeClockStateSql } from './deadline-sql';
import { DeadlineAlertRecord } from '../entities/deadline-alert.entity';
import { isUniqueViolation } from '../errors/error-mapper';

const SCAN_LIMIT = 1000;
const OFFICE_CLOCKS = [DeadlineClock.INTAKE, DeadlineClock.REVIEW] as const;

/** One alert to raise: the clock, its subject (an assignment, or the case for the office's clocks) and due instant. */
interface Alert {
  clock: DeadlineClock;
  assignmentId: string | null;
  caseId: string;
  dueAt: Date;
}

/**
 * Scans for deadlines due within 3 days or overdue — units' assignments and the office's own intake and review
 * clocks — and raises one alert per clock, subject, kind and due instant. The claim is a unique row in the
 * database, so any number of instances may scan.
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

  /**
   * One scan at `now` over every clock: units' assignments, and the office's intake and review clocks of each
   * case. Returns how many alerts this instance raised.
   */
  async scan(now = new Date()): Promise<number> {
    const ds = this.runtime.db.dataSource;
    const overdue = deadlineStateSql('a', DeadlineStateEnum.OVERDUE, now);
    const dueSoon = deadlineStateSql('a', DeadlineStateEnum.DUE_SOON, now);
    const assignments = await ds
      .getRepository(Assignment)
      .createQueryBuilder('a')
      .where(`(${overdue.where}) OR (${dueSoon.where})`, { ...overdue.params, ...dueSoon.params })
      .orderBy('a.dueAt', 'ASC')
      .take(SCAN_LIMIT)
      .getMany();
    let raised = 0;
    for (const a of assignments) {
      if (await this.raise({ clock: DeadlineClock.ASSIGNMENT, assignmentId: a.id, caseId: a.caseId, dueAt: a.dueAt }, now)) raised++;
    }
    for (const clock of OFFICE_CLOCKS) {
      for (const alert of await this.officeClockAlerts(clock, now)) if (await this.raise(alert, now)) raised++;
    }
    return raised;
  }

  /** The cases whose intake or review clock is due within 3 days or overdue at `now`. */
  private async officeClockAlerts(clock: (typeof OFFICE_CLOCKS)[number], now: Date): Promise<Alert[]> {
    const which = clock === DeadlineClock.INTAKE ? 'intake' : 'review';
    const due = clock === DeadlineClock.INTAKE ? 'intakeDueAt' : 'reviewDueAt';
    const overdue = officeClockStateSql('c', which, DeadlineStateEnum.OVERDUE, now);
    const dueSoon = officeClockStateSql('c', which, DeadlineStateEnum.DUE_SOON, now);
    const cases = await this.runtime.db.dataSource
      .getRepository(Case)
      .createQueryBuilder('c')
      .where(`(${overdue.where}) OR (${dueSoon.where})`, { ...overdue.params, ...dueSoon.params })
      .orderBy(`c.${due}`, 'ASC')
      .take(SCAN_LIMIT)
      .getMany();
    return cases.map((c) => ({ clock, assignmentId: null, caseId: c.id, dueAt: c[due]! }));
  }

  /** Claims one alert with its unique row and publishes it; false when another instance or scan claimed it first. */
  private async raise(alert: Alert, now: Date): Promise<boolean> {
    const ds = this.runtime.db.dataSource;
    const kind = alert.dueAt < now ? 'OVERDUE' : 'DUE_SOON';
    const subjectId = alert.assignmentId ?? alert.caseId;
    try {
      await this.runtime.db.serialised(() =>
        ds.getRepository(DeadlineAlertRecord).insert({ id: randomUUID(), clock: alert.clock, subjectId, kind, dueAt: alert.dueAt, raisedAt: now }),
      );
    } catch (err) {
      if (isUniqueViolation(err)) return false;
      throw err;
    }
    this.runtime.pubsub.publish('DEADLINE_ALERT', { clock: alert.clock, assignmentId: alert.assignmentId, caseId: alert.caseId, kind, dueAt: alert.dueAt.toISOString() });
    return true;
  }
}
