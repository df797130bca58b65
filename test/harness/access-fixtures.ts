import type { GraphQLResponse, GraphQLTestClient } from './graphql-client';
import { ASSIGN_CASE, REGISTER_CASE, SAMPLE_ID, letterInput } from './case-fixtures';
import { CREATE_UNIT, seedCounty, seedUser, uniq } from './fixtures';
import { download } from './download';
import type { TestServer } from './test-server';

/**
 * The people of the access matrix, one signed-in client each. Every one of them stands for one line of docs/rules.md
 * "Who sees what"; the comments say which.
 */
export const ACCESS_ROLES = [
  /** The bootstrap administrator: no unit, no PII permission. */
  'admin',
  /** An ADMIN of the county congress: office staff of the registering congress, no PII permission. */
  'countyAdmin',
  /** A county registrar holding the PII permission. */
  'registrarPii',
  /** A county registrar without it. */
  'registrarNoPii',
  /** A county leader (分管领导) without it; gives the instructions. */
  'leader',
  /** Office staff of the city congress above the county, role VIEWER. */
  'cityViewer',
  /** A registrar of the city congress; registers and refers the city's own accusation case. */
  'cityRegistrar',
  /** A registrar of another county under the same city. */
  'siblingRegistrar',
  /** Liaison of the county court: the lead unit (主办, 交办) of the rich case, it reports a result and replies. */
  'court',
  /** Liaison of the county procuratorate: the assisting unit (协办) of the rich case; its assignment is completed. */
  'procuratorate',
  /** Liaison of the county government, whose assignment of the rich case was cancelled (撤销). */
  'government',
  /** Handler of the county land bureau, which objected (异议) to its assignment of the rich case. */
  'landBureau',
  /** Liaison of the county market bureau, the accused unit (被检举单位) of the accusation case; assigned nothing. */
  'accusedUnit',
  /** A deputy (人大代表) of the county congress. */
  'deputy',
  /** A legal worker (法制工作者) of the county congress. */
  'legalWorker',
  /** Another deputy of the county congress, not invited to the joint meeting. */
  'otherDeputy',
  /** No token. */
  'anonymous',
] as const;
export type AccessRole = (typeof ACCESS_ROLES)[number];

/** Texts written into the world so that each timeline entry can be told apart by its detail. */
export interface AccessMarks {
  instructionBefore: string;
  instructionAfter: string;
  cancelReason: string;
  objectionReason: string;
  courtSupervisionNote: string;
  procuratorateSupervisionNote: string;
  extensionReason: string;
  hearingReason: string;
  procuratorateReviewNote: string;
  replyBody: string;
}

export interface AccessWorld {
  units: {
    cityCongress: string;
    congress: string;
    siblingCongress: string;
    government: string;
    court: string;
    procuratorate: string;
    landBureau: string;
    marketBureau: string;
  };
  /** Unit names by id, as assignment timeline entries name their unit. */
  unitNames: Record<string, string>;
  as: Record<AccessRole, GraphQLTestClient>;
  leaderId: string;
  /** The rich case of the county: two units at work, one cancelled, one objected, instructions either side. */
  rich: {
    id: string;
    serialNo: string;
    queryCode: string;
    summary: string;
    matterId: string;
    assignments: { court: string; procuratorate: string; government: string; landBureau: string };
    supervisions: { court: string; procuratorate: string };
    extensionId: string;
    replyId: string;
    /** The matter's approved reply wording (approved after the court's reply). */
    wordingId: string;
    /** Another case of the rich case's matter, which the county office answered itself without routing it. */
    officeAnswered: { id: string; replyId: string };
    petitioner: { idNumber: string; idNumberMasked: string; phone: string; phoneMasked: string; address: string };
    marks: AccessMarks;
  };
  /**
   * A joint meeting the county office convened on the rich case's matter, in session, with the court, procuratorate
   * and government liaisons, the deputy and the legal worker; the land bureau, the other deputy, the city and the
   * sibling county are not part of it.
   */
  meeting: { id: string; agendaItemId: string; opinionBody: string };
  /** A county accusation (检举控告) against the market bureau, handled by the court. */
  accusation: { id: string; summary: string; queryCode: string };
  /** A city accusation against the county congress itself, and the city's attempt to refer it down to the county. */
  cityAccusation: { id: string; summary: string; queryCode: string; referral: GraphQLResponse };
  /**
   * The office's own duties: the court named its responsible leader and handler (its liaison) on its assignment of the
   * rich case, the county leader took charge of the rich case, and a group visit of 6 was received at the leader's
   * reception session running now (so a flash report was raised about it).
   */
  duties: { responsibleLeader: string; courtLiaisonId: string; receptionId: string; groupVisit: { id: string; serialNo: string } };
}

const CREATE_MATTER = 'mutation($input: CreateMatterInput!) { createMatter(input: $input) { id } }';
const ACCEPT = 'mutation($id: ID!) { acceptCase(id: $id) { id status } }';
const REQUEST_INSTRUCTION = 'mutation($id: ID!, $leaderId: ID!) { requestInstruction(id: $id, leaderId: $leaderId) { id } }';
const INSTRUCT = 'mutation($id: ID!, $text: String!) { instructCase(id: $id, text: $text) { id } }';
const ACCEPT_ASSIGNMENT = 'mutation($id: ID!) { acceptAssignment(id: $id) { id status } }';
const OBJECT_ASSIGNMENT = 'mutation($id: ID!, $reason: String!) { objectAssignment(id: $id, reason: $reason) { id status } }';
const CANCEL_ASSIGNMENT = 'mutation($id: ID!, $reason: String!) { cancelAssignment(id: $id, reason: $reason) { id status } }';
const SUPERVISE = 'mutation($input: SuperviseInput!) { superviseAssignment(input: $input) { id kind } }';
const REQUEST_EXTENSION = 'mutation($input: RequestExtensionInput!) { requestExtension(input: $input) { id status } }';
const DECIDE_EXTENSION = 'mutation($id: ID!) { decideExtension(id: $id, approve: true) { id status } }';
const START_HEARING = 'mutation($id: ID!, $reason: String!) { startHearing(assignmentId: $id, reason: $reason) { id } }';
const END_HEARING = 'mutation($id: ID!) { endHearing(assignmentId: $id) { id } }';
const REPORT_RESULT = 'mutation($input: ReportResultInput!) { reportResult(input: $input) { id status } }';
const REVIEW_RESULT = 'mutation($id: ID!, $note: String) { reviewResult(assignmentId: $id, approve: true, note: $note) { id status } }';
const REPLY = 'mutation($input: ReplyInput!) { replyToPetitioner(input: $input) { id } }';
const LINK_CASE = 'mutation($c: ID!, $m: ID!) { linkCaseToMatter(caseId: $c, matterId: $m) { id } }';
const DRAFT_WORDING = 'mutation($input: DraftReplyWordingInput!) { draftReplyWording(input: $input) { id } }';
const APPROVE_WORDING = 'mutation($id: ID!) { approveReplyWording(id: $id) { id status } }';
const SCHEDULE_MEETING = 'mutation($input: ScheduleJointMeetingInput!) { scheduleJointMeeting(input: $input) { id agenda { id } } }';
const NAME_RESPONSIBLES = 'mutation($input: AssignmentResponsiblesInput!) { nameAssignmentResponsibles(input: $input) { id } }';
const TAKE_CHARGE = 'mutation($id: ID!) { takeChargeOfCase(id: $id) { id } }';
const SCHEDULE_RECEPTION = 'mutation($input: ScheduleReceptionInput!) { scheduleReception(input: $input) { id } }';
const REFER_CASE = 'mutation($input: ReferCaseInput!) { referCase(input: $input) { id serialNo summary } }';

/**
 * A clear gap between two steps, so that "recorded before the assignment" and "recorded after it" differ by more than
 * any timestamp precision an engine may keep.
 */
const pause = () => new Promise((resolve) => setTimeout(resolve, 1100));

/**
 * Builds the access-matrix world through the API only: a city congress with two counties under it; in one county
 * the 一府两院, a land bureau under the government and a market bureau; a user for every role of `ACCESS_ROLES`;
 * the rich case, a county accusation, and a city accusation against the county congress.
 *
 * The rich case, in order: registered with the petitioner's ID number, phone and address, put under a matter,
 * accepted; a leader instruction (before any assignment); assigned to the court (LEAD, 交办), the procuratorate
 * (ASSIST), the government (ASSIST, then cancelled) and the land bureau (ASSIST, which objects); the court and the
 * procuratorate sign; the court is supervised (LISTED), the procuratorate by a circular (CIRCULAR); the court asks
 * for an extension, approved; a hearing on the procuratorate's assignment; a second instruction (after every
 * assignment); the procuratorate reports and its result is approved (COMPLETED); the court reports (REPORTED) and
 * replies to the petitioner.
 */
export async function buildAccessWorld(t: TestServer): Promise<AccessWorld> {
  const s = uniq();
  const county = await seedCounty(t.admin);
  const unit = async (input: Record<string, unknown>) => (await t.admin.ok(CREATE_UNIT, { input })).createUnit.id as string;
  const siblingCongress = await unit({ code: `sibling-rd-${s}`, name: '邻县人大常委会', kind: 'CONGRESS', level: 'COUNTY', parentId: county.cityCongress });
  const marketBureau = await unit({ code: `county-market-${s}`, name: '某县市场监督管理局', kind: 'DEPARTMENT', level: 'COUNTY', parentId: county.government });
  const units = { ...county, siblingCongress, marketBureau };
  const { units: directory } = await t.admin.ok('{ units { id name } }');
  const unitNames: Record<string, string> = Object.fromEntries(directory.map((u: { id: string; name: string }) => [u.id, u.name]));

  const user = async (unitId: string | undefined, roles: string[], extra: Record<string, unknown> = {}) => {
    const u = await seedUser(t.admin, unitId, roles, extra);
    return { id: u.id, client: await t.login(u.username, u.password) };
  };
  const leader = await user(units.congress, ['LEADER']);
  const invited = {
    court: await user(units.court, ['LIAISON']),
    procuratorate: await user(units.procuratorate, ['LIAISON']),
    government: await user(units.government, ['LIAISON']),
    deputy: await user(units.congress, ['DEPUTY']),
    legalWorker: await user(units.congress, ['LEGAL_WORKER']),
  };
  const as: Record<AccessRole, GraphQLTestClient> = {
    admin: t.admin,
    countyAdmin: (await user(units.congress, ['ADMIN'])).client,
    registrarPii: (await user(units.congress, ['REGISTRAR'], { piiAccess: true })).client,
    registrarNoPii: (await user(units.congress, ['REGISTRAR'])).client,
    leader: leader.client,
    cityViewer: (await user(units.cityCongress, ['VIEWER'])).client,
    cityRegistrar: (await user(units.cityCongress, ['REGISTRAR'])).client,
    siblingRegistrar: (await user(units.siblingCongress, ['REGISTRAR'])).client,
    court: invited.court.client,
    procuratorate: invited.procuratorate.client,
    government: invited.government.client,
    landBureau: (await user(units.landBureau, ['HANDLER'])).client,
    accusedUnit: (await user(units.marketBureau, ['LIAISON'])).client,
    deputy: invited.deputy.client,
    legalWorker: invited.legalWorker.client,
    otherDeputy: (await user(units.congress, ['DEPUTY'])).client,
    anonymous: t.client,
  };
  const office = as.registrarPii;

  const marks: AccessMarks = {
    instructionBefore: `请县法院依法办理，检察院协办（批示一 ${s}）`,
    instructionAfter: `内部意见：暂不函告承办单位（批示二 ${s}）`,
    cancelReason: `改由法院主办，撤销政府协办（${s}）`,
    objectionReason: `不属于本局职责（${s}）`,
    courtSupervisionNote: `挂牌督办法院（${s}）`,
    procuratorateSupervisionNote: `通报检察院办理进度（${s}）`,
    extensionReason: `需调取执行卷宗（${s}）`,
    hearingReason: `检察院组织听证（${s}）`,
    procuratorateReviewNote: `同意检察院意见（${s}）`,
    replyBody: `王某某：经核查，补偿款已依法发放，特此答复。（${s}）`,
  };
  const petitioner = { idNumber: SAMPLE_ID, idNumberMasked: '110105********002X', phone: '13812345678', phoneMasked: '138****5678', address: '某县某镇某村 8 号' };

  const summary = `反映征地补偿款未足额发放（${s}）`;
  const { registerCase: r } = await office.ok(REGISTER_CASE, {
    input: letterInput({ summary, petitioners: [{ name: '王某某', idNumber: petitioner.idNumber, phone: petitioner.phone, address: petitioner.address }] }),
  });
  const { createMatter: matter } = await office.ok(CREATE_MATTER, { input: { title: `某村征地补偿（${s}）`, caseIds: [r.id] } });
  await office.ok(ACCEPT, { id: r.id });
  await office.ok(REQUEST_INSTRUCTION, { id: r.id, leaderId: leader.id });
  await as.leader.ok(INSTRUCT, { id: r.id, text: marks.instructionBefore });
  await pause();

  const assign = async (unitId: string, role: string) =>
    (await office.ok(ASSIGN_CASE, { input: { caseId: r.id, unitId, mode: 'ASSIGN', role } })).assignCase.id as string;
  const assignments = {
    court: await assign(units.court, 'LEAD'),
    procuratorate: await assign(units.procuratorate, 'ASSIST'),
    government: await assign(units.government, 'ASSIST'),
    landBureau: await assign(units.landBureau, 'ASSIST'),
  };
  await office.ok(CANCEL_ASSIGNMENT, { id: assignments.government, reason: marks.cancelReason });
  const responsibleLeader = `张院长（${s}）`;
  await as.landBureau.ok(OBJECT_ASSIGNMENT, { id: assignments.landBureau, reason: marks.objectionReason });
  await as.court.ok(ACCEPT_ASSIGNMENT, { id: assignments.court });
  await as.procuratorate.ok(ACCEPT_ASSIGNMENT, { id: assignments.procuratorate });
  await as.court.ok(NAME_RESPONSIBLES, { input: { assignmentId: assignments.court, leaderName: responsibleLeader, leaderTitle: '副院长', handlerId: invited.court.id } });
  await as.leader.ok(TAKE_CHARGE, { id: r.id });

  const supervise = async (assignmentId: string, kind: string, note: string) =>
    (await office.ok(SUPERVISE, { input: { assignmentId, kind, note } })).superviseAssignment.id as string;
  const supervisions = {
    court: await supervise(assignments.court, 'LISTED', marks.courtSupervisionNote),
    procuratorate: await supervise(assignments.procuratorate, 'CIRCULAR', marks.procuratorateSupervisionNote),
  };
  const { requestExtension: ext } = await as.court.ok(REQUEST_EXTENSION, { input: { assignmentId: assignments.court, days: 10, reason: marks.extensionReason } });
  await office.ok(DECIDE_EXTENSION, { id: ext.id });
  await office.ok(START_HEARING, { id: assignments.procuratorate, reason: marks.hearingReason });
  await office.ok(END_HEARING, { id: assignments.procuratorate });

  await pause();
  await as.leader.ok(INSTRUCT, { id: r.id, text: marks.instructionAfter });

  await as.procuratorate.ok(REPORT_RESULT, { input: { assignmentId: assignments.procuratorate, outcome: 'EXPLAINED', report: '检察院协办意见：已依法审查。' } });
  await office.ok(REVIEW_RESULT, { id: assignments.procuratorate, note: marks.procuratorateReviewNote });
  await as.court.ok(REPORT_RESULT, { input: { assignmentId: assignments.court, outcome: 'EXPLAINED', report: '经查，补偿款已按标准发放。' } });
  const { replyToPetitioner: reply } = await as.court.ok(REPLY, { input: { caseId: r.id, method: 'WRITTEN', outcome: 'EXPLAINED', body: marks.replyBody } });

  // a second letter on the same matter, which the office answers itself (统一答复) without routing it; then the
  // office approves the matter's wording
  const { registerCase: second } = await office.ok(REGISTER_CASE, { input: letterInput({ summary: `同一事项的另一封来信（${s}）`, petitioners: [{ name: '孙某某' }] }) });
  await office.ok(LINK_CASE, { c: second.id, m: matter.id });
  await office.ok(ACCEPT, { id: second.id });
  const { replyToPetitioner: officeReply } = await office.ok(REPLY, { input: { caseId: second.id, method: 'WRITTEN', outcome: 'EXPLAINED', body: `孙某某：补偿款已依法发放。（${s}）` } });
  const core = '补偿款已依法足额发放';
  const { draftReplyWording: wording } = await office.ok(DRAFT_WORDING, {
    input: { matterId: matter.id, outcome: 'EXPLAINED', body: `{{petitionerName}}：经核查，${core}。`, coreStatements: [core] },
  });
  await office.ok(APPROVE_WORDING, { id: wording.id });
  // 联席会议 on the rich case's matter, in session, with one opinion
  const { scheduleJointMeeting: meeting } = await office.ok(SCHEDULE_MEETING, {
    input: {
      title: `征地补偿联席会议（${s}）`,
      startsAt: new Date().toISOString(),
      participantIds: Object.values(invited).map((u) => u.id),
      agenda: [{ matterId: matter.id }],
    },
  });
  await office.ok('mutation($id: ID!) { startJointMeeting(id: $id) { id } }', { id: meeting.id });
  const opinionBody = `建议统一解释补偿标准（${s}）`;
  await as.deputy.ok('mutation($i: ID!, $b: String!) { postOpinion(agendaItemId: $i, body: $b) { id } }', { i: meeting.agenda[0].id, b: opinionBody });

  // 检举控告 in the county: the market bureau is accused, the court handles it
  const accusationSummary = `检举县市场监督管理局违规执法（${s}）`;
  const { registerCase: acc } = await office.ok(REGISTER_CASE, {
    input: letterInput({ caseType: 'ACCUSATION', accusedUnitId: units.marketBureau, summary: accusationSummary, petitioners: [{ name: '赵某某' }] }),
  });
  await office.ok(ACCEPT, { id: acc.id });
  await office.ok(ASSIGN_CASE, { input: { caseId: acc.id, unitId: units.court, mode: 'TRANSFER' } });

  // 检举控告 at the city against the county congress itself; the city tries to refer it down to the accused
  const cityAccusationSummary = `检举县人大常委会违规处理信访件（${s}）`;
  const { registerCase: cityAcc } = await as.cityRegistrar.ok(REGISTER_CASE, {
    input: letterInput({ caseType: 'ACCUSATION', accusedUnitId: units.congress, summary: cityAccusationSummary, petitioners: [{ name: '钱某某' }] }),
  });
  await as.cityRegistrar.ok(ACCEPT, { id: cityAcc.id });
  const referral = await as.cityRegistrar.query(REFER_CASE, { input: { caseId: cityAcc.id, toUnitId: units.congress, note: '请依法办理' } });

  // 领导接访 running now, with a group visit of 6 received at it (which raises a flash report)
  const { scheduleReception: session } = await office.ok(SCHEDULE_RECEPTION, {
    input: { leaderId: leader.id, startsAt: new Date(Date.now() - 1000).toISOString(), endsAt: new Date(Date.now() + 3_600_000).toISOString(), place: `县人大信访接待室（${s}）` },
  });
  const { registerCase: groupVisit } = await office.ok(REGISTER_CASE, {
    input: letterInput({ channel: 'VISIT', receivedAt: new Date().toISOString(), receptionId: session.id, personCount: 6, summary: `集体来访反映拆迁安置（${s}）`, petitioners: [{ name: '代表甲' }, { name: '代表乙' }] }),
  });

  return {
    units,
    unitNames,
    as,
    leaderId: leader.id,
    rich: {
      id: r.id,
      serialNo: r.serialNo,
      queryCode: r.queryCode,
      summary,
      matterId: matter.id,
      assignments,
      supervisions,
      extensionId: ext.id,
      replyId: reply.id,
      wordingId: wording.id,
      officeAnswered: { id: second.id, replyId: officeReply.id },
      petitioner,
      marks,
    },
    meeting: { id: meeting.id, agendaItemId: meeting.agenda[0].id, opinionBody },
    accusation: { id: acc.id, summary: accusationSummary, queryCode: acc.queryCode },
    cityAccusation: { id: cityAcc.id, summary: cityAccusationSummary, queryCode: cityAcc.queryCode, referral },
    duties: { responsibleLeader, courtLiaisonId: invited.court.id, receptionId: session.id, groupVisit: { id: groupVisit.id, serialNo: groupVisit.serialNo } },
  };
}

/** What one role observed on one path of the matrix; anything else observed is a description of the surprise. */
export type Access = 'ALLOW' | 'DENY' | 'MASKED';

/**
 * Reads for one role, each operation sent once per role (the rows of a matrix share them); a row's observation
 * is a pure function of the answers.
 */
export class AccessProbe {
  private readonly answers = new Map<string, Promise<GraphQLResponse>>();

  constructor(
    readonly role: AccessRole,
    readonly world: AccessWorld,
  ) {}

  private send(query: string, variables: Record<string, unknown>): Promise<GraphQLResponse> {
    const key = `${query}\n${JSON.stringify(variables)}`;
    let answer = this.answers.get(key);
    if (!answer) {
      answer = this.world.as[this.role].query(query, variables);
      this.answers.set(key, answer);
    }
    return answer;
  }

  /** A refusal of the whole object: NOT_FOUND, or UNAUTHENTICATED for a caller without a token. */
  private refused(res: GraphQLResponse): boolean {
    const code = res.errors?.[0]?.extensions?.code;
    return code === 'NOT_FOUND' || (this.role === 'anonymous' && code === 'UNAUTHENTICATED');
  }

  private static surprise(res: GraphQLResponse): string {
    return `UNEXPECTED ${JSON.stringify(res.errors ?? res.data)}`;
  }

  /**
   * Reads `selection` of case `id` and judges it with `judge`; a case the role may not see is DENY (NOT_FOUND, the
   * same as a case that does not exist), and any other error or a partial answer is reported as a surprise.
   */
  async onCase(id: string, selection: string, judge: (c: any) => Access | string): Promise<Access | string> {
    const res = await this.send(`query($id: ID!) { case(id: $id) { id ${selection} } }`, { id });
    if (res.errors?.length) return this.refused(res) && !res.data?.case ? 'DENY' : AccessProbe.surprise(res);
    if (res.data?.case?.id !== id) return AccessProbe.surprise(res);
    return judge(res.data.case);
  }

  /** ALLOW when the role's case list, searched by `keyword` (and any further `filter`), holds a case satisfying `match`. */
  async inCaseList(keyword: string, match: (node: { id: string; summary: string }) => boolean, filter: Record<string, unknown> = {}): Promise<Access | string> {
    const res = await this.send('query($filter: CaseFilter) { cases(filter: $filter, first: 100) { totalCount edges { node { id summary } } } }', { filter: { keyword, ...filter } });
    if (res.errors?.length) return this.refused(res) ? 'DENY' : AccessProbe.surprise(res);
    const nodes: Array<{ id: string; summary: string }> = res.data.cases.edges.map((e: { node: { id: string; summary: string } }) => e.node);
    return nodes.some(match) ? 'ALLOW' : 'DENY';
  }

  /** The `matter` lookup by id. */
  async matter(id: string): Promise<Access | string> {
    const res = await this.send('query($id: ID!) { matter(id: $id) { id title } }', { id });
    if (res.errors?.length) return this.refused(res) && !res.data?.matter ? 'DENY' : AccessProbe.surprise(res);
    return res.data?.matter?.id === id ? 'ALLOW' : AccessProbe.surprise(res);
  }

  /** Reads `selection` of matter `id` and judges it; a matter the role may not see is DENY (NOT_FOUND). */
  async onMatter(id: string, selection: string, judge: (m: any) => Access | string): Promise<Access | string> {
    const res = await this.send(`query($id: ID!) { matter(id: $id) { id ${selection} } }`, { id });
    if (res.errors?.length) return this.refused(res) && !res.data?.matter ? 'DENY' : AccessProbe.surprise(res);
    if (res.data?.matter?.id !== id) return AccessProbe.surprise(res);
    return judge(res.data.matter);
  }

  /** Reads `selection` of joint meeting `id`; a meeting the role may not see is DENY (null and NOT_FOUND). */
  async onMeeting(id: string, selection: string, judge: (m: any) => Access | string): Promise<Access | string> {
    const res = await this.send(`query($id: ID!) { jointMeeting(id: $id) { id ${selection} } }`, { id });
    if (res.errors?.length) return this.refused(res) && !res.data?.jointMeeting ? 'DENY' : AccessProbe.surprise(res);
    if (res.data?.jointMeeting?.id !== id) return AccessProbe.surprise(res);
    return judge(res.data.jointMeeting);
  }

  /** ALLOW when the role's list of joint meetings holds meeting `id`. */
  async inMeetingList(id: string): Promise<Access | string> {
    const res = await this.send('query { jointMeetings(first: 100) { edges { node { id } } } }', {});
    if (res.errors?.length) return this.refused(res) ? 'DENY' : AccessProbe.surprise(res);
    return (res.data.jointMeetings.edges as Array<{ node: { id: string } }>).some((e) => e.node.id === id) ? 'ALLOW' : 'DENY';
  }

  /**
   * A report (statistics, bulletin) judged by `judge`; DENY when the report policy refuses it: FORBIDDEN for whoever
   * reports on nothing, NOT_FOUND on `unitId` for a congress outside the viewer's scope, UNAUTHENTICATED without a token.
   */
  async onReport(query: string, variables: Record<string, unknown>, judge: (data: any) => Access | string): Promise<Access | string> {
    const res = await this.send(query, variables);
    if (!res.errors?.length) return judge(res.data);
    const err = res.errors[0].extensions;
    const refused = err?.code === 'FORBIDDEN' || (err?.code === 'NOT_FOUND' && err.field === 'unitId') || (this.role === 'anonymous' && err?.code === 'UNAUTHENTICATED');
    return refused && !res.data ? 'DENY' : AccessProbe.surprise(res);
  }

  /** An export file by its path: 200 judged by `judge`, and 401, 403 or 404 DENY, as DESIGN.md "Files" says. */
  async file(path: string, judge: (body: Buffer) => Access | string): Promise<Access | string> {
    const res = await download(this.world.as[this.role].baseUrl, path, this.world.as[this.role].token);
    if (res.status === 200) return judge(res.body as Buffer);
    return [401, 403, 404].includes(res.status) ? 'DENY' : `UNEXPECTED ${res.status} ${String(res.body)}`;
  }

  /** The public progress by query code; `judge` sees the progress object. */
  async progress(queryCode: string, judge: (p: any) => Access | string): Promise<Access | string> {
    const res = await this.send('query($q: String!) { caseProgress(queryCode: $q) { serialNo status receivedAt steps { at label } reply { body repliedAt } } }', { q: queryCode });
    if (res.errors?.length) return res.errors[0].extensions?.code === 'NOT_FOUND' ? 'DENY' : AccessProbe.surprise(res);
    return judge(res.data.caseProgress);
  }
}

/** ALLOW when `value` is the secret itself, DENY when it is null, anything else a surprise. */
export function secret(value: unknown, full: string, masked?: string): Access | string {
  if (value === full) return 'ALLOW';
  if (masked !== undefined && value === masked) return 'MASKED';
  if (value === null || value === undefined) return 'DENY';
  return `UNEXPECTED value ${JSON.stringify(value)}`;
}

/** ALLOW when some item satisfies `match`, DENY when none does: a denied item is simply absent. */
export function present<T>(items: T[] | null | undefined, match: (item: T) => boolean): Access {
  return (items ?? []).some(match) ? 'ALLOW' : 'DENY';
}
