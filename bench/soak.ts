/**
 * `npm run soak` (on demand, not in CI): SOAK_SECONDS (default 600) of mixed load on MariaDB against the
 * production entry point run as `npm start` runs it (its node flags, `dist/src/main.js`, access logs at info) in a
 * child process, whose resident memory
 * is read from /proc every few seconds. Reports the RSS after warm-up and at the end (the goal: the end within 20%
 * of the warm RSS, and below 300 MB) and writes them into BENCHMARKS.md.
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { freePort } from '../test/harness/free-port';
import { npmStartFlags } from '../test/harness/npm-start';
import { PrivateMariaDb } from '../test/harness/private-mariadb';
import { benchEnv, gql, seedOffice } from './graphql-target';
import { LIST_QUERY_TEXT } from './list-query';
import { writeBenchmarks } from './report';
import { sleep } from './stats';

const SECONDS = Number(process.env.SOAK_SECONDS || 600);
const WARMUP_SECONDS = Number(process.env.SOAK_WARMUP_SECONDS || Math.min(60, Math.round(SECONDS / 5)));
const CONCURRENCY = 8;
const SUBSCRIBERS = 40;
const log = (line: string) => process.stderr.write(`[soak] ${line}\n`);

const rssMb = (pid: number) => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
};

/** The node flags of `npm start`, so that the soak measures the server as it is run. */
const startFlags = () => npmStartFlags(resolve(__dirname, '..', '..', 'package.json'));

const CASE_DETAIL = `query($id: ID!) { case(id: $id) { id serialNo status summary petitioners { name idNumberMasked } assignments { id status deadlineState unit { name } } timeline { type at } } }`;

async function main(): Promise<void> {
  const loadAtStart = loadavg()[0];
  let databaseUrl = process.env.BENCH_DATABASE_URL;
  let db: PrivateMariaDb | undefined;
  if (!databaseUrl) {
    log('starting a private MariaDB');
    db = await PrivateMariaDb.create();
    databaseUrl = db.url;
  }
  const port = await freePort();
  const env = { ...process.env, ...benchEnv(databaseUrl), PORT: String(port), LOG_LEVEL: 'info' };
  const child = spawn(process.execPath, [...startFlags(), resolve(__dirname, '..', 'src', 'main.js')], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const clients: Client[] = [];
  try {
    const httpUrl = `http://127.0.0.1:${port}/graphql`;
    for (let i = 0; ; i++) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
      if (i > 600) throw new Error('server did not become ready');
      const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false);
      if (ok) break;
      await sleep(100);
    }
    const office = await seedOffice(httpUrl, SUBSCRIBERS);
    const token = office.registrarToken;
    const caseIds: string[] = [];
    for (let i = 0; i < 100; i++) caseIds.push(await office.registerCase());

    let received = 0;
    for (let i = 0; i < SUBSCRIBERS; i++) {
      const client = createClient({ url: `ws://127.0.0.1:${port}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${office.viewerTokens[i % office.viewerTokens.length]}` }, retryAttempts: 5 });
      client.subscribe({ query: 'subscription { caseEvents { type case { id serialNo status } } }' }, { next: () => void received++, error: (e) => log(`subscriber ${i}: ${JSON.stringify(e)}`), complete: () => undefined });
      clients.push(client);
    }

    const counts = { list: 0, detail: 0, register: 0, workflow: 0, errors: 0 };
    let firstError: string | undefined;
    const stopAt = Date.now() + SECONDS * 1000;
    const pick = <T>(a: T[]) => a[Math.floor(Math.random() * a.length)];
    const one = async () => {
      const r = Math.random();
      if (r < 0.55) {
        await gql(httpUrl, LIST_QUERY_TEXT, {}, token);
        counts.list++;
      } else if (r < 0.8) {
        await gql(httpUrl, CASE_DETAIL, { id: pick(caseIds) }, token);
        counts.detail++;
      } else if (r < 0.92) {
        const id = await office.registerCase();
        caseIds.push(id);
        counts.register++;
      } else {
        const id = await office.registerCase();
        await gql(httpUrl, 'mutation($id: ID!) { acceptCase(id: $id) { id } }', { id }, token);
        await gql(httpUrl, 'mutation($input: AssignCaseInput!) { assignCase(input: $input) { id } }', { input: { caseId: id, unitId: pick(office.handlingUnits), mode: 'ASSIGN' } }, token);
        caseIds.push(id);
        counts.workflow++;
      }
    };
    const lane = async () => {
      while (Date.now() < stopAt) {
        await one().catch((err: Error) => {
          counts.errors++;
          firstError ??= err.message;
        });
      }
    };
    const samples: Array<{ at: number; rss: number }> = [];
    const started = Date.now();
    const sampler = setInterval(() => samples.push({ at: (Date.now() - started) / 1000, rss: rssMb(child.pid!) }), 5000);
    log(`${SECONDS} s of mixed load, ${CONCURRENCY} in flight, ${SUBSCRIBERS} subscribers; warm-up ${WARMUP_SECONDS} s`);
    await Promise.all(Array.from({ length: CONCURRENCY }, lane));
    clearInterval(sampler);
    samples.push({ at: (Date.now() - started) / 1000, rss: rssMb(child.pid!) });

    const warm = samples.find((s) => s.at >= WARMUP_SECONDS) ?? samples[0];
    const end = samples[samples.length - 1];
    const peak = Math.max(...samples.map((s) => s.rss));
    const total = counts.list + counts.detail + counts.register + counts.workflow;
    const growth = end.rss / warm.rss - 1;
    const cpu = cpus();
    const lines = [
      '<!-- bench:soak:start -->',
      '## 持续负载 / Soak',
      '',
      `- 日期 / date: ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}`,
      `- 机器 / machine: ${cpu[0]?.model.trim()}, ${cpu.length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB; Node ${process.version}`,
      `- 系统负载 / 1-min load average, start → end: ${loadAtStart.toFixed(2)} → ${loadavg()[0].toFixed(2)}`,
      `- 数据库 / database: ${db ? 'private MariaDB on loopback' : 'MariaDB (BENCH_DATABASE_URL)'}; server: \`node ${startFlags().join(' ')} dist/src/main.js\` (as \`npm start\`), NODE_ENV=production, access logs at info`,
      `- 时长 / duration: ${SECONDS} s (warm-up ${WARMUP_SECONDS} s)${SECONDS < 600 ? `; shorter than the 10 minutes \`npm run soak\` runs by default (SOAK_SECONDS=${SECONDS})` : ''}`,
      `- 负载 / load: ${CONCURRENCY} requests in flight — ${counts.list} lists of 50, ${counts.detail} case details, ${counts.register} registrations, ${counts.workflow} register + accept + assign; ${total} operations (${(total / SECONDS).toFixed(1)}/s), ${counts.errors} errors${firstError ? ` (first: ${firstError.slice(0, 120)})` : ''}; ${SUBSCRIBERS} live subscribers received ${received} events`,
      '',
      '| | RSS (MB) |',
      '|---|---:|',
      `| after warm-up (${warm.at.toFixed(0)} s) | ${warm.rss.toFixed(0)} |`,
      `| at the end (${end.at.toFixed(0)} s) | ${end.rss.toFixed(0)} |`,
      `| peak | ${peak.toFixed(0)} |`,
      `| end vs warm | ${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)}% |`,
      '',
      `目标：结束时的 RSS 与预热后相差不超过 20%，且始终低于 300 MB。Goal: the end within 20% of the warm RSS, and below 300 MB throughout: ${Math.abs(growth) <= 0.2 && peak < 300 ? 'met' : 'NOT met'}.`,
      '<!-- bench:soak:end -->',
      '',
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    writeBenchmarks(resolve(__dirname, '..', '..', 'BENCHMARKS.md'), lines.join('\n'), 'soak');
  } finally {
    for (const c of clients) await c.dispose();
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    await db?.destroy();
  }
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    log(`failed: ${err.stack ?? err.message}`);
    process.exit(1);
  },
);
