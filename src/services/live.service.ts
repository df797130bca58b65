import { In } from 'typeorm';
import type { RequestContext } from '../context/request-context';
import { Assignment } from '../entities/assignment.entity';
import { Case } from '../entities/case.entity';
import type { AssignmentStatus, CaseEventType } from '../entities/case-enums';
import { Unit } from '../entities/unit.entity';
import { User } from '../entities/user.entity';
import { assignmentById, assignmentsByCaseId, userById } from '../loaders/case.loaders';
import { unitById } from '../loaders/unit.loaders';
import { mayReceiveOfficeClockAlert, mayViewCase, mayViewCaseEvent, type AssignmentFacts, type CaseFacts, type CaseScope } from '../policy/access-policy';
import type { CaseAccessFacts } from '../subscriptions/pubsub';
import { Eventual } from '../context/eventual';
import { ReplyWording } from '../entities/reply-wording.entity';
import { notFound } from '../errors/domain-error';
import type { MatterAudience } from '../policy/access-policy';
import type { CaseAccessService } from './case-access.service';
import type { CaseQueryService } from './case-query.service';

/** What one event's delivery and fields need, loaded once for all of its subscribers. */
interface EventFacts {
  case: Case | null;
  assignments: Assignment[];
  units: Unit[];
  actor: User | null;
}

/** Long enough for every subscriber of an event to be served from one load, short enough never to go stale. */
const FACTS_TTL_MS = 5_000;

/**
 * Who receives which live event. Visibility is decided once per event, not once per subscriber: the case with
 * its assignments, their units and the actor are loaded once, and each subscriber's scope is put to the access
 * policy's in-memory predicates. A delivered event's fields resolve from the same snapshot.
 */
export class LiveService {
  private readonly facts = new Map<string, Eventual<EventFacts>>();
  private readonly decided = new WeakMap<CaseAccessFacts, { case: CaseFacts; assignments: AssignmentFacts[] }>();

  constructor(
    private readonly caseAccess: CaseAccessService,
    private readonly caseQuery: CaseQueryService,
  ) {}

  /**
   * True when the subscriber may see the case now and, for a handling unit, the event concerns its own
   * assignment or the case as a whole; an alert of the office's own clocks only to the owning office
   * (`officeClock`). `eventKey` names the event (the same for all its subscribers).
   */
  mayReceive(
    ctx: RequestContext,
    eventKey: string,
    caseId: string,
    event: { type: CaseEventType | null; assignmentId: string | null; actorId?: string | null; access?: CaseAccessFacts; officeClock?: boolean },
  ): boolean | Promise<boolean> {
    // a subscription keeps one context for its life: every event starts from fresh data
    ctx.resetLoaders();
    // the scope and the event's facts are worked out once; every later subscriber decides without waiting a turn
    const scope = this.caseAccess.scopeNow(ctx);
    if (scope instanceof Promise) return scope.then((s) => this.decide(ctx, s, eventKey, caseId, event));
    return this.decide(ctx, scope, eventKey, caseId, event);
  }

  private decide(
    ctx: RequestContext,
    scope: CaseScope,
    eventKey: string,
    caseId: string,
    event: { type: CaseEventType | null; assignmentId: string | null; actorId?: string | null; access?: CaseAccessFacts; officeClock?: boolean },
  ): boolean | Promise<boolean> {
    // decided on the facts as they stood when the change committed, where the publisher sent them along
    const decided = event.access && this.accessOf(event.access);
    if (decided && !this.allows(scope, event, decided)) return false;
    return this.factsOf(ctx, eventKey, caseId, event.actorId ?? null).map((facts) => {
      if (!facts.case) return false;
      if (!decided && !this.allows(scope, event, { case: facts.case, assignments: facts.assignments })) return false;
      ctx.loader(this.caseQuery.visibleById).prime(caseId, facts.case);
      ctx.loader(assignmentsByCaseId).prime(caseId, facts.assignments);
      for (const a of facts.assignments) ctx.loader(assignmentById).prime(a.id, a);
      for (const u of facts.units) ctx.loader(unitById).prime(u.id, u);
      if (facts.actor) ctx.loader(userById).prime(facts.actor.id, facts.actor);
      return true;
    });
  }

  /** The published facts as the policy takes them, made once per event (the payload is shared by its subscribers). */
  private accessOf(access: CaseAccessFacts): { case: CaseFacts; assignments: AssignmentFacts[] } {
    let decided = this.decided.get(access);
    if (!decided) {
      decided = { case: access, assignments: access.assignments.map((a) => ({ ...a, status: a.status as AssignmentStatus })) };
      this.decided.set(access, decided);
    }
    return decided;
  }

  private allows(
    scope: CaseScope,
    event: { type: CaseEventType | null; assignmentId: string | null; officeClock?: boolean },
    facts: { case: CaseFacts; assignments: AssignmentFacts[] },
  ): boolean {
    if (event.officeClock) return mayReceiveOfficeClockAlert(scope, facts.case);
    return mayViewCase(scope, facts.case, facts.assignments) && mayViewCaseEvent(scope, event, facts.assignments);
  }

  /** The event's case, as loaded when deciding to deliver it. */
  eventCase(ctx: RequestContext, caseId: string): Promise<Case> {
    return this.caseQuery.requireVisible(ctx, caseId);
  }

  /** The assignment when the viewer may see it: office staff see all of a visible case's, a unit only its own. */
  async visibleAssignment(ctx: RequestContext, id: string): Promise<Assignment | null> {
    return this.caseAccess.visibleAssignment(ctx, await ctx.loader(assignmentById).load(id));
  }

  private factsOf(ctx: RequestContext, key: string, caseId: string, actorId: string | null): Eventual<EventFacts> {
    let facts = this.facts.get(key);
    if (!facts) {
      facts = new Eventual(this.loadFacts(ctx, caseId, actorId));
      this.facts.set(key, facts);
      setTimeout(() => this.facts.delete(key), FACTS_TTL_MS).unref();
      facts.promise.catch(() => this.facts.delete(key));
    }
    return facts;
  }

  private async loadFacts(ctx: RequestContext, caseId: string, actorId: string | null): Promise<EventFacts> {
    const [found, assignments, actor] = await Promise.all([
      ctx.repo(Case).findOneBy({ id: caseId }),
      ctx.repo(Assignment).find({ where: { caseId }, order: { assignedAt: 'ASC' } }),
      actorId ? ctx.repo(User).findOneBy({ id: actorId }) : Promise.resolve(null),
    ]);
    const unitIds = [...new Set(assignments.map((a) => a.unitId))];
    const units = unitIds.length ? await ctx.repo(Unit).findBy({ id: In(unitIds) }) : [];
    return { case: found, assignments, units, actor };
  }

  /**
   * True when the subscriber may see the matter an event is about: the audience travels with the event, worked
   * out once when it was published, and the policy decides in memory.
   */
  async mayReceiveMatterEvent(ctx: RequestContext, audience: MatterAudience): Promise<boolean> {
    ctx.resetLoaders();
    return this.caseAccess.mayReceiveMatterEvent(ctx, audience);
  }

  /** The wording version a `replyWordingPublished` event announces. */
  async publishedWording(ctx: RequestContext, id: string): Promise<ReplyWording> {
    const w = await ctx.repo(ReplyWording).findOneBy({ id });
    if (!w) throw notFound('答复口径');
    return w;
  }
}
