import { AssignmentStatus, CaseStatus } from './case-workflow';
import { AssignmentMode, AssignmentRole, CaseChannel, FlashReportKind } from '../entities/case-enums';
import { LEDGER_COLUMNS, ledgerRow } from './ledger';
import { GROUP_VISIT_PERSONS, flashReportAtRegistration, isStillHandled, mayNameResponsiblesAt, receivedDuring, receptionProblems } from './office-duties';

const TZ = 'Asia/Shanghai';

describe("the office's own duties", () => {
  it('raises a flash report for a visit of 5 or more persons only', () => {
    expect(flashReportAtRegistration(CaseChannel.VISIT, GROUP_VISIT_PERSONS)).toBe(FlashReportKind.GROUP_VISIT);
    expect(flashReportAtRegistration(CaseChannel.VISIT, GROUP_VISIT_PERSONS - 1)).toBeNull();
    expect(flashReportAtRegistration(CaseChannel.LETTER, 30)).toBeNull();
  });

  it('lets a unit name its responsibles at or after signing, not before and not after it ended without a result', () => {
    const allowed = Object.values(AssignmentStatus).filter(mayNameResponsiblesAt).sort();
    expect(allowed).toEqual([AssignmentStatus.COMPLETED, AssignmentStatus.IN_PROGRESS, AssignmentStatus.REPORTED]);
  });

  it('treats closed, declined and archived cases as no longer handled', () => {
    expect(Object.values(CaseStatus).filter((s) => !isStillHandled(s)).sort()).toEqual([CaseStatus.ARCHIVED, CaseStatus.CLOSED, CaseStatus.DECLINED]);
  });

  it('refuses a session of a past day, one ending before it starts, and one longer than a day', () => {
    const now = new Date('2026-06-01T10:00:00+08:00');
    const at = (s: string) => new Date(s);
    // today's session that began this morning is fine
    expect(receptionProblems({ startsAt: at('2026-06-01T08:30:00+08:00'), endsAt: at('2026-06-01T17:30:00+08:00') }, now, TZ)).toEqual([]);
    // 23:30 UTC the day before is 07:30 in office time: still today
    expect(receptionProblems({ startsAt: at('2026-05-31T23:30:00Z'), endsAt: at('2026-06-01T09:00:00Z') }, now, TZ)).toEqual([]);
    expect(receptionProblems({ startsAt: at('2026-05-31T15:59:00Z'), endsAt: at('2026-06-01T09:00:00Z') }, now, TZ).map((p) => p.field)).toEqual(['startsAt']);
    expect(receptionProblems({ startsAt: at('2026-06-02T09:00:00+08:00'), endsAt: at('2026-06-02T08:00:00+08:00') }, now, TZ).map((p) => p.field)).toEqual(['endsAt']);
    expect(receptionProblems({ startsAt: at('2026-06-02T09:00:00+08:00'), endsAt: at('2026-06-02T09:00:00+08:00') }, now, TZ).map((p) => p.field)).toEqual(['endsAt']);
    expect(receptionProblems({ startsAt: at('2026-06-02T09:00:00+08:00'), endsAt: at('2026-06-03T09:00:01+08:00') }, now, TZ).map((p) => p.field)).toEqual(['endsAt']);
    expect(receptionProblems({ startsAt: at('2026-05-01T09:00:00+08:00'), endsAt: at('2026-04-01T09:00:00+08:00') }, now, TZ).map((p) => p.field)).toEqual(['startsAt', 'endsAt']);
  });

  it('places a visit in its session when received between its start and end', () => {
    const s = { startsAt: new Date('2026-06-01T08:30:00+08:00'), endsAt: new Date('2026-06-01T11:30:00+08:00') };
    expect(receivedDuring(s.startsAt, s)).toBe(true);
    expect(receivedDuring(s.endsAt, s)).toBe(true);
    expect(receivedDuring(new Date(s.startsAt.getTime() - 1), s)).toBe(false);
    expect(receivedDuring(new Date(s.endsAt.getTime() + 1), s)).toBe(false);
  });

  it('prints each unit\'s responsible leader and handler in the ledger\'s last column, "未明确" for the one not yet named', () => {
    const base = { mode: AssignmentMode.ASSIGN, role: AssignmentRole.LEAD, dueAt: new Date('2026-06-30T15:59:59Z'), outcome: null, supervisions: 0 };
    const row = ledgerRow(
      {
        serialNo: '2026-000001',
        receivedAt: new Date('2026-06-01T01:00:00Z'),
        channel: CaseChannel.LETTER,
        category: '土地征收',
        summary: '摘要',
        status: CaseStatus.ASSIGNED,
        referredFrom: null,
        petitioners: [],
        assignments: [
          { ...base, unit: '某县人民法院', leader: { name: '张院长', title: '副院长' }, handler: '李经办' },
          { ...base, unit: '某县人民检察院', role: AssignmentRole.ASSIST, leader: { name: '王检察长', title: null }, handler: null },
          { ...base, unit: '某县人民政府', role: AssignmentRole.ASSIST },
        ],
        lastReply: null,
      },
      TZ,
    );
    expect(row).toHaveLength(LEDGER_COLUMNS.length);
    expect(LEDGER_COLUMNS[LEDGER_COLUMNS.length - 1]).toBe('责任领导及经办人');
    expect(row[row.length - 1]).toBe('某县人民法院：张院长（副院长）/李经办；某县人民检察院：王检察长/未明确');
  });
});
