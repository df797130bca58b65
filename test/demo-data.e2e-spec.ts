import { createTestServer, type TestServer } from './harness/test-server';

describe('demo data (DEMO_DATA=1)', () => {
  let t: TestServer;

  beforeAll(async () => {
    t = await createTestServer({ DEMO_DATA: '1' });
  });
  afterAll(() => t?.close());

  it('loads a county congress under a city congress with its 一府两院 and departments', async () => {
    const { units } = await t.admin.ok('{ units { code kind level parent { code } } }');
    const byCode = Object.fromEntries(units.map((u: { code: string }) => [u.code, u]));
    expect(byCode['demo-county-rd']).toMatchObject({ kind: 'CONGRESS', level: 'COUNTY', parent: { code: 'demo-city-rd' } });
    for (const kind of ['GOVERNMENT', 'COURT', 'PROCURATORATE']) {
      expect(units.some((u: { kind: string; level: string }) => u.kind === kind && u.level === 'COUNTY')).toBe(true);
    }
    expect(units.filter((u: { parent: { code: string } | null }) => u.parent?.code === 'demo-county-gov').length).toBeGreaterThanOrEqual(2);
  });

  it('has a working account for every role', async () => {
    const { users } = await t.admin.ok('{ users { username roles } }');
    const roles = new Set(users.flatMap((u: { roles: string[] }) => u.roles));
    for (const role of ['ADMIN', 'REGISTRAR', 'LEADER', 'HANDLER', 'LIAISON', 'DEPUTY', 'LEGAL_WORKER', 'VIEWER']) expect(roles).toContain(role);
    const registrar = await t.login('registrar', 'Demo@2026');
    expect((await registrar.ok('{ me { unit { code } } }')).me.unit.code).toBe('demo-county-rd');
  });

  it('tells the seed\'s story: a year of cases in every state, a referral from the city, overdue assignments under supervision', async () => {
    const registrar = await t.login('registrar', 'Demo@2026');
    const { cases } = await registrar.ok('{ cases(first: 100) { totalCount edges { node { status receivedAt referredFrom { code } } } } }');
    const statuses = new Set(cases.edges.map((e: { node: { status: string } }) => e.node.status));
    for (const s of ['REGISTERED', 'ACCEPTED', 'DECLINED', 'ARCHIVED', 'ASSIGNED', 'RESULT_REPORTED', 'REPLIED', 'CLOSED', 'UNDER_REVIEW']) expect(statuses).toContain(s);
    const ages = cases.edges.map((e: { node: { receivedAt: string } }) => Date.now() - new Date(e.node.receivedAt).getTime());
    expect(Math.max(...ages)).toBeGreaterThan(250 * 86_400_000);
    expect(cases.edges.some((e: { node: { referredFrom: { code: string } | null } }) => e.node.referredFrom?.code === 'demo-city-rd')).toBe(true);
    const overdue = await registrar.ok('{ cases(first: 10, filter: { deadlineState: OVERDUE }) { edges { node { assignments { deadlineState supervisions { kind } } } } } }');
    const overdueAssignments = overdue.cases.edges.flatMap((e: { node: { assignments: Array<{ deadlineState: string; supervisions: unknown[] }> } }) => e.node.assignments).filter((a: { deadlineState: string }) => a.deadlineState === 'OVERDUE');
    expect(overdueAssignments.length).toBeGreaterThanOrEqual(2);
    expect(overdueAssignments.every((a: { supervisions: unknown[] }) => a.supervisions.length > 0)).toBe(true);
    const court = await t.login('court-liaison', 'Demo@2026');
    const seenByCourt = await court.ok('{ cases(first: 100) { totalCount } }');
    expect(seenByCourt.cases.totalCount).toBeGreaterThan(0);
    expect(seenByCourt.cases.totalCount).toBeLessThan(cases.totalCount);
  });

  it('gives this quarter’s bulletin and the last one’s something to read: figures, leading categories, typical and key cases', async () => {
    const leader = await t.login('leader', 'Demo@2026');
    const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date()).split('-').map(Number);
    const quarter = Math.ceil(month / 3);
    const previous = quarter === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: quarter - 1 };
    for (const period of [{ year, quarter }, previous]) {
      const { bulletin } = await leader.ok(
        'query($year: Int!, $quarter: Int) { bulletin(year: $year, quarter: $quarter) { statistics { totalReceived } topCategories { category } typicalCases { id } keyCaseResults { outcome } summary } }',
        period,
      );
      expect(bulletin.statistics.totalReceived).toBeGreaterThan(0);
      expect(bulletin.topCategories.length).toBeGreaterThanOrEqual(1);
      expect(bulletin.typicalCases.length).toBeGreaterThanOrEqual(1);
      expect(bulletin.keyCaseResults.length).toBeGreaterThanOrEqual(1);
      expect(bulletin.summary).toContain('反映的问题主要集中在');
    }
  });

  it("shows the office's own duties: today's reception day with visits, a flash report, a case in a leader's charge, responsibles named", async () => {
    const leader = await t.login('leader', 'Demo@2026');
    const around = { from: new Date(Date.now() - 86_400_000).toISOString(), to: new Date(Date.now() + 86_400_000).toISOString() };
    const { receptions } = await leader.ok('query($from: DateTime!, $to: DateTime!) { receptions(from: $from, to: $to) { leader { displayName } startsAt endsAt visits { personCount } } }', around);
    expect(receptions).toHaveLength(1);
    const [day] = receptions;
    expect(Date.parse(day.startsAt)).toBeLessThanOrEqual(Date.now());
    expect(Date.parse(day.endsAt)).toBeGreaterThan(Date.now());
    expect(day.visits.map((v: { personCount: number }) => v.personCount).sort()).toEqual([1, 8]);
    const { flashReports } = await leader.ok('query($from: DateTime!, $to: DateTime!) { flashReports(from: $from, to: $to) { kind case { personCount } } }', around);
    expect(flashReports.some((f: { kind: string; case: { personCount: number } }) => f.kind === 'GROUP_VISIT' && f.case.personCount === 8)).toBe(true);
    expect(flashReports.some((f: { kind: string }) => f.kind === 'URGENT')).toBe(true);
    const mine = await leader.ok('{ cases(filter: { chargedToMe: true }) { edges { node { assignments { supervisions { kind by { displayName } } } } } } }');
    expect(mine.cases.edges).toHaveLength(1);
    const supervisions = mine.cases.edges[0].node.assignments[0].supervisions;
    expect(supervisions).toContainEqual({ kind: 'LEADER', by: { displayName: '李主任（分管领导）' } });
    const missing = await leader.ok('{ cases(filter: { missingResponsibles: true }) { totalCount } }');
    const named = await leader.ok('{ cases(filter: { missingResponsibles: false, status: [ASSIGNED] }) { edges { node { assignments { responsibleLeader { name } handler { displayName } } } } } }');
    expect(missing.cases.totalCount).toBeGreaterThan(0);
    expect(named.cases.edges.flatMap((e: any) => e.node.assignments).some((a: any) => a.responsibleLeader?.name === '孙副院长' && a.handler)).toBe(true);
  });
});
