import { Assignment } from '../src/entities/assignment.entity';
import { addCalendarDays, endOfLocalDay } from '../src/domain/office-time';
import { expectErrorCode } from './harness/graphql-client';
import { ASSIGN_CASE, REGISTER_CASE, letterInput, seedCountyPeople, type CountyPeople } from './harness/case-fixtures';
import { createTestServer, type TestServer } from './harness/test-server';

const START = 'mutation($id: ID!) { startHearing(assignmentId: $id, reason: "组织听证") { id pausedSince deadlineState } }';
const END = 'mutation($id: ID!) { endHearing(assignmentId: $id) { id pausedSince dueAt deadlineState } }';

describe('hearing time (听证) is not counted: the clock pauses', () => {
  let t: TestServer;
  let p: CountyPeople;

  beforeAll(async () => {
    t = await createTestServer({ DEADLINE_SCAN_INTERVAL_MS: '3600000' });
    p = await seedCountyPeople(t);
  });
  afterAll(() => t?.close());

  const assignments = () => t.server.runtime.db.dataSource.getRepository(Assignment);

  it('stops the assignment falling due while the hearing runs and moves the due day by the days it took', async () => {
    const { registerCase: c } = await p.registrar.ok(REGISTER_CASE, { input: letterInput() });
    await p.registrar.ok('mutation($id: ID!) { acceptCase(id: $id) { id } }', { id: c.id });
    const { assignCase: a } = await p.registrar.ok(ASSIGN_CASE, { input: { caseId: c.id, unitId: p.county.court, mode: 'ASSIGN', dueInDays: 10 } });

    expectErrorCode(await p.court.query(START, { id: a.id }), 'FORBIDDEN');
    expectErrorCode(await p.registrar.query(END, { id: a.id }), 'INVALID_TRANSITION');
    const started = (await p.registrar.ok(START, { id: a.id })).startHearing;
    expect(started.pausedSince).toBeTruthy();
    expectErrorCode(await p.registrar.query(START, { id: a.id }), 'INVALID_TRANSITION');

    // the hearing began three days ago and the original due instant has meanwhile passed
    const before = await assignments().findOneByOrFail({ id: a.id });
    await assignments().update({ id: a.id }, { pausedSince: new Date(Date.now() - 3 * 86_400_000), dueAt: new Date(Date.now() - 60_000) });
    const paused = await p.registrar.ok('query($id: ID!) { case(id: $id) { assignments { deadlineState } } }', { id: c.id });
    expect(paused.case.assignments[0].deadlineState).toBe('ON_TRACK');
    const overdue = await p.registrar.ok('{ cases(first: 100, filter: { deadlineState: OVERDUE }) { edges { node { id } } } }');
    expect(overdue.cases.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(c.id);
    expect(await t.server.scheduler.scan()).toBe(0);

    const ended = (await p.registrar.ok(END, { id: a.id })).endHearing;
    expect(ended.pausedSince).toBeNull();
    const after = await assignments().findOneByOrFail({ id: a.id });
    // the hearing touched four office-local calendar days: three days ago through today
    expect(after.unrolledDueDate).toBe(addCalendarDays(before.unrolledDueDate, 4));
    // the due instant is the close of the first working day on or after the moved date, so a weekend that the
    // old date rolled over can absorb part of the shift: compare against the moved date, not the old instant
    const movedDate = endOfLocalDay(after.unrolledDueDate, t.server.runtime.config.officeTimeZone).getTime();
    expect(new Date(ended.dueAt).getTime()).toBeGreaterThanOrEqual(movedDate);
    expect(new Date(ended.dueAt).getTime()).toBeGreaterThan(before.dueAt.getTime());
    expect(after.dueAt.getTime()).toBe(new Date(ended.dueAt).getTime());

    const { case: detail } = await p.registrar.ok('query($id: ID!) { case(id: $id) { timeline { type detail } } }', { id: c.id });
    expect(detail.timeline.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['HEARING_STARTED', 'HEARING_ENDED']));
    expect(detail.timeline.find((e: { type: string }) => e.type === 'HEARING_ENDED').detail).toContain('4');
  });
});
