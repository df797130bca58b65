import { expectErrorCode } from './harness/graphql-client';
import { ASSIGN_CASE, REGISTER_CASE, daysAgo, letterInput, seedCountyPeople, setStoredColumns, type CountyPeople } from './harness/case-fixtures';
import { createTestServer, type TestServer } from './harness/test-server';

// Deadlines through the real endpoint. The server runs on the real clock, so a deadline that should lie in the
// past or the near future is made so by moving the stored instants (setStoredColumns); what follows goes
// through GraphQL.

const LOAD_HOLIDAYS = `mutation LoadHolidays($input: HolidayCalendarInput!) {
  loadHolidays(input: $input) { year holidays workdays }
}`;
const HOLIDAY_CALENDARS = 'query { holidayCalendars { year holidays workdays } }';
const ACCEPT_CASE = 'mutation($id: ID!) { acceptCase(id: $id) { id status } }';
const ACCEPT_ASSIGNMENT = 'mutation($id: ID!) { acceptAssignment(id: $id) { id status } }';
const OBJECT_ASSIGNMENT = 'mutation($id: ID!, $r: String!) { objectAssignment(id: $id, reason: $r) { id status } }';
const REQUEST_EXTENSION = 'mutation($i: RequestExtensionInput!) { requestExtension(input: $i) { id days reason status } }';
const DECIDE_EXTENSION = 'mutation($id: ID!, $a: Boolean!) { decideExtension(id: $id, approve: $a) { id status assignment { id dueAt } } }';
const REPORT_RESULT = `mutation($i: ReportResultInput!) {
  reportResult(input: $i) { id status result { outcome report reportedAt } case { id status } }
}`;
const REPLY = 'mutation($i: ReplyInput!) { replyToPetitioner(input: $i) { id case { id status } } }';
const CASE_DEADLINES = `query($id: ID!) {
  case(id: $id) {
    id status receivedAt
    assignments { id role status dueAt deadlineState objectionDeadline unit { id } extensions { id days status } }
    timeline { type detail }
  }
}`;
const CASE_IDS = `query($filter: CaseFilter) {
  cases(filter: $filter, first: 100) { totalCount edges { node { id } } }
}`;

/** 2026 Spring Festival (国务院办公厅通知): nine days off, two Saturdays worked. */
const SPRING_FESTIVAL_2026 = {
  year: 2026,
  holidays: ['2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23'],
  workdays: ['2026-02-14', '2026-02-28'],
};

// ---- the deadline rule, computed here independently of the server's calendar code ------------------------------

interface Table {
  holidays: string[];
  workdays: string[];
}

/** Today's date in the office's zone (Asia/Shanghai), as YYYY-MM-DD. */
function shanghaiDate(at = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

function plusDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

function isOffDay(date: string, table: Table): boolean {
  if (table.workdays.includes(date)) return false;
  if (table.holidays.includes(date)) return true;
  return weekday(date) === 0 || weekday(date) === 6;
}

function rollForward(date: string, table: Table): string {
  let d = date;
  while (isOffDay(d, table)) d = plusDays(d, 1);
  return d;
}

/** 23:59:59.999 of a Shanghai date (UTC+8, no DST), as the server outputs instants: UTC ISO 8601. */
const endOfShanghaiDay = (date: string) => new Date(`${date}T23:59:59.999+08:00`).toISOString();

/** The due instants an assignment made "now" may have (two when the test straddles midnight in Shanghai). */
function expectedDueAts(before: Date, after: Date, days: number, table: Table): string[] {
  return [...new Set([before, after].map((at) => endOfShanghaiDay(rollForward(plusDays(shanghaiDate(at), days), table))))];
}

describe('deadlines: holiday tables, the objection window, due dates, deadline states, extensions, office days', () => {
  let t: TestServer;
  let p: CountyPeople;
  /** What the server has loaded so far, for the expected values. */
  const loaded: Table = { holidays: [], workdays: [] };

  beforeAll(async () => {
    t = await createTestServer();
    p = await seedCountyPeople(t);
  });
  afterAll(() => t?.close());

  async function acceptedCase(overrides: Record<string, unknown> = {}): Promise<string> {
    const { registerCase: c } = await p.registrar.ok(REGISTER_CASE, { input: letterInput(overrides) });
    await p.registrar.ok(ACCEPT_CASE, { id: c.id });
    return c.id;
  }

  async function assign(caseId: string, unitId: string, extra: Record<string, unknown> = {}) {
    const { assignCase } = await p.registrar.ok(ASSIGN_CASE, { input: { caseId, unitId, mode: 'ASSIGN', ...extra } });
    return assignCase as { id: string; dueAt: string; deadlineState: string; status: string; case: { status: string } };
  }

  async function detail(caseId: string) {
    return (await p.registrar.ok(CASE_DEADLINES, { id: caseId })).case;
  }

  async function assignmentOf(caseId: string, assignmentId: string) {
    return (await detail(caseId)).assignments.find((a: { id: string }) => a.id === assignmentId);
  }

  async function idsWhere(filter: Record<string, unknown>): Promise<string[]> {
    return (await p.registrar.ok(CASE_IDS, { filter })).cases.edges.map((e: { node: { id: string } }) => e.node.id);
  }

  it('only an ADMIN loads a holiday table, and a table with a bad date or a weekday 调休 is refused naming the list', async () => {
    expectErrorCode(await p.registrar.query(LOAD_HOLIDAYS, { input: SPRING_FESTIVAL_2026 }), 'FORBIDDEN');
    expectErrorCode(await p.leader.query(LOAD_HOLIDAYS, { input: SPRING_FESTIVAL_2026 }), 'FORBIDDEN');
    expectErrorCode(await t.client.query(LOAD_HOLIDAYS, { input: SPRING_FESTIVAL_2026 }), 'UNAUTHENTICATED');

    const badDate = { ...SPRING_FESTIVAL_2026, holidays: [...SPRING_FESTIVAL_2026.holidays, '2026-02-30'] };
    // the Date scalar refuses the impossible day and names its place in the list
    expectErrorCode(await t.admin.query(LOAD_HOLIDAYS, { input: badDate }), 'BAD_USER_INPUT', `holidays.${badDate.holidays.length - 1}`);
    const notADate = { ...SPRING_FESTIVAL_2026, holidays: ['2026/02/15'] };
    expectErrorCode(await t.admin.query(LOAD_HOLIDAYS, { input: notADate }), 'BAD_USER_INPUT', 'holidays.0');
    // Monday 2 March is a working day anyway: listing it as a make-up workday is a typo
    const weekdayWorkday = { ...SPRING_FESTIVAL_2026, workdays: ['2026-02-14', '2026-03-02'] };
    expectErrorCode(await t.admin.query(LOAD_HOLIDAYS, { input: weekdayWorkday }), 'BAD_USER_INPUT', 'workdays');

    // nothing was stored by the refused loads
    expect((await p.registrar.ok(HOLIDAY_CALENDARS)).holidayCalendars).toEqual([]);
  });

  it('counts the 5-working-day objection window across the Spring Festival once the table is loaded', async () => {
    const caseId = await acceptedCase();
    const a = await assign(caseId, p.county.court, { mode: 'TRANSFER' });
    // assigned on Thursday 12 February 2026, the last working morning before the holiday
    await setStoredColumns(t, 'assignment', a.id, { assignedAt: new Date('2026-02-12T10:00:00+08:00') });

    // without the table: Fri 13, Mon 16 … Thu 19 February
    expect((await assignmentOf(caseId, a.id)).objectionDeadline).toBe('2026-02-19T15:59:59.999Z');

    const { loadHolidays } = await t.admin.ok(LOAD_HOLIDAYS, { input: SPRING_FESTIVAL_2026 });
    expect(loadHolidays).toEqual(SPRING_FESTIVAL_2026);
    loaded.holidays.push(...SPRING_FESTIVAL_2026.holidays);
    loaded.workdays.push(...SPRING_FESTIVAL_2026.workdays);
    expect((await p.registrar.ok(HOLIDAY_CALENDARS)).holidayCalendars).toEqual([SPRING_FESTIVAL_2026]);

    // with it: Fri 13, Sat 14 (worked), then nothing until Tue 24, Wed 25, Thu 26 February — end of day in Shanghai
    expect((await assignmentOf(caseId, a.id)).objectionDeadline).toBe('2026-02-26T15:59:59.999Z');

    // that window closed long ago: the objection is refused and nothing changes
    const timelineBefore = (await detail(caseId)).timeline.length;
    expectErrorCode(await p.court.query(OBJECT_ASSIGNMENT, { id: a.id, r: '不属于本院职责' }), 'DEADLINE_PASSED');
    const after = await detail(caseId);
    expect(after.status).toBe('ASSIGNED');
    expect(after.assignments[0].status).toBe('PENDING');
    expect(after.timeline).toHaveLength(timelineBefore);
  });

  it('accepts objections within the window; when the last open assignment is objected to the case is re-assigned', async () => {
    const caseId = await acceptedCase();
    const lead = await assign(caseId, p.county.court, { mode: 'TRANSFER' });
    const assist = await assign(caseId, p.county.procuratorate, { mode: 'TRANSFER', role: 'ASSIST' });
    expect(new Date((await assignmentOf(caseId, lead.id)).objectionDeadline).getTime()).toBeGreaterThan(Date.now());

    expectErrorCode(await p.court.query(OBJECT_ASSIGNMENT, { id: lead.id, r: '   ' }), 'BAD_USER_INPUT', 'reason');
    expectErrorCode(await p.government.query(OBJECT_ASSIGNMENT, { id: lead.id, r: '不是我们的' }), 'NOT_FOUND');

    expect((await p.court.ok(OBJECT_ASSIGNMENT, { id: lead.id, r: '属于行政争议，不属于法院职责' })).objectAssignment.status).toBe('OBJECTED');
    // the assisting unit is still on it, so the case stays assigned
    expect((await detail(caseId)).status).toBe('ASSIGNED');

    expect((await p.procuratorate.ok(OBJECT_ASSIGNMENT, { id: assist.id, r: '不属于检察职责' })).objectAssignment.status).toBe('OBJECTED');
    const back = await detail(caseId);
    expect(back.status).toBe('ACCEPTED');
    // one audit event per objection, with its reason; an objection is not logged as a cancellation
    const types = back.timeline.map((e: { type: string }) => e.type);
    expect(types).not.toContain('ASSIGNMENT_CANCELLED');
    expect(back.timeline.filter((e: { type: string }) => e.type === 'ASSIGNMENT_OBJECTED').map((e: { detail: string }) => e.detail)).toEqual([
      '属于行政争议，不属于法院职责',
      '不属于检察职责',
    ]);

    // an objection hands the case back to the office: the court no longer reaches the case at all, so objecting
    // again is refused like any other id it cannot see, never a silent no-op
    expectErrorCode(await p.court.query(OBJECT_ASSIGNMENT, { id: lead.id, r: '再次异议' }), 'NOT_FOUND');

    const again = await assign(caseId, p.county.government, { mode: 'ASSIGN' });
    expect(again).toMatchObject({ status: 'PENDING', case: { status: 'ASSIGNED' } });
  });

  it('puts the due date at the end of the due day in office time, rolled past weekends and holidays; dueInDays is 1..90', async () => {
    const caseId = await acceptedCase();
    let before = new Date();
    const a = await assign(caseId, p.county.court, { dueInDays: 10 });
    expect(expectedDueAts(before, new Date(), 10, loaded)).toContain(a.dueAt);
    expect(a.deadlineState).toBe('ON_TRACK');

    // the default is 60 days
    before = new Date();
    const b = await assign(caseId, p.county.procuratorate, { role: 'ASSIST' });
    expect(expectedDueAts(before, new Date(), 60, loaded)).toContain(b.dueAt);

    // declare the unrolled due day of a new 10-day assignment (and the day after) public holidays: it rolls past them
    const dueDay = plusDays(shanghaiDate(), 10);
    const year = Number(dueDay.slice(0, 4));
    const extra = [dueDay, plusDays(dueDay, 1)].filter((d) => Number(d.slice(0, 4)) === year && !loaded.workdays.includes(d));
    const table = year === 2026 ? { ...SPRING_FESTIVAL_2026, holidays: [...SPRING_FESTIVAL_2026.holidays, ...extra] } : { year, holidays: extra, workdays: [] };
    await t.admin.ok(LOAD_HOLIDAYS, { input: table });
    try {
      const withHolidays = { holidays: [...loaded.holidays, ...extra], workdays: loaded.workdays };
      before = new Date();
      const c = await assign(caseId, p.county.government, { role: 'ASSIST', dueInDays: 10 });
      const expected = expectedDueAts(before, new Date(), 10, withHolidays);
      expect(expected).toContain(c.dueAt);
      expect(new Date(c.dueAt).getTime()).toBeGreaterThan(new Date(endOfShanghaiDay(plusDays(dueDay, 1))).getTime());
    } finally {
      await t.admin.ok(LOAD_HOLIDAYS, { input: year === 2026 ? SPRING_FESTIVAL_2026 : { year, holidays: [], workdays: [] } });
    }

    const other = await acceptedCase();
    expectErrorCode(await p.registrar.query(ASSIGN_CASE, { input: { caseId: other, unitId: p.county.court, mode: 'ASSIGN', dueInDays: 0 } }), 'BAD_USER_INPUT', 'dueInDays');
    expectErrorCode(await p.registrar.query(ASSIGN_CASE, { input: { caseId: other, unitId: p.county.court, mode: 'ASSIGN', dueInDays: 91 } }), 'BAD_USER_INPUT', 'dueInDays');
    expect((await detail(other)).assignments).toEqual([]);
    expect((await detail(other)).status).toBe('ACCEPTED');
    // the bounds themselves are allowed
    await assign(other, p.county.court, { dueInDays: 90 });
    await assign(other, p.county.procuratorate, { role: 'ASSIST', dueInDays: 1 });
  });

  it('derives the deadline state: OVERDUE and DUE_SOON on the case and in the list filter, DONE and DONE_LATE after the result', async () => {
    // overdue: past due without a result
    const overdueCase = await acceptedCase();
    const overdue = await assign(overdueCase, p.county.court);
    await setStoredColumns(t, 'assignment', overdue.id, { dueAt: daysAgo(1) });
    expect((await assignmentOf(overdueCase, overdue.id)).deadlineState).toBe('OVERDUE');

    // due soon: two days left
    const soonCase = await acceptedCase();
    const soon = await assign(soonCase, p.county.court);
    await setStoredColumns(t, 'assignment', soon.id, { dueAt: daysAgo(-2) });
    expect((await assignmentOf(soonCase, soon.id)).deadlineState).toBe('DUE_SOON');

    // done: result reported before the due date
    const doneCase = await acceptedCase();
    const done = await assign(doneCase, p.county.court);
    await p.court.ok(ACCEPT_ASSIGNMENT, { id: done.id });
    await p.court.ok(REPORT_RESULT, { i: { assignmentId: done.id, outcome: 'EXPLAINED', report: '已调查核实并向信访人解释。' } });
    expect((await assignmentOf(doneCase, done.id)).deadlineState).toBe('DONE');

    // done late: the due date passed, then the result came
    const lateCase = await acceptedCase();
    const late = await assign(lateCase, p.county.court);
    await p.court.ok(ACCEPT_ASSIGNMENT, { id: late.id });
    await setStoredColumns(t, 'assignment', late.id, { dueAt: daysAgo(2) });
    expect((await assignmentOf(lateCase, late.id)).deadlineState).toBe('OVERDUE');
    await p.court.ok(REPORT_RESULT, { i: { assignmentId: late.id, outcome: 'SUPPORTED', report: '已督促相关部门足额发放。' } });
    expect((await assignmentOf(lateCase, late.id)).deadlineState).toBe('DONE_LATE');

    // 转办 (TRANSFER): a result report is not what is owed — the unit's reply is; it stays overdue until it replies
    const transferCase = await acceptedCase();
    const transfer = await assign(transferCase, p.county.government, { mode: 'TRANSFER' });
    await p.government.ok(ACCEPT_ASSIGNMENT, { id: transfer.id });
    await setStoredColumns(t, 'assignment', transfer.id, { dueAt: daysAgo(1) });
    await p.government.ok(REPORT_RESULT, { i: { assignmentId: transfer.id, outcome: 'EXPLAINED', report: '已办理。' } });
    expect((await assignmentOf(transferCase, transfer.id)).deadlineState).toBe('OVERDUE');
    await p.government.ok(REPLY, { i: { caseId: transferCase, method: 'WRITTEN', outcome: 'EXPLAINED', body: '经核查，特此答复。' } });
    expect((await assignmentOf(transferCase, transfer.id)).deadlineState).toBe('DONE_LATE');

    // the list filter agrees with the field
    const overdueIds = await idsWhere({ deadlineState: 'OVERDUE' });
    expect(overdueIds).toContain(overdueCase);
    expect(overdueIds).not.toContain(soonCase);
    expect(overdueIds).not.toContain(lateCase);
    expect(overdueIds).not.toContain(transferCase);
    const soonIds = await idsWhere({ deadlineState: 'DUE_SOON' });
    expect(soonIds).toContain(soonCase);
    expect(soonIds).not.toContain(overdueCase);
    const doneIds = await idsWhere({ deadlineState: 'DONE' });
    expect(doneIds).toContain(doneCase);
    expect(doneIds).not.toContain(lateCase);
    const lateIds = await idsWhere({ deadlineState: 'DONE_LATE' });
    expect(lateIds).toEqual(expect.arrayContaining([lateCase, transferCase]));
    expect(lateIds).not.toContain(doneCase);
    const onTrackIds = await idsWhere({ deadlineState: 'ON_TRACK' });
    expect(onTrackIds).not.toContain(overdueCase);
    expect(onTrackIds).not.toContain(soonCase);
  });

  it('enforces the extension rules: ≤ 30 days, once, before the due date; an approval moves the unrolled due day', async () => {
    // pick dueInDays so that the unrolled due day is a Saturday: rolled it is the Monday, and an extension must
    // count from the Saturday, not from the Monday
    const today = shanghaiDate();
    let days = 14;
    while (weekday(plusDays(today, days)) !== 6) days++;
    const unrolled = plusDays(today, days);
    const caseId = await acceptedCase();
    const a = await assign(caseId, p.county.court, { dueInDays: days });
    await p.court.ok(ACCEPT_ASSIGNMENT, { id: a.id });

    const ask = (d: number, reason = '需调取执行卷宗') => p.court.query(REQUEST_EXTENSION, { i: { assignmentId: a.id, days: d, reason } });
    expectErrorCode(await ask(31), 'LIMIT_EXCEEDED', 'days');

    const first = (await ask(10)).data!.requestExtension;
    expect(first).toMatchObject({ days: 10, status: 'PENDING' });
    // a pending request blocks another one
    expectErrorCode(await ask(5), 'LIMIT_EXCEEDED');

    // a rejected one does not use the allowance
    expect((await p.registrar.ok(DECIDE_EXTENSION, { id: first.id, a: false })).decideExtension).toMatchObject({ status: 'REJECTED', assignment: { dueAt: a.dueAt } });
    expectErrorCode(await p.registrar.query(DECIDE_EXTENSION, { id: first.id, a: true }), 'INVALID_TRANSITION');
    const second = (await ask(3, '案情复杂，需补充调查')).data!.requestExtension;
    expect(second.status).toBe('PENDING');

    const approved = (await p.registrar.ok(DECIDE_EXTENSION, { id: second.id, a: true })).decideExtension;
    expect(approved.status).toBe('APPROVED');
    // Saturday + 3 = Tuesday (not Monday + 3 = Thursday), rolled past any holiday
    expect(approved.assignment.dueAt).toBe(endOfShanghaiDay(rollForward(plusDays(unrolled, 3), loaded)));
    expect((await assignmentOf(caseId, a.id)).dueAt).toBe(approved.assignment.dueAt);

    // an approved one uses it up
    expectErrorCode(await ask(1), 'LIMIT_EXCEEDED');
    const after = await assignmentOf(caseId, a.id);
    expect(after.extensions.map((e: { status: string }) => e.status)).toEqual(['REJECTED', 'APPROVED']);

    // after the due date no extension may be requested
    const lateCase = await acceptedCase();
    const late = await assign(lateCase, p.county.court);
    await p.court.ok(ACCEPT_ASSIGNMENT, { id: late.id });
    await setStoredColumns(t, 'assignment', late.id, { dueAt: daysAgo(1) });
    expectErrorCode(await p.court.query(REQUEST_EXTENSION, { i: { assignmentId: late.id, days: 10, reason: '来不及了' } }), 'DEADLINE_PASSED');
    expect((await assignmentOf(lateCase, late.id)).extensions).toEqual([]);
  });

  it('stores instants in UTC and draws day boundaries in office time: a letter of 23:30 on 31 March belongs to March', async () => {
    const { registerCase: march } = await p.registrar.ok(REGISTER_CASE, { input: letterInput({ receivedAt: '2026-03-31T23:30:00+08:00' }) });
    expect(march.receivedAt).toBe('2026-03-31T15:30:00.000Z');
    const { registerCase: april } = await p.registrar.ok(REGISTER_CASE, { input: letterInput({ receivedAt: '2026-04-01T00:00:00+08:00' }) });
    expect(april.receivedAt).toBe('2026-03-31T16:00:00.000Z');

    const inMarch = await idsWhere({ receivedFrom: '2026-03-01T00:00:00+08:00', receivedTo: '2026-04-01T00:00:00+08:00' });
    expect(inMarch).toContain(march.id);
    expect(inMarch).not.toContain(april.id);
    const inApril = await idsWhere({ receivedFrom: '2026-04-01T00:00:00+08:00', receivedTo: '2026-05-01T00:00:00+08:00' });
    expect(inApril).toContain(april.id);
    expect(inApril).not.toContain(march.id);
  });
});
