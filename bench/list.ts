/**
 * `npm run bench:list`: the nested case list (DESIGN.md "How performance is measured") on MariaDB, 10 connections
 * (autocannon, in a child process) for a fixed duration, against a raw mysql2 + node:http endpoint that sends the
 * same SQL and returns the same JSON, in the same run; the median of BENCH_LIST_RUNS pairs. SELECT statements per
 * request are counted by the database (`Com_select`). Prints the figures and updates BENCHMARKS.md.
 */
import { START_FLAGS, withStartFlags } from './production-mode';
import 'reflect-metadata';
import { execFile } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { createConnection } from 'mysql2/promise';
import type { QueryRunner } from 'typeorm';
import { PrivateMariaDb } from '../test/harness/private-mariadb';
import { gql, startGraphqlTarget } from './graphql-target';
import { startRawListEndpoint, type CapturedStatement } from './list-raw';
import { LIST_FIRST, LIST_QUERY_TEXT } from './list-query';
import { listSection, type ListMeta, type ListRun } from './list-report';
import { writeBenchmarks } from './report';
import { median, sleep } from './stats';

const intEnv = (name: string, fallback: number) => {
  const v = Number(process.env[name] || fallback);
  if (!Number.isInteger(v) || v < 1) throw new Error(`${name} must be a positive integer`);
  return v;
};
const CASES = intEnv('BENCH_LIST_CASES', 200);
const RUNS = intEnv('BENCH_LIST_RUNS', 3);
const SECONDS = intEnv('BENCH_LIST_SECONDS', 10);
const CONNECTIONS = 10;
const FIRST = LIST_FIRST;
/** Requests sent one at a time while `Com_select` is read before and after. */
const COUNTED = 20;

const LIST_QUERY = LIST_QUERY_TEXT;

const log = (line: string) => process.stderr.write(`[bench:list] ${line}\n`);

interface Cannon {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  non2xx: number;
}

/** autocannon in a child process, so that the load generator does not share the server's event loop. */
function cannon(url: string, body: string, headers: Record<string, string>, seconds: number): Promise<Cannon> {
  const bin = require.resolve('autocannon/autocannon.js');
  const args = [bin, '-c', String(CONNECTIONS), '-d', String(seconds), '-m', 'POST', '-b', body, '--json'];
  for (const [k, v] of Object.entries({ 'content-type': 'application/json', ...headers })) args.push('-H', `${k}=${v}`);
  args.push(url);
  return new Promise((ok, fail) =>
    execFile(process.execPath, args, { maxBuffer: 16 * 2 ** 20, timeout: (seconds + 60) * 1000 }, (err, stdout) => {
      if (err) return fail(err);
      const r = JSON.parse(stdout) as { requests: { average: number; total: number }; latency: { p50: number; p99: number }; errors: number; non2xx: number };
      ok({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, requests: r.requests.total, errors: r.errors, non2xx: r.non2xx });
    }),
  );
}

async function post(url: string, body: string, headers: Record<string, string> = {}): Promise<unknown> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status} ${await res.text()}`);
  return res.json();
}

async function main(): Promise<void> {
  const loadAtStart = loadavg()[0];
  let databaseUrl = process.env.BENCH_DATABASE_URL;
  let privateDb: PrivateMariaDb | undefined;
  let engine = 'MariaDB (BENCH_DATABASE_URL)';
  if (!databaseUrl) {
    if (!PrivateMariaDb.available()) throw new Error('no BENCH_DATABASE_URL=mysql://… and no mariadbd to start a private one');
    log('starting a private MariaDB');
    privateDb = await PrivateMariaDb.create();
    databaseUrl = privateDb.url;
    engine = 'private MariaDB on loopback (innodb buffer pool 32 MB)';
  } else if (!/^(mysql|mariadb):/.test(databaseUrl)) throw new Error('BENCH_DATABASE_URL must be mysql://…');

  const target = await startGraphqlTarget(databaseUrl);
  const cleanups: Array<() => Promise<void>> = [() => target.stop()];
  try {
    const status = await createConnection({ uri: databaseUrl });
    cleanups.unshift(() => status.end());
    const [[{ v: version }]] = (await status.query('SELECT VERSION() AS v')) as unknown as [[{ v: string }]];
    engine += `, ${version}`;

    log(`seeding ${CASES} cases with assignments`);
    const auth = { authorization: `Bearer ${target.registrarToken}` };
    for (let i = 0; i < CASES; i++) {
      const id = await target.registerCase();
      await gql(target.httpUrl, 'mutation($id: ID!) { acceptCase(id: $id) { id } }', { id }, target.registrarToken);
      const units = i % 3 === 0 ? target.handlingUnits.slice(0, 2) : [target.handlingUnits[i % 3]];
      for (const [k, unitId] of units.entries()) {
        await gql(target.httpUrl, 'mutation($input: AssignCaseInput!) { assignCase(input: $input) { id } }', { input: { caseId: id, unitId, mode: 'ASSIGN', role: k === 0 ? 'LEAD' : 'ASSIST' } }, target.registrarToken);
      }
    }

    // the statements of one list request, as the server sends them
    const body = JSON.stringify({ query: LIST_QUERY });
    const captured: CapturedStatement[] = [];
    const logger = target.server.runtime.db.dataSource.logger as { logQuery: (q: string, p?: unknown[], r?: QueryRunner) => unknown };
    const original = logger.logQuery;
    await post(target.httpUrl, body, auth); // warm the caches a steady state has
    logger.logQuery = function (q: string, p?: unknown[], r?: QueryRunner) {
      captured.push({ sql: q, parameters: p ?? [] });
      return original.call(this, q, p, r);
    };
    const viaGraphql = await post(target.httpUrl, body, auth);
    logger.logQuery = original;
    if (process.env.BENCH_DEBUG) for (const s of captured) log(s.sql);
    const count = captured.find((s) => /COUNT\(/i.test(s.sql) && /FROM `petition_case`/.test(s.sql));
    const page = captured.find((s) => /FROM `petition_case`/.test(s.sql) && /ORDER BY/i.test(s.sql) && s !== count);
    if (!count || !page) throw new Error(`could not find the count and page statements among:\n${captured.map((s) => s.sql).join('\n')}`);

    const raw = await startRawListEndpoint(databaseUrl, count, page, FIRST);
    cleanups.unshift(() => raw.stop());
    const viaRaw = await post(raw.url, body);
    if (!isDeepStrictEqual(viaRaw, viaGraphql)) {
      throw new Error(`the raw endpoint's JSON differs from GraphQL's:\nraw: ${JSON.stringify(viaRaw).slice(0, 600)}\ngql: ${JSON.stringify(viaGraphql).slice(0, 600)}`);
    }
    const bytes = Buffer.byteLength(JSON.stringify(viaGraphql));

    const comSelect = async () => {
      const [rows] = (await status.query("SHOW GLOBAL STATUS LIKE 'Com_select'")) as unknown as [[{ Value: string }]];
      return Number(rows[0].Value);
    };
    const selectsPer = async (send: () => Promise<unknown>) => {
      const before = await comSelect();
      for (let i = 0; i < COUNTED; i++) await send();
      return ((await comSelect()) - before) / COUNTED;
    };
    const graphqlSelects = await selectsPer(() => post(target.httpUrl, body, auth));
    const rawSelects = await selectsPer(() => post(raw.url, body));
    log(`SELECTs per request: GraphQL ${graphqlSelects}, raw ${rawSelects}`);

    if (process.env.BENCH_LIST_PROFILE) {
      // for `node --cpu-prof`: load on one side only (the raw endpoint with BENCH_LIST_PROFILE=raw), nothing written
      const cpuBefore = process.cpuUsage();
      const r = process.env.BENCH_LIST_PROFILE === 'raw' ? await cannon(raw.url, body, {}, SECONDS) : await cannon(target.httpUrl, body, auth, SECONDS);
      const cpu = process.cpuUsage(cpuBefore);
      log(`profile run: ${r.rps.toFixed(1)} req/s, p99 ${r.p99} ms, ${((cpu.user + cpu.system) / 1000 / r.requests).toFixed(2)} ms CPU/req`);
      return;
    }
    const runs: ListRun[] = [];
    await cannon(raw.url, body, {}, 2);
    await cannon(target.httpUrl, body, auth, 2);
    for (let i = 0; i < RUNS; i++) {
      // alternate which goes first, so that a drift in the machine's load does not always favour one side
      const order = i % 2 === 0 ? (['raw', 'graphql'] as const) : (['graphql', 'raw'] as const);
      const got: Partial<ListRun> = { load: loadavg()[0] };
      for (const side of order) {
        await sleep(500);
        const cpuBefore = process.cpuUsage();
        const r = side === 'raw' ? await cannon(raw.url, body, {}, SECONDS) : await cannon(target.httpUrl, body, auth, SECONDS);
        if (r.errors || r.non2xx) throw new Error(`${side}: ${r.errors} errors, ${r.non2xx} non-2xx responses`);
        // this process's CPU (user + system) per request while only this side was loaded: steadier than req/s on a shared machine
        const cpu = process.cpuUsage(cpuBefore);
        got[side] = { ...r, cpuMs: (cpu.user + cpu.system) / 1000 / r.requests };
      }
      const run = got as ListRun;
      runs.push(run);
      log(`run ${i + 1}: raw ${run.raw.rps.toFixed(1)} req/s p99 ${run.raw.p99} ms ${run.raw.cpuMs.toFixed(2)} ms CPU/req; GraphQL ${run.graphql.rps.toFixed(1)} req/s p99 ${run.graphql.p99} ms ${run.graphql.cpuMs.toFixed(2)} ms CPU/req (load ${run.load.toFixed(2)})`);
    }
    const rss = process.memoryUsage().rss;

    const cpu = cpus();
    const meta: ListMeta = {
      date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      machine: `${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${cpu.length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, ${process.platform} ${process.arch}`,
      node: process.version,
      engine,
      flags: process.execArgv,
      startFlags: START_FLAGS,
      load: `${loadAtStart.toFixed(2)} → ${loadavg()[0].toFixed(2)}`,
      cases: CASES,
      seconds: SECONDS,
      connections: CONNECTIONS,
      bytes,
      graphqlSelects,
      rawSelects,
      statements: captured.map((s) => s.sql),
      rssMb: rss / 2 ** 20,
      query: LIST_QUERY,
    };
    const section = listSection(runs, meta);
    process.stdout.write(`\n${section}\n`);
    writeBenchmarks(resolve(__dirname, '..', '..', 'BENCHMARKS.md'), section, 'list');
    log(`median throughput ratio ${median(runs.map((r) => r.graphql.rps / r.raw.rps)).toFixed(2)}, p99 ratio ${median(runs.map((r) => r.graphql.p99 / r.raw.p99)).toFixed(2)}`);
  } finally {
    for (const c of cleanups) await c().catch((err: Error) => log(`cleanup failed: ${err.message}`));
    await privateDb?.destroy();
  }
}

withStartFlags(main).then(
  () => process.exit(0),
  (err: Error) => {
    log(`failed: ${err.stack ?? err.message}`);
    process.exit(1);
  },
);
