import { backfillOfficeClocks } from '../src/db/migrations/backfill-office-clocks';
import { Case } from '../src/entities/case.entity';
import { REGISTER_CASE, letterInput, seedCountyPeople, setStoredColumns, type CountyPeople } from './harness/case-fixtures';
import { seedUser } from './harness/fixtures';
import { ENGINE, createTestServer, startTestServerOn, type TestServer } from './harness/test-server';
import { connectLive, type LiveClient } from './harness/ws-client';

// The office's own clocks through the real endpoint: the 15-day intake clock (Art 22) and the 30-day clock to answer
// a review, on the deadline calendar. The server runs on the real clock; a due instant that should lie in the past
// or the near future is made so by moving the stored instant (setStoredColumns), as the deadline tests do.

const LOAD_HOLIDAYS = 'mutation($input: HolidayCalendarInput!) { loadHolidays(input: $input) { year } }';
const CLOCKS = `query($id: ID!) {
  case(id: $id) { id status intakeDueAt intakeState reviewDueAt reviewState timeline { type at } }
}`;
const CASE_IDS = 'query($filter: CaseFilter) { cases(filter: $filter, first: 100) { totalCount edges { node { id intakeState reviewState } } } }';
const INTAKE_OVERDUE = `query IntakeOverdue($first: Int) {
  cases(filter: { intakeState: OVERDUE }, first: $first) { totalCount edges { node { id serialNo intakeDueAt } } }
}`;
const ACCEPT = 'mutation($id: ID!) { acceptCase(id: $id) { id status } }';
const DECLINE = 'mutation($id: ID!) { declineCase(id: $id, reason: "不属于人大信访受理范围") { id status } }';
const REPLY = 'mutation($i: ReplyInput!) { replyToPetitioner(input: $i) { id } }';
const CLOSE = 'mutation($id: ID!) { closeCase(id: $id) { id status } }';
const REOPEN = 'mutation($id: ID!) { reopenCase(id: $id, reason: "信访人对答复不服，申请复查") { id status reviewDueAt reviewState } }';
const ASSIGN = 'mutation($i: AssignCaseInput!) { assignCase(input: $i) { id } }';
const STATISTICS = 'query($input: StatisticsInput!) { statistics(input: $input) { totalReceived intakeOverdue } }';
const ALERTS = (clocks?: string) => `subscription { deadlineAlerts${clocks ? `(clocks: ${clocks})` : ''} { kind clock dueAt assignment { id } case { id } } }`;

/** 2026 National Day (国务院办公厅通知): 1–7 October off; Sunday 20 September and Saturday 10 October worked (调休). */
const NATIONAL_DAY_2026 = {
  year: 2026,
  holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
  workdays: ['2026-09-20', '2026-10-10'],
};

// ---- the calendar rule, computed here independently of the server's code ---------------------------------------

const plusDays = (date: string, n: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
const shanghaiDate = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
function isOffDay(date: string, table: { holidays: string[]; workdays: string[] }): boolean {
  if (table.workdays.includes(date)) return false;
  if (table.holidays.includes(date)) return true;
  const wd = new Date(`${date}T00:00:00Z`).getUTCDay();
  return wd === 0 || wd === 6;
}
/** End of the Shanghai day `days` calendar days after `from`'s local date, rolled past rest days. */
function expectedDue(from: Date, days: number, table: { holidays: string[]; workdays: string[] } = NATIONAL_DAY_2026): string {
  let d = plusDays(shanghaiDate(from), days);
  while (isOffDay(d, table)) d = plusDays(d, 1);
  return new Date(`${d}T23:59:59.999+08:00`).toISOString();
}
const DAY = 86_400_000;

describe(`the office's own clocks (${ENGINE})`, () => {
  let t: TestServer;
  let p: CountyPeople;
  const sockets: LiveClient[] = [];

  beforeAll(async () => {
    t = await createTestServer({ DEADLINE_SCAN_INTERVAL_MS: '3600000' });
    p = await seedCountyPeople(t);
  });
  afterAll(async () => {
    await Promise.all(sockets.map((s) => s.close()));
    await t?.close();
  });

  const register = async (overrides: Record<string, unknown> = {}) =>
    (await p.registrar.ok(REGISTER_CASE, { input: letterInput(overrides) })).registerCase as { id: string; serialNo: string };
  const clocks = async (id: string) => (await p.registrar.ok(CLOCKS, { id })).case;
  const idsWhere = async (filter: Record<string, unknown>) =>
    ((await p.registrar.ok(CASE_IDS, { filter })).cases.edges as Array<{ node: { id: string; intakeState: string; reviewState: string | null } }>).map((e) => e.node);

  it('runs the intake clock 15 days across a holiday table with 调休, from the table loaded before the case', async () => {
    const before = await register({ receivedAt: '2026-09-16T22:00:00+08:00' });
    await t.admin.ok(LOAD_HOLIDAYS, { input: NATIONAL_DAY_2026 });
    const cases = {
      // day 15 is 1 October, inside the holiday block: the period ends on the next working day
      inHolidays: { at: '2026-09-16T22:00:00+08:00' },
      // day 15 is Saturday 10 October, a make-up working day: the period ends that day
      onMakeUpDay: { at: '2026-09-25T09:00:00+08:00' },
      // day 15 is Sunday 11 October: Monday
      onSunday: { at: '2026-09-26T23:30:00+08:00' },
      // 23:30 on 30 September in Shanghai is still 30 September: day 15 is 15 October, a Thursday
      lateEvening: { at: '2026-09-30T23:30:00+08:00' },
    };
    for (const c of Object.values(cases)) {
      const { id } = await register({ receivedAt: c.at });
      const got = await clocks(id);
      expect(got.intakeDueAt).toBe(expectedDue(new Date(c.at), 15));
      expect(got.intakeState).toBe('OVERDUE');
    }
    expect(expectedDue(new Date(cases.inHolidays.at), 15)).toBe(new Date('2026-10-08T23:59:59.999+08:00').toISOString());
    expect(expectedDue(new Date(cases.onMakeUpDay.at), 15)).toBe(new Date('2026-10-10T23:59:59.999+08:00').toISOString());
    // a due date, once set, stays as it was computed: loading a table later does not move it (as for assignments)
    expect((await clocks(before.id)).intakeDueAt).toBe(expectedDue(new Date(cases.inHolidays.at), 15, { holidays: [], workdays: [] }));
  });

  it('moves ON_TRACK → DUE_SOON → OVERDUE, and ends DONE or DONE_LATE when the office decides', async () => {
    const now = new Date();
    const a = await register({ receivedAt: now.toISOString() });
    const b = await register({ receivedAt: now.toISOString() });
    expect(await clocks(a.id)).toMatchObject({ intakeState: 'ON_TRACK', intakeDueAt: expectedDue(now, 15), reviewDueAt: null, reviewState: null });

    await setStoredColumns(t, 'petition_case', a.id, { intakeDueAt: new Date(Date.now() + 2 * DAY) });
    expect((await clocks(a.id)).intakeState).toBe('DUE_SOON');
    await setStoredColumns(t, 'petition_case', a.id, { intakeDueAt: new Date(Date.now() - 60_000) });
    expect((await clocks(a.id)).intakeState).toBe('OVERDUE');
    expect((await idsWhere({ intakeState: 'OVERDUE' })).map((n) => n.id)).toContain(a.id);

    await p.registrar.ok(ACCEPT, { id: a.id });
    await p.registrar.ok(DECLINE, { id: b.id });
    expect((await clocks(a.id)).intakeState).toBe('DONE_LATE');
    expect((await clocks(b.id)).intakeState).toBe('DONE');
    // routing and what follows do not restart it
    await p.registrar.ok(ASSIGN, { i: { caseId: a.id, unitId: p.county.court, mode: 'TRANSFER' } });
    expect((await clocks(a.id)).intakeState).toBe('DONE_LATE');
  });

  it('lists by intake state exactly the cases whose own field is in it', async () => {
    const all = await idsWhere({});
    const states = ['ON_TRACK', 'DUE_SOON', 'OVERDUE', 'DONE', 'DONE_LATE', 'ENDED'];
    let total = 0;
    for (const state of states) {
      const listed = await idsWhere({ intakeState: state });
      expect(listed.every((n) => n.intakeState === state)).toBe(true);
      expect(listed.map((n) => n.id).sort()).toEqual(all.filter((n) => n.intakeState === state).map((n) => n.id).sort());
      total += listed.length;
    }
    expect(total).toBe(all.length);
    // the contract's operation
    const { cases } = await p.registrar.ok(INTAKE_OVERDUE, { first: 5 });
    expect(cases.totalCount).toBe(all.filter((n) => n.intakeState === 'OVERDUE').length);
    for (const e of cases.edges) expect(new Date(e.node.intakeDueAt).getTime()).toBeLessThan(Date.now());
  });

  it('runs 30 days to answer a review from the request, on the same calendar, until the next reply', async () => {
    const { id } = await register({ receivedAt: new Date().toISOString() });
    await p.registrar.ok(ACCEPT, { id });
    const answer = { caseId: id, method: 'WRITTEN', outcome: 'EXPLAINED', body: '经核查，现答复如下。' };
    await p.registrar.ok(REPLY, { i: answer });
    await p.registrar.ok(CLOSE, { id });
    const before = new Date();
    const { reopenCase } = await p.registrar.ok(REOPEN, { id });
    const after = new Date();
    expect([expectedDue(before, 30), expectedDue(after, 30)]).toContain(reopenCase.reviewDueAt);
    expect(reopenCase).toMatchObject({ status: 'UNDER_REVIEW', reviewState: 'ON_TRACK' });
    expect((await idsWhere({ reviewState: 'ON_TRACK' })).map((n) => n.id)).toEqual([id]);

    await setStoredColumns(t, 'petition_case', id, { reviewDueAt: new Date(Date.now() - 60_000) });
    expect((await clocks(id)).reviewState).toBe('OVERDUE');
    expect((await idsWhere({ reviewState: 'OVERDUE' })).map((n) => n.id)).toEqual([id]);
    await p.registrar.ok(ASSIGN, { i: { caseId: id, unitId: p.county.court, mode: 'TRANSFER' } });
    await p.registrar.ok(REPLY, { i: { ...answer, body: '复查意见：维持原答复。' } });
    expect((await clocks(id)).reviewState).toBe('DONE_LATE');
    expect((await idsWhere({ reviewState: 'DONE_LATE' })).map((n) => n.id)).toEqual([id]);
    expect(await idsWhere({ reviewState: 'OVERDUE' })).toEqual([]);
  });

  it('alerts the owning office on deadlineAlerts once, without an assignment, and neither units nor the city', async () => {
    await t.server.scheduler.scan(); // the earlier tests' alerts
    const cityRegistrar = await seedUser(t.admin, p.county.cityCongress, ['REGISTRAR']);
    const live = (token: string) => {
      const c = connectLive(t.wsUrl, token);
      sockets.push(c);
      return c;
    };
    const office = await live(p.registrar.token!).subscribe(ALERTS('[INTAKE, REVIEW]'));
    const officeDefault = await live(p.registrar.token!).subscribe(ALERTS());
    const court = await live(p.court.token!).subscribe(ALERTS('[ASSIGNMENT, INTAKE, REVIEW]'));
    const city = await live((await t.login(cityRegistrar.username, cityRegistrar.password)).token!).subscribe(ALERTS('[ASSIGNMENT, INTAKE, REVIEW]'));

    const c = await register({ receivedAt: new Date().toISOString() });
    const due = new Date(Date.now() - 60_000);
    await setStoredColumns(t, 'petition_case', c.id, { intakeDueAt: due });
    expect(await t.server.scheduler.scan()).toBe(1);
    expect((await office.next()).data.deadlineAlerts).toEqual({ kind: 'OVERDUE', clock: 'INTAKE', dueAt: due.toISOString(), assignment: null, case: { id: c.id } });
    expect(await t.server.scheduler.scan()).toBe(0);
    expect(await office.drain(300)).toEqual([]);
    expect(await officeDefault.drain(0)).toEqual([]);
    expect(await court.drain(0)).toEqual([]);
    expect(await city.drain(0)).toEqual([]);

    // due within 3 days: one DUE_SOON alert
    const soon = await register({ receivedAt: new Date().toISOString() });
    const soonDue = new Date(Date.now() + 2 * DAY);
    await setStoredColumns(t, 'petition_case', soon.id, { intakeDueAt: soonDue });
    expect(await t.server.scheduler.scan()).toBe(1);
    expect((await office.next()).data.deadlineAlerts).toMatchObject({ kind: 'DUE_SOON', clock: 'INTAKE', case: { id: soon.id } });
  });

  it('alerts every due clock over successive scans when more are due than one scan takes, the earliest first', async () => {
    await t.server.scheduler.scan(); // every alert the earlier tests left due
    const office = connectLive(t.wsUrl, p.registrar.token!);
    sockets.push(office);
    const alerts = await office.subscribe(ALERTS('[INTAKE]'));
    const ids: string[] = [];
    for (const minutesAgo of [30, 20, 10]) {
      const c = await register({ receivedAt: new Date().toISOString() });
      await setStoredColumns(t, 'petition_case', c.id, { intakeDueAt: new Date(Date.now() - minutesAgo * 60_000) });
      ids.push(c.id);
    }
    // one alert a scan: each scan must pass over the clocks already alerted, or it would stop at the first of them
    for (const id of ids) {
      expect(await t.server.scheduler.scan(new Date(), 1)).toBe(1);
      expect((await alerts.next()).data.deadlineAlerts).toMatchObject({ kind: 'OVERDUE', clock: 'INTAKE', case: { id } });
    }
    expect(await t.server.scheduler.scan(new Date(), 1)).toBe(0);
    expect(await alerts.drain(300)).toEqual([]);
  });

  it('counts overdue intake in the statistics as of asOf', async () => {
    // three letters of January 2025 (no holiday table loaded for 2025: plain weekends)
    const received = ['2025-01-05T10:00:00+08:00', '2025-01-10T10:00:00+08:00', '2025-01-20T10:00:00+08:00'];
    const ids: string[] = [];
    for (const at of received) ids.push((await register({ receivedAt: at })).id);
    await p.registrar.ok(ACCEPT, { id: ids[1] });
    const facts = await Promise.all(
      ids.map(async (id) => {
        const c = await clocks(id);
        const decided = (c.timeline as Array<{ type: string; at: string }>).find((e) => e.type === 'ACCEPTED');
        return { due: new Date(c.intakeDueAt), decided: decided ? new Date(decided.at) : null };
      }),
    );
    for (const [i, at] of received.entries()) expect(facts[i].due.toISOString()).toBe(expectedDue(new Date(at), 15, { holidays: [], workdays: [] }));
    const expected = (asOf: Date) => facts.filter((f) => f.due < asOf && (!f.decided || f.decided > asOf)).length;
    for (const asOf of [new Date('2025-01-22T00:00:00+08:00'), new Date('2025-02-10T00:00:00+08:00'), new Date()]) {
      const { statistics } = await p.registrar.ok(STATISTICS, { input: { from: '2025-01-01', to: '2025-02-01', asOf: asOf.toISOString() } });
      expect({ asOf, intakeOverdue: statistics.intakeOverdue }).toEqual({ asOf, intakeOverdue: expected(asOf) });
    }
    // worked out by hand: on 22 January only the first letter's 15 days (to 20 January) had run out; by now the
    // accepted one was decided late, and the other two still wait
    expect([new Date('2025-01-22T00:00:00+08:00'), new Date()].map(expected)).toEqual([1, 2]);
  });

  it('fills the clocks of existing cases from their history when the columns are added', async () => {
    const repo = t.server.runtime.db.dataSource.getRepository(Case);
    const before = (await repo.find({ order: { id: 'ASC' } })).map((c) => [c.id, c.intakeDueAt.toISOString(), c.intakeDoneAt?.toISOString() ?? null, c.reviewDueAt ? 'review' : null]);
    const runner = t.server.runtime.db.dataSource.createQueryRunner();
    try {
      await runner.query(ENGINE === 'mysql' ? 'UPDATE `petition_case` SET `intakeDoneAt` = NULL, `reviewDueAt` = NULL' : 'UPDATE "petition_case" SET "intakeDoneAt" = NULL, "reviewDueAt" = NULL');
      await backfillOfficeClocks(runner, ENGINE === 'mysql' ? (n) => `\`${n}\`` : (n) => `"${n}"`);
    } finally {
      await runner.release();
    }
    const after = (await repo.find({ order: { id: 'ASC' } })).map((c) => [c.id, c.intakeDueAt.toISOString(), c.intakeDoneAt?.toISOString() ?? null, c.reviewDueAt ? 'review' : null]);
    // due dates moved by hand above differ; everything decided and every review comes back from the history
    expect(after.map((r) => [r[0], r[2], r[3]])).toEqual(before.map((r) => [r[0], r[2], r[3]]));
  });
});

// Two instances need one shared database and one Redis: this runs in the MariaDB + Redis pass.
const shared = ENGINE === 'mysql' && Boolean(process.env.REDIS_URL);

(shared ? describe : describe.skip)('office alerts with two instances on one MariaDB', () => {
  let a: TestServer;
  let b: TestServer;
  const sockets: LiveClient[] = [];
  beforeAll(async () => {
    a = await createTestServer({ DEADLINE_SCAN_INTERVAL_MS: '3600000' });
    b = await startTestServerOn(a.databaseUrl, { DEADLINE_SCAN_INTERVAL_MS: '3600000' });
  });
  afterAll(async () => {
    await Promise.all(sockets.map((s) => s.close()));
    await b?.close();
    await a?.close();
  });

  it('raises an intake alert once, delivered to the office on both instances and to no unit', async () => {
    const p = await seedCountyPeople(a);
    const onA = connectLive(a.wsUrl, p.registrar.token);
    const onB = connectLive(b.wsUrl, p.registrar.token);
    const courtOnB = connectLive(b.wsUrl, p.court.token);
    sockets.push(onA, onB, courtOnB);
    const subs = [await onA.subscribe(ALERTS('[INTAKE]')), await onB.subscribe(ALERTS('[INTAKE]'))];
    const court = await courtOnB.subscribe(ALERTS('[ASSIGNMENT, INTAKE, REVIEW]'));
    const { registerCase: c } = await p.registrar.ok(REGISTER_CASE, { input: letterInput({ receivedAt: new Date().toISOString() }) });
    const due = new Date(Date.now() - 60_000);
    await setStoredColumns(a, 'petition_case', c.id, { intakeDueAt: due });

    const raised = await Promise.all([a.server.scheduler.scan(), b.server.scheduler.scan(), a.server.scheduler.scan(), b.server.scheduler.scan()]);
    expect(raised.reduce((x, y) => x + y, 0)).toBe(1);
    for (const sub of subs) {
      expect((await sub.next()).data.deadlineAlerts).toEqual({ kind: 'OVERDUE', clock: 'INTAKE', dueAt: due.toISOString(), assignment: null, case: { id: c.id } });
      expect(await sub.drain(300)).toEqual([]);
    }
    expect(await court.drain(0)).toEqual([]);
  });
});
