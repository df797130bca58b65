import { expectErrorCode, type GraphQLTestClient } from './harness/graphql-client';
import { CREATE_UNIT, seedUser, uniq } from './harness/fixtures';
import { ASSIGN_CASE, acceptedCase, seedCountyPeople, type CountyPeople } from './harness/case-fixtures';
import { createTestServer, type TestServer } from './harness/test-server';
import { connectLive, type LiveClient } from './harness/ws-client';

const CREATE_MATTER = 'mutation($input: CreateMatterInput!) { createMatter(input: $input) { id title } }';
const DRAFT = `mutation DraftReplyWording($input: DraftReplyWordingInput!) {
  draftReplyWording(input: $input) { id version status outcome body coreStatements }
}`;
const APPROVE = `mutation ApproveReplyWording($id: ID!) {
  approveReplyWording(id: $id) { id version status approvedAt matter { id currentWording { id version } } }
}`;
const MATTER = `query Matter($id: ID!) {
  matter(id: $id) {
    id title
    cases { id serialNo status }
    currentWording { id version outcome body coreStatements }
    wordings { id version status }
    replies { id outcome unit { id name } }
  }
}`;
const PUBLISHED = 'subscription ReplyWordingPublished { replyWordingPublished { id version outcome matter { id title } } }';
const REPLY = 'mutation($input: ReplyInput!) { replyToPetitioner(input: $input) { id outcome wording { id version } case { id status } } }';
const RENDER = 'query($w: ID!, $c: ID!) { renderReplyWording(wordingId: $w, caseId: $c) }';

const CORE = ['补偿款已按省定标准足额发放', '如对答复不服，可在收到答复之日起30日内申请复查。'];
const BODY = `{{petitionerName}}：您于{{receivedDate}}反映的问题（编号{{serialNo}}）已收悉。经核查，${CORE[0]}。${CORE[1]}`;

describe('unified reply wording (统一答复口径)', () => {
  let t: TestServer;
  let p: CountyPeople;
  let siblingCourt: GraphQLTestClient;
  let siblingRegistrar: GraphQLTestClient;
  const sockets: LiveClient[] = [];
  const live = (client: GraphQLTestClient) => {
    const c = connectLive(t.wsUrl, client.token);
    sockets.push(c);
    return c;
  };

  beforeAll(async () => {
    t = await createTestServer({ DEADLINE_SCAN_INTERVAL_MS: '3600000' });
    p = await seedCountyPeople(t);
    const s = uniq();
    const unit = async (input: Record<string, unknown>) => (await t.admin.ok(CREATE_UNIT, { input })).createUnit.id as string;
    const siblingCongress = await unit({ code: `sib-rd-${s}`, name: '邻县人大常委会', kind: 'CONGRESS', level: 'COUNTY', parentId: p.county.cityCongress });
    const siblingCourtUnit = await unit({ code: `sib-court-${s}`, name: '邻县人民法院', kind: 'COURT', level: 'COUNTY' });
    const login = async (unitId: string, roles: string[]) => {
      const u = await seedUser(t.admin, unitId, roles);
      return t.login(u.username, u.password);
    };
    siblingCourt = await login(siblingCourtUnit, ['LIAISON']);
    siblingRegistrar = await login(siblingCongress, ['REGISTRAR']);
  });
  afterAll(async () => {
    await Promise.all(sockets.map((x) => x.close()));
    await t?.close();
  });

  /** Two accepted letters under one new matter: the first routed to the court, the second to the government. */
  async function matterWithTwoCases(title: string) {
    const a = await acceptedCase(p.registrar);
    const b = await acceptedCase(p.registrar, { petitioners: [{ name: '李四' }, { name: '王五' }] });
    const { createMatter: m } = await p.registrar.ok(CREATE_MATTER, { input: { title, caseIds: [a.id, b.id] } });
    await p.registrar.ok(ASSIGN_CASE, { input: { caseId: a.id, unitId: p.county.court, mode: 'TRANSFER' } });
    await p.registrar.ok(ASSIGN_CASE, { input: { caseId: b.id, unitId: p.county.government, mode: 'TRANSFER' } });
    return { a, b, matterId: m.id as string, title };
  }

  const draft = async (matterId: string, over: Record<string, unknown> = {}) =>
    (await p.registrar.ok(DRAFT, { input: { matterId, outcome: 'EXPLAINED', body: BODY, coreStatements: CORE, ...over } })).draftReplyWording;

  describe('on a matter with two cases', () => {
    let m: Awaited<ReturnType<typeof matterWithTwoCases>>;
    let v1: { id: string };
    let v2: { id: string };

    beforeAll(async () => {
      m = await matterWithTwoCases('某村征地补偿（口径）');
    });

    it('drafts versions, approves one, supersedes it with the next, and publishes each to the matter\'s bodies only', async () => {
      const court = await live(p.court).subscribe(PUBLISHED);
      const office = await live(p.registrar).subscribe(PUBLISHED);
      const sibling = await live(siblingCourt).subscribe(PUBLISHED);
      const procuratorate = await live(p.procuratorate).subscribe(PUBLISHED);

      v1 = await draft(m.matterId);
      expect(v1).toMatchObject({ version: 1, status: 'DRAFT', outcome: 'EXPLAINED', body: BODY, coreStatements: CORE });
      v2 = await draft(m.matterId, { body: `${BODY}特此答复。`, coreStatements: [...CORE, '特此答复'] });
      expect(v2).toMatchObject({ version: 2, status: 'DRAFT' });
      let { matter } = await p.registrar.ok(MATTER, { id: m.matterId });
      expect(matter.currentWording).toBeNull();
      expect(matter.wordings).toEqual([
        { id: v2.id, version: 2, status: 'DRAFT' },
        { id: v1.id, version: 1, status: 'DRAFT' },
      ]);

      const { approveReplyWording: first } = await p.registrar.ok(APPROVE, { id: v1.id });
      expect(first).toMatchObject({ id: v1.id, status: 'APPROVED', matter: { id: m.matterId, currentWording: { id: v1.id, version: 1 } } });
      expect(Date.parse(first.approvedAt)).toBeGreaterThan(Date.now() - 60_000);
      for (const sub of [court, office]) {
        expect((await sub.next()).data).toEqual({ replyWordingPublished: { id: v1.id, version: 1, outcome: 'EXPLAINED', matter: { id: m.matterId, title: m.title } } });
      }

      await p.leader.ok(APPROVE, { id: v2.id });
      ({ matter } = await p.court.ok(MATTER, { id: m.matterId }));
      expect(matter.currentWording).toMatchObject({ id: v2.id, version: 2, coreStatements: [...CORE, '特此答复'] });
      expect(matter.wordings).toEqual([
        { id: v2.id, version: 2, status: 'APPROVED' },
        { id: v1.id, version: 1, status: 'SUPERSEDED' },
      ]);
      expect((await court.next()).data.replyWordingPublished).toMatchObject({ id: v2.id, version: 2 });
      expect((await office.next()).data.replyWordingPublished).toMatchObject({ id: v2.id, version: 2 });

      // a superseded or approved version is not approved again
      const again = expectErrorCode(await p.registrar.query(APPROVE, { id: v1.id }), 'INVALID_TRANSITION', 'id');
      expect(again.extensions).toMatchObject({ currentState: 'SUPERSEDED' });
      expect(await sibling.drain(300)).toEqual([]);
      expect(await procuratorate.drain(0)).toEqual([]);
      for (const sub of [court, office, sibling, procuratorate]) sub.dispose();
    });

    it('refuses a reply naming no wording, an outdated one, another outcome or a missing core statement, and lists what is missing', async () => {
      const input = { caseId: m.a.id, method: 'WRITTEN', outcome: 'EXPLAINED', wordingId: v2.id, body: `张三：经核查，${CORE.join('')}特此答复。` };
      expectErrorCode(await p.court.query(REPLY, { input: { ...input, wordingId: null } }), 'REPLY_WORDING_MISMATCH', 'wordingId');
      const outdated = expectErrorCode(await p.court.query(REPLY, { input: { ...input, wordingId: v1.id } }), 'REPLY_WORDING_OUTDATED', 'wordingId');
      expect(outdated.extensions?.currentWordingId).toBe(v2.id);
      const outcome = expectErrorCode(await p.court.query(REPLY, { input: { ...input, outcome: 'SUPPORTED' } }), 'REPLY_WORDING_MISMATCH', 'outcome');
      expect(outcome.extensions?.expectedOutcome).toBe('EXPLAINED');
      const missing = expectErrorCode(await p.court.query(REPLY, { input: { ...input, body: `张三：经核查，${CORE[0]}。特此答复。` } }), 'REPLY_WORDING_MISMATCH', 'body');
      expect(missing.extensions?.missingStatements).toEqual([CORE[1]]);
      // nothing was recorded
      expect((await p.registrar.ok('query($id: ID!) { case(id: $id) { status replies { id } } }', { id: m.a.id })).case).toEqual({ status: 'ASSIGNED', replies: [] });
    });

    it('accepts a conforming reply despite full-width punctuation and whitespace differences', async () => {
      const body = '张三：\n  经核查， 补偿款已按省定标准 足额发放.如对答复不服,可在收到答复之日起 ３０ 日内申请复查. 特此答复.';
      const { replyToPetitioner: r } = await p.court.ok(REPLY, { input: { caseId: m.a.id, method: 'WRITTEN', outcome: 'EXPLAINED', wordingId: v2.id, body } });
      expect(r).toMatchObject({ outcome: 'EXPLAINED', wording: { id: v2.id, version: 2 }, case: { id: m.a.id, status: 'REPLIED' } });
    });

    it('shows each viewer the replies on the matter\'s cases it may see', async () => {
      const body = `李四、王五：经核查，${CORE.join('')}特此答复。`;
      const { replyToPetitioner: gov } = await p.government.ok(REPLY, { input: { caseId: m.b.id, method: 'WRITTEN', outcome: 'EXPLAINED', wordingId: v2.id, body } });
      const office = (await p.registrar.ok(MATTER, { id: m.matterId })).matter;
      expect(office.replies.map((r: { unit: { id: string } }) => r.unit.id)).toEqual([p.county.court, p.county.government]);
      expect(office.cases).toHaveLength(2);
      const court = (await p.court.ok(MATTER, { id: m.matterId })).matter;
      expect(court.cases.map((c: { id: string }) => c.id)).toEqual([m.a.id]);
      expect(court.replies.map((r: { unit: { id: string } }) => r.unit.id)).toEqual([p.county.court]);
      expect(court.replies.some((r: { id: string }) => r.id === gov.id)).toBe(false);
    });

    it('fills the placeholders for a case the viewer may see, and only for a case of the wording\'s matter', async () => {
      const { case: b } = await p.registrar.ok('query($id: ID!) { case(id: $id) { serialNo } }', { id: m.b.id });
      const { renderReplyWording } = await p.registrar.ok(RENDER, { w: v1.id, c: m.b.id });
      expect(renderReplyWording).toBe(`李四、王五：您于2026年3月31日反映的问题（编号${b.serialNo}）已收悉。经核查，${CORE[0]}。${CORE[1]}`);
      const { renderReplyWording: forCourt } = await p.court.ok(RENDER, { w: v2.id, c: m.a.id });
      expect(forCourt).toMatch(/^张三：您于2026年3月31日反映的问题/);
      expectErrorCode(await p.court.query(RENDER, { w: v2.id, c: m.b.id }), 'NOT_FOUND', 'caseId');
      expectErrorCode(await siblingRegistrar.query(RENDER, { w: v2.id, c: m.a.id }), 'NOT_FOUND');
      const other = await acceptedCase(p.registrar);
      expectErrorCode(await p.registrar.query(RENDER, { w: v2.id, c: other.id }), 'BAD_USER_INPUT', 'wordingId');
    });

    it('lets the office answer an accepted case of the matter itself, without routing it (ACCEPTED → REPLIED)', async () => {
      const c = await acceptedCase(p.registrar, { petitioners: [{ name: '赵六' }] });
      await p.registrar.ok('mutation($c: ID!, $m: ID!) { linkCaseToMatter(caseId: $c, matterId: $m) { id } }', { c: c.id, m: m.matterId });
      const { renderReplyWording: body } = await p.registrar.ok(RENDER, { w: v2.id, c: c.id });
      const { replyToPetitioner: r } = await p.registrar.ok(REPLY, { input: { caseId: c.id, method: 'WRITTEN', outcome: 'EXPLAINED', wordingId: v2.id, body } });
      expect(r.case).toEqual({ id: c.id, status: 'REPLIED' });
      const { case: after } = await p.registrar.ok('query($id: ID!) { case(id: $id) { timeline { type } replies { unit { id } } } }', { id: c.id });
      expect(after.timeline.map((e: { type: string }) => e.type)).toContain('REPLIED');
      expect(after.replies).toEqual([{ unit: { id: p.county.congress } }]);
    });

    it('keeps a unit that holds no assignment from answering an accepted case', async () => {
      const c = await acceptedCase(p.registrar);
      expectErrorCode(await p.court.query(REPLY, { input: { caseId: c.id, method: 'WRITTEN', outcome: 'EXPLAINED', body: '答复' } }), 'NOT_FOUND', 'caseId');
      const { replyToPetitioner: r } = await p.registrar.ok(REPLY, { input: { caseId: c.id, method: 'PHONE', outcome: 'EXPLAINED', body: '经研究，答复如下。' } });
      expect(r.case.status).toBe('REPLIED');
    });

    it('refuses to approve a wording without core statements or with one missing from its body, and changes nothing', async () => {
      const before = (await p.registrar.ok(MATTER, { id: m.matterId })).matter;
      const empty = await draft(m.matterId, { coreStatements: [] });
      expectErrorCode(await p.registrar.query(APPROVE, { id: empty.id }), 'BAD_USER_INPUT', 'coreStatements');
      const absent = await draft(m.matterId, { coreStatements: [...CORE, '已责成镇政府限期补发'] });
      const e = expectErrorCode(await p.registrar.query(APPROVE, { id: absent.id }), 'BAD_USER_INPUT', `coreStatements.${CORE.length}`);
      expect(e.extensions?.missingStatements).toEqual(['已责成镇政府限期补发']);
      const placeholder = await draft(m.matterId, { body: `${BODY}{{petitionerName}}已签收`, coreStatements: ['{{petitionerName}}已签收'] });
      expectErrorCode(await p.registrar.query(APPROVE, { id: placeholder.id }), 'BAD_USER_INPUT', 'coreStatements.0');

      const after = (await p.registrar.ok(MATTER, { id: m.matterId })).matter;
      expect(after.currentWording).toEqual(before.currentWording);
      expect(after.wordings.slice(0, 3)).toEqual([
        { id: placeholder.id, version: placeholder.version, status: 'DRAFT' },
        { id: absent.id, version: absent.version, status: 'DRAFT' },
        { id: empty.id, version: empty.version, status: 'DRAFT' },
      ]);
      expect(after.wordings.slice(3)).toEqual(before.wordings);
    });

    it('numbers drafts made at the same moment without a gap or a clash', async () => {
      const before = (await p.registrar.ok(MATTER, { id: m.matterId })).matter.wordings[0].version as number;
      const made = await Promise.all([1, 2, 3, 4].map(() => draft(m.matterId)));
      expect(made.map((w) => w.version).sort((x, y) => x - y)).toEqual([before + 1, before + 2, before + 3, before + 4]);
    });

    it('approves a draft exactly once when two approvals arrive together', async () => {
      const w = await draft(m.matterId);
      const answers = await Promise.all([p.registrar.query(APPROVE, { id: w.id }), p.leader.query(APPROVE, { id: w.id })]);
      expect(answers.filter((a) => a.data?.approveReplyWording?.status === 'APPROVED')).toHaveLength(1);
      expect(answers.map((a) => a.errors?.[0]?.extensions?.code ?? 'OK').sort()).toEqual(['INVALID_TRANSITION', 'OK']);
      const { matter } = await p.registrar.ok(MATTER, { id: m.matterId });
      expect(matter.wordings.filter((x: { status: string }) => x.status === 'APPROVED')).toEqual([{ id: w.id, version: w.version, status: 'APPROVED' }]);
    });
  });

  it('refuses drafting for a matter the viewer cannot see (NOT_FOUND) and to anyone outside the office', async () => {
    const m = await matterWithTwoCases('邻县看不到的事项');
    expectErrorCode(await siblingRegistrar.query(DRAFT, { input: { matterId: m.matterId, outcome: 'EXPLAINED', body: BODY, coreStatements: CORE } }), 'NOT_FOUND', 'matterId');
    expectErrorCode(await p.court.query(DRAFT, { input: { matterId: m.matterId, outcome: 'EXPLAINED', body: BODY, coreStatements: CORE } }), 'FORBIDDEN');
    const w = await draft(m.matterId);
    expectErrorCode(await siblingRegistrar.query(APPROVE, { id: w.id }), 'NOT_FOUND', 'id');
    expectErrorCode(await p.court.query(APPROVE, { id: w.id }), 'FORBIDDEN');
    // the city office holds the county's matters in its scope and may set their wording
    expect((await p.cityRegistrar.ok(APPROVE, { id: w.id })).approveReplyWording.status).toBe('APPROVED');
  });

  it('rejects a reply contradicting another body\'s earlier reply on the same matter while no wording is approved (CONFLICTING_REPLY)', async () => {
    const m = await matterWithTwoCases('撞车的事项');
    const { replyToPetitioner: courtReply } = await p.court.ok(REPLY, { input: { caseId: m.a.id, method: 'WRITTEN', outcome: 'EXPLAINED', body: '经核查，补偿款已发放。' } });
    const e = expectErrorCode(
      await p.government.query(REPLY, { input: { caseId: m.b.id, method: 'WRITTEN', outcome: 'NOT_SUPPORTED', body: '您的诉求于法无据，不予支持。' } }),
      'CONFLICTING_REPLY',
      'outcome',
    );
    expect(e.extensions).toMatchObject({ conflictingReplyId: courtReply.id, conflictingUnitName: '某县人民法院', conflictingOutcome: 'EXPLAINED' });
    expect(e.message).toContain('某县人民法院');
    // the same body may answer again differently; bodies that agree pass
    const { replyToPetitioner: agreed } = await p.government.ok(REPLY, { input: { caseId: m.b.id, method: 'WRITTEN', outcome: 'EXPLAINED', body: '经核查，补偿款已发放。' } });
    expect(agreed.case.status).toBe('REPLIED');
    const { replyToPetitioner: again } = await p.court.ok(REPLY, { input: { caseId: m.a.id, method: 'PHONE', outcome: 'EXPLAINED', body: '电话告知：补偿款已发放。' } });
    expect(again.outcome).toBe('EXPLAINED');
    // the office answering the matter's next case differently is another body too
    const c = await acceptedCase(p.registrar);
    await p.registrar.ok('mutation($c: ID!, $m: ID!) { linkCaseToMatter(caseId: $c, matterId: $m) { id } }', { c: c.id, m: m.matterId });
    expectErrorCode(await p.registrar.query(REPLY, { input: { caseId: c.id, method: 'WRITTEN', outcome: 'SUPPORTED', body: '予以支持。' } }), 'CONFLICTING_REPLY');
  });

  it('refuses a reply naming a wording of another matter, or one the replier cannot see', async () => {
    const m = await matterWithTwoCases('甲事项');
    const unrouted = await acceptedCase(p.registrar);
    const { createMatter: other } = await p.registrar.ok(CREATE_MATTER, { input: { title: '乙事项', caseIds: [unrouted.id] } });
    const w = await draft(other.id);
    await p.registrar.ok(APPROVE, { id: w.id });
    const body = `经核查，${CORE.join('')}`;
    expectErrorCode(await p.registrar.query(REPLY, { input: { caseId: m.a.id, method: 'WRITTEN', outcome: 'EXPLAINED', wordingId: w.id, body } }), 'REPLY_WORDING_MISMATCH', 'wordingId');
    // the court handles a case of the first matter only: the other matter's wording does not exist for it
    expectErrorCode(await p.court.query(REPLY, { input: { caseId: m.a.id, method: 'WRITTEN', outcome: 'EXPLAINED', wordingId: w.id, body } }), 'NOT_FOUND', 'wordingId');
  });
});
