import { randomUUID } from 'node:crypto';
import { assignmentDeadlineState } from '../src/domain/assignment-deadline';
import { Assignment } from '../src/entities/assignment.entity';
import { Case } from '../src/entities/case.entity';
import { AssignmentMode, AssignmentRole, AssignmentStatus, CaseChannel, CaseStatus, CaseType, DeadlineStateEnum } from '../src/entities/case-enums';
import { mayReceiveFlashReport, mayViewAssignment, mayViewCase, mayViewCongressRecord, type CaseScope } from '../src/policy/access-policy';
import { congressRecordSql, flashReportSql } from '../src/policy/office-record.sql';
import { Reception } from '../src/entities/reception.entity';
import { assignmentVisibilitySql, caseVisibilitySql } from '../src/policy/case-visibility.sql';
import { alertableAssignmentsSql, deadlineStateSql, officeClockStateSql } from '../src/services/deadline-sql';
import { intakeState, reviewState } from '../src/domain/office-clocks';
import { createTestServer, ENGINE, type TestServer } from './harness/test-server';

/**
 * Rules that exist in two forms, TypeScript for loaded rows and SQL for lists, filters and the scheduler, must
 * answer alike. Each test writes rows covering every case of the rule into the real database of this run
 * (SQLite or MariaDB), asks both forms, and requires the same answer row for row.
 */
describe(`one rule, two forms (${ENGINE})`, () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await createTestServer();
  });
  afterAll(() => t?.close());
  const ds = () => t.server.runtime.db.dataSource;

  const NOW = new Date();
  const DAY = 86_400_000;
  let serial = 0;
  const aCase = (congressId: string, accusedUnitId: string | null): Partial<Case> => ({
    id: randomUUID(),
    serialNo: `T-${++serial}`,
    queryCode: randomUUID().replace(/-/g, '').slice(0, 12).toUpperCase(),
    congressId,
    status: CaseStatus.ASSIGNED,
    channel: CaseChannel.LETTER,
    caseType: accusedUnitId ? CaseType.ACCUSATION : CaseType.CLAIM,
    category: '测试',
    summary: '测试',
    content: '测试',
    receivedAt: NOW,
    accusedUnitId,
    responsibleUserId: randomUUID(),
    intakeDueAt: new Date(NOW.getTime() + 15 * 86_400_000),
  });
  /** The city's office, the county's office, each unit, and nobody: one scope of every kind. */
  const scopesOf = (city: string, county: string, sibling: string, units: string[]): CaseScope[] => [
    { kind: 'congresses', congressId: city, congressIds: [city, county, sibling] },
    { kind: 'congresses', congressId: county, congressIds: [county] },
    ...units.map((unitId): CaseScope => ({ kind: 'unit', unitId })),
    { kind: 'none' },
  ];
  const anAssignment = (c: Partial<Case>, unitId: string, status: AssignmentStatus, extra: Partial<Assignment> = {}): Partial<Assignment> => ({
    id: randomUUID(),
    caseId: c.id,
    caseCongressId: c.congressId,
    caseReceivedAt: c.receivedAt,
    unitId,
    status,
    mode: AssignmentMode.ASSIGN,
    role: AssignmentRole.LEAD,
    dueInDays: 60,
    unrolledDueDate: '2026-01-01',
    dueAt: new Date(NOW.getTime() + 30 * DAY),
    assignedAt: new Date(NOW.getTime() - 10 * DAY),
    assignedById: randomUUID(),
    endedAt: null,
    deliveredAt: null,
    pausedSince: null,
    ...extra,
  });

  it('case visibility: the SQL predicate and the in-memory predicate agree for every scope, status and accusation', async () => {
    const [city, county, sibling, court, proc] = ['city', 'county', 'sibling', 'court', 'proc'].map(() => randomUUID());
    const cases: Array<Partial<Case>> = [];
    const assignments: Array<Partial<Assignment>> = [];
    for (const congress of [city, county, sibling]) {
      for (const accused of [null, city, county, court, proc]) {
        for (const statuses of [[], ...Object.values(AssignmentStatus).map((s) => [s]), [AssignmentStatus.CANCELLED, AssignmentStatus.IN_PROGRESS]]) {
          for (const unit of [court, proc]) {
            const c = aCase(congress, accused);
            cases.push(c);
            for (const s of statuses) assignments.push(anAssignment(c, unit, s));
          }
        }
      }
    }
    await ds().getRepository(Case).insert(cases as Case[]);
    await ds().getRepository(Assignment).insert(assignments as Assignment[]);

    const scopes = scopesOf(city, county, sibling, [court, proc]);
    const table = ds().getMetadata(Assignment).tableName;
    const ids = cases.map((c) => c.id!);
    for (const scope of scopes) {
      const { where, params } = caseVisibilitySql(scope, 'c', table);
      const rows = await ds().getRepository(Case).createQueryBuilder('c').select('c.id', 'id').where('c.id IN (:...ids)', { ids }).andWhere(where, params).getRawMany<{ id: string }>();
      const bySql = new Set(rows.map((r) => r.id));
      const inMemory = cases.filter((c) => mayViewCase(scope, c as Case, assignments.filter((a) => a.caseId === c.id) as Assignment[])).map((c) => c.id!);
      expect([...bySql].sort()).toEqual(inMemory.sort());
      // the rule is not vacuous: each office and unit sees some cases and misses others
      if (scope.kind !== 'none') expect(inMemory.length).toBeGreaterThan(0);
      expect(inMemory.length).toBeLessThan(cases.length);

      // and the assignments of those cases that filters and sort keys may look at
      const own = assignmentVisibilitySql(scope, 'a');
      const visibleAssignments = await ds()
        .getRepository(Assignment)
        .createQueryBuilder('a')
        .select('a.id', 'id')
        .where('a.caseId IN (:...ids)', { ids })
        .andWhere(own.where, own.params)
        .getRawMany<{ id: string }>();
      const expected = assignments.filter((a) => mayViewAssignment(scope, a as Assignment)).map((a) => a.id!);
      expect(visibleAssignments.map((r) => r.id).sort()).toEqual(expected.sort());
    }
  });

  it("the office's own records: reception sessions and flash reports agree in SQL and in memory for every scope", async () => {
    const [city, county, sibling, court] = ['city', 'county', 'sibling', 'court'].map(() => randomUUID());
    const sessions: Array<Partial<Reception>> = [city, county, sibling].map((congressId) => ({
      id: randomUUID(),
      congressId,
      leaderId: randomUUID(),
      startsAt: NOW,
      endsAt: new Date(NOW.getTime() + 3_600_000),
      place: '接待室',
      scheduledById: randomUUID(),
    }));
    // one row per insert, from a copy: a multi-row insert reads generated columns back onto the objects by position
    for (const x of sessions) await ds().getRepository(Reception).insert({ ...x } as Reception);
    const cases: Array<Partial<Case>> = [];
    const assignments: Array<Partial<Assignment>> = [];
    for (const congress of [city, county, sibling]) {
      for (const accused of [null, city, county, court]) {
        const c = aCase(congress, accused);
        cases.push(c);
        // a case the court handles: its flash reports still never reach the court
        assignments.push(anAssignment(c, court, AssignmentStatus.IN_PROGRESS));
      }
    }
    await ds().getRepository(Case).insert(cases as Case[]);
    await ds().getRepository(Assignment).insert(assignments as Assignment[]);
    const scopes = scopesOf(city, county, sibling, [court]);
    const table = ds().getMetadata(Assignment).tableName;
    for (const scope of scopes) {
      const r = congressRecordSql(scope, 'r');
      const bySql = await ds().getRepository(Reception).createQueryBuilder('r').select('r.id', 'id').where('r.id IN (:...ids)', { ids: sessions.map((x) => x.id) }).andWhere(r.where, r.params).getRawMany<{ id: string }>();
      expect(bySql.map((x) => x.id).sort()).toEqual(sessions.filter((x) => mayViewCongressRecord(scope, x as Reception)).map((x) => x.id!).sort());

      const f = flashReportSql(scope, 'c', table);
      const reported = await ds().getRepository(Case).createQueryBuilder('c').select('c.id', 'id').where('c.id IN (:...ids)', { ids: cases.map((c) => c.id) }).andWhere(f.where, f.params).getRawMany<{ id: string }>();
      const inMemory = cases.filter((c) => mayReceiveFlashReport(scope, c as Case)).map((c) => c.id!);
      expect(reported.map((x) => x.id).sort()).toEqual(inMemory.sort());
      if (scope.kind === 'congresses') expect(inMemory.length).toBeGreaterThan(0);
      else expect(inMemory).toEqual([]);
    }
  });

  it('deadline state: the list filter\'s SQL and the assignment\'s own state agree for every assignment state', async () => {
    const soon = new Date(NOW.getTime() + 2 * DAY);
    const past = new Date(NOW.getTime() - 2 * DAY);
    const far = new Date(NOW.getTime() + 30 * DAY);
    const endOfToday = new Date(NOW.getTime() + 60_000);
    const c = aCase(randomUUID(), null);
    await ds().getRepository(Case).insert(c as Case);
    const unit = randomUUID();
    const variants: Array<[string, Partial<Assignment>]> = [
      ['pending, far off', { status: AssignmentStatus.PENDING, dueAt: far }],
      ['in progress, due today', { status: AssignmentStatus.IN_PROGRESS, dueAt: endOfToday }],
      ['in progress, due soon', { status: AssignmentStatus.IN_PROGRESS, dueAt: soon }],
      ['in progress, overdue', { status: AssignmentStatus.IN_PROGRESS, dueAt: past }],
      ['paused by a hearing, overdue on paper', { status: AssignmentStatus.IN_PROGRESS, dueAt: past, pausedSince: past }],
      ['extended (due moved later)', { status: AssignmentStatus.IN_PROGRESS, dueAt: far, unrolledDueDate: '2026-12-31' }],
      ['reported on time', { status: AssignmentStatus.REPORTED, dueAt: far, deliveredAt: NOW }],
      ['reported late', { status: AssignmentStatus.REPORTED, dueAt: past, deliveredAt: NOW }],
      ['transfer reported, no reply yet, overdue', { status: AssignmentStatus.REPORTED, mode: AssignmentMode.TRANSFER, dueAt: past }],
      ['completed on time', { status: AssignmentStatus.COMPLETED, dueAt: far, deliveredAt: NOW, endedAt: NOW }],
      ['completed late', { status: AssignmentStatus.COMPLETED, dueAt: past, deliveredAt: NOW, endedAt: NOW }],
      ['transfer completed with the case, no delivery', { status: AssignmentStatus.COMPLETED, mode: AssignmentMode.TRANSFER, dueAt: far, endedAt: NOW }],
      ['cancelled', { status: AssignmentStatus.CANCELLED, dueAt: far, endedAt: NOW }],
      ['cancelled after its due date', { status: AssignmentStatus.CANCELLED, dueAt: past, endedAt: NOW }],
      ['objected', { status: AssignmentStatus.OBJECTED, dueAt: far, endedAt: NOW }],
    ];
    const rows = variants.map(([, v]) => anAssignment(c, unit, v.status!, v));
    await ds().getRepository(Assignment).insert(rows as Assignment[]);
    const stored = await ds().getRepository(Assignment).findBy({ caseId: c.id! });

    const seen = new Set<DeadlineStateEnum>();
    for (const state of Object.values(DeadlineStateEnum)) {
      const { where, params } = deadlineStateSql('a', state, NOW);
      const bySql = (await ds().getRepository(Assignment).createQueryBuilder('a').where('a.caseId = :c', { c: c.id }).andWhere(where, params).getMany()).map((a) => a.id).sort();
      const inMemory = stored.filter((a) => assignmentDeadlineState(a, NOW) === state).map((a) => a.id).sort();
      expect({ state, ids: bySql }).toEqual({ state, ids: inMemory });
      if (inMemory.length) seen.add(state);
    }
    // every assignment falls in exactly one state, and every state occurs
    const total = await Promise.all(Object.values(DeadlineStateEnum).map(async (s) => {
      const { where, params } = deadlineStateSql('a', s, NOW);
      return ds().getRepository(Assignment).createQueryBuilder('a').where('a.caseId = :c', { c: c.id }).andWhere(where, params).getCount();
    }));
    expect(total.reduce((x, y) => x + y, 0)).toBe(variants.length);
    expect([...seen].sort()).toEqual(Object.values(DeadlineStateEnum).sort());
    // the deadline scan's index-friendly superset holds every assignment an alert is due for, and leaves the delivered out
    const pre = alertableAssignmentsSql('a', NOW);
    const alertable = (await ds().getRepository(Assignment).createQueryBuilder('a').where('a.caseId = :c', { c: c.id }).andWhere(pre.where, pre.params).getMany()).map((a) => a.id);
    const due = stored.filter((a) => [DeadlineStateEnum.OVERDUE, DeadlineStateEnum.DUE_SOON].includes(assignmentDeadlineState(a, NOW))).map((a) => a.id);
    expect(due.length).toBeGreaterThan(0);
    expect(alertable).toEqual(expect.arrayContaining(due));
    expect(stored.filter((a) => alertable.includes(a.id) && a.deliveredAt !== null)).toEqual([]);
    const named = Object.fromEntries(variants.map(([name], i) => [name, assignmentDeadlineState(stored.find((a) => a.id === rows[i].id)!, NOW)]));
    expect(named).toMatchObject({ cancelled: 'ENDED', objected: 'ENDED', 'cancelled after its due date': 'ENDED', 'paused by a hearing, overdue on paper': 'ON_TRACK', 'in progress, due today': 'DUE_SOON' });
  });
  it('office clocks: the intake and review filters\' SQL and the case\'s own states agree for every state', async () => {
    const at = (days: number) => new Date(NOW.getTime() + days * DAY);
    const variants: Array<[string, Partial<Case>]> = [
      ['undecided, far off', { intakeDueAt: at(10) }],
      ['undecided, due in exactly 3 days', { intakeDueAt: at(3) }],
      ['undecided, due today', { intakeDueAt: new Date(NOW.getTime() + 60_000) }],
      ['undecided, overdue', { intakeDueAt: at(-1) }],
      ['decided on time', { intakeDueAt: at(-1), intakeDoneAt: at(-2) }],
      ['decided on the due instant', { intakeDueAt: at(-1), intakeDoneAt: at(-1) }],
      ['decided late', { intakeDueAt: at(-2), intakeDoneAt: at(-1) }],
      ['review waiting, far off', { intakeDueAt: at(-40), intakeDoneAt: at(-41), reviewDueAt: at(20) }],
      ['review waiting, due soon', { intakeDueAt: at(-40), intakeDoneAt: at(-41), reviewDueAt: at(2) }],
      ['review waiting, overdue', { intakeDueAt: at(-40), intakeDoneAt: at(-41), reviewDueAt: at(-2) }],
      ['review answered on time', { intakeDueAt: at(-40), intakeDoneAt: at(-41), reviewDueAt: at(-2), reviewAnsweredAt: at(-3) }],
      ['review answered late', { intakeDueAt: at(-40), intakeDoneAt: at(-41), reviewDueAt: at(-3), reviewAnsweredAt: at(-2) }],
    ];
    const congress = randomUUID();
    const rows = variants.map(([, v]) => ({ ...aCase(congress, null), ...v }));
    await ds().getRepository(Case).insert(rows as Case[]);
    const stored = await ds().getRepository(Case).findBy({ congressId: congress });
    for (const clock of ['intake', 'review'] as const) {
      const inMemoryOf = (c: Case) => (clock === 'intake' ? intakeState(c, NOW) : reviewState(c, NOW));
      let counted = 0;
      const seen = new Set<string>();
      for (const state of Object.values(DeadlineStateEnum)) {
        const { where, params } = officeClockStateSql('c', clock, state, NOW);
        const bySql = (await ds().getRepository(Case).createQueryBuilder('c').where('c.congressId = :g', { g: congress }).andWhere(where, params).getMany()).map((c) => c.id).sort();
        const inMemory = stored.filter((c) => inMemoryOf(c) === state).map((c) => c.id).sort();
        expect({ clock, state, ids: bySql }).toEqual({ clock, state, ids: inMemory });
        counted += bySql.length;
        if (inMemory.length) seen.add(state);
      }
      // every case is in exactly one state of each clock it has, and every state but ENDED occurs
      expect(counted).toBe(stored.filter((c) => inMemoryOf(c) !== null).length);
      expect([...seen].sort()).toEqual(Object.values(DeadlineStateEnum).filter((s) => s !== DeadlineStateEnum.ENDED).sort());
    }
  });
});
