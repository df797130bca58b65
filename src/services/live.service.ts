import { In } from 'typeorm';
import type { RequestContext } from '../context/request-context';
import { Assignment } from '../entities/assignment.entity';
import { Case } from '../entities/case.entity';
import type { AssignmentStatus } from '../entities/case-enums';
import { Unit } from '../entities/unit.entity';
import { User } from '../entities/user.entity';
import { assignmentById, assignmentsByCaseId, userById } from '../loaders/case.loaders';
import { unitById } from '../loaders/unit.loaders';
import { mayReceiveCaseEvent, type AssignmentFacts, type CaseFacts, type CaseScope, type LiveCaseEventFacts } from '../policy/access-policy';
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

/** A live event about a case as its subscribers' filter and resolver see it. */
export interface LiveCaseEvent extends LiveCaseEventFacts {
  actorId?: string | null;
  /** The policy's facts as they stood when the change committed, where the publisher sent them along. */
  access?: CaseAccessFacts;
}

/** The policy's facts of one event, whichever way they came. */
interface Decided {
  case: CaseFacts;
  assignments: AssignmentFacts[];
}

/** Long enough for every subscriber of an event to be served from one load, short enough never to go stale. */
const FACTS_TTL_MS = 5_000;

/**
 * Who receives which live event. Visibility is decided once per event, not once per subscriber: the case with
 * its assignments, their units and the actor are loaded once, and each subscriber's scope is put to the access
 * policy's in-memory predicate, with no query and no loader. A delivered event's fields resolve from the same
 * snapshot, primed into the loaders of the context that executes it (`prepare`).
 */
export class LiveService {
  private readonly facts = new Map<string, Eventual<EventFacts>>();
  private readonly decided = new WeakMap<CaseAccessFacts, Decided>();

  constructor(
    private readonly caseAccess: CaseAccessService,
    private readonly caseQuery: CaseQueryService,
  ) {}

  /**
   * True when the subscriber may see the case now and, for a handling unit, the event concerns its own
   * assignment or the case as a whole; an alert of the office's own clocks only to the owning office
   * (`officeClock`). `eventKey` names the event (the same for all its subscribers). Runs once per subscriber and
   * event: it reads the subscriber's scope and the event's facts, both loaded once, and asks the policy; it
   * touches no loader, so a subscriber that is not sent the event costs nothing more.
   */
  mayReceive(ctx: RequestContext, eventKey: string, caseId: string, event: LiveCaseEvent): boolean | Promise<boolean> {
    const scope = this.caseAccess.scopeNow(ctx);
    const facts = this.factsOf(ctx, eventKey, caseId, event.actorId ?? null).now;
    if (scope instanceof Promise || facts instanceof Promise) {
      return Promise.all([scope, facts]).then(([s, f]) => this.admits(s, event, f));
    }
    return this.admits(scope, event, facts);
  }

  /**
   * Readies a subscriber's context to resolve one event it was sent; called by the event's root field, so once
   * per execution (once per audience where subscribers share one). A subscription keeps one context for its life:
   * what its loaders hold from earlier events is forgotten, and while the event's facts are held they are primed,
   * so that the event's fields resolve without a query. Only what the policy lets this viewer see is primed;
   * anything else is loaded under the policy's SQL predicate as for any read.
   */
  prepare(ctx: RequestContext, eventKey: string, event: LiveCaseEvent): void {
    ctx.resetLoaders();
    const facts = this.facts.get(eventKey)?.now;
    const scope = this.caseAccess.scopeNow(ctx);
    if (!facts || facts instanceof Promise || !facts.case || scope instanceof Promise || !this.admits(scope, event, facts)) return;
    const c = facts.case;
    ctx.loader(this.caseQuery.visibleById).prime(c.id, c);
    ctx.loader(assignmentsByCaseId).prime(c.id, facts.assignments);
    for (const a of facts.assignments) ctx.loader(assignmentById).prime(a.id, a);
    for (const u of facts.units) ctx.loader(unitById).prime(u.id, u);
    if (facts.actor) ctx.loader(userById).prime(facts.actor.id, facts.actor);
  }

  /** The policy's decision for one viewer: on the published facts where they came with the event, else on the loaded ones. */
  private admits(scope: CaseScope, event: LiveCaseEvent, facts: EventFacts): boolean {
    if (!facts.case) return false;
    if (!event.access) return mayReceiveCaseEvent(scope, event, facts.case, facts.assignments);
    const decided = this.accessOf(event.access);
    return mayReceiveCaseEvent(scope, event, decided.case, decided.assignments);
  }

  /** The published facts as the policy takes them, made once per event (the payload is shared by its subscribers). */
  private accessOf(access: CaseAccessFacts): Decided {
    let decided = this.decided.get(access);
    if (!decided) {
      decided = { case: access, assignments: access.assignments.map((a) => ({ ...a, status: a.status as AssignmentStatus })) };
      this.decided.set(access, decided);
    }
    return decided;
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
