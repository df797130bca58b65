import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPool, type Pool, type RowDataPacket } from 'mysql2/promise';
import { assignmentDeadlineState } from '../src/domain/assignment-deadline';
import type { AssignmentStatus } from '../src/entities/case-enums';
import { encodeCaseCursor } from '../src/services/case-query.service';

/** A statement the GraphQL server sent, with its parameters, to be sent again verbatim. */
export interface CapturedStatement {
  sql: string;
  parameters: unknown[];
}

/** The hand-written endpoint the list is measured against. */
export interface RawListEndpoint {
  url: string;
  stop(): Promise<void>;
}

/**
 * The baseline: node:http and a mysql2 pool (10 connections, as the server's), answering the case list with the
 * SQL a hand-written service would send — the server's own count and page statements (captured from it, with
 * their visibility predicate), then the page's assignments joined to their units in one statement — and the
 * same JSON the GraphQL endpoint returns. No authentication, no parsing beyond the request body, no framework.
 */
export async function startRawListEndpoint(databaseUrl: string, count: CapturedStatement, page: CapturedStatement, first: number): Promise<RawListEndpoint> {
  const pool: Pool = createPool({ uri: databaseUrl, connectionLimit: 10, timezone: 'Z', supportBigNumbers: true });
  // a connection taken and given back around each statement, as the server's TypeORM does: mysql2's pool.query()
  // kept every result alive through the next young-generation collection (80 KB promoted per page in a probe),
  // which would slow this baseline down for a reason of no interest here
  const run = async (sql: string, values: unknown[]): Promise<RowDataPacket[]> => {
    const connection = await pool.getConnection();
    try {
      return (await connection.query<RowDataPacket[]>(sql, values))[0];
    } finally {
      connection.release();
    }
  };
  const handle = async (): Promise<string> => {
    const [totalRow, rows] = await Promise.all([run(count.sql, count.parameters), run(page.sql, page.parameters)]);
    const total = Number(Object.values(totalRow[0])[0]);
    const cases = rows.slice(0, first);
    const ids = cases.map((r) => r.c_id as string);
    const byCase = new Map<string, unknown[]>(ids.map((id) => [id, []]));
    if (ids.length) {
      const assignments = await run(
        'SELECT a.id, a.caseId, a.status, a.dueAt, a.deliveredAt, a.endedAt, a.pausedSince, u.id AS unitId, u.name AS unitName ' +
          'FROM assignment a JOIN unit u ON u.id = a.unitId WHERE a.caseId IN (?) ORDER BY a.assignedAt ASC',
        [ids],
      );
      const now = new Date();
      for (const a of assignments) {
        byCase.get(a.caseId as string)!.push({
          id: a.id,
          status: a.status,
          deadlineState: assignmentDeadlineState(
            { status: a.status as AssignmentStatus, dueAt: a.dueAt, deliveredAt: a.deliveredAt, endedAt: a.endedAt, pausedSince: a.pausedSince },
            now,
          ),
          unit: { id: a.unitId, name: a.unitName },
        });
      }
    }
    const cursor = (r: RowDataPacket) => encodeCaseCursor({ order: 'RECEIVED_AT:DESC', key: (r.c_receivedAt as Date).toISOString(), id: r.c_id as string });
    return JSON.stringify({
      data: {
        cases: {
          totalCount: total,
          pageInfo: { hasNextPage: rows.length > first, endCursor: cases.length ? cursor(cases[cases.length - 1]) : null },
          edges: cases.map((r) => ({
            node: {
              id: r.c_id,
              serialNo: r.c_serialNo,
              status: r.c_status,
              channel: r.c_channel,
              summary: r.c_summary,
              receivedAt: (r.c_receivedAt as Date).toISOString(),
              assignments: byCase.get(r.c_id as string),
            },
          })),
        },
      },
    });
  };
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      handle().then(
        (body) => {
          res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
          res.end(body);
        },
        (err: Error) => {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end(err.message);
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/list`,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}
