import { RequestContext } from '../src/context/request-context';
import { addCalendarDays, localDateOf } from '../src/domain/office-time';
import { User } from '../src/entities/user.entity';
import { ASSIGN_CASE, REGISTER_CASE, acceptedCase, letterInput, seedCountyPeople, setStoredColumns, type CountyPeople } from './harness/case-fixtures';
import { createTestServer, ENGINE, type TestServer } from './harness/test-server';

const REPLY = 'mutation($i: ReplyInput!) { replyToPetitioner(input: $i) { id } }';
const CLOSE = 'mutation($id: ID!) { closeCase(id: $id) { id status } }';
const DECLINE = 'mutation($id: ID!) { declineCase(id: $id, reason: "不属于人大信访受理范围") { id status } }';
const ARCHIVE = 'mutation($id: ID!) { archiveCase(id: $id, reason: "情况已知悉，存查") { id status } }';
const REOPEN = 'mutation($id: ID!) { reopenCase(id: $id, reason: "信访人对答复不服，申请复查") { id status } }';
const ACCEPT_ASSIGNMENT = 'mutation($id: ID!) { acceptAssignment(id: $id) { id } }';
const REPORT = 'mutation($i: ReportResultInput!) { reportResult(input: $i) { id } }';
const REVIEW = 'mutation($id: ID!) { reviewResult(assignmentId: $id, approve: true) { id status } }';

type Fact = 'finished' | 'replied';

/** An instant as read back raw from this run's engine: SQLite keeps UTC text without a zone, MySQL gives a Date. */
const storedInstant = (v: unknown): string | null => (v == null ? null : new Date(ENGINE === 'sqlite' ? `${String(v).replace(' ', 'T')}Z` : (v as Date)).toISOString());
const FACTS: Fact[] = ['finished', 'replied'];

/**
 * Statistics count "finished" and "replied" at asOf from markers on the case row, asking the history only where the
 * row cannot decide (StatisticsService.caseFacts), and "overdue" from the assignments' side, each case once at its
 * first overdue assignment (StatisticsService.plan). Each must answer as the definition does: cases are taken through
 * the workflow by the API — declined, archived, answered and closed, closed and reopened and assigned again, overdue
 * — and every case is judged by both forms at each instant its history changed, a millisecond either side of it,
 * and in the future, on this run's engine.
 */
describe(`statistics: the row's markers agree with the history (${ENGINE})`, () => {
  let t: TestServer;
  let p: CountyPeople;
  const caseIds: string[] = [];

  const reply = (client: CountyPeople['registrar'], caseId: string) =>
    client.ok(REPLY, { i: { caseId, body: '经了解，现答复如下：已依法处理。', method: 'WRITTEN', outcome: 'EXPLAINED' } });
  const assign = async (caseId: string, unitId: string, mode: 'ASSIGN' | 'TRANSFER', role: 'LEAD' | 'ASSIST' = 'LEAD') =>
    (await p.registrar.ok(ASSIGN_CASE, { input: { caseId, unitId, mode, role, dueInDays: 15 } })).assignCase as { id: string };

  beforeAll(async () => {
    t = await createTestServer();
    p = await seedCountyPeople(t);
    const track = <T extends { id: string }>(c: T) => (caseIds.push(c.id), c);

    const declined = track((await p.registrar.ok(REGISTER_CASE, { input: letterInput() })).registerCase);
    await p.registrar.ok(DECLINE, { id: declined.id });
    const archived = track(await acceptedCase(p.registrar));
    await p.registrar.ok(ARCHIVE, { id: archived.id });
    // a visit answered by the office and closed
    const visit = track(await acceptedCase(p.registrar, { channel: 'VISIT', personCount: 3 }));
    await reply(p.registrar, visit.id);
    await p.registrar.ok(CLOSE, { id: visit.id });
    // assigned to the court, due in the past, never reported: overdue
    const overdue = track(await acceptedCase(p.registrar));
    const late = await assign(overdue.id, p.county.court, 'ASSIGN');
    const lateAssignedAt = new Date(Date.now() - 40 * 86_400_000);
    await setStoredColumns(t, 'assignment', late.id, { assignedAt: lateAssignedAt, dueAt: new Date(Date.now() - 20 * 86_400_000) });
    await setStoredColumns(t, 'petition_case', overdue.id, { firstAssignedAt: lateAssignedAt });
    // received in an earlier month, assigned to the court with the government assisting, both past due: one overdue
    // case with two overdue assignments
    const twice = track(await acceptedCase(p.registrar));
    await setStoredColumns(t, 'petition_case', twice.id, { receivedAt: new Date(lateAssignedAt.getTime() - 86_400_000) });
    for (const [unit, role] of [[p.county.court, 'LEAD'], [p.county.government, 'ASSIST']] as const) {
      const a = await assign(twice.id, unit, 'ASSIGN', role);
      await setStoredColumns(t, 'assignment', a.id, { assignedAt: lateAssignedAt, dueAt: new Date(Date.now() - 10 * 86_400_000) });
    }
    await setStoredColumns(t, 'petition_case', twice.id, { firstAssignedAt: lateAssignedAt });
    // transferred to the government, which answers; closed, reopened, assigned again to the court, answered again by
    // the office, and overdue again
    const reopened = track(await acceptedCase(p.registrar));
    const transfer = await assign(reopened.id, p.county.government, 'TRANSFER');
    await p.government.ok(ACCEPT_ASSIGNMENT, { id: transfer.id });
    await reply(p.government, reopened.id);
    await p.registrar.ok(CLOSE, { id: reopened.id });
    await p.registrar.ok(REOPEN, { id: reopened.id });
    const again = await assign(reopened.id, p.county.court, 'ASSIGN');
    await setStoredColumns(t, 'assignment', again.id, { dueAt: new Date(Date.now() + 1) });
    // answered a second time while the court still works on it: between the two replies the row alone cannot tell
    await reply(p.registrar, reopened.id);
    // closed, reopened, transferred to the government, answered by it and closed again
    const reclosed = track(await acceptedCase(p.registrar));
    await reply(p.registrar, reclosed.id);
    await p.registrar.ok(CLOSE, { id: reclosed.id });
    await p.registrar.ok(REOPEN, { id: reclosed.id });
    const review = await assign(reclosed.id, p.county.government, 'TRANSFER');
    await p.government.ok(ACCEPT_ASSIGNMENT, { id: review.id });
    await reply(p.government, reclosed.id);
    await p.registrar.ok(CLOSE, { id: reclosed.id });
    // assigned, reported, approved, answered by the office and closed
    const done = track(await acceptedCase(p.registrar));
    const court = await assign(done.id, p.county.court, 'ASSIGN');
    await p.court.ok(ACCEPT_ASSIGNMENT, { id: court.id });
    await p.court.ok(REPORT, { i: { assignmentId: court.id, outcome: 'SUPPORTED', report: '经调查核实，已依法处理。' } });
    await p.registrar.ok(REVIEW, { id: court.id });
    await reply(p.registrar, done.id);
    await p.registrar.ok(CLOSE, { id: done.id });
    // still open: accepted and nothing more
    track(await acceptedCase(p.registrar));
  });
  afterAll(() => t?.close());

  /** Every instant at which a fact of these cases may change, with a millisecond either side, and a future one. */
  async function instants(): Promise<Date[]> {
    const ds = t.server.runtime.db.dataSource;
    const ids = caseIds.map((_, i) => `:c${i}`).join(', ');
    const params = Object.fromEntries(caseIds.map((id, i) => [`c${i}`, id]));
    const times = [
      ...(await ds.createQueryBuilder().select('e.at', 'at').from('case_event', 'e').where(`e.caseId IN (${ids})`, params).getRawMany()),
      ...(await ds.createQueryBuilder().select('r.repliedAt', 'at').from('reply', 'r').where(`r.caseId IN (${ids})`, params).getRawMany()),
      ...(await Promise.all(['assignedAt', 'dueAt', 'deliveredAt', 'endedAt'].map((column) =>
        ds.createQueryBuilder().select(`a.${column}`, 'at').from('assignment', 'a').where(`a.caseId IN (${ids}) AND a.${column} IS NOT NULL`, params).getRawMany(),
      ))).flat(),
    ].map((r) => new Date(storedInstant(r.at)!).getTime());
    const at = new Set<number>([Date.now() + 100 * 86_400_000]);
    for (const ms of times) for (const d of [-1, 0, 1]) at.add(ms + d);
    return [...at].sort((a, b) => a - b).map((ms) => new Date(ms));
  }

  it('keeps firstAssignedAt at the earliest assignment of each case, and empty for a case never assigned', async () => {
    const ds = t.server.runtime.db.dataSource;
    const rows = await ds
      .createQueryBuilder()
      .from('petition_case', 'c')
      .select('c.id', 'id')
      .addSelect('c.firstAssignedAt', 'marker')
      .addSelect('(SELECT MIN(a.assignedAt) FROM assignment a WHERE a.caseId = c.id)', 'earliest')
      .where('c.id IN (:...ids)', { ids: caseIds })
      .getRawMany<{ id: string; marker: unknown; earliest: unknown }>();
    expect(rows.map((r) => ({ id: r.id, marker: storedInstant(r.marker) }))).toEqual(rows.map((r) => ({ id: r.id, marker: storedInstant(r.earliest) })));
    expect(rows.filter((r) => r.earliest == null).length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.earliest != null).length).toBeGreaterThan(0);
  });

  it("copies each case's congress and receipt onto every assignment made on it", async () => {
    const rows = await t.server.runtime.db.dataSource
      .createQueryBuilder()
      .from('assignment', 'a')
      .innerJoin('petition_case', 'c', 'c.id = a.caseId')
      .select(['a.id AS id', 'a.caseCongressId AS copiedCongress', 'c.congressId AS congress', 'a.caseReceivedAt AS copiedReceipt', 'c.receivedAt AS receipt'])
      .where('c.id IN (:...ids)', { ids: caseIds })
      .getRawMany<Record<string, unknown>>();
    expect(rows.length).toBeGreaterThanOrEqual(6);
    expect(rows.map((r) => ({ id: r.id, congress: r.copiedCongress, receipt: storedInstant(r.copiedReceipt) }))).toEqual(
      rows.map((r) => ({ id: r.id, congress: r.congress, receipt: storedInstant(r.receipt) })),
    );
  });

  it('gives the same finished and replied for every case at every instant its history changed', async () => {
    const runtime = t.server.runtime;
    const ctx = new RequestContext(runtime, {}, 'statistics-markers', 'local', runtime.logger);
    const seen: Record<Fact, Set<number>> = { finished: new Set(), replied: new Set() };
    const asOfs = await instants();
    expect(asOfs.length).toBeGreaterThan(30);
    for (const asOf of asOfs) {
      const facts = runtime.services.statistics.caseFacts(ctx, asOf);
      const qb = runtime.db.dataSource.createQueryBuilder().from('petition_case', 'c').select('c.id', 'id').where('c.id IN (:...ids)', { ids: caseIds });
      for (const f of FACTS) {
        qb.addSelect(`CASE WHEN ${facts[f].fast} THEN 1 ELSE 0 END`, `${f}Fast`).addSelect(`CASE WHEN ${facts[f].definition} THEN 1 ELSE 0 END`, `${f}Definition`);
      }
      const rows = await qb.setParameters(facts.params).getRawMany<Record<string, unknown>>();
      expect(rows).toHaveLength(caseIds.length);
      for (const row of rows) {
        for (const f of FACTS) {
          const definition = Number(row[`${f}Definition`]);
          expect({ case: row.id, asOf: asOf.toISOString(), fact: f, value: Number(row[`${f}Fast`]) }).toEqual({ case: row.id, asOf: asOf.toISOString(), fact: f, value: definition });
          seen[f].add(definition);
        }
      }
    }
    // the workflow above makes each fact both true and false somewhere, so the comparison is not between zeros
    for (const f of FACTS) expect([...seen[f]].sort()).toEqual([0, 1]);
  });

  it('counts every case overdue by the definition once, from the per-unit statements, at every instant', async () => {
    const runtime = t.server.runtime;
    const user = await runtime.db.dataSource.getRepository(User).findOneByOrFail({ id: p.leaderId });
    const ctx = new RequestContext(runtime, { user }, 'statistics-markers', 'local', runtime.logger);
    const statistics = runtime.services.statistics;
    const report = await runtime.services.caseAccess.reportScope(ctx, null);
    // from the month the letters were received (letterInput) to the end of this month: the per-unit statements come
    // in two halves, and the case received 41 days ago is in the second, the others in the first
    const thisMonth = `${localDateOf(new Date(), runtime.config.officeTimeZone).slice(0, 7)}-01`;
    const period = { from: '2026-01-01', to: `${addCalendarDays(thisMonth, 31).slice(0, 7)}-01` };
    expect(statistics.plan(ctx, report, period, new Date()).byUnit).toHaveLength(2);
    let most = { cases: 0, assignments: 0 };
    let last: Array<Array<Record<string, unknown>>> = [];
    for (const asOf of await instants()) {
      const parts = await Promise.all(statistics.plan(ctx, report, period, asOf).byUnit.map((q) => q.getRawMany<Record<string, unknown>>()));
      const sum = (column: string) => parts.flat().reduce((acc, r) => acc + Number(r[column]), 0);
      const facts = statistics.caseFacts(ctx, asOf);
      const definition = await statistics.periodCases(ctx, report, period, asOf).andWhere(facts.overdue.definition, facts.params).getCount();
      expect({ asOf: asOf.toISOString(), overdue: sum('overdueCases') }).toEqual({ asOf: asOf.toISOString(), overdue: definition });
      if (definition > most.cases) most = { cases: definition, assignments: sum('overdue') };
      last = parts;
    }
    // at some instant several cases were overdue at once, one of them at two units
    expect(most.cases).toBeGreaterThanOrEqual(2);
    expect(most.assignments).toBeGreaterThan(most.cases);
    expect(last.map((rows) => rows.length > 0)).toEqual([true, true]);
  });
});
