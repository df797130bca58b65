/**
 * `npm run bench:data -- [cases]`: the statistics benchmark's data set in BENCH_DATABASE_URL (default 1,000,000 cases):
 * a city congress with 12 counties, each with its 一府两院 and three departments, an office registrar per congress,
 * and cases spread over the last five years with assignments, replies, supervisions and the case-event history the
 * figures read, in the proportions of the seed's office. Units and users go through the API; cases are bulk-inserted
 * (the API would take days for a million) with the columns the services would have written.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import type { EntityTarget, ObjectLiteral } from 'typeorm';
import { loadConfig } from '../src/config/config';
import { AssignmentStatus, CaseStatus } from '../src/domain/case-workflow';
import { localDateOf } from '../src/domain/office-time';
import { Assignment } from '../src/entities/assignment.entity';
import { AssignmentMode, AssignmentRole, CaseChannel, CaseEventType, CaseType, Outcome, ReplyMethod, SupervisionKind } from '../src/entities/case-enums';
import { CaseEventRecord } from '../src/entities/case-event.entity';
import { Case } from '../src/entities/case.entity';
import { Reply } from '../src/entities/reply.entity';
import { SerialCounter } from '../src/entities/serial-counter.entity';
import { Supervision } from '../src/entities/supervision.entity';
import { startServer } from '../src/server';
import { random } from './random';

export const BENCH_PASSWORD = 'Bench@2026-password';
const ADMIN = { username: 'bench-admin', password: 'bench-admin-password-1' };
const COUNTIES = 12;
const YEARS = 5;
const BATCH = 500;
const CATEGORIES = ['土地征收', '劳动社保', '城乡建设', '涉法涉诉', '环境保护', '教育', '医疗卫生', '交通', '农业农村', '民政', '住房保障', '其他'];
const DAY = 86_400_000;


async function gql<T>(url: string, token: string | null, query: string, variables: Record<string, unknown>): Promise<T> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown[] };
  if (body.errors?.length) throw new Error(JSON.stringify(body.errors));
  return body.data as T;
}

async function main(): Promise<void> {
  const total = Number(process.argv[2] ?? 1_000_000);
  if (!Number.isInteger(total) || total < 1) throw new Error(`the number of cases must be a positive integer, got "${process.argv[2]}"`);
  const databaseUrl = process.env.BENCH_DATABASE_URL;
  if (!databaseUrl) throw new Error('BENCH_DATABASE_URL is required (an empty MySQL/MariaDB database)');
  const config = loadConfig({ ...process.env, NODE_ENV: 'development', PORT: '0', DATABASE_URL: databaseUrl, ADMIN_USERNAME: ADMIN.username, ADMIN_PASSWORD: ADMIN.password, DEMO_DATA: '0' });
  const server = await startServer(config, pino({ level: 'warn' }));
  const base = `http://127.0.0.1:${server.port}`;
  const log = (line: string) => process.stderr.write(`[bench:data] ${line}\n`);
  try {
    const ds = server.runtime.db.dataSource;
    if ((await ds.getRepository(Case).count()) > 0) throw new Error('BENCH_DATABASE_URL already holds cases; give it an empty database');
    const admin = (await gql<{ login: { token: string } }>(base, null, 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', { u: ADMIN.username, p: ADMIN.password })).login.token;
    const unit = async (input: Record<string, unknown>) => (await gql<{ createUnit: { id: string } }>(base, admin, 'mutation($input: CreateUnitInput!) { createUnit(input: $input) { id } }', { input })).createUnit.id;
    const user = async (username: string, unitId: string) =>
      (await gql<{ createUser: { id: string } }>(base, admin, 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', {
        input: { username, password: BENCH_PASSWORD, displayName: username, unitId, roles: ['REGISTRAR'] },
      })).createUser.id;

    const city = await unit({ code: 'bench-city-rd', name: '基准市人大常委会', kind: 'CONGRESS', level: 'CITY' });
    await user('bench-city', city);
    const counties: Array<{ congress: string; registrar: string; units: string[] }> = [];
    for (let i = 1; i <= COUNTIES; i++) {
      const congress = await unit({ code: `bench-county-${i}-rd`, name: `基准${i}县人大常委会`, kind: 'CONGRESS', level: 'COUNTY', parentId: city });
      const gov = await unit({ code: `bench-county-${i}-gov`, name: `基准${i}县人民政府`, kind: 'GOVERNMENT', level: 'COUNTY' });
      const units = [
        gov,
        await unit({ code: `bench-county-${i}-court`, name: `基准${i}县人民法院`, kind: 'COURT', level: 'COUNTY' }),
        await unit({ code: `bench-county-${i}-proc`, name: `基准${i}县人民检察院`, kind: 'PROCURATORATE', level: 'COUNTY' }),
      ];
      for (const [code, name] of [['land', '自然资源局'], ['hrss', '人力资源和社会保障局'], ['housing', '住房和城乡建设局']]) {
        units.push(await unit({ code: `bench-county-${i}-${code}`, name: `基准${i}县${name}`, kind: 'DEPARTMENT', level: 'COUNTY', parentId: gov }));
      }
      counties.push({ congress, registrar: await user(`bench-county-${i}`, congress), units });
    }

    const rnd = random(20260101);
    const now = Date.now();
    const start = now - YEARS * 365 * DAY;
    const serials = new Map<string, number>();
    const insert = async <T extends ObjectLiteral>(entity: EntityTarget<T>, rows: ObjectLiteral[]) => {
      for (let i = 0; i < rows.length; i += BATCH) await ds.createQueryBuilder().insert().into(entity).values(rows.slice(i, i + BATCH) as never).execute();
    };
    const began = Date.now();
    for (let done = 0; done < total; ) {
      const n = Math.min(5000, total - done);
      const cases: ObjectLiteral[] = [];
      const assignments: ObjectLiteral[] = [];
      const replies: ObjectLiteral[] = [];
      const events: ObjectLiteral[] = [];
      const supervisions: ObjectLiteral[] = [];
      for (let k = 0; k < n; k++) {
        const county = counties[Math.floor(rnd() * COUNTIES)];
        const receivedAt = new Date(start + rnd() * (now - start - DAY));
        const r = rnd();
        // the seed's office: mostly letters, a quarter visits, a few calls; about 3% referred down by the city
        const channel = r < 0.5 ? CaseChannel.LETTER : r < 0.68 ? CaseChannel.ONLINE : r < 0.95 ? CaseChannel.VISIT : CaseChannel.PHONE;
        const referred = rnd() < 0.03;
        const year = localDateOf(receivedAt, config.officeTimeZone).slice(0, 4);
        const key = `${county.congress}:${year}`;
        const seq = (serials.get(key) ?? 0) + 1;
        serials.set(key, seq);
        const id = randomUUID();
        const age = (now - receivedAt.getTime()) / DAY;
        // what happened to it: declined or archived (10%), handled by a unit (70%), answered by the office (20%)
        const fate = rnd();
        const declined = fate < 0.06;
        const archived = !declined && fate < 0.1;
        const routed = fate >= 0.1 && fate < 0.8;
        let status = declined ? CaseStatus.DECLINED : archived ? CaseStatus.ARCHIVED : CaseStatus.ACCEPTED;
        let seqNo = 0;
        const event = (type: CaseEventType, at: Date, assignmentId: string | null = null) =>
          events.push({ id: randomUUID(), caseId: id, assignmentId, type, actorId: county.registrar, at, seq: seqNo++ });
        event(CaseEventType.REGISTERED, receivedAt);
        let replyAt: Date | null = null;
        // the row's markers, as CaseService.transition writes them with each event
        let finishedAt: Date | null = null;
        let closedAt: Date | null = null;
        let lastRepliedAt: Date | null = null;
        let reviewCount = 0;
        let firstAssignedAt: Date | null = null;
        // the office decides within days (the intake clock, 15 days): declined, archived or accepted
        const decidedAt = new Date(receivedAt.getTime() + (declined || archived ? 1 + rnd() * 5 : 1) * DAY);
        if (declined || archived) {
          event(declined ? CaseEventType.DECLINED : CaseEventType.ARCHIVED, decidedAt);
          finishedAt = decidedAt;
        }
        else if (routed) {
          const assignmentId = randomUUID();
          const assignedAt = new Date(receivedAt.getTime() + (1 + rnd() * 3) * DAY);
          const dueAt = new Date(assignedAt.getTime() + 60 * DAY);
          const mode = rnd() < 0.6 ? AssignmentMode.ASSIGN : AssignmentMode.TRANSFER;
          // 90% of units deliver, a tenth of them late; recent assignments are still running
          const deliveredAt = rnd() < 0.9 ? new Date(assignedAt.getTime() + (rnd() < 0.9 ? 10 + rnd() * 45 : 61 + rnd() * 40) * DAY) : null;
          const delivered = deliveredAt && deliveredAt.getTime() < now ? deliveredAt : null;
          assignments.push({
            id: assignmentId,
            caseId: id,
            caseCongressId: county.congress,
            caseReceivedAt: receivedAt,
            unitId: county.units[Math.floor(rnd() * county.units.length)],
            mode,
            role: AssignmentRole.LEAD,
            status: delivered ? (mode === AssignmentMode.ASSIGN ? AssignmentStatus.COMPLETED : AssignmentStatus.REPORTED) : AssignmentStatus.IN_PROGRESS,
            dueInDays: 60,
            unrolledDueDate: localDateOf(dueAt, config.officeTimeZone),
            dueAt,
            assignedAt,
            assignedById: county.registrar,
            acceptedAt: new Date(assignedAt.getTime() + DAY),
            resultOutcome: delivered && mode === AssignmentMode.ASSIGN ? Outcome.EXPLAINED : null,
            resultReport: delivered && mode === AssignmentMode.ASSIGN ? '经调查核实，已依法处理。' : null,
            resultReportedAt: delivered && mode === AssignmentMode.ASSIGN ? delivered : null,
            deliveredAt: delivered,
            endedAt: delivered && mode === AssignmentMode.ASSIGN ? delivered : null,
          });
          event(CaseEventType.ASSIGNED, assignedAt, assignmentId);
          firstAssignedAt = assignedAt;
          if (rnd() < 0.12) {
            supervisions.push({ id: randomUUID(), assignmentId, kind: SupervisionKind.PHONE, note: '电话催办', byId: county.registrar, createdAt: new Date(assignedAt.getTime() + 30 * DAY) });
          }
          status = delivered ? CaseStatus.RESULT_REPORTED : CaseStatus.ASSIGNED;
          if (delivered) replyAt = new Date(delivered.getTime() + (1 + rnd() * 5) * DAY);
        } else if (age > 20) replyAt = new Date(receivedAt.getTime() + (5 + rnd() * 15) * DAY);
        if (replyAt && replyAt.getTime() < now) {
          replies.push({ id: randomUUID(), caseId: id, unitId: county.congress, authorId: county.registrar, method: ReplyMethod.WRITTEN, outcome: Outcome.EXPLAINED, body: '现答复如下……', repliedAt: replyAt });
          event(CaseEventType.REPLIED, replyAt);
          lastRepliedAt = replyAt;
          status = CaseStatus.REPLIED;
          const closeAt = new Date(replyAt.getTime() + (2 + rnd() * 10) * DAY);
          if (closeAt.getTime() < now && rnd() < 0.9) {
            event(CaseEventType.CLOSED, closeAt);
            status = CaseStatus.CLOSED;
            finishedAt = closedAt = closeAt;
            if (rnd() < 0.02) {
              event(CaseEventType.REOPENED, new Date(closeAt.getTime() + 5 * DAY));
              status = CaseStatus.UNDER_REVIEW;
              finishedAt = closedAt = null;
              reviewCount = 1;
            }
          }
        }
        cases.push({
          id,
          serialNo: `${year}-${String(seq).padStart(6, '0')}`,
          queryCode: randomUUID().replace(/-/g, '').slice(0, 16),
          congressId: county.congress,
          status,
          channel,
          caseType: rnd() < 0.8 ? CaseType.CLAIM : CaseType.SUGGESTION,
          category: CATEGORIES[Math.floor(rnd() ** 1.6 * CATEGORIES.length)],
          summary: '基准数据：反映问题',
          content: '基准数据。',
          receivedAt,
          personCount: channel === CaseChannel.VISIT ? 1 + Math.floor(rnd() ** 3 * 12) : 1,
          isKey: rnd() < 0.02,
          isDifficult: rnd() < 0.02,
          isTypical: rnd() < 0.01,
          referredFromUnitId: referred ? city : null,
          responsibleUserId: county.registrar,
          intakeDueAt: new Date(receivedAt.getTime() + 15 * DAY),
          intakeDoneAt: decidedAt.getTime() < now ? decidedAt : null,
          finishedAt,
          closedAt,
          lastRepliedAt,
          firstAssignedAt,
          reviewCount,
        });
      }
      await insert(Case, cases);
      await insert(Assignment, assignments);
      await insert(Reply, replies);
      await insert(CaseEventRecord, events);
      await insert(Supervision, supervisions);
      done += n;
      const rate = done / ((Date.now() - began) / 1000);
      log(`${done.toLocaleString('en')} / ${total.toLocaleString('en')} cases (${Math.round(rate)}/s)`);
    }
    // the serial numbers were written without the counters registration reads: continue each after the last one given
    const counters = [...serials].map(([key, last]) => {
      const [congressId, year] = key.split(':');
      return { congressId, year: Number(year), next: last + 1 };
    });
    await insert(SerialCounter, counters);
    log('analyzing tables');
    if (server.runtime.db.engine === 'mysql') for (const t of ['petition_case', 'assignment', 'reply', 'case_event', 'supervision']) await ds.query(`ANALYZE TABLE ${t}`);
  } finally {
    await server.stop();
  }
}

// the statistics benchmark imports the password from here; only `node dist/bench/data.js` generates
if (require.main === module) {
  main().catch((err) => {
    process.stderr.write(`[bench:data] ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
}
