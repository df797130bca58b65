import request from 'supertest';
import { JointMeetingEventRecord } from '../src/entities/joint-meeting.entity';
import { ReplyWording } from '../src/entities/reply-wording.entity';
import { ASSIGN_CASE, acceptedCase, seedCountyPeople, type CountyPeople } from './harness/case-fixtures';
import { seedUser } from './harness/fixtures';
import { expectErrorCode, type GraphQLTestClient } from './harness/graphql-client';
import { createTestServer, ENGINE, type TestServer } from './harness/test-server';
import { connectLive, type LiveClient, type LiveSubscription } from './harness/ws-client';
import { readZipEntry } from './harness/zip-reader';

const SCHEDULE = `mutation($input: ScheduleJointMeetingInput!) {
  scheduleJointMeeting(input: $input) {
    id title status startsAt
    participants { user { id } unit { id } present capacity }
    agenda { id matter { id } status }
  }
}`;
const START = 'mutation($id: ID!) { startJointMeeting(id: $id) { id status } }';
const JOIN = 'mutation($id: ID!) { joinJointMeeting(id: $id) { id participants { user { id } present } } }';
const LEAVE = 'mutation($id: ID!) { leaveJointMeeting(id: $id) { id participants { user { id } present } } }';
const OPINION = 'mutation($i: ID!, $b: String!) { postOpinion(agendaItemId: $i, body: $b) { id body author { id } unit { id } createdAt } }';
const PROPOSE = `mutation($input: ProposeWordingInput!) {
  proposeWording(input: $input) { id status proposedWording { id version status } signOffs { unit { id } } pendingUnits { id } }
}`;
const SIGN = `mutation($i: ID!) {
  signOffWording(agendaItemId: $i) { id status signOffs { unit { id } at } pendingUnits { id } proposedWording { id status approvedAt } }
}`;
const RESOLVE = 'mutation($input: ResolveAgendaItemInput!) { resolveAgendaItem(input: $input) { id status resolution { decision responsibleUnit { id } dueAt } } }';
const CONCLUDE = 'mutation($id: ID!) { concludeJointMeeting(id: $id) { id status minutes } }';
const MEETING = `query($id: ID!) {
  jointMeeting(id: $id) {
    id title status startsAt minutes
    participants { user { id displayName } unit { id name } present }
    agenda { id status matter { id title cases { id } } opinions { id body unit { id } } proposedWording { id status } }
  }
}`;
const EVENTS = `subscription($meetingId: ID!) {
  jointMeetingEvents(meetingId: $meetingId) {
    type at
    meeting { id status }
    agendaItem { id status }
    opinion { id body }
    participant { user { id } present }
  }
}`;
const CREATE_MATTER = 'mutation($input: CreateMatterInput!) { createMatter(input: $input) { id } }';
const CASE_ASSIGNMENTS = 'query($id: ID!) { case(id: $id) { status assignments { unit { id } role mode status } } }';

const WORDING = (v: string) => ({
  outcome: 'EXPLAINED',
  body: `经联席会议研究（${v}）：征地补偿款已按批准的标准足额发放，对补偿标准有异议的，可依法申请裁决。`,
  coreStatements: ['征地补偿款已按批准的标准足额发放', '可依法申请裁决'],
});

/** Pulls results until an event of `type` arrives; the earlier ones are returned with it. */
async function until(sub: LiveSubscription, type: string): Promise<any> {
  for (;;) {
    const r = await sub.next();
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    if (r.data.jointMeetingEvents.type === type) return r.data.jointMeetingEvents;
  }
}

describe('joint meetings (联席会议): scheduling, session, sign-offs, resolutions, minutes, live events', () => {
  let t: TestServer;
  let p: CountyPeople;
  let deputy: GraphQLTestClient;
  let legal: GraphQLTestClient;
  let otherDeputy: GraphQLTestClient;
  const ids: Record<string, string> = {};
  const sockets: LiveClient[] = [];
  let matterId: string;
  const cases: Record<string, string> = {};
  let meeting: any;

  const idOf = async (c: GraphQLTestClient) => (await c.ok('{ me { id } }')).me.id as string;
  const live = (c: GraphQLTestClient) => {
    const s = connectLive(t.wsUrl, c.token);
    sockets.push(s);
    return s;
  };
  const schedule = (input: Record<string, unknown>) => p.registrar.query(SCHEDULE, { input: { title: '某村征地补偿联席会议', startsAt: new Date(Date.now() + 86_400_000).toISOString(), ...input } });
  const newMatter = async (title: string, caseIds: string[] = []) => (await p.registrar.ok(CREATE_MATTER, { input: { title, caseIds } })).createMatter.id as string;

  beforeAll(async () => {
    t = await createTestServer({ DEADLINE_SCAN_INTERVAL_MS: '3600000' });
    p = await seedCountyPeople(t);
    const login = async (roles: string[], unit = p.county.congress) => {
      const u = await seedUser(t.admin, unit, roles);
      return t.login(u.username, u.password);
    };
    deputy = await login(['DEPUTY']);
    legal = await login(['LEGAL_WORKER']);
    otherDeputy = await login(['DEPUTY']);
    for (const [k, c] of Object.entries({ court: p.court, procuratorate: p.procuratorate, government: p.government, deputy, legal, otherDeputy, land: p.land, registrar: p.registrar })) {
      ids[k] = await idOf(c);
    }

    // the matter's cases, one in each state a resolution must tell apart
    const accepted = await acceptedCase(p.registrar, { summary: '已受理待交办' });
    const assigned = await acceptedCase(p.registrar, { summary: '已交法院主办' });
    await p.registrar.ok(ASSIGN_CASE, { input: { caseId: assigned.id, unitId: p.county.court, mode: 'ASSIGN' } });
    const reported = await acceptedCase(p.registrar, { summary: '法院已报结果' });
    const { assignCase: ra } = await p.registrar.ok(ASSIGN_CASE, { input: { caseId: reported.id, unitId: p.county.court, mode: 'ASSIGN' } });
    await p.court.ok('mutation($id: ID!) { acceptAssignment(id: $id) { id } }', { id: ra.id });
    await p.court.ok('mutation($i: ReportResultInput!) { reportResult(input: $i) { id } }', { i: { assignmentId: ra.id, outcome: 'EXPLAINED', report: '经查已发放。' } });
    const replied = await acceptedCase(p.registrar, { summary: '已答复' });
    await p.registrar.ok(ASSIGN_CASE, { input: { caseId: replied.id, unitId: p.county.court, mode: 'TRANSFER' } });
    await p.court.ok('mutation($i: ReplyInput!) { replyToPetitioner(input: $i) { id } }', { i: { caseId: replied.id, method: 'WRITTEN', outcome: 'EXPLAINED', body: '已答复信访人。' } });
    const archived = await acceptedCase(p.registrar, { summary: '重复件存查' });
    await p.registrar.ok('mutation($id: ID!, $r: String!) { archiveCase(id: $id, reason: $r) { id } }', { id: archived.id, r: '重复信访，存查' });
    Object.assign(cases, { accepted: accepted.id, assigned: assigned.id, reported: reported.id, replied: replied.id, archived: archived.id });
    matterId = await newMatter('某村征地补偿', Object.values(cases));
  }, 60_000);
  afterAll(async () => {
    await Promise.all(sockets.map((s) => s.close()));
    await t?.close();
  });

  it('refuses an agenda matter the office cannot see and a participant who may not be invited, naming the field', async () => {
    const { createMatter: cityMatter } = await p.cityRegistrar.ok(CREATE_MATTER, { input: { title: '市人大的事项' } });
    expectErrorCode(await schedule({ participantIds: [ids.court], agenda: [{ matterId }, { matterId: cityMatter.id }] }), 'NOT_FOUND', 'agenda.1.matterId');
    const cityId = await idOf(p.cityRegistrar);
    expectErrorCode(await schedule({ participantIds: [ids.court, cityId], agenda: [{ matterId }] }), 'BAD_USER_INPUT', 'participantIds.1');
    expectErrorCode(await p.court.query(SCHEDULE, { input: { title: 'x', startsAt: new Date().toISOString(), participantIds: [ids.court], agenda: [{ matterId }] } }), 'FORBIDDEN');
  });

  it('schedules a meeting with the 一府两院, a deputy and a legal worker; only they and the office see it', async () => {
    const res = await schedule({
      location: '县人大常委会第一会议室',
      participantIds: [ids.court, ids.procuratorate, ids.government, ids.deputy, ids.legal],
      agenda: [{ matterId, note: '统一答复口径并明确责任单位' }],
    });
    meeting = res.data!.scheduleJointMeeting;
    expect(meeting.status).toBe('SCHEDULED');
    expect(meeting.participants.map((x: any) => [x.user.id, x.unit.id, x.capacity, x.present])).toEqual([
      [ids.court, p.county.court, 'BODY', false],
      [ids.procuratorate, p.county.procuratorate, 'BODY', false],
      [ids.government, p.county.government, 'BODY', false],
      [ids.deputy, p.county.congress, 'DEPUTY', false],
      [ids.legal, p.county.congress, 'LEGAL_WORKER', false],
    ]);
    expect(meeting.agenda).toEqual([{ id: expect.any(String), matter: { id: matterId }, status: 'OPEN' }]);

    for (const c of [p.leader, p.court, deputy, legal]) expect((await c.ok(MEETING, { id: meeting.id })).jointMeeting.id).toBe(meeting.id);
    // a deputy sees the agenda item's matter, not its cases
    expect((await deputy.ok(MEETING, { id: meeting.id })).jointMeeting.agenda[0].matter.cases).toEqual([]);
    for (const c of [p.land, otherDeputy, p.cityRegistrar]) {
      const r = await c.query(MEETING, { id: meeting.id });
      expectErrorCode(r, 'NOT_FOUND');
      expect(r.data?.jointMeeting).toBeNull();
    }
    const list = 'query { jointMeetings(first: 10) { totalCount edges { node { id } } } }';
    expect((await deputy.ok(list)).jointMeetings.edges.map((e: any) => e.node.id)).toContain(meeting.id);
    expect((await p.land.ok(list)).jointMeetings.totalCount).toBe(0);
    expectErrorCode(await deputy.query('query { jointMeetings(first: 0) { totalCount } }'), 'BAD_USER_INPUT', 'first');
  });

  it('refuses acting before the meeting starts with MEETING_NOT_IN_SESSION', async () => {
    const item = meeting.agenda[0].id;
    expectErrorCode(await deputy.query(JOIN, { id: meeting.id }), 'MEETING_NOT_IN_SESSION');
    expectErrorCode(await legal.query(OPINION, { i: item, b: '建议先核实补偿台账' }), 'MEETING_NOT_IN_SESSION');
    expectErrorCode(await p.court.query(PROPOSE, { input: { agendaItemId: item, ...WORDING('a') } }), 'MEETING_NOT_IN_SESSION');
    expectErrorCode(await p.court.query(SIGN, { i: item }), 'MEETING_NOT_IN_SESSION');
    expectErrorCode(await p.registrar.query(CONCLUDE, { id: meeting.id }), 'MEETING_NOT_IN_SESSION');
  });

  it('runs the session: every participant and the office receive its events, a non-participant cannot subscribe', async () => {
    const item = meeting.agenda[0].id;
    const who = { registrar: p.registrar, court: p.court, procuratorate: p.procuratorate, government: p.government, deputy, legal };
    const subs: Record<string, LiveSubscription> = {};
    for (const [k, c] of Object.entries(who)) subs[k] = await live(c).subscribe(EVENTS, { meetingId: meeting.id });
    const outsider = await live(p.land).subscribe(EVENTS, { meetingId: meeting.id });
    expect((await outsider.next()).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    // a deputy of another meeting, subscribed to that one, hears nothing of this one
    const otherMatter = await newMatter('另一事项');
    const other = (await schedule({ participantIds: [ids.otherDeputy], agenda: [{ matterId: otherMatter }] })).data!.scheduleJointMeeting;
    const bystander = await live(otherDeputy).subscribe(EVENTS, { meetingId: other.id });

    expect((await p.registrar.ok(START, { id: meeting.id })).startJointMeeting.status).toBe('IN_SESSION');
    for (const s of Object.values(subs)) expect(await until(s, 'STARTED')).toMatchObject({ meeting: { id: meeting.id, status: 'IN_SESSION' } });

    const joined = (await deputy.ok(JOIN, { id: meeting.id })).joinJointMeeting.participants.find((x: any) => x.user.id === ids.deputy);
    expect(joined.present).toBe(true);
    expect(await until(subs.court, 'PARTICIPANT_JOINED')).toMatchObject({ participant: { user: { id: ids.deputy }, present: true } });
    for (const c of [p.court, p.procuratorate, p.government, legal]) await c.ok(JOIN, { id: meeting.id });
    await deputy.ok(LEAVE, { id: meeting.id });
    expect(await until(subs.registrar, 'PARTICIPANT_LEFT')).toMatchObject({ participant: { user: { id: ids.deputy }, present: false } });
    expectErrorCode(await p.land.query(JOIN, { id: meeting.id }), 'NOT_FOUND');

    const { postOpinion: op } = await legal.ok(OPINION, { i: item, b: '补偿标准符合省定标准，建议统一解释' });
    expect(op).toMatchObject({ author: { id: ids.legal }, unit: { id: p.county.congress } });
    expect(await until(subs.deputy, 'OPINION_POSTED')).toMatchObject({ agendaItem: { id: item, status: 'OPEN' }, opinion: { id: op.id, body: '补偿标准符合省定标准，建议统一解释' } });
    await deputy.ok(OPINION, { i: item, b: '群众反映强烈，建议尽快答复' });
    expectErrorCode(await p.land.query(OPINION, { i: item, b: '旁听意见' }), 'NOT_FOUND');

    expect(await bystander.drain(200)).toEqual([]);
    for (const s of Object.values(subs)) s.dispose();
  });

  it('signs off a proposal body by body; a new proposal resets the sign-offs; the wording is approved once, when all have signed', async () => {
    const item = meeting.agenda[0].id;
    const sub = await live(deputy).subscribe(EVENTS, { meetingId: meeting.id });
    expectErrorCode(await deputy.query(PROPOSE, { input: { agendaItemId: item, ...WORDING('a') } }), 'FORBIDDEN');
    expectErrorCode(await p.court.query(PROPOSE, { input: { agendaItemId: item, ...WORDING('a'), coreStatements: ['正文里没有这句话'] } }), 'BAD_USER_INPUT', 'coreStatements.0');
    const first = (await p.court.ok(PROPOSE, { input: { agendaItemId: item, ...WORDING('a') } })).proposeWording;
    expect(first).toMatchObject({ status: 'SIGNING', proposedWording: { status: 'DRAFT' }, signOffs: [] });
    expect(first.pendingUnits.map((u: any) => u.id)).toEqual([p.county.court, p.county.procuratorate, p.county.government]);
    expect(await until(sub, 'WORDING_PROPOSED')).toMatchObject({ agendaItem: { id: item, status: 'SIGNING' } });

    await p.court.ok(SIGN, { i: item });
    const signed = (await p.procuratorate.ok(SIGN, { i: item })).signOffWording;
    expect(signed.signOffs.map((s: any) => s.unit.id)).toEqual([p.county.court, p.county.procuratorate]);
    expect(signed.pendingUnits).toEqual([{ id: p.county.government }]);
    expectErrorCode(await p.court.query(SIGN, { i: item }), 'ALREADY_EXISTS');
    expectErrorCode(await deputy.query(SIGN, { i: item }), 'FORBIDDEN');
    expectErrorCode(await legal.query(SIGN, { i: item }), 'FORBIDDEN');
    expectErrorCode(await p.registrar.query(SIGN, { i: item }), 'FORBIDDEN');

    // the office proposes a better text: the draft is replaced and every body signs again
    const second = (await p.registrar.ok(PROPOSE, { input: { agendaItemId: item, ...WORDING('b') } })).proposeWording;
    expect(second.proposedWording.version).toBe(first.proposedWording.version + 1);
    expect(second.signOffs).toEqual([]);
    expect(second.pendingUnits).toHaveLength(3);
    await p.court.ok(SIGN, { i: item });
    await p.government.ok(SIGN, { i: item });
    const agreed = (await p.procuratorate.ok(SIGN, { i: item })).signOffWording;
    expect(agreed).toMatchObject({ status: 'AGREED', pendingUnits: [], proposedWording: { id: second.proposedWording.id, status: 'APPROVED' } });
    expect(agreed.proposedWording.approvedAt).toBeTruthy();
    expect(await until(sub, 'WORDING_APPROVED')).toMatchObject({ agendaItem: { id: item, status: 'AGREED' } });
    expectErrorCode(await p.government.query(SIGN, { i: item }), 'INVALID_TRANSITION');

    const wordings = await t.server.runtime.db.dataSource.getRepository(ReplyWording).findBy({ matterId });
    expect(wordings.filter((w) => w.status === 'APPROVED').map((w) => w.id)).toEqual([second.proposedWording.id]);
    expect(wordings.find((w) => w.id === first.proposedWording.id)?.status).toBe('DRAFT');
    sub.dispose();
  });

  it('refuses a proposal on an item of a meeting the proposer does not take part in, or an unknown item, as NOT_FOUND', async () => {
    const otherMatter = await newMatter('第三个事项');
    const other = (await schedule({ participantIds: [ids.deputy], agenda: [{ matterId: otherMatter }] })).data!.scheduleJointMeeting;
    await p.registrar.ok(START, { id: other.id });
    expectErrorCode(await p.court.query(PROPOSE, { input: { agendaItemId: other.agenda[0].id, ...WORDING('c') } }), 'NOT_FOUND', 'agendaItemId');
    expectErrorCode(await p.court.query(PROPOSE, { input: { agendaItemId: '00000000-0000-0000-0000-000000000000', ...WORDING('c') } }), 'NOT_FOUND', 'agendaItemId');
    await p.registrar.ok('mutation($id: ID!) { cancelJointMeeting(id: $id) { id status } }', { id: other.id });
  });

  it('resolves the item: the responsible unit gets an ASSIGN-mode assignment on the eligible cases only', async () => {
    const item = meeting.agenda[0].id;
    expectErrorCode(await p.court.query(RESOLVE, { input: { agendaItemId: item, decision: '由自然资源局牵头' } }), 'FORBIDDEN');
    expectErrorCode(await p.registrar.query(RESOLVE, { input: { agendaItemId: item, decision: '仅期限', dueInDays: 10 } }), 'BAD_USER_INPUT', 'dueInDays');
    const { resolveAgendaItem: r } = await p.registrar.ok(RESOLVE, {
      input: { agendaItemId: item, decision: '由县自然资源局牵头复核补偿台账，按统一口径答复', responsibleUnitId: p.county.landBureau, dueInDays: 30 },
    });
    expect(r).toMatchObject({ status: 'RESOLVED', resolution: { decision: '由县自然资源局牵头复核补偿台账，按统一口径答复', responsibleUnit: { id: p.county.landBureau } } });
    expect(Date.parse(r.resolution.dueAt)).toBeGreaterThan(Date.now() + 29 * 86_400_000);

    const land = async (id: string) => {
      const { case: c } = await p.registrar.ok(CASE_ASSIGNMENTS, { id });
      return { status: c.status, land: c.assignments.filter((a: any) => a.unit.id === p.county.landBureau).map((a: any) => `${a.mode}/${a.role}`) };
    };
    expect(await land(cases.accepted)).toEqual({ status: 'ASSIGNED', land: ['ASSIGN/LEAD'] });
    expect(await land(cases.assigned)).toEqual({ status: 'ASSIGNED', land: ['ASSIGN/ASSIST'] });
    expect(await land(cases.reported)).toEqual({ status: 'ASSIGNED', land: ['ASSIGN/ASSIST'] });
    expect(await land(cases.replied)).toEqual({ status: 'REPLIED', land: [] });
    expect(await land(cases.archived)).toEqual({ status: 'ARCHIVED', land: [] });
    // audited on each case's timeline like any other assignment
    const { case: c } = await p.registrar.ok('query($id: ID!) { case(id: $id) { timeline { type detail } } }', { id: cases.accepted });
    expect(c.timeline.map((e: any) => e.type)).toContain('ASSIGNED');
    expectErrorCode(await p.registrar.query(RESOLVE, { input: { agendaItemId: item, decision: '再议' } }), 'INVALID_TRANSITION');
  });

  it('concludes with minutes of attendance, opinions, wording and resolution, and offers them as a Word document', async () => {
    const sub = await live(legal).subscribe(EVENTS, { meetingId: meeting.id });
    const { concludeJointMeeting: done } = await p.registrar.ok(CONCLUDE, { id: meeting.id });
    expect(done.status).toBe('CONCLUDED');
    expect(await until(sub, 'CONCLUDED')).toMatchObject({ meeting: { id: meeting.id, status: 'CONCLUDED' } });
    const { jointMeeting: m } = await p.registrar.ok(MEETING, { id: meeting.id });
    const names = Object.fromEntries(m.participants.map((x: any) => [x.user.id, x.user.displayName]));
    expect(m.participants.every((x: any) => x.present === false)).toBe(true);
    const minutes: string = done.minutes;
    expect(minutes).toBe(m.minutes);
    expect(minutes).toMatch(/^某村征地补偿联席会议会议纪要\n/);
    expect(minutes).toContain('一、出席情况');
    for (const id of [ids.court, ids.procuratorate, ids.government, ids.deputy, ids.legal]) expect(minutes).toContain(names[id]);
    expect(minutes).toContain('补偿标准符合省定标准，建议统一解释');
    expect(minutes).toContain('群众反映强烈，建议尽快答复');
    expect(minutes).toContain('经联席会议研究（b）');
    expect(minutes).toContain('已批准');
    expect(minutes).toContain('会签单位：某县人民法院、某县人民政府、某县人民检察院');
    expect(minutes).toContain('决议：由县自然资源局牵头复核补偿台账，按统一口径答复');
    expect(minutes).toContain('责任单位：某县自然资源局');
    expectErrorCode(await deputy.query(JOIN, { id: meeting.id }), 'MEETING_NOT_IN_SESSION');

    const url = `/exports/meetings/${meeting.id}/minutes.docx`;
    const binary = (res: any, cb: (err: Error | null, body: Buffer) => void) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    };
    const get = (token?: string, path = url) => {
      const r = request(t.baseUrl).get(path).buffer(true).parse(binary);
      return token ? r.set('authorization', `Bearer ${token}`) : r;
    };
    expect((await get()).status).toBe(401);
    expect((await get(p.land.token)).status).toBe(404);
    expect((await get(p.registrar.token, '/exports/meetings/00000000-0000-0000-0000-000000000000/minutes.docx')).status).toBe(404);
    const res = await get(legal.token);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const xml = readZipEntry(res.body as Buffer, 'word/document.xml')!;
    expect(xml).toContain('某村征地补偿联席会议会议纪要');
    expect(xml).toContain('一、出席情况');
    expect(xml).toContain('由县自然资源局牵头复核补偿台账，按统一口径答复');
    sub.dispose();
  });

  it('records two simultaneous final sign-offs and approves the wording exactly once', async () => {
    const rounds = ENGINE === 'mysql' ? 5 : 2;
    for (let round = 0; round < rounds; round++) {
      const mId = await newMatter(`并发会签第 ${round + 1} 轮`);
      const m = (await schedule({ participantIds: [ids.court, ids.procuratorate, ids.government], agenda: [{ matterId: mId }] })).data!.scheduleJointMeeting;
      const item = m.agenda[0].id;
      await p.registrar.ok(START, { id: m.id });
      const { proposeWording: prop } = await p.court.ok(PROPOSE, { input: { agendaItemId: item, ...WORDING(`r${round}`) } });
      await p.court.ok(SIGN, { i: item });
      const both = await Promise.all([p.procuratorate.query(SIGN, { i: item }), p.government.query(SIGN, { i: item })]);
      expect(both.map((r) => r.errors)).toEqual([undefined, undefined]);
      const { jointMeeting: after } = await p.registrar.ok(MEETING, { id: m.id });
      expect(after.agenda[0]).toMatchObject({ status: 'AGREED', proposedWording: { id: prop.proposedWording.id, status: 'APPROVED' } });
      const ds = t.server.runtime.db.dataSource;
      const approvals = await ds.getRepository(JointMeetingEventRecord).countBy({ meetingId: m.id, type: 'WORDING_APPROVED' as never });
      const signOffs = await ds.getRepository(JointMeetingEventRecord).countBy({ meetingId: m.id, type: 'SIGNED_OFF' as never });
      expect({ approvals, signOffs }).toEqual({ approvals: 1, signOffs: 3 });
      expect((await ds.getRepository(ReplyWording).findBy({ matterId: mId })).map((w) => w.status)).toEqual(['APPROVED']);
    }
  }, 60_000);
});
