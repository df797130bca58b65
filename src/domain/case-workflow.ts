import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';

/**
 * The case and assignment state machines (docs/rules.md, "Case workflow"): the one place that says which action is
 * allowed in which state. Services ask here before every transition, so that an illegal one is always refused
 * with INVALID_TRANSITION and never silently ignored. Conditions that need data beyond the state (every ASSIGN-mode
 * assignment completed before closing, the 30-day reopening window, the 5-working-day objection window, who may
 * reply) are checked by the services; this module only knows states.
 */

/** 信访件状态. */
export enum CaseStatus {
  REGISTERED = 'REGISTERED',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  ARCHIVED = 'ARCHIVED',
  ASSIGNED = 'ASSIGNED',
  RESULT_REPORTED = 'RESULT_REPORTED',
  REPLIED = 'REPLIED',
  CLOSED = 'CLOSED',
  UNDER_REVIEW = 'UNDER_REVIEW',
}

/** What happens to a case; each service operation that changes (or may change) a case's state is one of these. */
export enum CaseAction {
  ACCEPT = 'ACCEPT',
  DECLINE = 'DECLINE',
  ARCHIVE = 'ARCHIVE',
  ASSIGN = 'ASSIGN',
  /** The last open assignment was cancelled or objected to: the case goes back to ACCEPTED for re-assignment. */
  ALL_ASSIGNMENTS_ENDED = 'ALL_ASSIGNMENTS_ENDED',
  /** The lead assignment reported its result. */
  RESULT_REPORTED = 'RESULT_REPORTED',
  /** The office returned the lead's result for redoing (退回重办). */
  RESULT_RETURNED = 'RESULT_RETURNED',
  /** The lead unit answers the petitioner. */
  REPLY = 'REPLY',
  /**
   * The congress office answers the petitioner itself: on a case it routed, like the lead unit, or on an accepted
   * case it answers without routing (统一答复 for matters within the congress's own powers).
   */
  OFFICE_REPLY = 'OFFICE_REPLY',
  CLOSE = 'CLOSE',
  REOPEN = 'REOPEN',
  REQUEST_INSTRUCTION = 'REQUEST_INSTRUCTION',
  INSTRUCT = 'INSTRUCT',
  /** An upper congress refers the case down to a congress under it (批转); for the upper case it is like ASSIGN. */
  REFER = 'REFER',
  RATE = 'RATE',
}

/** Chinese names of the case states, used in messages for people. */
export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  REGISTERED: '已登记',
  ACCEPTED: '已受理',
  DECLINED: '不予受理',
  ARCHIVED: '存查',
  ASSIGNED: '已交办',
  RESULT_REPORTED: '已报结果',
  REPLIED: '已答复',
  CLOSED: '已办结',
  UNDER_REVIEW: '复查复核中',
};

/** Chinese names of the case actions, used in messages for people. */
export const CASE_ACTION_LABELS: Record<CaseAction, string> = {
  ACCEPT: '受理',
  DECLINE: '不予受理',
  ARCHIVE: '存查',
  ASSIGN: '交办',
  ALL_ASSIGNMENTS_ENDED: '承办单位全部退回或撤销',
  RESULT_REPORTED: '报送办理结果',
  RESULT_RETURNED: '退回重办',
  REPLY: '答复',
  OFFICE_REPLY: '人大信访机构答复',
  CLOSE: '办结',
  REOPEN: '复查复核',
  REQUEST_INSTRUCTION: '呈送阅示',
  INSTRUCT: '阅批',
  REFER: '批转',
  RATE: '评价',
};

type TransitionTable<S extends string, A extends string> = Record<S, Partial<Record<A, S>>>;

// Own properties only: a value smuggled in from outside the enums ('toString', '__proto__') must read as illegal,
// not as whatever Object.prototype holds under that name.
function lookup<S extends string, A extends string>(table: TransitionTable<S, A>, current: S, action: A): S | undefined {
  const row = Object.hasOwn(table, current) ? table[current] : undefined;
  return row && Object.hasOwn(row, action) ? row[action] : undefined;
}

function labelOf(labels: Record<string, string>, key: string): string {
  return Object.hasOwn(labels, key) ? labels[key] : String(key);
}

/** One state machine: the table, and how to ask and enforce it with messages naming `subject` in Chinese. */
function stateMachine<S extends string, A extends string>(
  subject: string,
  table: TransitionTable<S, A>,
  statusLabels: Record<S, string>,
  actionLabels: Record<A, string>,
  actions: readonly A[],
) {
  const next = (current: S, action: A): S | undefined => lookup(table, current, action);
  return {
    next,
    allowed: (status: S): A[] => actions.filter((a) => next(status, a) !== undefined),
    assert(current: S, action: A): S {
      const to = next(current, action);
      if (to === undefined) {
        throw new DomainError(
          ErrorCode.INVALID_TRANSITION,
          `${subject}当前状态为"${labelOf(statusLabels, current)}"，不能执行"${labelOf(actionLabels, action)}"`,
          undefined,
          { currentState: current, requestedAction: action },
        );
      }
      return to;
    },
  };
}

// Leader instructions "may be requested and given in any state before CLOSED" and change no state; adding them
// here for every state but CLOSED keeps that rule in one line instead of nine.
function withInstructions(table: TransitionTable<CaseStatus, CaseAction>): TransitionTable<CaseStatus, CaseAction> {
  for (const status of Object.values(CaseStatus)) {
    if (status === CaseStatus.CLOSED) continue;
    table[status][CaseAction.REQUEST_INSTRUCTION] = status;
    table[status][CaseAction.INSTRUCT] = status;
  }
  return table;
}

const CASE_TRANSITIONS: TransitionTable<CaseStatus, CaseAction> = withInstructions({
  REGISTERED: {
    ACCEPT: CaseStatus.ACCEPTED,
    DECLINE: CaseStatus.DECLINED,
    ARCHIVE: CaseStatus.ARCHIVED,
  },
  ACCEPTED: {
    ARCHIVE: CaseStatus.ARCHIVED,
    ASSIGN: CaseStatus.ASSIGNED,
    REFER: CaseStatus.ASSIGNED,
    // only the office answers a case nobody else has been given
    OFFICE_REPLY: CaseStatus.REPLIED,
  },
  DECLINED: {},
  ARCHIVED: {},
  ASSIGNED: {
    // Another (e.g. assisting) unit added to a case already being handled.
    ASSIGN: CaseStatus.ASSIGNED,
    ALL_ASSIGNMENTS_ENDED: CaseStatus.ACCEPTED,
    RESULT_REPORTED: CaseStatus.RESULT_REPORTED,
    REPLY: CaseStatus.REPLIED,
    OFFICE_REPLY: CaseStatus.REPLIED,
  },
  RESULT_REPORTED: {
    // A new assignment means work is open again, so the case is no longer merely waiting on the office.
    ASSIGN: CaseStatus.ASSIGNED,
    RESULT_RETURNED: CaseStatus.ASSIGNED,
    REPLY: CaseStatus.REPLIED,
    OFFICE_REPLY: CaseStatus.REPLIED,
  },
  REPLIED: {
    // The petitioner already has an answer; a result reported or returned for redoing afterwards does not take
    // that back, so the case stays REPLIED while the unit reports or redoes its work (closing still waits for
    // every ASSIGN-mode assignment to be COMPLETED, which the close service checks).
    RESULT_REPORTED: CaseStatus.REPLIED,
    RESULT_RETURNED: CaseStatus.REPLIED,
    REPLY: CaseStatus.REPLIED,
    OFFICE_REPLY: CaseStatus.REPLIED,
    CLOSE: CaseStatus.CLOSED,
    RATE: CaseStatus.REPLIED,
  },
  CLOSED: {
    REOPEN: CaseStatus.UNDER_REVIEW,
    RATE: CaseStatus.CLOSED,
  },
  UNDER_REVIEW: {
    // A review "goes back through assignment and reply": nothing else moves it on.
    ASSIGN: CaseStatus.ASSIGNED,
  },
});

const CASE_MACHINE = stateMachine('信访件', CASE_TRANSITIONS, CASE_STATUS_LABELS, CASE_ACTION_LABELS, Object.values(CaseAction));

/** The state a case moves to when `action` is taken in `current`, or undefined when the action is not allowed. */
export const nextStatus = CASE_MACHINE.next;

/** The actions allowed on a case in `status` (for clients that offer only the buttons that will work). */
export const allowedCaseActions = CASE_MACHINE.allowed;

/**
 * The state a case moves to when `action` is taken in `current`; throws INVALID_TRANSITION, with `currentState`
 * and `requestedAction` in the details, when the action is not allowed there.
 */
export const assertTransition = CASE_MACHINE.assert;

/** True for states in which the case's handling has ended: closed, declined or archived. */
export function isFinished(status: CaseStatus): boolean {
  return status === CaseStatus.CLOSED || status === CaseStatus.DECLINED || status === CaseStatus.ARCHIVED;
}

/** 交办件（转办/交办）状态. */
export enum AssignmentStatus {
  PENDING = 'PENDING',
  IN_PROGRESS = 'IN_PROGRESS',
  OBJECTED = 'OBJECTED',
  REPORTED = 'REPORTED',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}

/** What happens to an assignment. */
export enum AssignmentAction {
  ACCEPT = 'ACCEPT',
  OBJECT = 'OBJECT',
  REPORT = 'REPORT',
  APPROVE = 'APPROVE',
  RETURN = 'RETURN',
  CANCEL = 'CANCEL',
  /** A TRANSFER-mode unit's reply to the petitioner completes its assignment. */
  COMPLETE_BY_REPLY = 'COMPLETE_BY_REPLY',
}

/** Chinese names of the assignment states. */
export const ASSIGNMENT_STATUS_LABELS: Record<AssignmentStatus, string> = {
  PENDING: '待签收',
  IN_PROGRESS: '办理中',
  OBJECTED: '已提出异议',
  REPORTED: '已报结果',
  COMPLETED: '已办结',
  CANCELLED: '已撤销',
};

/** Chinese names of the assignment actions. */
export const ASSIGNMENT_ACTION_LABELS: Record<AssignmentAction, string> = {
  ACCEPT: '签收',
  OBJECT: '提出异议',
  REPORT: '报送办理结果',
  APPROVE: '审核通过',
  RETURN: '退回重办',
  CANCEL: '撤销',
  COMPLETE_BY_REPLY: '答复办结',
};

const ASSIGNMENT_TRANSITIONS: TransitionTable<AssignmentStatus, AssignmentAction> = {
  PENDING: {
    ACCEPT: AssignmentStatus.IN_PROGRESS,
    // Whether the 5-working-day window is still open is the service's check, not a state question.
    OBJECT: AssignmentStatus.OBJECTED,
    CANCEL: AssignmentStatus.CANCELLED,
    COMPLETE_BY_REPLY: AssignmentStatus.COMPLETED,
    // No REPORT: a unit signs for the case (签收) before it can report on it.
  },
  IN_PROGRESS: {
    OBJECT: AssignmentStatus.OBJECTED,
    REPORT: AssignmentStatus.REPORTED,
    CANCEL: AssignmentStatus.CANCELLED,
    COMPLETE_BY_REPLY: AssignmentStatus.COMPLETED,
  },
  REPORTED: {
    APPROVE: AssignmentStatus.COMPLETED,
    RETURN: AssignmentStatus.IN_PROGRESS,
    COMPLETE_BY_REPLY: AssignmentStatus.COMPLETED,
    // No CANCEL: once a result is on file it is reviewed (approved or returned), never withdrawn.
  },
  OBJECTED: {},
  COMPLETED: {},
  CANCELLED: {},
};

const ASSIGNMENT_MACHINE = stateMachine('交办件', ASSIGNMENT_TRANSITIONS, ASSIGNMENT_STATUS_LABELS, ASSIGNMENT_ACTION_LABELS, Object.values(AssignmentAction));

/** The state an assignment moves to when `action` is taken in `current`, or undefined when it is not allowed. */
export const nextAssignmentStatus = ASSIGNMENT_MACHINE.next;

/** The actions allowed on an assignment in `status`. */
export const allowedAssignmentActions = ASSIGNMENT_MACHINE.allowed;

/**
 * The state an assignment moves to when `action` is taken in `current`; throws INVALID_TRANSITION, with
 * `currentState` and `requestedAction` in the details, when the action is not allowed there.
 */
export const assertAssignmentTransition = ASSIGNMENT_MACHINE.assert;

/** True while an assignment still keeps its unit busy on the case: pending, in progress, or reported for review. */
export function isOpenAssignment(status: AssignmentStatus): boolean {
  return (
    status === AssignmentStatus.PENDING || status === AssignmentStatus.IN_PROGRESS || status === AssignmentStatus.REPORTED
  );
}
