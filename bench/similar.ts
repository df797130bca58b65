/**
 * `npm run bench:similar`: similar petitions, quality and speed.
 *
 * Quality (always): precision@1, recall@3 and the distractors' confident-wrong share on the labelled set
 * (test/fixtures/similar-petitions.ts), for our method and for the character-bigram Jaccard baseline in the same run
 * (bench/similar-quality.ts).
 *
 * Speed (when BENCH_DATABASE_URL names a MariaDB database filled by `npm run bench:data -- N`): the generator writes
 * one placeholder text into every case, so first every case gets a petition text of its own, composed from a
 * vocabulary of towns, villages, companies, issues and amounts (deterministic); then the index is rebuilt with the
 * service `npm run similarity:rebuild` uses; then `similarCases(first: 10)` is timed through GraphQL for a county
 * registrar and the city registrar, the index step of a registration (`SimilarityService.index`) in a transaction
 * rolled back each time, and registration as the reference front end sends it with and without the similar-petition
 * work (`timeRegistrations`), once the deadline alerts the generated history owes are raised and InnoDB has finished
 * purging and flushing what the rebuild left (bench/settle.ts), with `npm start`'s node flags and NODE_ENV=production.
 * Medians of BENCH_RUNS runs (at least 3). Updates BENCHMARKS.md between its markers.
 */
import { generatedDataConfig, withStartFlags } from './production-mode';
import 'reflect-metadata';
import { cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';
import pino from 'pino';
import { RequestContext } from '../src/context/request-context';
import { Case } from '../src/entities/case.entity';
import { SimilarityPosting } from '../src/entities/similarity-index.entity';
import { User } from '../src/entities/user.entity';
import { startServer, type RunningServer } from '../src/server';
import { BENCH_PASSWORD } from './data';
import { writeBenchmarks } from './report';
import { measureJaccard, measureOurs, labelledDocs, calibratedJaccard, type QualityFigures } from './similar-quality';
import { median, percentile as nearestRank } from './stats';
import { random } from './random';
import { raiseAlertBacklog, waitForInnoDbToSettle } from './settle';
import { REGISTER_CASE } from '../test/harness/case-documents';

const RUNS = Math.max(3, Number(process.env.BENCH_RUNS ?? 3));
const QUERIES = Number(process.env.BENCH_SIMILAR_QUERIES ?? 200);
/** Registrations timed per run on each side (with and without the similar-petition work). */
const REGISTRATIONS = Number(process.env.BENCH_SIMILAR_REGISTRATIONS ?? 100);
const START = '<!-- bench:similar:start -->';
const END = '<!-- bench:similar:end -->';
const log = (line: string) => process.stderr.write(`[bench:similar] ${line}\n`);


const SYLLABLES = '青石柳河白沙东岭南湖红旗枫林桃园马坊杏花新丰石桥凤凰李家下湾大王庄黄土松山清水龙泉金鸡梨树西坡北山高桥前进胜利和平永安长岭太平';
const ISSUES = [
  ['土地征收', '征地补偿款每亩少发{a}元', '修路征收耕地，补偿标准低于文件规定，差额{a}元至今未发'],
  ['劳动社保', '{c}拖欠工资{a}元', '在{c}务工，老板以资金困难为由拖欠工资共计{a}元，劳动监察未处理'],
  ['环境保护', '{c}粉尘噪声扰民', '{c}日夜生产，粉尘和噪声严重，庄稼受损，老人孩子无法休息'],
  ['城乡建设', '自来水经常停水水质浑浊', '村里自来水经常停水，来水浑浊发黄，群众饮水困难'],
  ['住房保障', '危房改造补助{a}元被冒领', '危房改造名单中有人虚报冒领补助每户{a}元，真正困难户未评上'],
  ['涉法涉诉', '对{c}的执行案件久拖不执行', '判决{c}支付货款{a}元，申请执行一年多，法院称无财产可供执行'],
  ['农业农村', '村务财务不公开集体资金{a}元去向不明', '村委会多年未公开财务，鱼塘承包费和土地流转费共{a}元使用不明'],
  ['交通', '道路改造停工影响出行', '主干道改造挖开后停工，坑洼积水，学生绕行，商户生意受损'],
  ['教育', '学校违规收取补课费{a}元', '学校寒假组织补课，每生收费{a}元，不交被约谈家长'],
  ['民政', '低保评定优亲厚友', '村干部亲属有车有房吃低保，残疾人家庭却被取消低保'],
  ['医疗卫生', '医院手术后出现并发症要求鉴定', '家人在医院手术后出现严重并发症，医院不提供病历，要求医疗事故鉴定'],
  ['城乡建设', '{c}物业停车费上涨', '{c}物业擅自把停车费涨到每月{a}元，不交不让车辆进入'],
] as const;
const OPENINGS = ['尊敬的县人大常委会：', '来电人称：', '来访人反映：', '网上留言：', ''];
const CLOSINGS = ['恳请督促有关部门依法处理。', '问到底谁管。', '情绪激动，要求答复。', '希望尽快解决。', ''];

function syllables(rnd: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += SYLLABLES[Math.floor(rnd() * SYLLABLES.length)];
  return s;
}

/** A petition text for one generated case: a place and a company drawn from a large vocabulary, one of the issues, an amount. */
function petition(rnd: () => number): { category: string; summary: string; content: string } {
  const town = syllables(rnd, 2) + (rnd() < 0.7 ? '镇' : '乡');
  const village = syllables(rnd, 2) + '村';
  const company = syllables(rnd, 2) + ['建筑公司', '纺织厂', '食品公司', '石料厂', '物流公司', '养殖场'][Math.floor(rnd() * 6)];
  const amount = String(Math.round(rnd() ** 2 * 500) * 100 + 1000);
  const [category, summary, body] = ISSUES[Math.floor(rnd() ** 1.4 * ISSUES.length)];
  const fill = (s: string) => s.replace('{a}', amount).replace('{c}', company);
  return {
    category,
    summary: `反映${town}${village}${fill(summary)}`,
    content: `${OPENINGS[Math.floor(rnd() * OPENINGS.length)]}${town}${village}村民${syllables(rnd, 1)}某反映，${fill(body)}。${CLOSINGS[Math.floor(rnd() * CLOSINGS.length)]}`,
  };
}

/** Gives every case of the data set its own petition text (the generator wrote one placeholder for all). */
async function writeTexts(server: RunningServer): Promise<number> {
  const ds = server.runtime.db.dataSource;
  const rnd = random(20261201);
  let after = '';
  let done = 0;
  for (;;) {
    const ids = (await ds.getRepository(Case).createQueryBuilder('c').select('c.id', 'id').where('c.id > :after', { after }).orderBy('c.id').limit(1000).getRawMany<{ id: string }>()).map((r) => r.id);
    if (!ids.length) break;
    const rows = ids.map((id) => ({ id, ...petition(rnd) }));
    const values = rows.map(() => 'SELECT ? AS id, ? AS category, ? AS summary, ? AS content').join(' UNION ALL ');
    await ds.query(
      `UPDATE petition_case c JOIN (${values}) v ON v.id = c.id SET c.category = v.category, c.summary = v.summary, c.content = v.content`,
      rows.flatMap((r) => [r.id, r.category, r.summary, r.content]),
    );
    done += ids.length;
    after = ids[ids.length - 1];
    if (done % 20000 === 0) log(`texts: ${done.toLocaleString('en')}`);
  }
  return done;
}

async function login(server: RunningServer, username: string): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${server.port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', variables: { u: username, p: BENCH_PASSWORD } }),
  });
  return ((await res.json()) as { data: { login: { token: string } } }).data.login.token;
}

const SIMILAR = 'query($id: ID!) { case(id: $id) { id similarCases(first: 10) { totalCount edges { score reasons node { id serialNo summary } } } } }';

/** One operation through `/graphql` as `token`, timed from sending to the parsed answer; an error stops the benchmark. */
async function timedRequest(server: RunningServer, token: string, query: string, variables: Record<string, unknown>): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(`http://127.0.0.1:${server.port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { errors?: unknown[] };
  const ms = performance.now() - t0;
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return ms;
}

async function timeSimilar(server: RunningServer, token: string, ids: string[]): Promise<number[]> {
  const times: number[] = [];
  for (const id of ids) times.push(await timedRequest(server, token, SIMILAR, { id }));
  return times;
}

/** The index step a registration gained, timed alone: `index` of an existing case's text in a transaction rolled back. */
async function timeIndexStep(server: RunningServer, user: User, cases: Case[]): Promise<number[]> {
  const runtime = server.runtime;
  const times: number[] = [];
  for (const c of cases) {
    const ctx = new RequestContext(runtime, { user }, 'bench', 'local', runtime.logger);
    const copy = { ...c, id: `bench-${c.id.slice(6)}` };
    await ctx
      .transaction(async () => {
        const t0 = performance.now();
        await runtime.services.similarity.index(ctx, copy, true);
        times.push(performance.now() - t0);
        throw new Error('rollback');
      })
      .catch((err: Error) => {
        if (err.message !== 'rollback') throw err;
      });
  }
  return times;
}

/**
 * Registration as the reference front end sends it (the contract's `RegisterCase`, `repeatCandidates` included), with
 * the similar-petition work and without it, alternating: "without" switches off, in this process only, the two
 * things the feature added to a registration — the index step and the content candidates — leaving repeat detection
 * by petitioner and matter as it was before. Each registration is a new petition of a county, from its registrar.
 */
async function timeRegistrations(server: RunningServer, token: string, rnd: () => number, count: number): Promise<{ with: number[]; without: number[] }> {
  const similarity = server.runtime.services.similarity as unknown as Record<'index' | 'contentCandidates', (...args: unknown[]) => Promise<unknown>>;
  const real = { index: similarity.index, contentCandidates: similarity.contentCandidates };
  let on = true;
  similarity.index = (...args) => (on ? real.index.apply(similarity, args) : Promise.resolve());
  similarity.contentCandidates = (...args) => (on ? real.contentCandidates.apply(similarity, args) : Promise.resolve(new Map()));
  const times = { with: [] as number[], without: [] as number[] };
  try {
    for (let i = 0; i < count; i++) {
      // alternate which goes first, so that a drift in the machine's load favours neither
      for (const side of i % 2 ? (['with', 'without'] as const) : (['without', 'with'] as const)) {
        on = side === 'with';
        const phone = `139${String(Math.floor(rnd() * 1e8)).padStart(8, '0')}`;
        const input = { channel: 'LETTER', caseType: 'CLAIM', receivedAt: new Date(Date.now() - 3_600_000).toISOString(), ...petition(rnd), petitioners: [{ name: `${syllables(rnd, 1)}某`, phone }] };
        times[side].push(await timedRequest(server, token, REGISTER_CASE, { input }));
      }
    }
  } finally {
    Object.assign(similarity, real);
  }
  return times;
}

const percentile = (xs: number[], p: number) => nearestRank([...xs].sort((a, b) => a - b), p * 100);
const ms = (x: number) => `${x.toFixed(1)} ms`;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function qualityTable(rows: QualityFigures[]): string {
  return [
    '| method | threshold | precision@1 | recall@3 | distractors with a confident wrong suggestion | matter petitions with a confident right one |',
    '|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.method} | ${r.threshold} | ${pct(r.precisionAt1)} | ${pct(r.recallAt3)} | ${pct(r.confidentWrong)} | ${pct(r.confidentRight)} |`),
  ].join('\n');
}

async function main(): Promise<void> {
  const docs = labelledDocs();
  const quality = [measureOurs(docs), measureJaccard(docs), calibratedJaccard(docs)];
  log(`quality:\n${qualityTable(quality)}`);
  const lines = [
    START,
    '## Similar petitions (`npm run bench:similar`)',
    '',
    `Labelled set: ${quality[0].queries} petitions of ${new Set(docs.filter((d) => d.matter).map((d) => d.matter)).size} matters and ${quality[0].distractors} distractors`,
    '(test/fixtures/similar-petitions.ts); each petition is a query against all the others (leave one out). Goals: precision@1 ≥ 85%,',
    'recall@3 ≥ 95%, ≤ 10% of distractors with a top candidate at or above the suggestion threshold.',
    '',
    qualityTable(quality),
    '',
  ];

  const databaseUrl = process.env.BENCH_DATABASE_URL;
  if (!databaseUrl) {
    log('BENCH_DATABASE_URL not set: quality only');
  } else {
    const config = generatedDataConfig(databaseUrl, { DB_POOL_SIZE: process.env.DB_POOL_SIZE ?? '10' });
    const server = await startServer(config, pino({ level: 'warn' }));
    try {
      const ds = server.runtime.db.dataSource;
      const total = await ds.getRepository(Case).count();
      if (!total) throw new Error('BENCH_DATABASE_URL holds no cases: run `npm run bench:data -- N` first');
      let rebuildSeconds: number | null = null;
      const sample = await ds.getRepository(Case).findOneByOrFail({});
      if (sample.content === '基准数据。' || process.env.BENCH_SIMILAR_REBUILD === '1') {
        log(`writing petition texts into ${total.toLocaleString('en')} cases`);
        await writeTexts(server);
        log('rebuilding the index');
        const t0 = performance.now();
        const admin = await ds.getRepository(User).findOneByOrFail({ username: 'bench-county-1' });
        const ctx = new RequestContext(server.runtime, { user: admin }, 'bench', 'local', server.runtime.logger);
        await ctx.transaction(() => server.runtime.services.similarity.rebuild(ctx, (n) => n % 20000 === 0 && log(`indexed ${n.toLocaleString('en')}`)));
        rebuildSeconds = (performance.now() - t0) / 1000;
        await ds.query('ANALYZE TABLE similarity_posting, similarity_term, petition_case');
      }
      await raiseAlertBacklog(server, log);
      const settle = await waitForInnoDbToSettle(ds, log);
      log(`InnoDB ${settle.settled ? 'settled' : 'still busy'} after ${settle.seconds.toFixed(0)} s`);
      const postings = await ds.getRepository(SimilarityPosting).count();
      const county = await ds.getRepository(User).findOneByOrFail({ username: 'bench-county-1' });
      const rnd = random(7);
      const pick = async (congressId?: string) => {
        const qb = ds.getRepository(Case).createQueryBuilder('c').select(['c.id']).orderBy('c.id').limit(QUERIES);
        if (congressId) qb.where('c.congressId = :congressId', { congressId });
        const all = await qb.offset(Math.floor(rnd() * 1000)).getMany();
        return all.map((c) => c.id);
      };
      const countyIds = await pick(county.unitId!);
      const cityIds = await pick();
      const countyToken = await login(server, 'bench-county-1');
      const cityToken = await login(server, 'bench-city');
      await timeSimilar(server, countyToken, countyIds.slice(0, 20)); // warm-up
      await timeRegistrations(server, countyToken, rnd, 10); // warm-up
      const runs: Array<{ county: number[]; city: number[]; index: number[]; registration: { with: number[]; without: number[] } }> = [];
      const indexCases = await ds.getRepository(Case).find({ where: {}, take: 100, order: { id: 'DESC' } });
      for (let r = 0; r < RUNS; r++) {
        runs.push({
          county: await timeSimilar(server, countyToken, countyIds),
          city: await timeSimilar(server, cityToken, cityIds),
          index: await timeIndexStep(server, county, indexCases),
          registration: await timeRegistrations(server, countyToken, rnd, REGISTRATIONS),
        });
        const reg = runs[r].registration;
        log(
          `run ${r + 1}: county p95 ${ms(percentile(runs[r].county, 0.95))}, city p95 ${ms(percentile(runs[r].city, 0.95))}, index step p95 ${ms(percentile(runs[r].index, 0.95))}, ` +
            `registration p50 ${ms(percentile(reg.with, 0.5))} against ${ms(percentile(reg.without, 0.5))} without`,
        );
      }
      const med = (f: (x: (typeof runs)[number]) => number) => median(runs.map(f));
      const [mysqlVersion] = (await ds.query('SELECT VERSION() AS v')) as Array<{ v: string }>;
      lines.push(
        `Speed on MariaDB ${mysqlVersion.v}: ${total.toLocaleString('en')} cases (\`npm run bench:data\`, texts written by bench/similar.ts; the registrations timed by earlier runs stay), ` +
          `${postings.toLocaleString('en')} postings${rebuildSeconds !== null ? `; rebuilding the index took ${rebuildSeconds.toFixed(0)} s` : ''}. ` +
          `Timed once InnoDB's purge and page flushing ${settle.settled ? `had caught up (${settle.seconds.toFixed(0)} s of waiting)` : `were still running after ${settle.seconds.toFixed(0)} s of waiting`}, with \`npm start\`'s node flags and NODE_ENV=production. ` +
          `Medians of ${RUNS} runs of ${QUERIES} sequential queries and ${REGISTRATIONS} registrations on each side each (p50 / p95 per run):`,
        '',
        '| measure | p50 | p95 | goal |',
        '|---|---|---|---|',
        `| \`similarCases(first: 10)\`, a county registrar (about 1/12 of the cases visible) | ${ms(med((x) => percentile(x.county, 0.5)))} | ${ms(med((x) => percentile(x.county, 0.95)))} | p95 < 50 ms |`,
        `| \`similarCases(first: 10)\`, the city registrar (all cases visible) | ${ms(med((x) => percentile(x.city, 0.5)))} | ${ms(med((x) => percentile(x.city, 0.95)))} | p95 < 50 ms |`,
        `| the index step registration gained (\`SimilarityService.index\`, inside its transaction) | ${ms(med((x) => percentile(x.index, 0.5)))} | ${ms(med((x) => percentile(x.index, 0.95)))} | < 10 ms |`,
        `| \`registerCase\` as the reference front end sends it (\`repeatCandidates\` included), a county registrar | ${ms(med((x) => percentile(x.registration.with, 0.5)))} | ${ms(med((x) => percentile(x.registration.with, 0.95)))} | |`,
        `| the same registrations without the index step and the content candidates, alternating with them | ${ms(med((x) => percentile(x.registration.without, 0.5)))} | ${ms(med((x) => percentile(x.registration.without, 0.95)))} | |`,
        `| **registration slowed by** (with − without, per run, then the median) | ${ms(med((x) => percentile(x.registration.with, 0.5) - percentile(x.registration.without, 0.5)))} | ${ms(med((x) => percentile(x.registration.with, 0.95) - percentile(x.registration.without, 0.95)))} | < 10 ms |`,
        '',
        `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, load average ${loadavg().map((x) => x.toFixed(2)).join(' ')} at the end (shared with other work).`,
      );
    } finally {
      await server.stop();
    }
  }
  lines.push(END);
  writeBenchmarks(resolve(__dirname, '..', '..', 'BENCHMARKS.md'), lines.join('\n'), 'similar');
  log('BENCHMARKS.md updated');
}

withStartFlags(main).catch((err) => {
  process.stderr.write(`[bench:similar] ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
