import { LONG_TEXT_MAX, NAME_MAX, REASON_MAX, SUMMARY_MAX } from '../src/domain/text-rules';
import { expectErrorCode, type GraphQLResponse } from './harness/graphql-client';
import { ASSIGN_CASE, REGISTER_CASE, SAMPLE_ID, letterInput, seedCountyPeople, type CountyPeople } from './harness/case-fixtures';
import { CREATE_UNIT, uniq } from './harness/fixtures';
import { createTestServer, type TestServer } from './harness/test-server';

const REGISTER_ID = 'mutation($input: RegisterCaseInput!) { registerCase(input: $input) { id queryCode } }';
const DECLINE = 'mutation($id: ID!, $r: String!) { declineCase(id: $id, reason: $r) { id status } }';
const INSTRUCT = 'mutation($id: ID!, $t: String!) { instructCase(id: $id, text: $t) { id } }';
const REPLY = 'mutation($i: ReplyInput!) { replyToPetitioner(input: $i) { id body } }';
const ACCEPT_CASE = 'mutation($id: ID!) { acceptCase(id: $id) { id status } }';
const CASE = 'query($id: ID!) { case(id: $id) { id status summary category } }';
const LOGIN = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }';
const CHANGE_PASSWORD = 'mutation($o: String!, $n: String!) { changePassword(oldPassword: $o, newPassword: $n) { token } }';
const RATE = 'mutation($q: String!) { rateCase(queryCode: $q, satisfaction: SATISFIED) { satisfaction } }';
const CREATE_MATTER = 'mutation($input: CreateMatterInput!) { createMatter(input: $input) { id title } }';

interface FieldError {
  field: string;
  code: string;
  message: string;
}

/** The refusal's field errors, after checking the shape docs/rules.md promises: all of them, the first also as `field`. */
function fieldErrorsOf(res: GraphQLResponse): FieldError[] {
  const err = expectErrorCode(res, 'BAD_USER_INPUT');
  expect(res.errors).toHaveLength(1);
  const fieldErrors = err.extensions?.fieldErrors as FieldError[];
  expect(Array.isArray(fieldErrors)).toBe(true);
  expect(fieldErrors.length).toBeGreaterThan(0);
  expect(err.extensions?.field).toBe(fieldErrors[0].field);
  expect(err.message).toBe(fieldErrors[0].message);
  for (const fe of fieldErrors) {
    expect(fe.code).toBe('BAD_USER_INPUT');
    expect(fe.message).toMatch(/[\u4e00-\u9fa5]/);
  }
  return fieldErrors;
}

const fieldsOf = (res: GraphQLResponse) => fieldErrorsOf(res).map((fe) => fe.field);

describe('input hygiene: text limits, characters, blank names and dates, every field error at once', () => {
  let t: TestServer;
  let p: CountyPeople;
  const sql = <T = any>(query: string, params: unknown[] = []): Promise<T[]> => t.server.runtime.db.dataSource.query(query, params);
  /** Rows actually written, whoever could see them. */
  const stored = async () => {
    const [cases] = await sql<{ n: number | string }>('SELECT COUNT(*) AS n FROM petition_case');
    const [petitioners] = await sql<{ n: number | string }>('SELECT COUNT(*) AS n FROM petitioner');
    return { cases: Number(cases.n), petitioners: Number(petitioners.n) };
  };
  const registered = async () => (await p.registrar.ok(REGISTER_ID, { input: letterInput() })).registerCase as { id: string; queryCode: string };

  beforeAll(async () => {
    t = await createTestServer();
    p = await seedCountyPeople(t);
  });
  afterAll(() => t?.close());

  describe('every field error at once', () => {
    it('an empty summary and a bad ID number of the first petitioner are both reported, nothing is written', async () => {
      const before = await stored();
      const res = await p.registrar.query(REGISTER_CASE, {
        input: letterInput({ summary: '', petitioners: [{ name: '张三', idNumber: '110105194912310021' }] }),
      });
      const errors = fieldErrorsOf(res);
      expect(errors.map((e) => e.field)).toEqual(['summary', 'petitioners.0.idNumber']);
      expect(errors[0].message).toBe('内容摘要不能为空');
      expect(errors[1].message).toBe('身份证号码校验位不正确');
      expect(res.data?.registerCase ?? null).toBeNull();
      expect(await stored()).toEqual(before);
    });

    it('five problems in one registration, nested ones with their list index, in the order of the input', async () => {
      const before = await stored();
      const res = await p.registrar.query(REGISTER_CASE, {
        input: letterInput({
          receivedAt: '0000-01-01T00:00:00Z',
          category: '土地\n征收',
          summary: '摘'.repeat(SUMMARY_MAX + 1),
          petitioners: [
            { name: '张三', phone: '138-0013-8000' },
            { name: '\u200b\u200c\ufeff', idNumber: SAMPLE_ID, phone: '电话号码' },
          ],
        }),
      });
      expect(fieldsOf(res)).toEqual(['receivedAt', 'category', 'summary', 'petitioners.1.name', 'petitioners.1.phone']);
      expect(await stored()).toEqual(before);
    });

    it('a mutation with two text arguments reports both (login)', async () => {
      const res = await t.client.query(LOGIN, { u: 'u'.repeat(NAME_MAX + 1), p: 'p'.repeat(129) });
      const errors = fieldErrorsOf(res);
      expect(errors.map((e) => e.field)).toEqual(['username', 'password']);
      expect(errors[0].message).toBe(`登录名不超过 ${NAME_MAX} 个字符（现为 ${NAME_MAX + 1} 个）`);
    });

    it('changePassword: an over-long old password and a short new one, both at once', async () => {
      const res = await p.registrar.query(CHANGE_PASSWORD, { o: 'x'.repeat(129), n: 'short' });
      expect(fieldErrorsOf(res).map((e) => [e.field, e.message])).toEqual([
        ['oldPassword', '原密码不超过 128 个字符（现为 129 个）'],
        ['newPassword', '新密码至少 8 个字符'],
      ]);
    });

    it('a refusal a service finds about one field has the same shape, with one field error', async () => {
      const res = await p.registrar.query(REGISTER_CASE, { input: letterInput({ personCount: 1, petitioners: [{ name: '甲' }, { name: '乙' }] }) });
      expect(fieldErrorsOf(res)).toEqual([{ field: 'personCount', code: 'BAD_USER_INPUT', message: '人次不能少于登记的信访人数' }]);
    });

    it('a variable the server cannot coerce names its field in fieldErrors too', async () => {
      const res = await p.registrar.query(REGISTER_CASE, { input: letterInput({ receivedAt: '2026-03-31T23:30:00' }) });
      expect(fieldsOf(res)).toEqual(['receivedAt']);
    });
  });

  describe('over-long text of each class is refused; the limit itself is accepted', () => {
    it('names (≤ 100): a petitioner name, a unit name, a matter title', async () => {
      const name = (n: number) => '名'.repeat(n);
      expect(fieldsOf(await p.registrar.query(REGISTER_CASE, { input: letterInput({ petitioners: [{ name: name(NAME_MAX + 1) }] }) }))).toEqual([
        'petitioners.0.name',
      ]);
      const unit = (n: number) => ({ input: { code: `u-${uniq()}`, name: name(n), kind: 'GOVERNMENT', level: 'COUNTY' } });
      expect(fieldsOf(await t.admin.query(CREATE_UNIT, unit(NAME_MAX + 1)))).toEqual(['name']);
      expect((await t.admin.ok(CREATE_UNIT, unit(NAME_MAX))).createUnit.name).toBe(name(NAME_MAX));
      expect(fieldsOf(await p.registrar.query(CREATE_MATTER, { input: { title: name(NAME_MAX + 1) } }))).toEqual(['title']);
    });

    it('categories (≤ 100) and summaries (≤ 500): the largest values are stored whole', async () => {
      expect(fieldsOf(await p.registrar.query(REGISTER_CASE, { input: letterInput({ category: '类'.repeat(NAME_MAX + 1) }) }))).toEqual(['category']);
      const input = letterInput({ category: '类'.repeat(NAME_MAX), summary: '摘'.repeat(SUMMARY_MAX) });
      const { registerCase } = await p.registrar.ok(REGISTER_ID, { input });
      const { case: c } = await p.registrar.ok(CASE, { id: registerCase.id });
      expect([c.category.length, c.summary.length]).toEqual([NAME_MAX, SUMMARY_MAX]);
    });

    it('reasons (≤ 2,000): declining with a longer reason leaves the case as it was; 2,000 is accepted', async () => {
      const c = await registered();
      expect(fieldsOf(await p.registrar.query(DECLINE, { id: c.id, r: '由'.repeat(REASON_MAX + 1) }))).toEqual(['reason']);
      expect((await p.registrar.ok(CASE, { id: c.id })).case.status).toBe('REGISTERED');
      expect((await p.registrar.ok(DECLINE, { id: c.id, r: '由'.repeat(REASON_MAX) })).declineCase.status).toBe('DECLINED');
    });

    it('opinions (≤ 2,000): a leader instruction', async () => {
      const c = await registered();
      expect(fieldsOf(await p.leader.query(INSTRUCT, { id: c.id, t: '意'.repeat(REASON_MAX + 1) }))).toEqual(['text']);
    });

    it('letter content (≤ 50,000) and reply bodies: over the limit refused, the limit stored whole', async () => {
      const before = await stored();
      expect(fieldsOf(await p.registrar.query(REGISTER_CASE, { input: letterInput({ content: 'a'.repeat(LONG_TEXT_MAX + 1) }) }))).toEqual(['content']);
      expect(await stored()).toEqual(before);
      // Chinese text at the limit is 150,000 bytes in utf8mb4: more than MySQL's TEXT holds
      const { registerCase } = await p.registrar.ok(REGISTER_ID, { input: letterInput({ content: '信'.repeat(LONG_TEXT_MAX) }) });
      const [row] = await sql<{ content: string }>('SELECT content FROM petition_case WHERE id = ?', [registerCase.id]);
      expect(row.content).toHaveLength(LONG_TEXT_MAX);

      await p.registrar.ok(ACCEPT_CASE, { id: registerCase.id });
      await p.registrar.ok(ASSIGN_CASE, { input: { caseId: registerCase.id, unitId: p.county.government, mode: 'TRANSFER' } });
      const reply = (body: string) => ({ i: { caseId: registerCase.id, method: 'PHONE', outcome: 'EXPLAINED', body } });
      expect(fieldsOf(await p.registrar.query(REPLY, reply('b'.repeat(LONG_TEXT_MAX + 1))))).toEqual(['body']);
    });

    it('codes: a query code longer than any real one is refused before it is looked up', async () => {
      expect(fieldsOf(await t.client.query(RATE, { q: 'Q'.repeat(65) }))).toEqual(['queryCode']);
    });
  });

  describe('characters', () => {
    it('NUL and other control characters are refused in every kind of text', async () => {
      expect(fieldsOf(await p.registrar.query(REGISTER_CASE, { input: letterInput({ summary: '摘要\u0000' }) }))).toEqual(['summary']);
      expect(fieldsOf(await p.registrar.query(REGISTER_CASE, { input: letterInput({ content: '\u001b[31m内容' }) }))).toEqual(['content']);
      const c = await registered();
      const res = await p.registrar.query(DECLINE, { id: c.id, r: '理由\u0007' });
      expect(fieldErrorsOf(res)).toEqual([{ field: 'reason', code: 'BAD_USER_INPUT', message: '不予受理的理由不能包含控制字符' }]);
      expect(fieldsOf(await t.client.query(LOGIN, { u: 'admin\u0000', p: 'x' }))).toEqual(['username']);
    });

    it('a single-line field refuses a newline; multi-line text keeps newlines (LF and CRLF) and tabs', async () => {
      expect(fieldsOf(await p.registrar.query(REGISTER_CASE, { input: letterInput({ petitioners: [{ name: '张\n三' }] }) }))).toEqual(['petitioners.0.name']);
      const content = '第一段\n第二段\r\n项目\t金额';
      const { registerCase } = await p.registrar.ok(REGISTER_ID, { input: letterInput({ summary: '第一行\n第二行', content }) });
      const [row] = await sql<{ content: string; summary: string }>('SELECT content, summary FROM petition_case WHERE id = ?', [registerCase.id]);
      expect(row).toEqual({ content, summary: '第一行\n第二行' });
    });

    it('a name of invisible characters only is blank', async () => {
      const res = await p.registrar.query(REGISTER_CASE, { input: letterInput({ petitioners: [{ name: '\u200b\u2060\u00ad \u3000' }] }) });
      expect(fieldErrorsOf(res)).toEqual([{ field: 'petitioners.0.name', code: 'BAD_USER_INPUT', message: '信访人姓名不能为空' }]);
      const unit = { input: { code: `u-${uniq()}`, name: '\ufeff\u200d', kind: 'GOVERNMENT', level: 'COUNTY' } };
      expect(fieldsOf(await t.admin.query(CREATE_UNIT, unit))).toEqual(['name']);
    });
  });

  describe('dates', () => {
    it.each([
      ['year 0', '0000-01-01T00:00:00Z', '不能早于 1900 年'],
      ['1899', '1899-12-31T12:00:00+08:00', '不能早于 1900 年'],
      ['a far-future date', '9999-12-31T23:59:59+08:00', '不能晚于当前时间 1 天以上'],
      ['two days ahead', new Date(Date.now() + 2 * 86_400_000).toISOString(), '不能晚于当前时间 1 天以上'],
    ])('a receipt time in %s is refused and nothing is written', async (_label, receivedAt, message) => {
      const before = await stored();
      const res = await p.registrar.query(REGISTER_CASE, { input: letterInput({ receivedAt }) });
      expect(fieldErrorsOf(res)).toEqual([{ field: 'receivedAt', code: 'BAD_USER_INPUT', message: `收信/接访时间${message}` }]);
      expect(await stored()).toEqual(before);
    });

    it('a receipt time early in 1900 is accepted', async () => {
      const { registerCase } = await p.registrar.ok(REGISTER_ID, { input: letterInput({ receivedAt: '1900-01-01T08:00:00+08:00' }) });
      expect(registerCase.id).toBeTruthy();
    });
  });
});
