import { LONG_TEXT_MAX } from '../src/domain/text-rules';
import { ASSIGN_CASE, REGISTER_CASE, acceptedCase, letterInput, seedCountyPeople, type CountyPeople } from './harness/case-fixtures';
import { CREATE_UNIT, seedUser, uniq } from './harness/fixtures';
import { download, docxText } from './harness/download';
import { expectErrorCode, type GraphQLTestClient } from './harness/graphql-client';
import { createTestServer, type TestServer } from './harness/test-server';
import { readZipEntry } from './harness/zip-reader';

const BULLETIN = `query Bulletin($year: Int!, $quarter: Int, $unitId: ID) {
  bulletin(year: $year, quarter: $quarter, unitId: $unitId) {
    title
    statistics { totalReceived letters { received closed closureRate } visits { batches persons replied replyRate } referrals { received closed closureRate } overdue intakeOverdue byCategory { category received closed } sentence }
    changeFromPreviousQuarter { totalReceived letters visitBatches visitPersons }
    changeFromSameQuarterLastYear { totalReceived letters visitBatches visitPersons }
    topCategories { category received trailingYearReceived changeFromTrailingYear }
    typicalCases { id serialNo summary }
    keyCaseResults { case { id serialNo } outcome }
    summary
    docxUrl
  }
}`;
const REPORT = 'mutation($i: ReportResultInput!) { reportResult(input: $i) { id } }';
const ACCEPT_ASSIGNMENT = 'mutation($id: ID!) { acceptAssignment(id: $id) { id } }';

const LAND = '土地征收';
const LABOUR = '劳动保障';
const HOUSING = '住房保障';

describe('bulletin (送阅件)', () => {
  let t: TestServer;
  let p: CountyPeople;
  let siblingRegistrar: GraphQLTestClient;
  let sibling: string;
  const ids: Record<string, { id: string; serialNo: string }> = {};

  const register = async (name: string, overrides: Record<string, unknown>, client?: GraphQLTestClient) => {
    const { registerCase } = await (client ?? p.registrar).ok(REGISTER_CASE, { input: letterInput({ summary: `${name}：反映问题`, ...overrides }) });
    ids[name] = registerCase;
    return registerCase as { id: string; serialNo: string };
  };
  const visit = (persons: number, receivedAt: string, category: string, extra: Record<string, unknown> = {}) => ({
    channel: 'VISIT',
    personCount: persons,
    receivedAt,
    category,
    ...extra,
  });
  const bulletin = async (client: GraphQLTestClient, vars: Record<string, unknown>) => (await client.ok(BULLETIN, vars)).bulletin;

  beforeAll(async () => {
    t = await createTestServer();
    p = await seedCountyPeople(t);
    const { createUnit } = await t.admin.ok(CREATE_UNIT, {
      input: { code: `sibling-rd-${uniq()}`, name: '另一县人大常委会', kind: 'CONGRESS', level: 'COUNTY', parentId: p.county.cityCongress },
    });
    sibling = createUnit.id;
    const u = await seedUser(t.admin, sibling, ['REGISTRAR']);
    siblingRegistrar = await t.login(u.username, u.password);

    // 2024 Q2: one letter — the same quarter a year before the bulletin's, with no visit at all
    await register('k', { receivedAt: '2024-05-01T10:00:00+08:00', category: LAND });
    // 2025 Q1: two letters on its boundaries and a visit of 2 (total 3, letters 2, visits 1 batch 2 persons)
    await register('a', { receivedAt: '2025-01-01T00:00:00+08:00', category: LAND });
    await register('b', { receivedAt: '2025-03-31T23:30:00+08:00', category: LABOUR });
    await register('c', visit(2, '2025-02-10T09:00:00+08:00', LAND));
    // 2025 Q2: three letters and two visits of 3 and 4 (total 5, letters 3, visits 2 batches 7 persons)
    await register('d', { receivedAt: '2025-04-01T00:00:00+08:00', category: LAND, isTypical: true });
    const e = await acceptedCase(p.registrar, { summary: 'e：反映问题', receivedAt: '2025-05-10T10:00:00+08:00', category: LAND, isKey: true });
    ids.e = e;
    const { assignCase } = await p.registrar.ok(ASSIGN_CASE, { input: { caseId: e.id, unitId: p.county.court, mode: 'ASSIGN', dueInDays: 30 } });
    await p.court.ok(ACCEPT_ASSIGNMENT, { id: assignCase.id });
    await p.court.ok(REPORT, { i: { assignmentId: assignCase.id, outcome: 'EXPLAINED', report: '经查，补偿款已按标准发放。' } });
    await register('f', { receivedAt: '2025-06-30T23:59:00+08:00', category: LABOUR, isDifficult: true });
    await register('g', visit(3, '2025-05-01T09:00:00+08:00', LAND));
    await register('h', visit(4, '2025-06-01T09:00:00+08:00', LABOUR, { isTypical: true }));
    // 2025 Q3 and Q4
    await register('i', visit(5, '2025-08-01T09:00:00+08:00', HOUSING));
    await register('j', { receivedAt: '2025-12-31T23:30:00+08:00', category: HOUSING, isTypical: true });
    // an accusation against the city congress, registered by the county: the city's staff never see it, not even counted
    await register('x', { receivedAt: '2025-09-01T10:00:00+08:00', category: HOUSING, caseType: 'ACCUSATION', accusedUnitId: p.county.cityCongress, isTypical: true });
    // the sibling county: a typical letter in 2025 Q2 that the county's bulletin never shows
    await register('s', { receivedAt: '2025-05-05T10:00:00+08:00', category: LAND, isTypical: true }, siblingRegistrar);
  });
  afterAll(() => t?.close());

  it('gives the quarter’s figures with their changes against the previous quarter and the same quarter last year', async () => {
    const b = await bulletin(p.registrar, { year: 2025, quarter: 2 });
    expect(b.title).toBe('某县人大常委会信访工作送阅件（2025年第二季度）');
    expect(b.statistics).toMatchObject({
      totalReceived: 5,
      letters: { received: 3, closed: 0, closureRate: 0 },
      visits: { batches: 2, persons: 7, replied: 0, replyRate: 0 },
      referrals: { received: 0, closed: 0 },
    });
    // against 2025 Q1: total 3, letters 2, 1 batch of 2 persons
    expect(b.changeFromPreviousQuarter).toEqual({ totalReceived: (5 - 3) / 3, letters: (3 - 2) / 2, visitBatches: (2 - 1) / 1, visitPersons: (7 - 2) / 2 });
    // against 2024 Q2: total 1, letters 1, no visit — a zero base answers null
    expect(b.changeFromSameQuarterLastYear).toEqual({ totalReceived: (5 - 1) / 1, letters: (3 - 1) / 1, visitBatches: null, visitPersons: null });
    // the trailing year [2024-04-01, 2025-04-01): k, a and c on land, b on labour; a quarter's pace is a quarter of it
    expect(b.topCategories).toEqual([
      { category: LAND, received: 3, trailingYearReceived: 3, changeFromTrailingYear: (3 - 3 / 4) / (3 / 4) },
      { category: LABOUR, received: 2, trailingYearReceived: 1, changeFromTrailingYear: (2 - 1 / 4) / (1 / 4) },
    ]);
    expect(b.typicalCases).toEqual([
      { id: ids.d.id, serialNo: ids.d.serialNo, summary: 'd：反映问题' },
      { id: ids.h.id, serialNo: ids.h.serialNo, summary: 'h：反映问题' },
    ]);
    // e: the court's reported result; f: nothing yet
    expect(b.keyCaseResults).toEqual([
      { case: { id: ids.e.id, serialNo: ids.e.serialNo }, outcome: 'EXPLAINED' },
      { case: { id: ids.f.id, serialNo: ids.f.serialNo }, outcome: null },
    ]);
    expect(b.summary).toBe(
      '2025年第二季度共受理群众来信来访 5 件（次），其中受理群众来信 3 件，已督办结案 0 件，办结率 0.0%；接待群众来访 2 批（次）7 人（次），接访答复率 0.0%；' +
        '督办省市人大批转信访件 0 件，已督办结案 0 件，办结率 —。来信来访总量较上季度上升 66.7%，较去年同期上升 400.0%。' +
        '反映的问题主要集中在土地征收（3 件）、劳动保障（2 件）等方面。',
    );
    expect(b.docxUrl).toBe(`/exports/bulletin.docx?year=2025&quarter=2&unitId=${p.county.congress}`);
  });

  it('compares the first quarter with the fourth of the year before, where nothing was received', async () => {
    const b = await bulletin(p.registrar, { year: 2025, quarter: 1 });
    expect(b.statistics.totalReceived).toBe(3);
    expect(b.changeFromPreviousQuarter).toEqual({ totalReceived: null, letters: null, visitBatches: null, visitPersons: null });
    expect(b.changeFromSameQuarterLastYear).toEqual({ totalReceived: null, letters: null, visitBatches: null, visitPersons: null });
    expect(b.summary).not.toContain('较上季度');
  });

  it('sums the four quarters in the annual summary and compares it with the year before', async () => {
    const year = await bulletin(p.registrar, { year: 2025 });
    expect(year.title).toBe('某县人大常委会2025年度信访工作总结');
    const quarters = await Promise.all([1, 2, 3, 4].map((quarter) => bulletin(p.registrar, { year: 2025, quarter })));
    const sum = (f: (b: any) => number) => quarters.reduce((acc, q) => acc + f(q), 0);
    const figures = (f: (b: any) => number) => [f(year), sum(f)];
    for (const f of [
      (b: any) => b.statistics.totalReceived,
      (b: any) => b.statistics.letters.received,
      (b: any) => b.statistics.letters.closed,
      (b: any) => b.statistics.visits.batches,
      (b: any) => b.statistics.visits.persons,
      (b: any) => b.statistics.visits.replied,
      (b: any) => b.statistics.referrals.received,
      (b: any) => b.statistics.referrals.closed,
      (b: any) => b.statistics.overdue,
      (b: any) => b.statistics.intakeOverdue,
      (b: any) => b.typicalCases.length,
      (b: any) => b.keyCaseResults.length,
    ]) {
      const [whole, parts] = figures(f);
      expect(whole).toBe(parts);
    }
    expect(year.statistics).toMatchObject({ totalReceived: 11, letters: { received: 7 }, visits: { batches: 4, persons: 14 } });
    // rates are not summed: the year's rate is recomputed from the summed counts
    const ratio = (num: number, den: number) => (den === 0 ? null : num / den);
    expect(year.statistics.letters.closureRate).toBe(ratio(sum((b) => b.statistics.letters.closed), sum((b) => b.statistics.letters.received)));
    expect(year.statistics.visits.replyRate).toBe(ratio(sum((b) => b.statistics.visits.replied), sum((b) => b.statistics.visits.batches)));
    expect(year.statistics.referrals.closureRate).toBe(ratio(sum((b) => b.statistics.referrals.closed), sum((b) => b.statistics.referrals.received)));
    // every case of 2025 is registered now, long after its 15 days, and most were never decided
    expect(year.statistics.intakeOverdue).toBeGreaterThan(0);
    const byCategory = new Map<string, number>();
    for (const q of quarters) for (const c of q.statistics.byCategory) byCategory.set(c.category, (byCategory.get(c.category) ?? 0) + c.received);
    expect(Object.fromEntries(year.statistics.byCategory.map((c: any) => [c.category, c.received]))).toEqual(Object.fromEntries(byCategory));
    // 2024 held one letter: the previous year is both bases
    const against2024 = { totalReceived: 10, letters: 6, visitBatches: null, visitPersons: null };
    expect(year.changeFromPreviousQuarter).toEqual(against2024);
    expect(year.changeFromSameQuarterLastYear).toEqual(against2024);
    expect(year.topCategories[0]).toEqual({ category: LAND, received: 5, trailingYearReceived: 1, changeFromTrailingYear: 4 });
    expect(year.summary).toContain('2025年共受理群众来信来访 11 件（次）');
    expect(year.summary).toContain('来信来访总量较上年上升 1000.0%。');
    expect(year.docxUrl).toBe(`/exports/bulletin.docx?year=2025&unitId=${p.county.congress}`);
  });

  it('follows the statistics’ scope: the city on its county, never a sibling, the city above or a unit', async () => {
    const own = await bulletin(p.registrar, { year: 2025, quarter: 2 });
    expect(await bulletin(p.cityRegistrar, { year: 2025, quarter: 2, unitId: p.county.congress })).toEqual(own);
    const city = await bulletin(p.cityRegistrar, { year: 2025, quarter: 2 });
    expect(city.statistics.totalReceived).toBe(6);
    expect(city.typicalCases.map((c: any) => c.id)).toEqual([ids.d.id, ids.s.id, ids.h.id]);
    expect(city.title).toBe('某市人大常委会信访工作送阅件（2025年第二季度）');
    // the accusation against the city (a Q3 letter beside a Q3 visit of 5) is in the county's own figures and in none
    // of the city's: its report on the county and its own report agree, so comparing them tells it nothing
    const q3 = await bulletin(p.registrar, { year: 2025, quarter: 3 });
    const q3FromCity = await bulletin(p.cityRegistrar, { year: 2025, quarter: 3, unitId: p.county.congress });
    const q3CityWide = await bulletin(p.cityRegistrar, { year: 2025, quarter: 3 });
    expect(q3.typicalCases.map((c: any) => c.id)).toEqual([ids.x.id]);
    expect(q3.statistics).toMatchObject({ totalReceived: 2, letters: { received: 1 }, visits: { batches: 1, persons: 5 } });
    expect(q3.statistics.byCategory).toEqual([{ category: HOUSING, received: 2, closed: 0 }]);
    expect(q3FromCity.typicalCases).toEqual([]);
    expect(q3FromCity.statistics).toMatchObject({ totalReceived: 1, letters: { received: 0 }, visits: { batches: 1, persons: 5 } });
    expect(q3FromCity.statistics.byCategory).toEqual([{ category: HOUSING, received: 1, closed: 0 }]);
    expect(q3CityWide.statistics).toEqual(q3FromCity.statistics);
    expectErrorCode(await p.registrar.query(BULLETIN, { year: 2025, quarter: 2, unitId: sibling }), 'NOT_FOUND', 'unitId');
    expectErrorCode(await p.registrar.query(BULLETIN, { year: 2025, quarter: 2, unitId: p.county.cityCongress }), 'NOT_FOUND', 'unitId');
    expectErrorCode(await siblingRegistrar.query(BULLETIN, { year: 2025, quarter: 2, unitId: p.county.congress }), 'NOT_FOUND', 'unitId');
    expectErrorCode(await p.court.query(BULLETIN, { year: 2025, quarter: 2 }), 'FORBIDDEN');
    expectErrorCode(await t.admin.query(BULLETIN, { year: 2025, quarter: 2 }), 'FORBIDDEN');
  });

  it('refuses a quarter outside 1–4 and a year to come', async () => {
    expectErrorCode(await p.registrar.query(BULLETIN, { year: 2025, quarter: 5 }), 'BAD_USER_INPUT', 'quarter');
    expectErrorCode(await p.registrar.query(BULLETIN, { year: 2025, quarter: 0 }), 'BAD_USER_INPUT', 'quarter');
    expectErrorCode(await p.registrar.query(BULLETIN, { year: new Date().getFullYear() + 2, quarter: 1 }), 'BAD_USER_INPUT', 'year');
    expectErrorCode(await p.registrar.query(BULLETIN, { year: 1899 }), 'BAD_USER_INPUT', 'year');
  });

  describe('bulletin.docx', () => {
    it('prints the title, the figures with their changes, the leading categories, the cases and the summary', async () => {
      const b = await bulletin(p.registrar, { year: 2025, quarter: 2 });
      const res = await download(t.baseUrl, b.docxUrl, p.registrar.token);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      expect(res.headers['content-disposition']).toContain(encodeURIComponent('某县人大常委会信访工作送阅件（2025年第二季度）.docx'));
      const text = docxText(readZipEntry(res.body as Buffer, 'word/document.xml')!);
      const lines = text.split('\n');
      expect(lines[0]).toBe('某县人大常委会信访工作送阅件（2025年第二季度）');
      expect(lines).toContain(b.statistics.sentence);
      // the figures table: one paragraph per cell
      expect(text).toContain(['来信来访总量（件次）', '5', '上升 66.7%', '上升 400.0%'].join('\n'));
      expect(text).toContain(['群众来访（批次）', '2', '上升 100.0%', '—'].join('\n'));
      expect(lines).toContain('1. 土地征收：3 件，较前一年平均水平上升 300.0%。');
      expect(lines).toContain('2. 劳动保障：2 件，较前一年平均水平上升 700.0%。');
      expect(lines).toContain(`${ids.d.serialNo}（2025-04-01，土地征收）：d：反映问题`);
      expect(lines).toContain(`${ids.e.serialNo}（土地征收）：e：反映问题——解释说明`);
      expect(lines).toContain(`${ids.f.serialNo}（劳动保障）：f：反映问题——正在办理`);
      expect(lines).toContain(b.summary);
      expect(text).not.toContain('s：反映问题');
    });

    it('prints the annual summary when the quarter is omitted', async () => {
      const res = await download(t.baseUrl, `/exports/bulletin.docx?year=2025`, p.registrar.token);
      expect(res.status).toBe(200);
      const text = docxText(readZipEntry(res.body as Buffer, 'word/document.xml')!);
      expect(text.split('\n')[0]).toBe('某县人大常委会2025年度信访工作总结');
      expect(text).toContain(['来信来访总量（件次）', '11', '上升 1000.0%', '上升 1000.0%'].join('\n'));
    });

    it('answers 401 without a token, 403 for a unit, 404 for a scope not the viewer’s, 400 for a bad quarter', async () => {
      const path = `/exports/bulletin.docx?year=2025&quarter=2`;
      expect((await download(t.baseUrl, path)).status).toBe(401);
      expect((await download(t.baseUrl, path, p.court.token)).status).toBe(403);
      expect((await download(t.baseUrl, path, t.admin.token)).status).toBe(403);
      expect((await download(t.baseUrl, `${path}&unitId=${sibling}`, p.registrar.token)).status).toBe(404);
      expect((await download(t.baseUrl, `${path}&unitId=${p.county.congress}`, siblingRegistrar.token)).status).toBe(404);
      expect((await download(t.baseUrl, `${path}&unitId=${p.county.congress}`, p.cityRegistrar.token)).status).toBe(200);
      expect((await download(t.baseUrl, '/exports/bulletin.docx?year=2025&quarter=9', p.registrar.token)).status).toBe(400);
      expect((await download(t.baseUrl, '/exports/bulletin.docx', p.registrar.token)).status).toBe(400);
    });
  });

  describe('the office’s stage summary', () => {
    const SAVE = `mutation($input: BulletinSummaryInput!) { saveBulletinSummary(input: $input) { title summary summaryDraft summaryEditedAt docxUrl } }`;
    const SUMMARY = `query($year: Int!, $quarter: Int, $unitId: ID) { bulletin(year: $year, quarter: $quarter, unitId: $unitId) { summary summaryDraft summaryEditedAt } }`;
    const words = '第四季度，本委住房保障类来信有所增加，已专题报告主任会议。\n下一步将联合县住建局开展集中答复。';
    const printed = async (client: GraphQLTestClient, path: string) => {
      const res = await download(t.baseUrl, path, client.token);
      expect(res.status).toBe(200);
      return docxText(readZipEntry(res.body as Buffer, 'word/document.xml')!).split('\n');
    };

    it('prints the draft until the office saves its own words, then those words, in the data and the Word file', async () => {
      const before = (await p.registrar.ok(SUMMARY, { year: 2025, quarter: 4 })).bulletin;
      expect(before.summaryEditedAt).toBeNull();
      expect(before.summary).toBe(before.summaryDraft);
      expect(before.summaryDraft).toContain('2025年第四季度共受理群众来信来访 1 件（次）');

      const { saveBulletinSummary: saved } = await p.registrar.ok(SAVE, { input: { year: 2025, quarter: 4, summary: `  ${words}\n ` } });
      expect(saved.summary).toBe(words);
      expect(saved.summaryDraft).toBe(before.summaryDraft);
      expect(Date.parse(saved.summaryEditedAt)).toBeGreaterThan(Date.now() - 60_000);
      expect((await p.registrar.ok(SUMMARY, { year: 2025, quarter: 4 })).bulletin).toEqual({ summary: words, summaryDraft: before.summaryDraft, summaryEditedAt: saved.summaryEditedAt });

      // Windows line breaks print as the same two paragraphs
      await p.registrar.ok(SAVE, { input: { year: 2025, quarter: 4, summary: words.replace('\n', '\r\n') } });
      const lines = await printed(p.registrar, saved.docxUrl);
      await p.registrar.ok(SAVE, { input: { year: 2025, quarter: 4, summary: words } });
      expect(lines).toEqual(expect.arrayContaining(words.split('\n')));
      expect(lines).not.toContain(before.summaryDraft);
      // the city reads the county's words, on the data and on paper
      expect((await p.cityRegistrar.ok(SUMMARY, { year: 2025, quarter: 4, unitId: p.county.congress })).bulletin.summary).toBe(words);
      expect(await printed(p.cityRegistrar, saved.docxUrl)).toEqual(expect.arrayContaining(words.split('\n')));
    });

    it('keeps each period and each congress apart: the annual summary, another quarter and the city’s own stay drafts', async () => {
      const { saveBulletinSummary: leader } = await p.leader.ok(SAVE, { input: { year: 2025, summary: '全年工作平稳。' } });
      expect(leader.summary).toBe('全年工作平稳。');
      const q3 = (await p.registrar.ok(SUMMARY, { year: 2025, quarter: 3 })).bulletin;
      expect(q3.summary).toBe(q3.summaryDraft);
      expect((await p.registrar.ok(SUMMARY, { year: 2025, quarter: 4 })).bulletin.summary).toBe(words);
      expect((await p.registrar.ok(SUMMARY, { year: 2025 })).bulletin.summary).toBe('全年工作平稳。');
      const city = (await p.cityRegistrar.ok(SUMMARY, { year: 2025, quarter: 4 })).bulletin;
      expect(city).toMatchObject({ summaryEditedAt: null, summary: city.summaryDraft });
    });

    it('is written only by the congress’s own office: the city reads but may not write, a sibling or a unit not at all', async () => {
      const input = { year: 2025, quarter: 4, unitId: p.county.congress, summary: '改写' };
      expectErrorCode(await p.cityRegistrar.query(SAVE, { input }), 'FORBIDDEN');
      expectErrorCode(await siblingRegistrar.query(SAVE, { input }), 'NOT_FOUND', 'unitId');
      expectErrorCode(await p.court.query(SAVE, { input: { year: 2025, quarter: 4, summary: '改写' } }), 'FORBIDDEN');
      expectErrorCode(await p.registrar.query(SAVE, { input: { ...input, unitId: p.county.cityCongress } }), 'NOT_FOUND', 'unitId');
      expectErrorCode(await p.registrar.query(SAVE, { input: { year: 2025, quarter: 5, summary: '改写' } }), 'BAD_USER_INPUT', 'quarter');
      const tooLong = await p.registrar.query(SAVE, { input: { year: 2025, quarter: 4, summary: '字'.repeat(LONG_TEXT_MAX + 1) } });
      expect(expectErrorCode(tooLong, 'BAD_USER_INPUT').extensions?.field).toMatch(/summary$/);
      // every wrong field at once
      const all = expectErrorCode(await p.registrar.query(SAVE, { input: { year: 1800, quarter: 9, summary: '字'.repeat(LONG_TEXT_MAX + 1) } }), 'BAD_USER_INPUT');
      expect((all.extensions?.fieldErrors as Array<{ field: string }>).map((e) => e.field).sort()).toEqual(['quarter', 'summary', 'year']);
      expect((await p.registrar.ok(SUMMARY, { year: 2025, quarter: 4 })).bulletin.summary).toBe(words);
    });

    it('takes saves racing each other: every one answers, the last to commit stands', async () => {
      const texts = Array.from({ length: 12 }, (_, i) => `并发保存的小结 ${i}`);
      const answers = await Promise.all(texts.map((summary, i) => (i % 2 ? p.leader : p.registrar).ok(SAVE, { input: { year: 2025, quarter: 4, summary } })));
      expect(answers.map((a) => a.saveBulletinSummary.summary).sort()).toEqual([...texts].sort());
      expect(texts).toContain((await p.registrar.ok(SUMMARY, { year: 2025, quarter: 4 })).bulletin.summary);
    });

    it('holds the longest text allowed, and returns to the draft when saved blank', async () => {
      const longest = '字'.repeat(LONG_TEXT_MAX);
      expect((await p.registrar.ok(SAVE, { input: { year: 2025, quarter: 4, summary: longest } })).saveBulletinSummary.summary).toBe(longest);
      expect((await p.registrar.ok(SUMMARY, { year: 2025, quarter: 4 })).bulletin.summary).toBe(longest);
      // invisible characters alone are blank too
      const { saveBulletinSummary: cleared } = await p.registrar.ok(SAVE, { input: { year: 2025, quarter: 4, summary: ' \n\u200b\u202e ' } });
      expect(cleared).toMatchObject({ summaryEditedAt: null, summary: cleared.summaryDraft });
      const { saveBulletinSummary: omitted } = await p.leader.ok(SAVE, { input: { year: 2025 } });
      expect(omitted).toMatchObject({ summaryEditedAt: null, summary: omitted.summaryDraft });
      expect(await printed(p.registrar, cleared.docxUrl)).toContain(cleared.summaryDraft);
    });
  });
});
