import { Role } from '../auth/role';
import { AssignmentStatus, CaseEventType } from '../entities/case-enums';
import { ParticipantCapacity } from '../entities/joint-meeting-enums';
import { UnitKind } from '../entities/unit-kind.enum';

/**
 * The one room that knows who sees what (docs/rules.md "Who sees what"). Everything here is a plain function of
 * the viewer's scope and the facts of a case; the SQL form of the case rule lives beside it
 * (case-visibility.sql.ts) and a test proves the two agree on both engines. Lists, reads, field resolvers, the
 * timeline, exports and the subscription filter all ask these functions; nobody else writes a rule.
 */

/** Which cases a viewer may see, derived once per request from the user and the unit tree. */
export type CaseScope =
  | { kind: 'congresses'; congressId: string; congressIds: string[] }
  | { kind: 'unit'; unitId: string }
  | { kind: 'none' };

export interface ScopeUser {
  id?: string;
  roles: readonly Role[];
  unitId: string | null;
  piiAccess?: boolean;
}

export interface ScopeUnit {
  id: string;
  kind: UnitKind;
  parentId: string | null;
}

/** A case as the policy needs to know it. */
export interface CaseFacts {
  congressId: string;
  accusedUnitId: string | null;
}

/** An assignment as the policy needs to know it. */
export interface AssignmentFacts {
  id?: string;
  unitId: string;
  status: AssignmentStatus;
  assignedAt?: Date;
}

export const OFFICE_ROLES: readonly Role[] = [Role.ADMIN, Role.REGISTRAR, Role.LEADER, Role.VIEWER];
export const HANDLING_ROLES: readonly Role[] = [Role.HANDLER, Role.LIAISON];

/**
 * Assignment states that end a unit's access at once: an objection hands the case back to the office and a
 * cancelled assignment is no longer the unit's business. REPORTED and COMPLETED keep it (the unit's own history).
 */
export const ACCESS_ENDING_STATUSES: readonly AssignmentStatus[] = [AssignmentStatus.CANCELLED, AssignmentStatus.OBJECTED];

/**
 * The congresses whose cases an office's scope is limited to, or null when it covers every congress there is (the
 * top of the deployment): a query over data held per congress then needs no such filter to narrow its reading. It
 * narrows only; what the viewer may see is still decided by the case rule.
 */
export function congressesToNarrowTo(scope: Extract<CaseScope, { kind: 'congresses' }>, units: readonly ScopeUnit[]): string[] | null {
  const seen = new Set(scope.congressIds);
  return units.every((u) => u.kind !== UnitKind.CONGRESS || seen.has(u.id)) ? null : scope.congressIds;
}

/**
 * Congress office staff see their congress's cases and those of every congress below it; a handling unit sees
 * the cases assigned to it; deputies and legal workers see no case directly (only the meetings they are invited
 * to). The bootstrap administrator belongs to no congress and so sees no case: administering units, accounts and
 * holiday tables needs no petition, and deny by default gives none.
 */
export function caseScopeFor(user: ScopeUser, units: readonly ScopeUnit[]): CaseScope {
  if (!user.unitId) return { kind: 'none' };
  const unit = units.find((u) => u.id === user.unitId);
  if (!unit) return { kind: 'none' };
  if (unit.kind === UnitKind.CONGRESS && user.roles.some((r) => OFFICE_ROLES.includes(r))) {
    return { kind: 'congresses', congressId: unit.id, congressIds: congressesWithin(unit.id, units) };
  }
  if (user.roles.some((r) => HANDLING_ROLES.includes(r))) return { kind: 'unit', unitId: unit.id };
  return { kind: 'none' };
}

/** A congress and every congress below it in the parent chain. */
export function congressesWithin(congressId: string, units: readonly ScopeUnit[]): string[] {
  const children = new Map<string, string[]>();
  for (const u of units) {
    if (u.kind !== UnitKind.CONGRESS || !u.parentId) continue;
    children.set(u.parentId, [...(children.get(u.parentId) ?? []), u.id]);
  }
  const out: string[] = [];
  const queue = [congressId];
  while (queue.length) {
    const id = queue.shift()!;
    if (out.includes(id)) continue;
    out.push(id);
    queue.push(...(children.get(id) ?? []));
  }
  return out;
}

/** True while the assignment still gives its unit access to the case. */
export function grantsAccess(a: Pick<AssignmentFacts, 'status'>): boolean {
  return !ACCESS_ENDING_STATUSES.includes(a.status);
}

/**
 * The in-memory form of the case rule, for a case loaded with its assignments (live events, exports). It must
 * answer exactly as `caseVisibilitySql` does.
 */
export function mayViewCase(scope: CaseScope, c: CaseFacts, assignments: readonly AssignmentFacts[]): boolean {
  switch (scope.kind) {
    case 'congresses':
      // Art 30: an accused congress's staff never see the accusation; the congress above handles it
      return scope.congressIds.includes(c.congressId) && c.accusedUnitId !== scope.congressId;
    case 'unit':
      return c.accusedUnitId !== scope.unitId && assignments.some((a) => a.unitId === scope.unitId && grantsAccess(a));
    case 'none':
      return false;
  }
}

/** Office staff of a congress whose scope holds the case: they see the whole case. */
export function isCaseOffice(scope: CaseScope): boolean {
  return scope.kind === 'congresses';
}

/** An enabled leader (LEADER) of the congress `congressId`. */
export function isLeaderOf(user: ScopeUser & { disabled?: boolean }, congressId: string): boolean {
  return !user.disabled && user.unitId === congressId && user.roles.includes(Role.LEADER);
}

/** May be asked for a written instruction on a case (呈送阅示): an enabled leader of the congress that owns it. */
export function mayInstructCase(leader: ScopeUser & { disabled?: boolean }, c: Pick<CaseFacts, 'congressId'>): boolean {
  return isLeaderOf(leader, c.congressId);
}

/** 领导包案: only a leader of the congress that owns the case takes personal charge of it. */
export function mayTakeChargeOfCase(user: ScopeUser & { disabled?: boolean }, c: Pick<CaseFacts, 'congressId'>): boolean {
  return isLeaderOf(user, c.congressId);
}

/**
 * 承办单位明确领导落实到人: the handler named for an assignment is an enabled user of the unit it was given to.
 * (Naming them is acting for the unit: `mayActForUnit`.)
 */
export function mayHandleForUnit(handler: ScopeUser & { disabled?: boolean }, a: Pick<AssignmentFacts, 'unitId'>): boolean {
  return !handler.disabled && handler.unitId === a.unitId;
}

/** Acts for the unit an assignment was given to (accepts, objects, reports, replies as lead): its handlers and liaisons. */
export function mayActForUnit(user: ScopeUser, a: Pick<AssignmentFacts, 'unitId'>): boolean {
  return user.unitId === a.unitId && user.roles.some((r) => HANDLING_ROLES.includes(r));
}

/** A unit sees its own assignments (ended ones included, as its history); the office sees all. */
export function mayViewAssignment(scope: CaseScope, a: Pick<AssignmentFacts, 'unitId'>): boolean {
  return isCaseOffice(scope) || (scope.kind === 'unit' && a.unitId === scope.unitId);
}

/** Supervisions, extensions and hearings belong to one assignment and follow it. */
export const mayViewAssignmentPart = mayViewAssignment;

/**
 * Leader instructions travel with the letter (函告): a unit sees those recorded before its latest assignment was
 * made; later ones stay internal to the office until sent with a new assignment.
 */
export function mayViewInstruction(scope: CaseScope, recordedAt: Date, assignments: readonly AssignmentFacts[]): boolean {
  if (isCaseOffice(scope)) return true;
  if (scope.kind !== 'unit') return false;
  const own = assignments.filter((a) => a.unitId === scope.unitId && a.assignedAt);
  return own.some((a) => recordedAt.getTime() <= a.assignedAt!.getTime());
}

/** The case's own steps, which every viewer of the case may follow in its timeline. */
export const CASE_STEP_EVENTS: readonly CaseEventType[] = [
  CaseEventType.REGISTERED,
  CaseEventType.ACCEPTED,
  CaseEventType.REPLIED,
  CaseEventType.CLOSED,
  CaseEventType.REOPENED,
];

/**
 * A timeline entry (and the live event it came from): the office sees every entry; a unit sees the case's own
 * steps and the entries of its own assignments, never another unit's assignment, supervision, objection or
 * extension, nor the office's internal steps (instructions, matter links).
 */
export function mayViewCaseEvent(scope: CaseScope, e: { type: CaseEventType | null; assignmentId: string | null }, assignments: readonly AssignmentFacts[]): boolean {
  if (isCaseOffice(scope)) return true;
  if (scope.kind !== 'unit') return false;
  if (e.assignmentId) {
    const a = assignments.find((x) => x.id === e.assignmentId);
    return !!a && a.unitId === scope.unitId;
  }
  return e.type !== null && CASE_STEP_EVENTS.includes(e.type);
}

/**
 * Alerts of the office's own clocks (the 15-day intake, the 30-day answer to a review) are the owning congress's
 * work: its office staff receive them; the congresses above it and handling units do not.
 */
export function mayReceiveOfficeClockAlert(scope: CaseScope, c: CaseFacts): boolean {
  return scope.kind === 'congresses' && scope.congressId === c.congressId && mayViewCase(scope, c, []);
}

/** A live event about a case, as the policy needs to know it; `officeClock` marks an alert of the office's own clocks. */
export interface LiveCaseEventFacts {
  type: CaseEventType | null;
  assignmentId: string | null;
  officeClock?: boolean;
}

/**
 * Whether a live event about a case reaches a viewer: the viewer must see the case, and a handling unit only hears
 * of its own assignment or of the case as a whole; an alert of the office's own clocks reaches the owning office
 * only. The facts are the event's, read once for all its subscribers; this is the per-subscriber decision.
 */
export function mayReceiveCaseEvent(scope: CaseScope, e: LiveCaseEventFacts, c: CaseFacts, assignments: readonly AssignmentFacts[]): boolean {
  if (e.officeClock) return mayReceiveOfficeClockAlert(scope, c);
  return mayViewCase(scope, c, assignments) && mayViewCaseEvent(scope, e, assignments);
}

/**
 * The query code is the petitioner's secret: only the office staff of the congress that registered the case
 * read it (to print the receipt). Handling units, upper congresses and the bootstrap administrator get null.
 */
export function mayReadQueryCode(user: ScopeUser | undefined, c: Pick<CaseFacts, 'congressId'>): boolean {
  return !!user && user.unitId === c.congressId && user.roles.some((r) => OFFICE_ROLES.includes(r));
}

/** Full ID numbers, phone numbers and addresses: only holders of the PII permission (every read is audited). */
export function mayReadPii(user: ScopeUser | undefined): boolean {
  return !!user?.piiAccess;
}

/** A matter is visible to office staff whose scope holds its congress; a unit sees it through a case it sees. */
export function mayViewMatterDirectly(scope: CaseScope, matter: { congressId: string }): boolean {
  return scope.kind === 'congresses' && scope.congressIds.includes(matter.congressId);
}

/** The office roles that write: registering, routing, answering, drafting and approving wordings. */
export const OFFICE_WRITER_ROLES: readonly Role[] = [Role.REGISTRAR, Role.LEADER];

/**
 * The congress office answers a case itself (统一答复 for matters within the congress's own powers): its registrars
 * and leaders, for a case their own congress registered.
 */
export function mayReplyAsOffice(user: ScopeUser, c: Pick<CaseFacts, 'congressId'>): boolean {
  return isOfficeWriterOf(user, c.congressId);
}

/** A registrar or leader of the congress `congressId`: the office staff who write. */
export function isOfficeWriterOf(user: ScopeUser, congressId: string): boolean {
  return !!user.unitId && user.unitId === congressId && user.roles.some((r) => OFFICE_WRITER_ROLES.includes(r));
}

/**
 * Drafting and approving a matter's unified reply wording is the office's work: registrars and leaders of a
 * congress whose scope holds the matter. (A joint meeting approves by the sign-off of every participating body
 * instead; that path does not ask here.)
 */
export function mayManageWording(user: ScopeUser, scope: CaseScope, matter: { congressId: string }): boolean {
  return mayViewMatterDirectly(scope, matter) && user.roles.some((r) => OFFICE_WRITER_ROLES.includes(r));
}

/** A case of a matter, with its assignments, as the policy needs it to say who sees the matter. */
export interface MatterCaseFacts extends CaseFacts {
  assignments: readonly AssignmentFacts[];
}

/**
 * Who sees a matter, gathered once per event from its cases: the congress that keeps it, and the units that see one
 * of its cases (an assignment that has not ended their access, and never the accused unit of an accusation).
 */
export interface MatterAudience {
  congressId: string;
  unitIds: string[];
}

export function matterAudience(matter: { congressId: string }, cases: readonly MatterCaseFacts[]): MatterAudience {
  const unitIds = new Set<string>();
  for (const c of cases) {
    for (const a of c.assignments) if (mayViewCase({ kind: 'unit', unitId: a.unitId }, c, c.assignments)) unitIds.add(a.unitId);
  }
  return { congressId: matter.congressId, unitIds: [...unitIds].sort() };
}

/**
 * The in-memory form of the matter rule, for live events about a matter (a published wording): office staff whose
 * scope holds the matter, or a unit that sees one of its cases. It answers as `CaseAccessService.mayViewMatter` does.
 */
export function mayReceiveMatterEvent(scope: CaseScope, audience: MatterAudience): boolean {
  if (mayViewMatterDirectly(scope, audience)) return true;
  return scope.kind === 'unit' && audience.unitIds.includes(scope.unitId);
}

/** A joint meeting as the policy needs to know it: who convened it and who was invited. */
export interface MeetingFacts {
  congressId: string;
  participantUserIds: readonly string[];
}

/** Units whose representatives sign off a meeting's wordings (the 一府两院 and the government's departments). */
export const SIGNING_UNIT_KINDS: readonly UnitKind[] = [UnitKind.GOVERNMENT, UnitKind.DEPARTMENT, UnitKind.COURT, UnitKind.PROCURATORATE];

/** Who runs a meeting: the REGISTRAR or LEADER of the convening congress. */
export const MEETING_CONVENER_ROLES: readonly Role[] = [Role.REGISTRAR, Role.LEADER];

/**
 * Only the invited participants and the convening office's staff see a meeting, its agenda items and its events;
 * a unit that does not take part, an upper or sibling congress and an uninvited deputy see nothing of it.
 */
export function mayViewMeeting(user: ScopeUser | undefined, m: MeetingFacts): boolean {
  if (!user) return false;
  return isMeetingOfficeStaff(user, m) || (!!user.id && m.participantUserIds.includes(user.id));
}

/** Office staff (any office role) of the convening congress. */
export function isMeetingOfficeStaff(user: ScopeUser, m: Pick<MeetingFacts, 'congressId'>): boolean {
  return !!user.unitId && user.unitId === m.congressId && user.roles.some((r) => OFFICE_ROLES.includes(r));
}

/** Schedules, starts, resolves, concludes and cancels: the convening congress's REGISTRAR or LEADER. */
export function mayConveneMeeting(user: ScopeUser, m: Pick<MeetingFacts, 'congressId'>): boolean {
  return !!user.unitId && user.unitId === m.congressId && user.roles.some((r) => MEETING_CONVENER_ROLES.includes(r));
}

/**
 * In what capacity a user may be invited to a meeting of `congressId`, or null when they may not be: a liaison or
 * handler of a government, department, court or procuratorate represents that body (and signs for it); deputies and
 * legal workers advise; the convening office's own staff attend for the office. Anyone else (another congress's
 * staff, a user without a unit) is not invited.
 */
export function participantCapacity(user: ScopeUser, unit: Pick<ScopeUnit, 'id' | 'kind'> | null, congressId: string): ParticipantCapacity | null {
  if (!unit || user.unitId !== unit.id) return null;
  if (SIGNING_UNIT_KINDS.includes(unit.kind) && user.roles.some((r) => HANDLING_ROLES.includes(r))) return ParticipantCapacity.BODY;
  if (user.roles.includes(Role.DEPUTY)) return ParticipantCapacity.DEPUTY;
  if (user.roles.includes(Role.LEGAL_WORKER)) return ParticipantCapacity.LEGAL_WORKER;
  if (isMeetingOfficeStaff(user, { congressId })) return ParticipantCapacity.OFFICE;
  return null;
}

/** The participating bodies: the distinct units of the participants attending for a body, in invitation order. */
export function participatingBodies(participants: ReadonlyArray<{ unitId: string; capacity: ParticipantCapacity }>): string[] {
  return [...new Set(participants.filter((p) => p.capacity === ParticipantCapacity.BODY).map((p) => p.unitId))];
}

/** Signs off for its unit: a participant attending for a participating body; deputies, legal workers and the office advise. */
export function maySignOffWording(participant: { capacity: ParticipantCapacity } | null): boolean {
  return participant?.capacity === ParticipantCapacity.BODY;
}

/** Proposes a wording: the convener, or a participant attending for a participating body. */
export function mayProposeWording(user: ScopeUser, m: Pick<MeetingFacts, 'congressId'>, participant: { capacity: ParticipantCapacity } | null): boolean {
  return mayConveneMeeting(user, m) || maySignOffWording(participant);
}

/** Posts an opinion on an agenda item: any participant, and the convener. */
export function mayPostMeetingOpinion(user: ScopeUser, m: Pick<MeetingFacts, 'congressId'>, participant: object | null): boolean {
  return !!participant || mayConveneMeeting(user, m);
}

/** The congresses a report (statistics, bulletin, ledger) covers: a congress and every congress below it. */
export interface ReportScope {
  congressId: string;
  congressIds: string[];
  /** The viewer's own congress, whose policy decides which of the covered cases count. */
  viewerCongressId: string;
}

/**
 * Which congress a viewer may report on: office staff of a congress report on it and on every congress below it
 * (a municipal congress on its counties); a county never on its sibling or on the city above it. Handling units,
 * deputies, legal workers and the bootstrap administrator report on none. `target` null means the viewer's own
 * congress. Answers null when the scope is not the viewer's to see.
 */
export function reportScopeFor(scope: CaseScope, target: string | null, units: readonly ScopeUnit[]): ReportScope | null {
  if (scope.kind !== 'congresses') return null;
  const congressId = target ?? scope.congressId;
  if (!scope.congressIds.includes(congressId)) return null;
  return { congressId, congressIds: congressesWithin(congressId, units), viewerCongressId: scope.congressId };
}

/**
 * Writes the stage summary of a congress's own bulletins: its registrars and leaders. An upper congress reads a
 * county's bulletin but does not write the county's words.
 */
export function mayEditBulletinSummary(user: ScopeUser, congressId: string): boolean {
  return isOfficeWriterOf(user, congressId);
}

/** True when the viewer reports on some congress at all (office staff of a congress). */
export function mayReport(scope: CaseScope): boolean {
  return scope.kind === 'congresses';
}

/**
 * A report scope as the case predicate's scope: the covered congresses' cases as the viewer sees them. A report
 * counts nothing its viewer may not see, so an accusation against the viewer's own congress, registered below it,
 * is in no figure of the viewer's (a count by category and month would tell the accused of it); the reported
 * congress's own office, viewing its own report, still counts it.
 */
export function reportCaseScope(r: ReportScope): CaseScope {
  return { kind: 'congresses', congressId: r.viewerCongressId, congressIds: r.congressIds };
}

/**
 * Records of a congress's own office work (领导接访 sessions, 快报): seen by the office staff (ADMIN, REGISTRAR, LEADER,
 * VIEWER) of that congress and of the congresses above it, as far as their scope reaches; never by a handling unit,
 * a deputy, a legal worker or the bootstrap administrator.
 */
export function mayViewCongressRecord(scope: CaseScope, record: { congressId: string }): boolean {
  return scope.kind === 'congresses' && scope.congressIds.includes(record.congressId);
}

/** Schedules its congress's reception sessions and registers visits at them: the congress's REGISTRAR or LEADER. */
export function mayScheduleReception(user: ScopeUser, congressId: string): boolean {
  return isOfficeWriterOf(user, congressId);
}

/**
 * 快报 reach the office staff of the owning congress and of the congresses above it, and nobody else: never a handling
 * unit, even one assigned the case. An accusation against a congress stays hidden from that congress's staff, as the
 * case itself does (Art 30).
 */
export function mayReceiveFlashReport(scope: CaseScope, c: CaseFacts): boolean {
  return mayViewCongressRecord(scope, c) && mayViewCase(scope, c, []);
}

/** Flags a case urgent (快报): the registrars and leaders of the congress that owns it. */
export function mayFlagUrgent(user: ScopeUser, c: Pick<CaseFacts, 'congressId'>): boolean {
  return isOfficeWriterOf(user, c.congressId);
}
