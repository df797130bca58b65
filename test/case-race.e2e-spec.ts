import type { GraphQLResponse, GraphQLTestClient } from './harness/graphql-client';
import { seedUser } from './harness/fixtures';
import { ASSIGN_CASE, REGISTER_CASE, letterInput, seedCountyPeople, type CountyPeople } from './harness/case-fixtures';
import { createTestServer, type TestServer } from './harness/test-server';
import { CaseAction, CaseStatus, nextStatus } from '../src/domain/case-workflow';

// Twenty people working one case at the same moment, through HTTP: each step of the workflow is raced by all of
// them at once. Whatever the interleaving, the case never reaches an illegal state, every acknowledged write is
// in the database (no lost update), every refusal is a refusal (never INTERNAL) and wrote nothing, and serial
// numbers are never given twice. On MariaDB the loser of a race may see CONFLICT (the optimistic version check)
// where SQLite, which serialises write transactions, answers INVALID_TRANSITION.

const CLIENTS = 20;
/** The workflow action each timeline entry of the race records. */
const ACTION_OF: Record<string, CaseAction> = { ACCEPTED: CaseAction.ACCEPT, ASSIGNED: CaseAction.ASSIGN, REPLIED: CaseAction.REPLY, CLOSED: CaseAction.CLOSE };
const REFUSALS = ['CONFLICT', 'INVALID_TRANSITION', 'ALREADY_EXISTS'];

const ACCEPT_CASE = 'mutation($id: ID!) { acceptCase(id: $id) { id status } }';
const ACCEPT_ASSIGNMENT = 'mutation($id: ID!) { acceptAssignment(id: $id) { id status } }';
const REPLY = `mutation($i: ReplyInput!) { replyToPetitioner(input: $i) { id case { id status } } }`;
const CLOSE_CASE = 'mutation($id: ID!) { closeCase(id: $id) { id status } }';
const STATE = `query($id: ID!) {
  case(id: $id) {
    id serialNo status
    assignments { id mode role status unit { id } }
    replies { id }
    timeline { type }
  }
}`;

interface CaseState {
  id: string;
  serialNo: string;
  status: string;
  assignments: Array<{ id: string; mode: string; role: string; status: string; unit: { id: string } }>;
  replies: Array<{ id: string }>;
  timeline: Array<{ type: string }>;
}

describe('twenty clients racing on one case', () => {
  let t: TestServer;
  let p: CountyPeople;
  let office: GraphQLTestClient[];
  let court: GraphQLTestClient[];

  beforeAll(async () => {
    t = await createTestServer({ DEADLINE_SCAN_INTERVAL_MS: '3600000' });
    p = await seedCountyPeople(t);
    const login = async (unit: string, roles: string[]) => {
      const u = await seedUser(t.admin, unit, roles);
      return t.login(u.username, u.password);
    };
    office = [p.registrar];
    for (let i = 1; i < CLIENTS; i++) office.push(await login(p.county.congress, ['REGISTRAR']));
    court = [p.court];
    for (let i = 1; i < CLIENTS; i++) court.push(await login(p.county.court, ['LIAISON']));
  }, 120_000);
  afterAll(() => t?.close());

  const state = async (id: string): Promise<CaseState> => (await p.registrar.ok(STATE, { id })).case;

  /** Splits the responses into winners and refusals; a refusal must be one of ours, in Chinese, never INTERNAL. */
  function outcome(responses: GraphQLResponse[], refusals = REFUSALS): { won: GraphQLResponse[]; lost: number } {
    const won = responses.filter((r) => !r.errors?.length);
    const lost = responses.filter((r) => r.errors?.length);
    for (const r of lost) {
      expect(refusals).toContain(r.errors![0].extensions?.code);
      expect(r.errors![0].message).toMatch(/[\u4e00-\u9fa5]/);
    }
    return { won, lost: lost.length };
  }

  const race = (clients: GraphQLTestClient[], query: string, variables: (i: number) => Record<string, unknown>) =>
    Promise.all(clients.map((c, i) => c.query(query, variables(i))));

  it('registers, accepts, assigns, replies and closes with every step raced by twenty clients', async () => {
    // twenty registrations at once: twenty distinct serial numbers, one after another
    const registered = await race(office, REGISTER_CASE, (i) => ({ input: letterInput({ summary: `竞争登记第 ${i + 1} 件` }) }));
    expect(registered.filter((r) => r.errors?.length).map((r) => r.errors)).toEqual([]);
    const serials = registered.map((r) => r.data.registerCase.serialNo as string);
    expect(new Set(serials).size).toBe(CLIENTS);
    const numbers = serials.map((s) => Number(s.slice(5))).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: CLIENTS }, (_, i) => numbers[0] + i));
    const caseId = registered[0].data.registerCase.id as string;

    // accept: one decision stands
    expect(outcome(await race(office, ACCEPT_CASE, () => ({ id: caseId }))).won).toHaveLength(1);
    let s = await state(caseId);
    expect(s.status).toBe('ACCEPTED');
    expect(s.timeline.map((e) => e.type)).toEqual(['REGISTERED', 'ACCEPTED']);

    // assign the same unit as lead twenty times at once: one lead assignment, one audit entry per acknowledged one
    const assigned = outcome(await race(office, ASSIGN_CASE, () => ({ input: { caseId, unitId: p.county.court, mode: 'TRANSFER' } })));
    s = await state(caseId);
    expect(s.status).toBe('ASSIGNED');
    expect(assigned.won.length).toBeGreaterThanOrEqual(1);
    expect(s.assignments.map((a) => a.id).sort()).toEqual(assigned.won.map((r) => r.data.assignCase.id as string).sort());
    expect(s.assignments.filter((a) => a.role === 'LEAD' && a.status !== 'CANCELLED')).toHaveLength(1);
    expect(s.timeline.filter((e) => e.type === 'ASSIGNED')).toHaveLength(assigned.won.length);
    const assignmentId = s.assignments[0].id;

    // the court's twenty liaisons accept the assignment at once: once
    expect(outcome(await race(court, ACCEPT_ASSIGNMENT, () => ({ id: assignmentId }))).won).toHaveLength(1);
    expect((await state(caseId)).timeline.filter((e) => e.type === 'ASSIGNMENT_ACCEPTED')).toHaveLength(1);

    // twenty replies at once: every acknowledged reply is stored, each with its audit entry, and the case is REPLIED
    const replied = outcome(
      await race(court, REPLY, (i) => ({ i: { caseId, method: 'WRITTEN', outcome: 'EXPLAINED', body: `经核查，现答复如下：第 ${i + 1} 份答复。特此答复。` } })),
    );
    expect(replied.won.length).toBeGreaterThanOrEqual(1);
    s = await state(caseId);
    expect(s.status).toBe('REPLIED');
    expect(s.replies.map((r) => r.id).sort()).toEqual(replied.won.map((r) => r.data.replyToPetitioner.id as string).sort());
    expect(s.timeline.filter((e) => e.type === 'REPLIED')).toHaveLength(replied.won.length);
    expect(s.assignments[0].status).toBe('COMPLETED');

    // close: once
    expect(outcome(await race(office, CLOSE_CASE, () => ({ id: caseId }))).won).toHaveLength(1);
    s = await state(caseId);
    expect(s.status).toBe('CLOSED');
    expect(s.timeline.filter((e) => e.type === 'CLOSED')).toHaveLength(1);
  }, 120_000);

  it('accept, assign, reply and close fired together: the timeline accounts for exactly the acknowledged steps', async () => {
    for (let round = 0; round < 3; round++) {
      const { registerCase: c } = await p.registrar.ok(REGISTER_CASE, { input: letterInput({ summary: `混合竞争第 ${round + 1} 轮` }) });
      // five of each at once, in an order that differs per round
      const ops: Array<() => Promise<GraphQLResponse>> = [];
      for (let i = 0; i < 5; i++) {
        ops.push(() => office[i].query(ACCEPT_CASE, { id: c.id }));
        ops.push(() => office[5 + i].query(ASSIGN_CASE, { input: { caseId: c.id, unitId: p.county.court, mode: 'TRANSFER' } }));
        ops.push(() => court[i].query(REPLY, { i: { caseId: c.id, method: 'WRITTEN', outcome: 'EXPLAINED', body: '经核查，现答复如下：……特此答复。' } }));
        ops.push(() => office[10 + i].query(CLOSE_CASE, { id: c.id }));
      }
      const order = ops.map((_, i) => (i * (round * 2 + 3)) % ops.length);
      const responses = await Promise.all(order.map((i) => ops[i]()));
      const kind = (i: number) => ['ACCEPTED', 'ASSIGNED', 'REPLIED', 'CLOSED'][order[i] % 4];
      // a reply from a unit the case is not (yet) assigned to is refused as unseen or not allowed
      outcome(responses, [...REFUSALS, 'NOT_FOUND', 'FORBIDDEN']);
      const acknowledged = responses.map((r, i) => (r.errors?.length ? null : kind(i))).filter((k): k is string => k !== null);

      const s = await state(c.id);
      const steps = s.timeline.map((e) => e.type).filter((e) => e !== 'REGISTERED');
      expect([...steps].sort()).toEqual([...acknowledged].sort());
      // replayed through the workflow's state machine, every step was allowed where it happened, and the case
      // ends where the steps lead
      let replayed: CaseStatus | undefined = CaseStatus.REGISTERED;
      for (const step of steps) {
        const next: CaseStatus | undefined = nextStatus(replayed!, ACTION_OF[step]);
        expect({ from: replayed, step, legal: next !== undefined }).toEqual({ from: replayed, step, legal: true });
        replayed = next;
      }
      expect(s.status).toBe(replayed);
      expect(steps.filter((e) => e === 'ACCEPTED').length).toBeLessThanOrEqual(1);
      expect(steps.filter((e) => e === 'CLOSED').length).toBeLessThanOrEqual(1);
      expect(s.assignments.filter((a) => a.role === 'LEAD' && a.status !== 'CANCELLED').length).toBe(steps.includes('ASSIGNED') ? 1 : 0);
      expect(s.replies).toHaveLength(steps.filter((e) => e === 'REPLIED').length);
    }
  }, 120_000);
});
