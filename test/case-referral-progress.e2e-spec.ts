import { expectErrorCode } from './harness/graphql-client';
import { ASSIGN_CASE, REGISTER_CASE, acceptedCase, letterInput, seedCountyPeople, type CountyPeople } from './harness/case-fixtures';
import { CREATE_UNIT, uniq } from './harness/fixtures';
import { createTestServer, type TestServer } from './harness/test-server';

const REFER_CASE = `mutation ReferCase($input: ReferCaseInput!) {
  referCase(input: $input) { id serialNo status referredFrom { id } referredFromCase { id status referrals { id } } }
}`;
const CASE = `query($id: ID!) {
  case(id: $id) {
    id serialNo status summary
    referredFrom { id name }
    referredFromCase { id }
    referrals { id status replies { body unit { id } } assignments { id status unit { id } } }
    petitioners { name idNumberMasked }
    replies { body outcome unit { id } }
    timeline { type detail }
  }
}`;
const CASE_LIST = 'query { cases(first: 100) { totalCount edges { node { id } } } }';
const ACCEPT = 'mutation($id: ID!) { acceptCase(id: $id) { id status } }';
const ACCEPT_ASSIGNMENT = 'mutation($id: ID!) { acceptAssignment(id: $id) { id status } }';
const REPORT = 'mutation($i: ReportResultInput!) { reportResult(input: $i) { id status case { id status } } }';
const REVIEW = 'mutation($id: ID!) { reviewResult(assignmentId: $id, approve: true) { id status case { id status } } }';
const REPLY = 'mutation($i: ReplyInput!) { replyToPetitioner(input: $i) { id body unit { id } case { id status } } }';
const CLOSE = 'mutation($id: ID!, $s: Satisfaction) { closeCase(id: $id, satisfaction: $s) { id status } }';
const PROGRESS = 'query CaseProgress($queryCode: String!) { caseProgress(queryCode: $queryCode) { serialNo status receivedAt steps { at label } reply { body repliedAt } } }';
const RATE = 'mutation RateCase($queryCode: String!, $satisfaction: Satisfaction!) { rateCase(queryCode: $queryCode, satisfaction: $satisfaction) { serialNo satisfaction } }';

const ids = (list: Array<{ id: string }>) => list.map((x) => x.id).sort();

describe('批转 and the petitioner’s query code', () => {
  let t: TestServer;
  let p: CountyPeople;

  beforeAll(async () => {
    t = await createTestServer();
    p = await seedCountyPeople(t);
  });
  afterAll(() => t?.close());


  describe('referral from the city congress to the county congress', () => {
    it('makes a county case the county handles and the city follows', async () => {
      const upper = await acceptedCase(p.cityRegistrar, { summary: '市人大收到的反映征地补偿问题来信' });

      const { referCase: lower } = await p.cityRegistrar.ok(REFER_CASE, { input: { caseId: upper.id, toUnitId: p.county.congress, note: '请依法处理并报结果' } });
      expect(lower).toMatchObject({
        status: 'REGISTERED',
        referredFrom: { id: p.county.cityCongress },
        referredFromCase: { id: upper.id, status: 'ASSIGNED', referrals: [{ id: lower.id }] },
      });
      expect(lower.id).not.toBe(upper.id);
      expect(lower.serialNo).toMatch(/^\d{4}-\d{6}$/);

      // the city's case: ASSIGNED, listing the lower case, the referral on its timeline
      const { case: up } = await p.cityRegistrar.ok(CASE, { id: upper.id });
      expect(up.status).toBe('ASSIGNED');
      expect(ids(up.referrals)).toEqual([lower.id]);
      expect(up.timeline.map((e: { type: string }) => e.type)).toEqual(['REGISTERED', 'ACCEPTED', 'REFERRED']);
      expect(up.timeline[2].detail).toContain('请依法处理并报结果');

      // the county sees the new case, with the petitioners and the contents, but not the city's own case
      const { case: down } = await p.registrar.ok(CASE, { id: lower.id });
      expect(down).toMatchObject({
        status: 'REGISTERED',
        summary: '市人大收到的反映征地补偿问题来信',
        referredFrom: { id: p.county.cityCongress },
        referredFromCase: null,
        petitioners: [{ name: '张三', idNumberMasked: '110105********002X' }],
      });
      expect((await p.registrar.ok(CASE_LIST)).cases.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(lower.id);
      expectErrorCode(await p.registrar.query(CASE, { id: upper.id }), 'NOT_FOUND');

      // the county processes it: accept, assign to the court, result, review, reply
      expect((await p.registrar.ok(ACCEPT, { id: lower.id })).acceptCase.status).toBe('ACCEPTED');
      const { assignCase: a } = await p.registrar.ok(ASSIGN_CASE, { input: { caseId: lower.id, unitId: p.county.court, mode: 'ASSIGN', dueInDays: 30 } });
      expect(a.case).toEqual({ id: lower.id, status: 'ASSIGNED' });
      await p.court.ok(ACCEPT_ASSIGNMENT, { id: a.id });
      const { reportResult } = await p.court.ok(REPORT, { i: { assignmentId: a.id, outcome: 'EXPLAINED', report: '经查，补偿款已按标准发放。' } });
      expect(reportResult.case.status).toBe('RESULT_REPORTED');
      expect((await p.registrar.ok(REVIEW, { id: a.id })).reviewResult.status).toBe('COMPLETED');
      const { replyToPetitioner: r } = await p.court.ok(REPLY, {
        i: { caseId: lower.id, method: 'WRITTEN', outcome: 'EXPLAINED', body: '张三：经核查，补偿款已足额发放，特此答复。' },
      });
      expect(r).toMatchObject({ unit: { id: p.county.court }, case: { id: lower.id, status: 'REPLIED' } });

      // the city reads the result and the reply, both on the lower case and through its own case's referrals
      const { case: lowerAtCity } = await p.cityRegistrar.ok(CASE, { id: lower.id });
      expect(lowerAtCity.status).toBe('REPLIED');
      expect(lowerAtCity.referredFromCase).toEqual({ id: upper.id });
      expect(lowerAtCity.replies).toEqual([{ body: '张三：经核查，补偿款已足额发放，特此答复。', outcome: 'EXPLAINED', unit: { id: p.county.court } }]);
      const { case: upperNow } = await p.cityRegistrar.ok(CASE, { id: upper.id });
      expect(upperNow.referrals).toEqual([
        {
          id: lower.id,
          status: 'REPLIED',
          replies: [{ body: '张三：经核查，补偿款已足额发放，特此答复。', unit: { id: p.county.court } }],
          assignments: [{ id: a.id, status: 'COMPLETED', unit: { id: p.county.court } }],
        },
      ]);

      // the city may read but not act on the county's copy
      expectErrorCode(await p.cityRegistrar.query(CLOSE, { id: lower.id }), 'FORBIDDEN');
      expect((await p.registrar.ok(CLOSE, { id: lower.id })).closeCase.status).toBe('CLOSED');
    });

    it('refuses a target that is not a congress directly below, a case not yet accepted, and a lower office', async () => {
      const upper = await acceptedCase(p.cityRegistrar);
      const township = (
        await t.admin.ok(CREATE_UNIT, { input: { code: `town-rd-${uniq()}`, name: '某镇人大主席团', kind: 'CONGRESS', level: 'TOWNSHIP', parentId: p.county.congress } })
      ).createUnit.id;
      const otherCity = (await t.admin.ok(CREATE_UNIT, { input: { code: `city2-rd-${uniq()}`, name: '另一市人大常委会', kind: 'CONGRESS', level: 'CITY' } })).createUnit.id;
      const otherCounty = (
        await t.admin.ok(CREATE_UNIT, { input: { code: `county2-rd-${uniq()}`, name: '另一县人大常委会', kind: 'CONGRESS', level: 'COUNTY', parentId: otherCity } })
      ).createUnit.id;

      for (const toUnitId of [p.county.court, p.county.government, township, p.county.cityCongress, otherCounty, '00000000-0000-4000-8000-000000000000']) {
        expectErrorCode(await p.cityRegistrar.query(REFER_CASE, { input: { caseId: upper.id, toUnitId } }), 'BAD_USER_INPUT', 'toUnitId');
      }
      // nothing happened to the city's case
      const { case: still } = await p.cityRegistrar.ok(CASE, { id: upper.id });
      expect(still).toMatchObject({ status: 'ACCEPTED', referrals: [] });

      // only an accepted case is referred
      const { registerCase: fresh } = await p.cityRegistrar.ok(REGISTER_CASE, { input: letterInput() });
      expectErrorCode(await p.cityRegistrar.query(REFER_CASE, { input: { caseId: fresh.id, toUnitId: p.county.congress } }), 'INVALID_TRANSITION');

      // the county office cannot see the city's case, so to it the case does not exist
      const before = (await p.registrar.ok(CASE_LIST)).cases.totalCount;
      expectErrorCode(await p.registrar.query(REFER_CASE, { input: { caseId: upper.id, toUnitId: township } }), 'NOT_FOUND', 'caseId');
      // and a county case cannot be referred down by the city office, which sees but does not own it
      const countyCase = await acceptedCase(p.registrar);
      expectErrorCode(await p.cityRegistrar.query(REFER_CASE, { input: { caseId: countyCase.id, toUnitId: township } }), 'FORBIDDEN');
      expect((await p.registrar.ok(CASE_LIST)).cases.totalCount).toBe(before + 1);
      expect((await p.cityRegistrar.ok(CASE, { id: upper.id })).case.status).toBe('ACCEPTED');
    });
  });

  describe('a referred case stays routed', () => {
    it('withdrawing another unit’s assignment does not send a referred case back for re-routing', async () => {
      const upper = await acceptedCase(p.cityRegistrar);
      const { referCase: lower } = await p.cityRegistrar.ok(REFER_CASE, { input: { caseId: upper.id, toUnitId: p.county.congress } });
      const { assignCase: a } = await p.cityRegistrar.ok(ASSIGN_CASE, { input: { caseId: upper.id, unitId: p.county.government, mode: 'TRANSFER', role: 'ASSIST' } });
      const { cancelAssignment } = await p.cityRegistrar.ok('mutation($id: ID!, $r: String!) { cancelAssignment(id: $id, reason: $r) { id status case { id status } } }', {
        id: a.id,
        r: '交办有误',
      });
      // the county congress is still handling the referral: the city's case is still routed, and cannot be referred twice
      expect(cancelAssignment).toMatchObject({ status: 'CANCELLED', case: { status: 'ASSIGNED' } });
      expectErrorCode(await p.cityRegistrar.query(REFER_CASE, { input: { caseId: upper.id, toUnitId: p.county.congress } }), 'INVALID_TRANSITION');
      expect((await p.cityRegistrar.ok(CASE, { id: upper.id })).case.referrals.map((r: { id: string }) => r.id)).toEqual([lower.id]);
    });
  });

  describe('a referral received on paper', () => {
    it('is registered with the upper congress named; a body that is not a superior congress is refused', async () => {
      const { registerCase: c } = await p.registrar.ok(REGISTER_CASE, { input: letterInput({ referredFromUnitId: p.county.cityCongress }) });
      expect(c).toMatchObject({ status: 'REGISTERED', referredFrom: { id: p.county.cityCongress, name: '某市人大常委会' } });

      const before = (await p.registrar.ok(CASE_LIST)).cases.totalCount;
      for (const unit of [p.county.court, p.county.government, p.county.congress, '00000000-0000-4000-8000-000000000000']) {
        expectErrorCode(await p.registrar.query(REGISTER_CASE, { input: letterInput({ referredFromUnitId: unit }) }), 'BAD_USER_INPUT', 'referredFromUnitId');
      }
      // the city office's superior is none of the county's units
      expectErrorCode(await p.cityRegistrar.query(REGISTER_CASE, { input: letterInput({ referredFromUnitId: p.county.congress }) }), 'BAD_USER_INPUT', 'referredFromUnitId');
      expect((await p.registrar.ok(CASE_LIST)).cases.totalCount).toBe(before);
    });
  });

  describe('the petitioner’s view with the query code', () => {
    it('shows only the public progress, rates once after the reply, and blocks the office’s phone rating afterwards', async () => {
      const c = await acceptedCase(p.registrar);
      const { assignCase: a } = await p.registrar.ok(ASSIGN_CASE, { input: { caseId: c.id, unitId: p.county.court, mode: 'TRANSFER' } });
      await p.court.ok(ACCEPT_ASSIGNMENT, { id: a.id });

      const { caseProgress: before } = await t.client.ok(PROGRESS, { queryCode: c.queryCode });
      expect(before).toEqual({
        serialNo: c.serialNo,
        status: 'ASSIGNED',
        receivedAt: '2026-03-31T15:30:00.000Z',
        steps: [
          { at: expect.any(String), label: '已登记' },
          { at: expect.any(String), label: '已受理' },
          { at: expect.any(String), label: '已转交有关单位办理' },
        ],
        reply: null,
      });
      // a code typed in lower case is the same code
      expect((await t.client.ok(PROGRESS, { queryCode: c.queryCode.toLowerCase() })).caseProgress.serialNo).toBe(c.serialNo);

      // no rating before a reply
      const early = expectErrorCode(await t.client.query(RATE, { queryCode: c.queryCode, satisfaction: 'SATISFIED' }), 'INVALID_TRANSITION');
      expect(early.extensions).toMatchObject({ currentState: 'ASSIGNED' });

      await p.court.ok(REPLY, { i: { caseId: c.id, method: 'WRITTEN', outcome: 'SUPPORTED', body: '张三：您反映的问题已解决，特此答复。' } });
      const { caseProgress: after } = await t.client.ok(PROGRESS, { queryCode: c.queryCode });
      expect(after.status).toBe('REPLIED');
      expect(after.reply).toEqual({ body: '张三：您反映的问题已解决，特此答复。', repliedAt: expect.stringMatching(/Z$/) });
      expect(after.steps.map((s: { label: string }) => s.label)).toEqual(['已登记', '已受理', '已转交有关单位办理', '已答复']);

      expect((await t.client.ok(RATE, { queryCode: c.queryCode, satisfaction: 'BASICALLY_SATISFIED' })).rateCase).toEqual({
        serialNo: c.serialNo,
        satisfaction: 'BASICALLY_SATISFIED',
      });
      expectErrorCode(await t.client.query(RATE, { queryCode: c.queryCode, satisfaction: 'DISSATISFIED' }), 'ALREADY_EXISTS');
      // the office cannot overwrite it with a phone rating, but may close without one
      expectErrorCode(await p.registrar.query(CLOSE, { id: c.id, s: 'SATISFIED' }), 'ALREADY_EXISTS', 'satisfaction');
      expect((await p.registrar.ok('query($id: ID!) { case(id: $id) { status satisfaction } }', { id: c.id })).case).toEqual({ status: 'REPLIED', satisfaction: 'BASICALLY_SATISFIED' });
      expect((await p.registrar.ok(CLOSE, { id: c.id })).closeCase.status).toBe('CLOSED');
      expect((await p.registrar.ok('query($id: ID!) { case(id: $id) { satisfaction timeline { type actor { id } } } }', { id: c.id })).case).toMatchObject({
        satisfaction: 'BASICALLY_SATISFIED',
        timeline: expect.arrayContaining([{ type: 'RATED', actor: null }]),
      });
      const closed = (await t.client.ok(PROGRESS, { queryCode: c.queryCode })).caseProgress;
      expect(closed.status).toBe('CLOSED');
      expect(closed.steps.map((s: { label: string }) => s.label).slice(-2)).toEqual(['已评价', '已办结']);
    });

    it('the office records a phone rating (回访) at closing when the petitioner has not rated', async () => {
      const c = await acceptedCase(p.registrar);
      const reply = { i: { caseId: c.id, method: 'PHONE', outcome: 'EXPLAINED', body: '电话答复：已向信访人解释政策。' } };
      await p.registrar.ok(ASSIGN_CASE, { input: { caseId: c.id, unitId: p.county.government, mode: 'TRANSFER' } });
      // the office answers itself (统一答复)
      expect((await p.registrar.ok(REPLY, reply)).replyToPetitioner).toMatchObject({ unit: { id: p.county.congress }, case: { status: 'REPLIED' } });
      expect((await p.registrar.ok(CLOSE, { id: c.id, s: 'DISSATISFIED' })).closeCase.status).toBe('CLOSED');
      expect((await p.registrar.ok('query($id: ID!) { case(id: $id) { satisfaction assignments { status } } }', { id: c.id })).case).toEqual({
        satisfaction: 'DISSATISFIED',
        assignments: [{ status: 'COMPLETED' }],
      });
    });

    it('the petitioner may still rate a case the office closed without a rating', async () => {
      const c = await acceptedCase(p.registrar);
      await p.registrar.ok(ASSIGN_CASE, { input: { caseId: c.id, unitId: p.county.government, mode: 'TRANSFER' } });
      await p.government.ok(REPLY, { i: { caseId: c.id, method: 'WRITTEN', outcome: 'NOT_SUPPORTED', body: '经研究，您的请求不符合政策规定，不予支持。' } });
      expect((await p.registrar.ok(CLOSE, { id: c.id })).closeCase.status).toBe('CLOSED');
      expect((await t.client.ok(RATE, { queryCode: c.queryCode, satisfaction: 'DISSATISFIED' })).rateCase).toEqual({ serialNo: c.serialNo, satisfaction: 'DISSATISFIED' });
      expectErrorCode(await t.client.query(RATE, { queryCode: c.queryCode, satisfaction: 'SATISFIED' }), 'ALREADY_EXISTS');
      expect((await p.registrar.ok('query($id: ID!) { case(id: $id) { status satisfaction } }', { id: c.id })).case).toEqual({ status: 'CLOSED', satisfaction: 'DISSATISFIED' });
    });

    it('shows one registration step, also after the case was put under a matter', async () => {
      const c = await acceptedCase(p.registrar);
      await p.registrar.ok('mutation($input: CreateMatterInput!) { createMatter(input: $input) { id } }', { input: { title: '某村征地补偿', caseIds: [c.id] } });
      const { caseProgress } = await t.client.ok(PROGRESS, { queryCode: c.queryCode });
      expect(caseProgress.steps.map((s: { label: string }) => s.label)).toEqual(['已登记', '已受理']);
    });

    it('a wrong code and an unknown code get the identical NOT_FOUND; nothing about the case leaks', async () => {
      const c = await acceptedCase(p.registrar);
      const unknown = await t.client.query(PROGRESS, { queryCode: 'ZZZZZZZZZZZZ' });
      const wrong = await t.client.query(PROGRESS, { queryCode: `${c.queryCode.slice(0, -1)}${c.queryCode.endsWith('A') ? 'B' : 'A'}` });
      const malformed = await t.client.query(PROGRESS, { queryCode: 'not a code!' });
      for (const res of [unknown, wrong, malformed]) {
        expectErrorCode(res, 'NOT_FOUND');
        expect(res.data ?? null).toBeNull();
      }
      expect(wrong.errors).toEqual(unknown.errors);
      expect(malformed.errors).toEqual(unknown.errors);
      // rating with a wrong code: the same answer
      const rate = await t.client.query(RATE, { queryCode: 'ZZZZZZZZZZZZ', satisfaction: 'SATISFIED' });
      expect(rate.errors?.[0].message).toBe(unknown.errors![0].message);
      expect(rate.errors?.[0].extensions).toEqual(unknown.errors![0].extensions);
    });

    it('CaseProgress leads nowhere: only scalars, enums and the two public step/reply types', async () => {
      const TYPE = `query($name: String!) { __type(name: $name) { kind fields { name type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }`;
      type TypeRef = { kind: string; name: string | null; ofType?: TypeRef | null };
      const named = (ref: TypeRef): TypeRef => (ref.ofType ? named(ref.ofType) : ref);
      const fieldsOf = async (name: string) => {
        const { __type } = await t.client.ok(TYPE, { name });
        expect(__type.kind).toBe('OBJECT');
        return (__type.fields as Array<{ name: string; type: TypeRef }>).map((f) => ({ field: f.name, kind: named(f.type).kind, name: named(f.type).name }));
      };

      const progress = await fieldsOf('CaseProgress');
      expect(progress.map((f) => f.field).sort()).toEqual(['receivedAt', 'reply', 'satisfaction', 'serialNo', 'status', 'steps']);
      for (const f of progress) {
        if (f.kind === 'OBJECT') expect(['ProgressStep', 'ProgressReply']).toContain(f.name);
        else expect(['SCALAR', 'ENUM']).toContain(f.kind);
      }
      for (const inner of ['ProgressStep', 'ProgressReply', 'RatingResult']) {
        for (const f of await fieldsOf(inner)) expect(['SCALAR', 'ENUM']).toContain(f.kind);
      }
      // and the query itself: the client cannot ask for anything beyond it
      expectErrorCode(await t.client.query('query($q: String!) { caseProgress(queryCode: $q) { serialNo case { id } } }', { q: 'ZZZZZZZZZZZZ' }), 'BAD_USER_INPUT');
    });
  });

  describe('guessing query codes is throttled', () => {
    let fresh: TestServer;
    afterAll(() => fresh?.close());

    it('after 20 wrong codes from one address even the right code is refused with TOO_MANY_REQUESTS', async () => {
      fresh = await createTestServer();
      const q = await seedCountyPeople(fresh);
      const { registerCase: c } = await q.registrar.ok(REGISTER_CASE, { input: letterInput() });

      for (let i = 0; i < 19; i++) expectErrorCode(await fresh.client.query(PROGRESS, { queryCode: `WRONG${String(i).padStart(7, '0')}` }), 'NOT_FOUND');
      // the 19th miss still leaves the right code working
      expect((await fresh.client.ok(PROGRESS, { queryCode: c.queryCode })).caseProgress.serialNo).toBe(c.serialNo);
      // the 20th miss locks the address
      expectErrorCode(await fresh.client.query(PROGRESS, { queryCode: 'WRONG0000019' }), 'NOT_FOUND');
      expectErrorCode(await fresh.client.query(PROGRESS, { queryCode: c.queryCode }), 'TOO_MANY_REQUESTS');
      expectErrorCode(await fresh.client.query(RATE, { queryCode: c.queryCode, satisfaction: 'SATISFIED' }), 'TOO_MANY_REQUESTS');
      expectErrorCode(await fresh.client.query(PROGRESS, { queryCode: 'WRONG0000020' }), 'TOO_MANY_REQUESTS');
      // signed-in work is not affected by the lock
      expect((await q.registrar.ok('query($id: ID!) { case(id: $id) { id } }', { id: c.id })).case.id).toBe(c.id);
    });

    it('parallel guesses cannot exceed the limit: each is counted before the code is looked up', async () => {
      const burst = await createTestServer();
      try {
        const guesses = await Promise.all(
          Array.from({ length: 40 }, (_, i) => burst.client.query(PROGRESS, { queryCode: `PARALLEL${String(i).padStart(4, '0')}` })),
        );
        const codes = guesses.map((g) => g.errors?.[0]?.extensions?.code);
        expect(codes.filter((c) => c === 'NOT_FOUND').length).toBeLessThanOrEqual(20);
        expect(codes.filter((c) => c === 'TOO_MANY_REQUESTS').length).toBeGreaterThanOrEqual(20);
        expect(new Set(codes)).toEqual(new Set(['NOT_FOUND', 'TOO_MANY_REQUESTS']));
      } finally {
        await burst.close();
      }
    });
  });
});
