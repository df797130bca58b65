import { thrown } from '../../test/harness/domain-errors';
import { ErrorCode } from '../errors/error-code';
import {
  allowedAssignmentActions,
  allowedCaseActions,
  ASSIGNMENT_ACTION_LABELS,
  ASSIGNMENT_STATUS_LABELS,
  AssignmentAction,
  AssignmentStatus,
  assertAssignmentTransition,
  assertTransition,
  CASE_ACTION_LABELS,
  CASE_STATUS_LABELS,
  CaseAction,
  CaseStatus,
  isFinished,
  isOpenAssignment,
  nextAssignmentStatus,
  nextStatus,
} from './case-workflow';

const S = CaseStatus;
const A = CaseAction;
const AS = AssignmentStatus;
const AA = AssignmentAction;

// Written out by hand from docs/rules.md "Case workflow", independently of the module's table: [from, action, to].
const LEGAL_CASE_TRANSITIONS: Array<[CaseStatus, CaseAction, CaseStatus]> = [
  [S.REGISTERED, A.ACCEPT, S.ACCEPTED],
  [S.REGISTERED, A.DECLINE, S.DECLINED],
  [S.REGISTERED, A.ARCHIVE, S.ARCHIVED],
  [S.ACCEPTED, A.ARCHIVE, S.ARCHIVED],
  [S.ACCEPTED, A.ASSIGN, S.ASSIGNED],
  [S.ASSIGNED, A.ASSIGN, S.ASSIGNED],
  [S.RESULT_REPORTED, A.ASSIGN, S.ASSIGNED],
  [S.UNDER_REVIEW, A.ASSIGN, S.ASSIGNED],
  [S.ACCEPTED, A.REFER, S.ASSIGNED],
  [S.ASSIGNED, A.ALL_ASSIGNMENTS_ENDED, S.ACCEPTED],
  [S.ASSIGNED, A.RESULT_REPORTED, S.RESULT_REPORTED],
  [S.REPLIED, A.RESULT_REPORTED, S.REPLIED],
  [S.RESULT_REPORTED, A.RESULT_RETURNED, S.ASSIGNED],
  [S.REPLIED, A.RESULT_RETURNED, S.REPLIED],
  [S.ASSIGNED, A.REPLY, S.REPLIED],
  [S.RESULT_REPORTED, A.REPLY, S.REPLIED],
  [S.REPLIED, A.REPLY, S.REPLIED],
  // the office answers what the lead unit may answer, and also an accepted case it handles itself without routing
  [S.ACCEPTED, A.OFFICE_REPLY, S.REPLIED],
  [S.ASSIGNED, A.OFFICE_REPLY, S.REPLIED],
  [S.RESULT_REPORTED, A.OFFICE_REPLY, S.REPLIED],
  [S.REPLIED, A.OFFICE_REPLY, S.REPLIED],
  [S.REPLIED, A.CLOSE, S.CLOSED],
  [S.CLOSED, A.REOPEN, S.UNDER_REVIEW],
  [S.REPLIED, A.RATE, S.REPLIED],
  [S.CLOSED, A.RATE, S.CLOSED],
  ...[S.REGISTERED, S.ACCEPTED, S.DECLINED, S.ARCHIVED, S.ASSIGNED, S.RESULT_REPORTED, S.REPLIED, S.UNDER_REVIEW].flatMap(
    (s): Array<[CaseStatus, CaseAction, CaseStatus]> => [
      [s, A.REQUEST_INSTRUCTION, s],
      [s, A.INSTRUCT, s],
    ],
  ),
];

const LEGAL_ASSIGNMENT_TRANSITIONS: Array<[AssignmentStatus, AssignmentAction, AssignmentStatus]> = [
  [AS.PENDING, AA.ACCEPT, AS.IN_PROGRESS],
  [AS.PENDING, AA.OBJECT, AS.OBJECTED],
  [AS.IN_PROGRESS, AA.OBJECT, AS.OBJECTED],
  [AS.IN_PROGRESS, AA.REPORT, AS.REPORTED],
  [AS.REPORTED, AA.APPROVE, AS.COMPLETED],
  [AS.REPORTED, AA.RETURN, AS.IN_PROGRESS],
  [AS.PENDING, AA.CANCEL, AS.CANCELLED],
  [AS.IN_PROGRESS, AA.CANCEL, AS.CANCELLED],
  [AS.PENDING, AA.COMPLETE_BY_REPLY, AS.COMPLETED],
  [AS.IN_PROGRESS, AA.COMPLETE_BY_REPLY, AS.COMPLETED],
  [AS.REPORTED, AA.COMPLETE_BY_REPLY, AS.COMPLETED],
];

const ALL_CASE_PAIRS = Object.values(CaseStatus).flatMap((s) => Object.values(CaseAction).map((a) => [s, a] as const));
const ALL_ASSIGNMENT_PAIRS = Object.values(AssignmentStatus).flatMap((s) =>
  Object.values(AssignmentAction).map((a) => [s, a] as const),
);
const isLegal = <S, A>(table: Array<[S, A, S]>, s: S, a: A) => table.some(([from, action]) => from === s && action === a);
const ILLEGAL_CASE_PAIRS = ALL_CASE_PAIRS.filter(([s, a]) => !isLegal(LEGAL_CASE_TRANSITIONS, s, a));
const ILLEGAL_ASSIGNMENT_PAIRS = ALL_ASSIGNMENT_PAIRS.filter(([s, a]) => !isLegal(LEGAL_ASSIGNMENT_TRANSITIONS, s, a));

describe('case enums', () => {
  it('are string enums whose values are their names', () => {
    for (const e of [CaseStatus, CaseAction, AssignmentStatus, AssignmentAction]) {
      for (const [k, v] of Object.entries(e)) expect(v).toBe(k);
    }
    expect(Object.keys(CaseStatus)).toHaveLength(9);
    expect(Object.keys(CaseAction)).toHaveLength(15);
    expect(Object.keys(AssignmentStatus)).toHaveLength(6);
    expect(Object.keys(AssignmentAction)).toHaveLength(7);
  });

  it('have a non-empty Chinese label for every value', () => {
    const labelled: Array<[object, Record<string, string>]> = [
      [CaseStatus, CASE_STATUS_LABELS],
      [CaseAction, CASE_ACTION_LABELS],
      [AssignmentStatus, ASSIGNMENT_STATUS_LABELS],
      [AssignmentAction, ASSIGNMENT_ACTION_LABELS],
    ];
    for (const [e, labels] of labelled) {
      expect(Object.keys(labels).sort()).toEqual(Object.values(e).sort());
      for (const label of Object.values(labels)) expect(label).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('use the agreed state labels', () => {
    expect(CASE_STATUS_LABELS).toEqual({
      REGISTERED: '已登记',
      ACCEPTED: '已受理',
      DECLINED: '不予受理',
      ARCHIVED: '存查',
      ASSIGNED: '已交办',
      RESULT_REPORTED: '已报结果',
      REPLIED: '已答复',
      CLOSED: '已办结',
      UNDER_REVIEW: '复查复核中',
    });
    expect(ASSIGNMENT_STATUS_LABELS).toEqual({
      PENDING: '待签收',
      IN_PROGRESS: '办理中',
      OBJECTED: '已提出异议',
      REPORTED: '已报结果',
      COMPLETED: '已办结',
      CANCELLED: '已撤销',
    });
  });
});

describe('case transitions', () => {
  it.each(LEGAL_CASE_TRANSITIONS)('%s --%s--> %s', (from, action, to) => {
    expect(nextStatus(from, action)).toBe(to);
    expect(assertTransition(from, action)).toBe(to);
  });

  it('covers every (state, action) pair: the legal list plus the illegal ones', () => {
    expect(LEGAL_CASE_TRANSITIONS.length + ILLEGAL_CASE_PAIRS.length).toBe(9 * 15);
    // No pair listed twice in the legal table.
    expect(new Set(LEGAL_CASE_TRANSITIONS.map(([s, a]) => `${s}/${a}`)).size).toBe(LEGAL_CASE_TRANSITIONS.length);
  });

  it.each(ILLEGAL_CASE_PAIRS)('%s --%s--> refused with INVALID_TRANSITION', (from, action) => {
    expect(nextStatus(from, action)).toBeUndefined();
    const e = thrown(() => assertTransition(from, action));
    expect(e.code).toBe(ErrorCode.INVALID_TRANSITION);
    expect(e.details).toEqual({ currentState: from, requestedAction: action });
    expect(e.field).toBeUndefined();
    expect(e.message).toBe(`信访件当前状态为"${CASE_STATUS_LABELS[from]}"，不能执行"${CASE_ACTION_LABELS[action]}"`);
  });

  it('names the current state and the action in Chinese', () => {
    expect(() => assertTransition(S.REGISTERED, A.CLOSE)).toThrow('信访件当前状态为"已登记"，不能执行"办结"');
  });

  it('refuses values from outside the enums instead of reading the prototype', () => {
    expect(nextStatus(S.REGISTERED, 'toString' as CaseAction)).toBeUndefined();
    expect(nextStatus('__proto__' as CaseStatus, A.ACCEPT)).toBeUndefined();
    expect(nextStatus('constructor' as CaseStatus, 'name' as CaseAction)).toBeUndefined();
    const e = thrown(() => assertTransition('BOGUS' as CaseStatus, 'toString' as CaseAction));
    expect(e.code).toBe(ErrorCode.INVALID_TRANSITION);
    expect(e.message).toBe('信访件当前状态为"BOGUS"，不能执行"toString"');
  });

  it('lets leader instructions happen in every state but CLOSED without changing the state', () => {
    for (const s of Object.values(CaseStatus)) {
      for (const a of [A.REQUEST_INSTRUCTION, A.INSTRUCT]) {
        expect(nextStatus(s, a)).toBe(s === S.CLOSED ? undefined : s);
      }
    }
  });

  it('lists the allowed actions per state', () => {
    expect(allowedCaseActions(S.REGISTERED).sort()).toEqual(
      [A.ACCEPT, A.DECLINE, A.ARCHIVE, A.REQUEST_INSTRUCTION, A.INSTRUCT].sort(),
    );
    expect(allowedCaseActions(S.CLOSED).sort()).toEqual([A.REOPEN, A.RATE].sort());
    for (const s of Object.values(CaseStatus)) {
      const expected = LEGAL_CASE_TRANSITIONS.filter(([from]) => from === s).map(([, a]) => a);
      expect(allowedCaseActions(s).sort()).toEqual(expected.sort());
    }
  });

  it('walks a whole case life: intake, assignment, a returned result, reply, close, review, close again', () => {
    const steps: Array<[CaseAction, CaseStatus]> = [
      [A.REQUEST_INSTRUCTION, S.REGISTERED],
      [A.ACCEPT, S.ACCEPTED],
      [A.ASSIGN, S.ASSIGNED],
      [A.ALL_ASSIGNMENTS_ENDED, S.ACCEPTED], // the unit objected
      [A.ASSIGN, S.ASSIGNED], // re-assigned
      [A.RESULT_REPORTED, S.RESULT_REPORTED],
      [A.RESULT_RETURNED, S.ASSIGNED],
      [A.RESULT_REPORTED, S.RESULT_REPORTED],
      [A.REPLY, S.REPLIED],
      [A.RATE, S.REPLIED],
      [A.CLOSE, S.CLOSED],
      [A.REOPEN, S.UNDER_REVIEW],
      [A.INSTRUCT, S.UNDER_REVIEW],
      [A.ASSIGN, S.ASSIGNED],
      [A.REPLY, S.REPLIED],
      [A.CLOSE, S.CLOSED],
    ];
    let state = S.REGISTERED;
    for (const [action, expected] of steps) {
      state = assertTransition(state, action);
      expect(state).toBe(expected);
    }
  });
});

describe('who may answer an accepted case', () => {
  it('lets the office answer an accepted case it has not routed, and no unit (none has been given it)', () => {
    expect(assertTransition(S.ACCEPTED, A.OFFICE_REPLY)).toBe(S.REPLIED);
    expect(() => assertTransition(S.ACCEPTED, A.REPLY)).toThrow('信访件当前状态为"已受理"，不能执行"答复"');
  });

  it('lets neither answer before acceptance, during a review or after closing', () => {
    for (const s of [S.REGISTERED, S.DECLINED, S.ARCHIVED, S.UNDER_REVIEW, S.CLOSED]) {
      expect(nextStatus(s, A.OFFICE_REPLY)).toBeUndefined();
      expect(nextStatus(s, A.REPLY)).toBeUndefined();
    }
  });
});

describe('isFinished', () => {
  it('is true for CLOSED, DECLINED and ARCHIVED only', () => {
    const finished = Object.values(CaseStatus).filter(isFinished);
    expect(finished.sort()).toEqual([S.ARCHIVED, S.CLOSED, S.DECLINED]);
  });
});

describe('assignment transitions', () => {
  it.each(LEGAL_ASSIGNMENT_TRANSITIONS)('%s --%s--> %s', (from, action, to) => {
    expect(nextAssignmentStatus(from, action)).toBe(to);
    expect(assertAssignmentTransition(from, action)).toBe(to);
  });

  it('covers every (state, action) pair', () => {
    expect(LEGAL_ASSIGNMENT_TRANSITIONS.length + ILLEGAL_ASSIGNMENT_PAIRS.length).toBe(6 * 7);
    expect(new Set(LEGAL_ASSIGNMENT_TRANSITIONS.map(([s, a]) => `${s}/${a}`)).size).toBe(LEGAL_ASSIGNMENT_TRANSITIONS.length);
  });

  it.each(ILLEGAL_ASSIGNMENT_PAIRS)('%s --%s--> refused with INVALID_TRANSITION', (from, action) => {
    expect(nextAssignmentStatus(from, action)).toBeUndefined();
    const e = thrown(() => assertAssignmentTransition(from, action));
    expect(e.code).toBe(ErrorCode.INVALID_TRANSITION);
    expect(e.details).toEqual({ currentState: from, requestedAction: action });
    expect(e.message).toBe(
      `交办件当前状态为"${ASSIGNMENT_STATUS_LABELS[from]}"，不能执行"${ASSIGNMENT_ACTION_LABELS[action]}"`,
    );
  });

  it('requires signing before reporting and forbids cancelling a reported result', () => {
    expect(() => assertAssignmentTransition(AS.PENDING, AA.REPORT)).toThrow('交办件当前状态为"待签收"，不能执行"报送办理结果"');
    expect(() => assertAssignmentTransition(AS.REPORTED, AA.CANCEL)).toThrow('交办件当前状态为"已报结果"，不能执行"撤销"');
  });

  it('ends for good once objected, completed or cancelled', () => {
    for (const s of [AS.OBJECTED, AS.COMPLETED, AS.CANCELLED]) expect(allowedAssignmentActions(s)).toEqual([]);
    expect(allowedAssignmentActions(AS.PENDING).sort()).toEqual([AA.ACCEPT, AA.OBJECT, AA.CANCEL, AA.COMPLETE_BY_REPLY].sort());
  });

  it('refuses values from outside the enums', () => {
    expect(nextAssignmentStatus(AS.PENDING, 'hasOwnProperty' as AssignmentAction)).toBeUndefined();
  });
});

describe('isOpenAssignment', () => {
  it('is true for PENDING, IN_PROGRESS and REPORTED only', () => {
    const open = Object.values(AssignmentStatus).filter(isOpenAssignment);
    expect(open.sort()).toEqual([AS.IN_PROGRESS, AS.PENDING, AS.REPORTED]);
  });

  it('agrees with the machine: an open assignment can still be completed, a closed one cannot move', () => {
    for (const s of Object.values(AssignmentStatus)) {
      expect(isOpenAssignment(s)).toBe(allowedAssignmentActions(s).length > 0);
    }
  });
});
