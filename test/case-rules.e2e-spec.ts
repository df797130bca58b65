import { expectErrorCode, type GraphQLResponse } from './harness/graphql-client';
import { ASSIGN_CASE, REGISTER_CASE, daysAgo, letterInput, seedCountyPeople, setStoredColumns, type CountyPeople } from './harness/case-fixtures';
import { createTestServer, type TestServer } from './harness/test-server';

// The case workflow's rules (docs/rules.md, "Case workflow"), each refusal checked to leave no trace behind.

const ACCEPT_CASE = 'mutation($id: ID!) { acceptCase(id: $id) { id status } }';
const DECLINE_CASE = 'mutation($id: ID!, $r: String!) { declineCase(id: $id, reason: $r) { id status } }';
const ARCHIVE_CASE = 'mutation($id: ID!, $r: String!) { archiveCase(id: $id, reason: $r) { id status } }';
const CLOSE_CASE = 'mutation($id: ID!, $s: Satisfaction) { closeCase(id: $id, satisfaction: $s) { id status closedAt } }';
const REOPEN_CASE = 'mutation($id: ID!, $r: String!) { reopenCase(id: $id, reason: $r) { id status } }';
const ACCEPT_ASSIGNMENT = 'mutation($id: ID!) { acceptAssignment(id: $id) { id status } }';
const CANCEL_ASSIGNMENT = 'mutation($id: ID!, $r: String!) { cancelAssignment(id: $id, reason: $r) { id status case { id status } } }';
const REPORT_RESULT = 'mutation($i: ReportResultInput!) { reportResult(input: $i) { id status case { id status } } }';
const REVIEW_RESULT = `mutation($id: ID!, $a: Boolean!, $n: String) {
  reviewResult(assignmentId: $id, approve: $a, note: $n) { id status case { id status } }
}`;
const REPLY = `mutation($i: ReplyInput!) {
  replyToPetitioner(input: $i) { id outcome body repliedAt unit { id } case { id status } }
}`;
const CREATE_MATTER = 'mutation($i: CreateMatterInput!) { createMatter(input: $i) { id title } }';
const CASE_STATE = `query($id: ID!) {
  case(id: $id) {
    id status
    assignments { id mode role status unit { id } }
    replies { id }
    timeline { type detail actor { id } }
  }
}`;

interface CaseState {
  id: string;
  status: string;
  assignments: Array<{ id: string; mode: string; role: string; status: string; unit: { id: string } }>;
  replies: Array<{ id: string }>;
  timeline: Array<{ type: string; detail: string | null; actor: { id: string } | null }>;
}

describe('case workflow rules: transitions, assignments, modes, review, reopening, reasons', () => {
  let t: TestServer;
  let p: CountyPeople;

  beforeAll(async () => {
    t = await createTestServer();
    p = await seedCountyPeople(t);
  });
  afterAll(() => t?.close());

  const state = async (id: string): Promise<CaseState> => (await p.registrar.ok(CASE_STATE, { id })).case;

  async function registered(overrides: Record<string, unknown> = {}): Promise<string> {
    return (await p.registrar.ok(REGISTER_CASE, { input: letterInput(overrides) })).registerCase.id;
  }

  async function accepted(overrides: Record<string, unknown> = {}): Promise<string> {
    const id = await registered(overrides);
    expect((await p.registrar.ok(ACCEPT_CASE, { id })).acceptCase.status).toBe('ACCEPTED');
    return id;
  }

  async function assign(caseId: string, unitId: string, mode: 'ASSIGN' | 'TRANSFER', extra: Record<string, unknown> = {}) {
    return (await p.registrar.ok(ASSIGN_CASE, { input: { caseId, unitId, mode, ...extra } })).assignCase as { id: string; status: string; role: string; case: { status: string } };
  }

  const reply = (client = p.registrar, caseId: string, body = '经核查，现答复如下：……特此答复。') =>
    client.query(REPLY, { i: { caseId, method: 'WRITTEN', outcome: 'EXPLAINED', body } });

  /**
   * Runs a mutation that must be refused with `code` and checks that it wrote nothing: the case's status,
   * assignments, replies and timeline are exactly what they were. Returns the error.
   */
  async function refused(caseId: string, run: () => Promise<GraphQLResponse>, code: string, field?: string) {
    const before = await state(caseId);
    const err = expectErrorCode(await run(), code, field);
    expect(await state(caseId)).toEqual(before);
    return err;
  }

  /** A case answered by the government under 转办 and closed, ready to be reopened. */
  async function closedByTransfer(caseId: string, unitClient = p.government, unitId = p.county.government) {
    const a = await assign(caseId, unitId, 'TRANSFER');
    const replied = await reply(unitClient, caseId);
    expect(replied.errors).toBeUndefined();
    expect(replied.data!.replyToPetitioner.case.status).toBe('REPLIED');
    // the reply itself completes the unit's (new) assignment, before any closing
    expect((await state(caseId)).assignments.find((x) => x.id === a.id)?.status).toBe('COMPLETED');
    expect((await p.registrar.ok(CLOSE_CASE, { id: caseId })).closeCase.status).toBe('CLOSED');
    return a;
  }

  it('answers an illegal transition with INVALID_TRANSITION and the current state, and writes nothing', async () => {
    const fresh = await registered();
    const close = await refused(fresh, () => p.registrar.query(CLOSE_CASE, { id: fresh }), 'INVALID_TRANSITION');
    expect(close.extensions).toMatchObject({ currentState: 'REGISTERED', requestedAction: 'CLOSE' });
    expect((await state(fresh)).timeline.map((e) => e.type)).toEqual(['REGISTERED']);
    // nobody answers a case before it is accepted, not even the office
    const officeReply = await refused(fresh, () => reply(p.registrar, fresh), 'INVALID_TRANSITION');
    expect(officeReply.extensions).toMatchObject({ currentState: 'REGISTERED', requestedAction: 'OFFICE_REPLY' });

    expect((await p.registrar.ok(ACCEPT_CASE, { id: fresh })).acceptCase.status).toBe('ACCEPTED');
    const twice = await refused(fresh, () => p.registrar.query(ACCEPT_CASE, { id: fresh }), 'INVALID_TRANSITION');
    expect(twice.extensions).toMatchObject({ currentState: 'ACCEPTED', requestedAction: 'ACCEPT' });

    expect((await refused(fresh, () => p.registrar.query(REOPEN_CASE, { id: fresh, r: '申请复查' }), 'INVALID_TRANSITION')).extensions?.currentState).toBe('ACCEPTED');
    expect((await refused(fresh, () => p.registrar.query(DECLINE_CASE, { id: fresh, r: '不属于受理范围' }), 'INVALID_TRANSITION')).extensions?.currentState).toBe('ACCEPTED');

    await assign(fresh, p.county.court, 'ASSIGN');
    const archive = await refused(fresh, () => p.registrar.query(ARCHIVE_CASE, { id: fresh, r: '存查' }), 'INVALID_TRANSITION');
    expect(archive.extensions).toMatchObject({ currentState: 'ASSIGNED', requestedAction: 'ARCHIVE' });
    expect((await refused(fresh, () => p.registrar.query(CLOSE_CASE, { id: fresh }), 'INVALID_TRANSITION')).extensions?.currentState).toBe('ASSIGNED');

    // a unit may not report before it has signed for the case
    const [a] = (await state(fresh)).assignments;
    const early = await refused(
      fresh,
      () => p.court.query(REPORT_RESULT, { i: { assignmentId: a.id, outcome: 'EXPLAINED', report: '已办理' } }),
      'INVALID_TRANSITION',
    );
    expect(early.extensions?.currentState).toBe('PENDING');

    expect((await state(fresh)).timeline.map((e) => e.type)).toEqual(['REGISTERED', 'ACCEPTED', 'ASSIGNED']);
  });

  it('allows one open lead unit at a time and any number of assisting units', async () => {
    const caseId = await accepted();
    const lead = await assign(caseId, p.county.court, 'ASSIGN');
    expect(lead).toMatchObject({ role: 'LEAD', case: { status: 'ASSIGNED' } });

    await refused(caseId, () => p.registrar.query(ASSIGN_CASE, { input: { caseId, unitId: p.county.procuratorate, mode: 'ASSIGN' } }), 'ALREADY_EXISTS');
    await refused(caseId, () => p.registrar.query(ASSIGN_CASE, { input: { caseId, unitId: p.county.procuratorate, mode: 'ASSIGN', role: 'LEAD' } }), 'ALREADY_EXISTS');

    const assist = await assign(caseId, p.county.procuratorate, 'ASSIGN', { role: 'ASSIST' });
    expect(assist).toMatchObject({ role: 'ASSIST', status: 'PENDING', case: { status: 'ASSIGNED' } });
    const assist2 = await assign(caseId, p.county.landBureau, 'TRANSFER', { role: 'ASSIST' });
    expect(assist2.role).toBe('ASSIST');
    // the same unit twice at once is refused too
    await refused(caseId, () => p.registrar.query(ASSIGN_CASE, { input: { caseId, unitId: p.county.court, mode: 'ASSIGN', role: 'ASSIST' } }), 'ALREADY_EXISTS');

    // an assisting unit sends its opinion to the lead and may not answer the petitioner itself
    await p.procuratorate.ok(ACCEPT_ASSIGNMENT, { id: assist.id });
    await refused(caseId, () => reply(p.procuratorate, caseId), 'FORBIDDEN');

    // once the lead is withdrawn another unit may lead
    await p.registrar.ok(CANCEL_ASSIGNMENT, { id: lead.id, r: '改由县政府主办' });
    expect((await assign(caseId, p.county.government, 'ASSIGN')).role).toBe('LEAD');
    const s = await state(caseId);
    expect(s.assignments.map((a) => [a.unit.id, a.role, a.status])).toEqual([
      [p.county.court, 'LEAD', 'CANCELLED'],
      [p.county.procuratorate, 'ASSIST', 'IN_PROGRESS'],
      [p.county.landBureau, 'ASSIST', 'PENDING'],
      [p.county.government, 'LEAD', 'PENDING'],
    ]);
  });

  it('cancels an open assignment (the case returns to ACCEPTED when it was the last), but not one that has reported', async () => {
    const caseId = await accepted();
    const lead = await assign(caseId, p.county.court, 'ASSIGN');
    const assist = await assign(caseId, p.county.procuratorate, 'ASSIGN', { role: 'ASSIST' });

    await refused(caseId, () => p.registrar.query(CANCEL_ASSIGNMENT, { id: assist.id, r: '  ' }), 'BAD_USER_INPUT', 'reason');
    await refused(caseId, () => p.procuratorate.query(CANCEL_ASSIGNMENT, { id: assist.id, r: '我们不办了' }), 'FORBIDDEN');

    const c1 = (await p.registrar.ok(CANCEL_ASSIGNMENT, { id: assist.id, r: '无需协办' })).cancelAssignment;
    expect(c1).toMatchObject({ status: 'CANCELLED', case: { status: 'ASSIGNED' } });
    const c2 = (await p.registrar.ok(CANCEL_ASSIGNMENT, { id: lead.id, r: '交办单位有误' })).cancelAssignment;
    expect(c2).toMatchObject({ status: 'CANCELLED', case: { status: 'ACCEPTED' } });
    // a cancelled assignment cannot be cancelled again
    expect((await refused(caseId, () => p.registrar.query(CANCEL_ASSIGNMENT, { id: lead.id, r: '再撤销' }), 'INVALID_TRANSITION')).extensions?.currentState).toBe('CANCELLED');

    const s = await state(caseId);
    // one audit event per operation, each with its reason
    expect(s.timeline.filter((e) => e.type === 'ASSIGNMENT_CANCELLED').map((e) => e.detail)).toEqual(['无需协办', '交办单位有误']);

    // reported results are reviewed, never withdrawn
    const again = await assign(caseId, p.county.court, 'ASSIGN');
    await p.court.ok(ACCEPT_ASSIGNMENT, { id: again.id });
    await p.court.ok(REPORT_RESULT, { i: { assignmentId: again.id, outcome: 'EXPLAINED', report: '已向信访人解释政策。' } });
    const late = await refused(caseId, () => p.registrar.query(CANCEL_ASSIGNMENT, { id: again.id, r: '撤回' }), 'INVALID_TRANSITION');
    expect(late.extensions?.currentState).toBe('REPORTED');
  });

  it('转办 (TRANSFER): the unit’s reply completes its assignment and the case closes without a review', async () => {
    const caseId = await accepted();
    const a = await assign(caseId, p.county.government, 'TRANSFER');
    await p.government.ok(ACCEPT_ASSIGNMENT, { id: a.id });
    const replied = (await reply(p.government, caseId)).data!.replyToPetitioner;
    expect(replied).toMatchObject({ unit: { id: p.county.government }, case: { status: 'REPLIED' } });
    expect((await state(caseId)).assignments[0].status).toBe('COMPLETED');

    const closed = (await p.registrar.ok(CLOSE_CASE, { id: caseId, s: 'SATISFIED' })).closeCase;
    expect(closed.status).toBe('CLOSED');
    expect((await state(caseId)).timeline.map((e) => e.type)).toEqual(['REGISTERED', 'ACCEPTED', 'ASSIGNED', 'ASSIGNMENT_ACCEPTED', 'REPLIED', 'CLOSED']);
    // closed: no more replies
    expect((await refused(caseId, () => reply(p.government, caseId), 'INVALID_TRANSITION')).extensions?.currentState).toBe('CLOSED');
  });

  it('交办 (ASSIGN): 退回重办 sends the case back to ASSIGNED, and the case closes only after the result is approved', async () => {
    const caseId = await accepted();
    const a = await assign(caseId, p.county.court, 'ASSIGN');
    await p.court.ok(ACCEPT_ASSIGNMENT, { id: a.id });
    const reported = (await p.court.ok(REPORT_RESULT, { i: { assignmentId: a.id, outcome: 'EXPLAINED', report: '初步核查。' } })).reportResult;
    expect(reported).toMatchObject({ status: 'REPORTED', case: { status: 'RESULT_REPORTED' } });

    const returned = (await p.registrar.ok(REVIEW_RESULT, { id: a.id, a: false, n: '事实不清，请补充调查' })).reviewResult;
    expect(returned).toMatchObject({ status: 'IN_PROGRESS', case: { status: 'ASSIGNED' } });
    expect((await state(caseId)).timeline.at(-1)).toMatchObject({ type: 'RESULT_REVIEWED', detail: expect.stringContaining('事实不清') });

    const again = (await p.court.ok(REPORT_RESULT, { i: { assignmentId: a.id, outcome: 'SUPPORTED', report: '补充调查后，支持信访人诉求。' } })).reportResult;
    expect(again).toMatchObject({ status: 'REPORTED', case: { status: 'RESULT_REPORTED' } });
    expect((await reply(p.court, caseId)).data!.replyToPetitioner.case.status).toBe('REPLIED');
    // a reply under 交办 does not complete the assignment: the office must still approve the result
    expect((await state(caseId)).assignments[0].status).toBe('REPORTED');

    const early = await refused(caseId, () => p.registrar.query(CLOSE_CASE, { id: caseId }), 'INVALID_TRANSITION');
    expect(early.extensions?.currentState).toBe('REPLIED');

    expect((await p.registrar.ok(REVIEW_RESULT, { id: a.id, a: true, n: '同意' })).reviewResult).toMatchObject({ status: 'COMPLETED', case: { status: 'REPLIED' } });
    expect((await p.registrar.ok(CLOSE_CASE, { id: caseId })).closeCase.status).toBe('CLOSED');
  });

  it('reopens for 复查 and 复核, then refuses the matter for good; reopening is within 30 days of the last reply', async () => {
    const { createMatter: matter } = await p.registrar.ok(CREATE_MATTER, { i: { title: '某村征地补偿款发放问题' } });
    const caseId = await accepted({ matterId: matter.id });
    await closedByTransfer(caseId);

    // 复查: back through assignment and reply — the unit's new assignment is completed by its new reply
    await refused(caseId, () => p.registrar.query(REOPEN_CASE, { id: caseId, r: '' }), 'BAD_USER_INPUT', 'reason');
    expect((await p.registrar.ok(REOPEN_CASE, { id: caseId, r: '信访人对答复不服，申请复查' })).reopenCase.status).toBe('UNDER_REVIEW');
    expect((await refused(caseId, () => reply(p.registrar, caseId), 'INVALID_TRANSITION')).extensions?.currentState).toBe('UNDER_REVIEW');
    await closedByTransfer(caseId);
    expect((await state(caseId)).assignments.map((a) => a.status)).toEqual(['COMPLETED', 'COMPLETED']);

    // 复核
    expect((await p.registrar.ok(REOPEN_CASE, { id: caseId, r: '信访人对复查意见不服，申请复核' })).reopenCase.status).toBe('UNDER_REVIEW');
    await closedByTransfer(caseId, p.court, p.county.court);

    // after 复核 nothing more
    const third = await refused(caseId, () => p.registrar.query(REOPEN_CASE, { id: caseId, r: '再次申请' }), 'NOT_ACCEPTABLE_AGAIN');
    expect(third.message).toMatch(/复核/);
    const s = await state(caseId);
    expect(s.status).toBe('CLOSED');
    expect(s.timeline.filter((e) => e.type === 'REOPENED').map((e) => e.detail)).toEqual(['信访人对答复不服，申请复查', '信访人对复查意见不服，申请复核']);
    expect(s.replies).toHaveLength(3);

    // the same matter in a new letter is registered (有信必登) but not accepted again
    const { registerCase: repeat } = await p.registrar.ok(REGISTER_CASE, { input: letterInput({ matterId: matter.id }) });
    expect(repeat.repeatCandidates.map((c: { id: string }) => c.id)).toContain(caseId);
    await refused(repeat.id, () => p.registrar.query(ACCEPT_CASE, { id: repeat.id }), 'NOT_ACCEPTABLE_AGAIN');
    expect((await state(repeat.id)).status).toBe('REGISTERED');
    // it can still be declined with the reason the petitioner is told
    expect((await p.registrar.ok(DECLINE_CASE, { id: repeat.id, r: '该事项已经复核，依法不再受理' })).declineCase.status).toBe('DECLINED');

    // more than 30 days after the last reply it is too late
    const stale = await accepted();
    await closedByTransfer(stale);
    await setStoredColumns(t, 'petition_case', stale, { lastRepliedAt: daysAgo(40) });
    await refused(stale, () => p.registrar.query(REOPEN_CASE, { id: stale, r: '申请复查' }), 'DEADLINE_PASSED');
  });

  it('declines and archives only with a reason, which the timeline shows; archiving is allowed from ACCEPTED', async () => {
    const toDecline = await registered();
    for (const r of ['', '   ']) await refused(toDecline, () => p.registrar.query(DECLINE_CASE, { id: toDecline, r }), 'BAD_USER_INPUT', 'reason');
    expect((await p.registrar.ok(DECLINE_CASE, { id: toDecline, r: '属于诉讼程序解决的事项，不予受理' })).declineCase.status).toBe('DECLINED');
    expect((await state(toDecline)).timeline.at(-1)).toMatchObject({ type: 'DECLINED', detail: '属于诉讼程序解决的事项，不予受理', actor: { id: expect.any(String) } });
    expect((await refused(toDecline, () => p.registrar.query(ACCEPT_CASE, { id: toDecline }), 'INVALID_TRANSITION')).extensions?.currentState).toBe('DECLINED');

    const toArchive = await accepted();
    await refused(toArchive, () => p.registrar.query(ARCHIVE_CASE, { id: toArchive, r: ' ' }), 'BAD_USER_INPUT', 'reason');
    expect((await p.registrar.ok(ARCHIVE_CASE, { id: toArchive, r: '反映情况已掌握，存查备考' })).archiveCase.status).toBe('ARCHIVED');
    expect((await state(toArchive)).timeline.map((e) => [e.type, e.detail])).toEqual([
      ['REGISTERED', null],
      ['ACCEPTED', null],
      ['ARCHIVED', '反映情况已掌握，存查备考'],
    ]);
    expect((await refused(toArchive, () => p.registrar.query(ARCHIVE_CASE, { id: toArchive, r: '再存查' }), 'INVALID_TRANSITION')).extensions?.currentState).toBe('ARCHIVED');

    // straight from REGISTERED too
    const direct = await registered();
    expect((await p.registrar.ok(ARCHIVE_CASE, { id: direct, r: '匿名来信，存查' })).archiveCase.status).toBe('ARCHIVED');
  });
});
