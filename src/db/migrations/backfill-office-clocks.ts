import type { QueryRunner } from 'typeorm';
import { DeadlineCalendar, isHolidayTableError, mergeHolidayTables, parseHolidayTable, type HolidayTable } from '../../domain/deadline-calendar';

/** The office clocks' periods as they were when this migration shipped (docs/rules.md "Deadlines"). */
const INTAKE_DAYS = 15;
const REVIEW_ANSWER_DAYS = 30;

/** An instant as either engine returns it: MySQL a Date (the connection is UTC), SQLite UTC text without a zone. */
function instant(raw: unknown): Date {
  if (raw instanceof Date) return raw;
  const text = String(raw);
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}Z`);
}

/** An instant as a UTC DATETIME(3) literal, which both engines store unchanged. */
const literal = (d: Date | null) => (d ? d.toISOString().replace('T', ' ').replace('Z', '') : null);

/**
 * Fills the office clocks of the cases that exist before the columns do, from their history, on the deadline
 * calendar as loaded then: the intake clock runs 15 days from receipt (for a copy referred down, from the day it
 * reached the lower congress) and was done at the first acceptance, decline or archiving; a reopened case's review
 * clock runs 30 days from its latest reopening and was answered at the first reply after it.
 */
export async function backfillOfficeClocks(queryRunner: QueryRunner, quote: (name: string) => string): Promise<void> {
  const q = quote;
  const zone = process.env.OFFICE_TIME_ZONE || 'Asia/Shanghai';
  const tables: Array<{ year: number; holidays: string; workdays: string }> = await queryRunner.query(
    `SELECT ${q('year')} AS year, ${q('holidays')} AS holidays, ${q('workdays')} AS workdays FROM ${q('holiday_calendar')}`,
  );
  const parsed = tables.map((t) => parseHolidayTable(Number(t.year), JSON.parse(t.holidays) as string[], JSON.parse(t.workdays) as string[]));
  const calendar = new DeadlineCalendar(mergeHolidayTables(parsed.filter((t): t is HolidayTable => !isHolidayTableError(t))), zone);

  const cases: Array<{ id: string; receivedAt: unknown; referredFromCaseId: string | null }> = await queryRunner.query(
    `SELECT ${q('id')} AS id, ${q('receivedAt')} AS receivedAt, ${q('referredFromCaseId')} AS referredFromCaseId FROM ${q('petition_case')}`,
  );
  const events: Array<{ caseId: string; type: string; at: unknown }> = await queryRunner.query(
    `SELECT ${q('caseId')} AS caseId, ${q('type')} AS type, ${q('at')} AS at FROM ${q('case_event')} ` +
      `WHERE ${q('type')} IN ('REGISTERED', 'ACCEPTED', 'DECLINED', 'ARCHIVED', 'REOPENED', 'REPLIED') ORDER BY ${q('caseId')}, ${q('at')}, ${q('seq')}`,
  );
  const history = new Map<string, Array<{ type: string; at: Date }>>();
  for (const e of events) history.set(e.caseId, [...(history.get(e.caseId) ?? []), { type: e.type, at: instant(e.at) }]);

  for (const c of cases) {
    const steps = history.get(c.id) ?? [];
    const start = c.referredFromCaseId ? (steps.find((s) => s.type === 'REGISTERED')?.at ?? instant(c.receivedAt)) : instant(c.receivedAt);
    const decided = steps.find((s) => ['ACCEPTED', 'DECLINED', 'ARCHIVED'].includes(s.type))?.at ?? null;
    const reopened = [...steps].reverse().find((s) => s.type === 'REOPENED')?.at ?? null;
    const answered = reopened ? (steps.find((s) => s.type === 'REPLIED' && s.at > reopened)?.at ?? null) : null;
    await queryRunner.query(
      `UPDATE ${q('petition_case')} SET ${q('intakeDueAt')} = ?, ${q('intakeDoneAt')} = ?, ${q('reviewDueAt')} = ?, ${q('reviewAnsweredAt')} = ? WHERE ${q('id')} = ?`,
      [
        literal(calendar.dueAt(start, INTAKE_DAYS)),
        literal(decided),
        literal(reopened && calendar.dueAt(reopened, REVIEW_ANSWER_DAYS)),
        literal(answered),
        c.id,
      ],
    );
  }
}
