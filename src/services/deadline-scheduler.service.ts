import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { AppRuntime } from '../app-runtime';
import { Assignment } from '../entities/assignment.entity';
import { Case } from '../entities/case.entity';
import { DeadlineClock, DeadlineStateEnum } from '../entities/case-enums';
import { alertableAssignmentsSql, deadlineStateSql, officeClockStateSql } from './deadline-sql';
import { DeadlineAlertRecord } from '../entities/deadline-alert.entity';
import { isUniqueViolation } from '../errors/error-mapper';

const SCAN_LIMIT = 1000;
const OFFICE_CLOCKS = [DeadlineClock.INTAKE, DeadlineClock.REVIEW] as const;

/** An alert's kind: overdue once its due instant has passed, due soon before. `notYetRaised` says the same in SQL. */
const alertKind = (dueAt: Date, now: Date) => (dueAt < now ? 'OVERDUE' : 'DUE_SOON');

/**
 * SQL true when no alert of `clock` has been raised for the subject and due instant with the kind `alertKind` gives
 * at `:scanNow`. Without it a scan would take the same earliest-due subjects every time, all claimed long ago: each
 * would cost a refused insert, and once more than a scan's limit were overdue, no later deadline would ever be
 * alerted. The claim by unique row still decides between instances scanning at once.
 */
function notYetRaised(ds: DataSource, clock: DeadlineClock, subjectId: string, dueAt: string): string {
  const alerts = ds.getMetadata(DeadlineAlertRecord).tableName;
  return (
    `NOT EXISTS (SELECT 1 FROM ${alerts} da WHERE da.clock = '${clock}' AND da.subjectId = ${subjectId} ` +
    `AND da.kind = CASE WHEN ${dueAt} < :scanNow THEN 'OVERDUE' ELSE 'DUE_SOON' END AND da.dueAt = ${dueAt})`
  );
}

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
   * case. Each clock raises at most `limit` alerts per scan, the earliest due first; the rest follow in the next
   * scans. Returns how many alerts this instance raised.
   */
  async scan(now = new Date(), limit = SCAN_LIMIT): Promise<number> {
    const ds = this.runtime.db.dataSource;
    const overdue = deadlineStateSql('a', DeadlineStateEnum.OVERDUE, now);
    const dueSoon = deadlineStateSql('a', DeadlineStateEnum.DUE_SOON, now);
    const alertable = alertableAssignmentsSql('a', now);
    const notRaised = notYetRaised(ds, DeadlineClock.ASSIGNMENT, 'a.id', 'a.dueAt');
    const assignments = await ds
      .getRepository(Assignment)
      .createQueryBuilder('a')
      .where(`((${overdue.where}) OR (${dueSoon.where})) AND ${notRaised}`, { ...overdue.params, ...dueSoon.params, scanNow: now })
      .andWhere(alertable.where, alertable.params)
      .orderBy('a.dueAt', 'ASC')
      .take(limit)
      .getMany();
    let raised = 0;
    for (const a of assignments) {
      if (await this.raise({ clock: DeadlineClock.ASSIGNMENT, assignmentId: a.id, caseId: a.caseId, dueAt: a.dueAt }, now)) raised++;
    }
    for (const clock of OFFICE_CLOCKS) {
      for (const alert of await this.officeClockAlerts(clock, now, limit)) if (await this.raise(alert, now)) raised++;
    }
    return raised;
  }

  /** The cases whose intake or review clock is due within 3 days or overdue at `now`, and not yet alerted as such. */
  private async officeClockAlerts(clock: (typeof OFFICE_CLOCKS)[number], now: Date, limit: number): Promise<Alert[]> {
    const which = clock === DeadlineClock.INTAKE ? 'intake' : 'review';
    const due = clock === DeadlineClock.INTAKE ? 'intakeDueAt' : 'reviewDueAt';
    const overdue = officeClockStateSql('c', which, DeadlineStateEnum.OVERDUE, now);
    const dueSoon = officeClockStateSql('c', which, DeadlineStateEnum.DUE_SOON, now);
    const ds = this.runtime.db.dataSource;
    const cases = await ds
      .getRepository(Case)
      .createQueryBuilder('c')
      .where(`((${overdue.where}) OR (${dueSoon.where})) AND ${notYetRaised(ds, clock, 'c.id', `c.${due}`)}`, { ...overdue.params, ...dueSoon.params, scanNow: now })
      .orderBy(`c.${due}`, 'ASC')
      .take(limit)
      .getMany();
    return cases.map((c) => ({ clock, assignmentId: null, caseId: c.id, dueAt: c[due]! }));
  }

  /** Claims one alert with its unique row and publishes it; false when another instance or scan claimed it first. */
  private async raise(alert: Alert, now: Date): Promise<boolean> {
    const ds = this.runtime.db.dataSource;
    const kind = alertKind(alert.dueAt, now);
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
