import { expectErrorCode } from './harness/graphql-client';
import { ASSIGN_CASE, REGISTER_CASE, letterInput, seedCountyPeople, type CountyPeople } from './harness/case-fixtures';
import { createTestServer, type TestServer } from './harness/test-server';
import { RequestContext } from '../src/context/request-context';
import { endOfLocalDay, localDateOf } from '../src/domain/office-time';

const CASE_DETAIL = `query CaseDetail($id: ID!) {
  case(id: $id) {
    id status
    assignments {
      id mode role status dueAt deadlineState
      unit { id name kind }
      result { outcome report reportedAt }
      extensions { id days status }
      supervisions { id kind note createdAt by { id displayName } }
    }
    replies { id outcome body repliedAt unit { id name } wording { id version } }
    timeline { at type actor { id displayName } detail }
  }
}`;

describe('the seed path: letter → accept → instruction → 交办 to the court → sign → reminder → extension → result → review → reply → close → 复查', () => {
  let t: TestServer;
  let p: CountyPeople;

  beforeAll(async () => {
    t = await createTestServer();
    p = await seedCountyPeople(t);
  });
  afterAll(() => t?.close());

  it('walks the whole path and records every step on the timeline', async () => {
    const { registerCase: c } = await p.registrar.ok(REGISTER_CASE, { input: letterInput() });
    expect(c).toMatchObject({ status: 'REGISTERED', channel: 'LETTER', personCount: 1, repeatCandidates: [] });
    expect(c.serialNo).toMatch(/^\d{4}-\d{6}$/);
    expect(c.queryCode).toMatch(/^[A-Z0-9]{12}$/);

    expect((await p.registrar.ok('mutation($id: ID!) { acceptCase(id: $id) { id status } }', { id: c.id })).acceptCase.status).toBe('ACCEPTED');
    await p.registrar.ok('mutation($id: ID!, $l: ID!) { requestInstruction(id: $id, leaderId: $l) { id status } }', { id: c.id, l: p.leaderId });
    const instructed = await p.leader.ok('mutation($id: ID!, $t: String!) { instructCase(id: $id, text: $t) { id instructions { text leader { id } createdAt } } }', {
      id: c.id,
      t: '请交县法院依法办理，按期报结果。',
    });
    expect(instructed.instructCase.instructions).toEqual([expect.objectContaining({ text: '请交县法院依法办理，按期报结果。', leader: { id: p.leaderId } })]);

    const { assignCase: a } = await p.registrar.ok(ASSIGN_CASE, { input: { caseId: c.id, unitId: p.county.court, mode: 'ASSIGN', dueInDays: 30 } });
    expect(a).toMatchObject({ mode: 'ASSIGN', role: 'LEAD', status: 'PENDING', deadlineState: 'ON_TRACK', case: { status: 'ASSIGNED' } });

    expect((await p.court.ok('mutation($id: ID!) { acceptAssignment(id: $id) { id status } }', { id: a.id })).acceptAssignment.status).toBe('IN_PROGRESS');
    const sup = await p.registrar.ok(
      'mutation($i: SuperviseInput!) { superviseAssignment(input: $i) { id kind note createdAt assignment { id supervisionCount } } }',
      { i: { assignmentId: a.id, kind: 'PHONE', note: '电话催办，请加快办理' } },
    );
    expect(sup.superviseAssignment).toMatchObject({ kind: 'PHONE', assignment: { supervisionCount: 1 } });

    const ext = await p.court.ok('mutation($i: RequestExtensionInput!) { requestExtension(input: $i) { id days reason status } }', {
      i: { assignmentId: a.id, days: 15, reason: '需调取执行卷宗' },
    });
    expect(ext.requestExtension.status).toBe('PENDING');
    const decided = await p.registrar.ok('mutation($id: ID!) { decideExtension(id: $id, approve: true) { id status assignment { id dueAt assignedAt } } }', { id: ext.requestExtension.id });
    expect(decided.decideExtension.status).toBe('APPROVED');
    expect(new Date(decided.decideExtension.assignment.dueAt).getTime()).toBeGreaterThan(new Date(a.dueAt).getTime());
    // DESIGN.md: the extension moves the unrolled due day (assigned + 30) by 15 days, rolled forward to a working day
    // again; how far beyond the old, rolled due day that lands depends on today's weekends and holidays
    const zone = t.server.runtime.config.officeTimeZone;
    const calendar = await t.server.runtime.services.calendar.calendar(new RequestContext(t.server.runtime, {}, 'test', '127.0.0.1', t.server.runtime.logger));
    const assignedOn = localDateOf(new Date(decided.decideExtension.assignment.assignedAt), zone);
    expect(a.dueAt).toBe(endOfLocalDay(calendar.calendarDueDate(assignedOn, 30), zone).toISOString());
    expect(decided.decideExtension.assignment.dueAt).toBe(endOfLocalDay(calendar.calendarDueDate(assignedOn, 30 + 15), zone).toISOString());

    const reported = await p.court.ok(
      'mutation($i: ReportResultInput!) { reportResult(input: $i) { id status result { outcome report reportedAt } case { id status } } }',
      { i: { assignmentId: a.id, outcome: 'EXPLAINED', report: '经查，补偿款已按标准发放，已向信访人解释。' } },
    );
    expect(reported.reportResult).toMatchObject({ status: 'REPORTED', result: { outcome: 'EXPLAINED' }, case: { status: 'RESULT_REPORTED' } });
    const reviewed = await p.registrar.ok('mutation($id: ID!) { reviewResult(assignmentId: $id, approve: true, note: "同意") { id status case { id status } } }', { id: a.id });
    expect(reviewed.reviewResult).toMatchObject({ status: 'COMPLETED', case: { status: 'RESULT_REPORTED' } });

    const replied = await p.court.ok(
      'mutation($i: ReplyInput!) { replyToPetitioner(input: $i) { id outcome body repliedAt unit { id } wording { id version } case { id status } } }',
      { i: { caseId: c.id, method: 'WRITTEN', outcome: 'EXPLAINED', body: '张三：经核查，补偿款已足额发放，特此答复。' } },
    );
    expect(replied.replyToPetitioner).toMatchObject({ unit: { id: p.county.court }, wording: null, case: { status: 'REPLIED' } });

    const closed = await p.registrar.ok('mutation($id: ID!) { closeCase(id: $id, satisfaction: BASICALLY_SATISFIED) { id status closedAt } }', { id: c.id });
    expect(closed.closeCase.status).toBe('CLOSED');
    expect(closed.closeCase.closedAt).toBeTruthy();

    const reopened = await p.registrar.ok('mutation($id: ID!, $r: String!) { reopenCase(id: $id, reason: $r) { id status } }', { id: c.id, r: '信访人对答复不服，申请复查' });
    expect(reopened.reopenCase.status).toBe('UNDER_REVIEW');

    const { case: detail } = await p.registrar.ok(CASE_DETAIL, { id: c.id });
    expect(detail.assignments[0]).toMatchObject({ status: 'COMPLETED', deadlineState: 'DONE', extensions: [{ days: 15, status: 'APPROVED' }] });
    expect(detail.assignments[0].supervisions[0]).toMatchObject({ kind: 'PHONE', by: { displayName: expect.any(String) } });
    expect(detail.replies).toHaveLength(1);
    expect(detail.timeline.map((e: { type: string }) => e.type)).toEqual([
      'REGISTERED',
      'ACCEPTED',
      'INSTRUCTION_REQUESTED',
      'INSTRUCTED',
      'ASSIGNED',
      'ASSIGNMENT_ACCEPTED',
      'SUPERVISED',
      'EXTENSION_REQUESTED',
      'EXTENSION_DECIDED',
      'RESULT_REPORTED',
      'RESULT_REVIEWED',
      'REPLIED',
      'CLOSED',
      'REOPENED',
    ]);
    expect(detail.timeline.every((e: { actor: unknown }) => e.actor)).toBe(true);

    // the petitioner sees the progress and the reply with the query code alone
    const progress = await t.client.ok('query($q: String!) { caseProgress(queryCode: $q) { serialNo status receivedAt steps { at label } reply { body repliedAt } } }', { q: c.queryCode });
    expect(progress.caseProgress).toMatchObject({ serialNo: c.serialNo, status: 'UNDER_REVIEW', reply: { body: expect.stringContaining('特此答复') } });
    expectErrorCode(await t.client.query('query($q: String!) { caseProgress(queryCode: $q) { serialNo } }', { q: 'WRONGCODE123' }), 'NOT_FOUND');
  });
});
