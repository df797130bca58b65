import { expectErrorCode, type GraphQLTestClient } from './harness/graphql-client';
import { REGISTER_CASE, SAMPLE_ID, letterInput, seedCountyPeople, type CountyPeople } from './harness/case-fixtures';
import { createTestServer, type TestServer } from './harness/test-server';
import { seedCounty, seedUser } from './harness/fixtures';
import { countSql } from './harness/sql-counter';

/** Registers without reading any full personal field back, so that registration itself leaves no audit row. */
const REGISTER_QUIET = `mutation($input: RegisterCaseInput!) {
  registerCase(input: $input) { id serialNo status petitioners { name idNumberMasked } repeatCandidates { id serialNo status } }
}`;
const PETITIONERS = `query($id: ID!) { case(id: $id) { id petitioners { name idNumberMasked idNumber phone address } } }`;
const CASE_COUNT = 'query { cases(first: 1) { totalCount } }';
const CREATE_MATTER = 'mutation($input: CreateMatterInput!) { createMatter(input: $input) { id title cases { id } } }';

/** A valid 18-character ID number (GB 11643 check character) for a made-up person number `n` (0..999). */
function idNumber(n: number): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const first17 = `32010219800101${String(n).padStart(3, '0')}`;
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

describe('petitioners’ personal data: shown by permission, audited, encrypted at rest, validated', () => {
  let t: TestServer;
  let p: CountyPeople;
  let me: { pii: string; noPii: string };
  const sql = <T = any>(query: string, params: unknown[] = []): Promise<T[]> => t.server.runtime.db.dataSource.query(query, params);
  const auditRows = () => sql<{ userId: string; field: string; petitionerId: string }>('SELECT userId, field, petitionerId FROM pii_access_log');
  const totalCount = async (c: GraphQLTestClient) => (await c.ok(CASE_COUNT)).cases.totalCount as number;

  beforeAll(async () => {
    t = await createTestServer();
    p = await seedCountyPeople(t);
    const whoami = async (c: GraphQLTestClient) => (await c.ok('query { me { id } }')).me.id as string;
    me = { pii: await whoami(p.registrar), noPii: await whoami(p.registrarNoPii) };
  });
  afterAll(() => t?.close());

  describe('reading', () => {
    let caseId: string;
    let petitionerIds: string[];

    beforeAll(async () => {
      const { registerCase } = await p.registrarNoPii.ok(REGISTER_QUIET, {
        input: letterInput({
          petitioners: [
            { name: '张三', idNumber: SAMPLE_ID, phone: '13812345678', address: '某县某镇某村 1 号' },
            { name: '李四', idNumber: idNumber(1), phone: '13900001111', address: '某县某镇某村 2 号' },
          ],
        }),
      });
      caseId = registerCase.id;
      petitionerIds = (await sql<{ id: string; position: number }>('SELECT id, position FROM petitioner WHERE caseId = ? ORDER BY position', [caseId])).map((r) => r.id);
      expect(petitionerIds).toHaveLength(2);
    });

    it('without the PII permission: masked ID and phone, no full ID, no address, and nothing is audited', async () => {
      const before = await auditRows();
      const { case: c } = await p.registrarNoPii.ok(PETITIONERS, { id: caseId });
      expect(c.petitioners).toEqual([
        { name: '张三', idNumberMasked: '110105********002X', idNumber: null, phone: '138****5678', address: null },
        { name: '李四', idNumberMasked: `${idNumber(1).slice(0, 6)}********${idNumber(1).slice(-4)}`, idNumber: null, phone: '139****1111', address: null },
      ]);
      expect(await auditRows()).toEqual(before);
    });

    it('with the PII permission: full values, and one audit row per petitioner and field read, naming the reader', async () => {
      expect(await auditRows()).toEqual([]);
      const { case: c } = await p.registrar.ok(PETITIONERS, { id: caseId });
      expect(c.petitioners).toEqual([
        { name: '张三', idNumberMasked: '110105********002X', idNumber: SAMPLE_ID, phone: '13812345678', address: '某县某镇某村 1 号' },
        { name: '李四', idNumberMasked: expect.stringMatching(/^320102\*{8}\d{3}[\dX]$/), idNumber: idNumber(1), phone: '13900001111', address: '某县某镇某村 2 号' },
      ]);
      const rows = await auditRows();
      const seen = rows.map((r) => `${r.userId}|${r.petitionerId}|${r.field}`).sort();
      const expected = petitionerIds.flatMap((pid) => ['address', 'idNumber', 'phone'].map((f) => `${me.pii}|${pid}|${f}`)).sort();
      expect(seen).toEqual(expected);

      // reading only the ID number audits only the ID number
      await p.registrar.ok('query($id: ID!) { case(id: $id) { petitioners { idNumber } } }', { id: caseId });
      const after = await auditRows();
      expect(after).toHaveLength(rows.length + 2);
      expect(after.filter((r) => r.field === 'idNumber' && r.userId === me.pii)).toHaveLength(4);

      // the masked forms alone are not an audited read
      await p.registrar.ok('query($id: ID!) { case(id: $id) { petitioners { name idNumberMasked } } }', { id: caseId });
      expect(await auditRows()).toHaveLength(after.length);
      expect(after.some((r) => r.userId === me.noPii)).toBe(false);
    });

    it('a list of cases read in full audits every petitioner field it returned', async () => {
      const before = (await auditRows()).length;
      const { cases } = await p.registrar.ok('query { cases(first: 100) { edges { node { id petitioners { idNumber phone } } } } }');
      const returned = cases.edges.flatMap((e: { node: { petitioners: Array<{ idNumber: string | null; phone: string | null }> } }) => e.node.petitioners);
      const fullValues = returned.reduce((n: number, x: { idNumber: string | null; phone: string | null }) => n + (x.idNumber ? 1 : 0) + (x.phone ? 1 : 0), 0);
      expect(fullValues).toBeGreaterThanOrEqual(4);
      expect((await auditRows()).length).toBe(before + fullValues);
    });

    it('is encrypted at rest: no plaintext ID, phone or address in the row; the ID hash is 64 hex characters', async () => {
      const rows = await sql<Record<string, unknown>>('SELECT * FROM petitioner WHERE caseId = ? ORDER BY position', [caseId]);
      expect(rows).toHaveLength(2);
      const [zhang] = rows;
      const raw = JSON.stringify(rows);
      for (const plain of [SAMPLE_ID, idNumber(1), '13812345678', '13900001111', '某县某镇某村 1 号', '某村']) expect(raw).not.toContain(plain);
      expect(zhang.idNumberHash).toMatch(/^[0-9a-f]{64}$/);
      expect(zhang.phoneHash).toMatch(/^[0-9a-f]{64}$/);
      expect(zhang.idNumberHash).not.toBe(rows[1].idNumberHash);
      for (const col of ['idNumberEnc', 'phoneEnc', 'addressEnc']) {
        expect(typeof zhang[col]).toBe('string');
        expect((zhang[col] as string).length).toBeGreaterThan(16);
      }
      // the same value encrypts differently each time (no equality leak between rows of one person)
      const { registerCase: again } = await p.registrarNoPii.ok(REGISTER_QUIET, { input: letterInput() });
      const [twin] = await sql<Record<string, unknown>>('SELECT idNumberEnc, idNumberHash FROM petitioner WHERE caseId = ?', [again.id]);
      expect(twin.idNumberHash).toBe(zhang.idNumberHash);
      expect(twin.idNumberEnc).not.toBe(zhang.idNumberEnc);
    });
  });

  describe('bad input is refused with the field named, and nothing is written', () => {
    const future = new Date(Date.now() + 2 * 86400000).toISOString();
    const cases: Array<[string, Record<string, unknown>, string | undefined]> = [
      ['an ID number with a wrong check digit', { petitioners: [{ name: '张三', idNumber: '110105194912310021' }] }, 'petitioners.0.idNumber'],
      ['a bad ID number of the second petitioner', { petitioners: [{ name: '张三' }, { name: '李四', idNumber: '11010519491231' }] }, 'petitioners.1.idNumber'],
      ['an empty summary', { summary: '' }, 'summary'],
      ['a blank summary', { summary: '   ' }, 'summary'],
      ['a person count of 0', { personCount: 0 }, 'personCount'],
      ['a person count below the petitioners registered', { personCount: 1, petitioners: [{ name: '甲' }, { name: '乙' }] }, 'personCount'],
      ['a receipt time in the future', { receivedAt: future }, 'receivedAt'],
      ['six petitioners', { petitioners: ['甲', '乙', '丙', '丁', '戊', '己'].map((name) => ({ name })) }, 'petitioners'],
      ['no petitioner', { petitioners: [] }, 'petitioners'],
      ['a receipt time without an offset', { receivedAt: '2026-03-31T23:30:00' }, undefined],
    ];

    it.each(cases)('%s', async (_label, overrides, field) => {
      const before = await totalCount(p.registrar);
      const res = await p.registrar.query(REGISTER_CASE, { input: letterInput(overrides) });
      expectErrorCode(res, 'BAD_USER_INPUT', field);
      expect(res.data?.registerCase ?? null).toBeNull();
      expect(await totalCount(p.registrar)).toBe(before);
    });

    it('the offset-less time names receivedAt', async () => {
      const err = expectErrorCode(await p.registrar.query(REGISTER_CASE, { input: letterInput({ receivedAt: '2026-03-31T23:30:00' }) }), 'BAD_USER_INPUT');
      expect(`${err.extensions?.field ?? ''} ${err.message}`).toMatch(/receivedAt/);
    });

    it('the same input with valid values is accepted (the refusals above were about the values)', async () => {
      const before = await totalCount(p.registrar);
      const { registerCase } = await p.registrar.ok(REGISTER_QUIET, {
        input: letterInput({ personCount: 7, receivedAt: new Date(Date.now() - 60000).toISOString(), petitioners: ['甲', '乙', '丙', '丁', '戊'].map((name) => ({ name })) }),
      });
      expect(registerCase.status).toBe('REGISTERED');
      expect(await totalCount(p.registrar)).toBe(before + 1);
    });
  });

  describe('repeat petitions are flagged at registration', () => {
    // each letter says something of its own, so that only the petitioner or the matter can make it a repeat
    // (identical text would, by content: docs/rules.md "Similar petitions")
    let topic = 0;
    const distinctLetter = (over: Record<string, unknown>) => {
      topic++;
      const text = Array.from({ length: 24 }, (_, i) => String.fromCodePoint(0x4e00 + ((topic * 7919 + i * 104729) % 20000))).join('');
      return letterInput({ summary: text.slice(0, 12), content: text, ...over });
    };
    it('by ID number, by phone, by matter; a different petitioner gives none', async () => {
      const person = (n: number, extra: Record<string, unknown> = {}) => ({ petitioners: [{ name: `信访人${n}`, idNumber: idNumber(100 + n), phone: `1370000${String(n).padStart(4, '0')}`, ...extra }] });
      const { registerCase: first } = await p.registrar.ok(REGISTER_QUIET, { input: distinctLetter(person(1)) });
      expect(first.repeatCandidates).toEqual([]);

      // the same ID number, another phone
      const { registerCase: sameId } = await p.registrar.ok(REGISTER_QUIET, { input: distinctLetter(person(1, { phone: '13600000001' })) });
      expect(sameId.repeatCandidates).toEqual([{ id: first.id, serialNo: first.serialNo, status: 'REGISTERED' }]);

      // the same phone, no ID number, typed differently
      const { registerCase: samePhone } = await p.registrar.ok(REGISTER_QUIET, {
        input: distinctLetter({ petitioners: [{ name: '某人', phone: '137-0000-0001' }] }),
      });
      expect(samePhone.repeatCandidates).toEqual([{ id: first.id, serialNo: first.serialNo, status: 'REGISTERED' }]);

      // a different person
      const { registerCase: other } = await p.registrar.ok(REGISTER_QUIET, { input: distinctLetter(person(2)) });
      expect(other.repeatCandidates).toEqual([]);

      // the same matter, a different person
      const { createMatter: matter } = await p.registrar.ok(CREATE_MATTER, { input: { title: '某村征地补偿', caseIds: [other.id] } });
      expect(matter.cases).toEqual([{ id: other.id }]);
      const { registerCase: sameMatter } = await p.registrar.ok(REGISTER_QUIET, { input: distinctLetter({ ...person(3), matterId: matter.id }) });
      expect(sameMatter.repeatCandidates).toEqual([{ id: other.id, serialNo: other.serialNo, status: 'REGISTERED' }]);

      // nobody with no identifying data and no matter
      const { registerCase: anonymous } = await p.registrar.ok(REGISTER_QUIET, { input: distinctLetter({ petitioners: [{ name: '匿名' }] }) });
      expect(anonymous.repeatCandidates).toEqual([]);

      // an office that cannot see the earlier case is not shown it
      const { registerCase: atCity } = await p.cityRegistrar.ok(REGISTER_QUIET, { input: distinctLetter(person(4)) });
      const { registerCase: atCounty } = await p.registrar.ok(REGISTER_QUIET, { input: distinctLetter(person(4)) });
      expect(atCounty.repeatCandidates).toEqual([]);
      // while the city, which sees the county's cases, is shown the county's
      const { registerCase: atCity2 } = await p.cityRegistrar.ok(REGISTER_QUIET, { input: distinctLetter(person(4)) });
      expect(atCity2.repeatCandidates.map((c: { id: string }) => c.id).sort()).toEqual([atCity.id, atCounty.id].sort());
    });

    it('the same person with the old 15-digit ID number, or the phone written with +86, is the same petitioner', async () => {
      const id18 = idNumber(500);
      const id15 = id18.slice(0, 6) + id18.slice(8, 17); // the legacy card: no century, no check character
      const { registerCase: first } = await p.registrar.ok(REGISTER_QUIET, { input: distinctLetter({ petitioners: [{ name: '王五', idNumber: id18 }] }) });
      const { registerCase: legacy } = await p.registrar.ok(REGISTER_QUIET, { input: distinctLetter({ petitioners: [{ name: '王五', idNumber: id15 }] }) });
      expect(legacy.repeatCandidates.map((c: { id: string }) => c.id)).toEqual([first.id]);
      // and the other way round
      const { registerCase: again } = await p.registrar.ok(REGISTER_QUIET, { input: distinctLetter({ petitioners: [{ name: '王五', idNumber: id18 }] }) });
      expect(again.repeatCandidates.map((c: { id: string }) => c.id).sort()).toEqual([first.id, legacy.id].sort());
      // the legacy number is still shown as given
      expect(legacy.petitioners[0].idNumberMasked).toBe(`${id15.slice(0, 6)}*****${id15.slice(-4)}`);

      const { registerCase: byPhone } = await p.registrar.ok(REGISTER_QUIET, { input: distinctLetter({ petitioners: [{ name: '赵六', phone: '13700009999' }] }) });
      const { registerCase: intl } = await p.registrar.ok(REGISTER_QUIET, { input: distinctLetter({ petitioners: [{ name: '赵六', phone: '+86 137 0000 9999' }] }) });
      expect(intl.repeatCandidates.map((c: { id: string }) => c.id)).toEqual([byPhone.id]);
    });
  });
});

describe('auditing full reads in a list', () => {
  let t: TestServer;

  beforeAll(async () => {
    t = await createTestServer({ DEADLINE_SCAN_INTERVAL_MS: '3600000' });
  });
  afterAll(() => t?.close());

  it('writes every read to the audit table in one INSERT per request, however many rows the page shows', async () => {
    const county = await seedCounty(t.admin);
    const reader = await seedUser(t.admin, county.congress, ['REGISTRAR'], { piiAccess: true });
    const registrar = await t.login(reader.username, reader.password);
    for (let i = 0; i < 8; i++) await registrar.ok(REGISTER_CASE, { input: letterInput() });
    const audited = async (field: string) =>
      (await t.server.runtime.db.dataSource.query('SELECT field FROM pii_access_log WHERE userId = ?', [reader.id])).filter((r: { field: string }) => r.field === field).length;
    const [idsBefore, phonesBefore] = [await audited('idNumber'), await audited('phone')];
    const counter = countSql(t.server.runtime.db.dataSource);
    try {
      const { cases } = await registrar.ok('{ cases(first: 100) { edges { node { petitioners { idNumber phone } } } } }');
      expect(cases.edges).toHaveLength(8);
      const inserts = counter.statements.filter((s) => /^INSERT INTO\W+pii_access_log/i.test(s));
      expect(inserts).toHaveLength(1);
    } finally {
      counter.stop();
    }
    expect((await audited('idNumber')) - idsBefore).toBe(8);
    expect((await audited('phone')) - phonesBefore).toBe(8);
  });
});
