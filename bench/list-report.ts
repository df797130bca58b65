import { ratio } from './report';
import { median } from './stats';

/** One side's autocannon result. */
export interface SideResult {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  /** CPU time (user + system) of the benchmark process per request while only this side was loaded. */
  cpuMs: number;
}

/** One pair of measurements, raw and GraphQL, back to back. */
export interface ListRun {
  raw: SideResult;
  graphql: SideResult;
  /** 1-minute load average when the pair started. */
  load: number;
}

export interface ListMeta {
  date: string;
  machine: string;
  node: string;
  engine: string;
  /** The node flags the process ran with, and those of `npm start`. */
  flags: string[];
  startFlags: string[];
  load: string;
  cases: number;
  seconds: number;
  connections: number;
  bytes: number;
  graphqlSelects: number;
  rawSelects: number;
  /** The SQL text of one GraphQL list request, in order. */
  statements: string[];
  rssMb: number;
  query: string;
}

const num = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));
const short = (sql: string) => (sql.length > 160 ? `${sql.slice(0, 157)}…` : sql).replace(/\|/g, '\\|').replace(/`/g, "'");

export function listSection(runs: ListRun[], meta: ListMeta): string {
  const rpsRatio = median(runs.map((r) => r.graphql.rps / r.raw.rps));
  const p99Ratio = median(runs.map((r) => r.graphql.p99 / r.raw.p99));
  const rows = runs
    .map(
      (r, i) =>
        `| ${i + 1} | ${r.load.toFixed(2)} | ${num(r.raw.rps)} | ${num(r.graphql.rps)} | ${ratio(r.graphql.rps, r.raw.rps)} | ${r.raw.p99} | ${r.graphql.p99} | ${ratio(r.graphql.p99, r.raw.p99)} |`,
    )
    .join('\n');
  return `<!-- bench:list:start -->
## 嵌套列表 / The nested case list

- 日期 / date: ${meta.date}
- 机器 / machine: ${meta.machine}; Node ${meta.node}
- 数据库 / database: ${meta.engine}; no Redis
- 进程 / process: \`node ${meta.flags.join(' ')}\`（\`npm start\`: \`${meta.startFlags.join(' ')}\`）
- 系统负载 / 1-min load average, start → end: ${meta.load}
- 数据 / data: ${meta.cases} 件（每件 1–2 个交办），县人大登记员查看 / ${meta.cases} cases with 1–2 assignments each, viewed by the county registrar
- 负载 / load: autocannon, ${meta.connections} connections, ${meta.seconds} s per side per run, sides alternating; a ${(meta.bytes / 1024).toFixed(1)} KB response
- 查询 / query: \`${meta.query}\`

| run | load avg | raw req/s | GraphQL req/s | throughput vs raw | raw p99 (ms) | GraphQL p99 (ms) | p99 vs raw |
|---|---:|---:|---:|---:|---:|---:|---:|
${rows}
| **median** | | ${num(median(runs.map((r) => r.raw.rps)))} | ${num(median(runs.map((r) => r.graphql.rps)))} | **${rpsRatio.toFixed(2)}×** | ${median(runs.map((r) => r.raw.p99))} | ${median(runs.map((r) => r.graphql.p99))} | **${p99Ratio.toFixed(2)}×** |

- SELECT statements per request, counted by MariaDB (\`Com_select\` before and after 20 sequential requests): GraphQL **${meta.graphqlSelects}**, raw ${meta.rawSelects}.
- CPU of the process (user + system) per request while only one side is loaded, median over the runs: GraphQL **${median(runs.map((r) => r.graphql.cpuMs)).toFixed(2)} ms**, raw ${median(runs.map((r) => r.raw.cpuMs)).toFixed(2)} ms (${(median(runs.map((r) => r.graphql.cpuMs)) / median(runs.map((r) => r.raw.cpuMs))).toFixed(1)}×); steadier than the request rates on a shared machine.
- RSS of the process (server, raw endpoint) after the runs: ${meta.rssMb.toFixed(0)} MB.

The statements of one GraphQL list request, in order:

${meta.statements.map((s, i) => `${i + 1}. \`${short(s)}\``).join('\n')}

**测量内容。** 服务器（生产配置：NODE_ENV=production，访问日志开启但级别为 silent）与原始端点在同一进程中运行，压测工具
autocannon 在子进程中运行。原始端点是 node:http + mysql2 连接池（10 个连接，与服务器相同），发送服务器自己的计数与分页语句
（带同样的可见性条件），再用一条语句取出本页的交办及其单位，返回与 GraphQL 完全相同的 JSON（运行前逐字节比对）；
它不做身份验证，也不解析查询。比值为每一轮中 GraphQL ÷ 原始，取各轮的中位数。

**What is measured.** The server (production settings: NODE_ENV=production, access logging on at level silent) and the
raw endpoint run in one process, autocannon in a child process. The raw endpoint is node:http with a mysql2 pool (10
connections, as the server's); it sends the server's own count and page statements (same visibility predicate), then
one statement for the page's assignments joined to their units, and returns JSON identical to GraphQL's (compared
before the runs); it does no authentication and parses no query. Each ratio is GraphQL ÷ raw within one run; the
table gives the median over the runs.
<!-- bench:list:end -->
`;
}
