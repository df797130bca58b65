import { filter, pipe } from '@graphql-yoga/subscription';
import { In } from 'typeorm';
import type { RequestContext } from '../context/request-context';
import { updateVersioned } from '../db/versioned-update';
import { isOpenAssignment } from '../domain/case-workflow';
import { assertInSession, assertMayPropose, assertMayResolve, assertMaySignOff, composeMinutes, nextMeetingStatus, pendingBodies } from '../domain/joint-meeting';
import { Assignment } from '../entities/assignment.entity';
import { Case } from '../entities/case.entity';
import { AssignmentMode, AssignmentRole, CaseStatus, type Outcome } from '../entities/case-enums';
import { AgendaItem, JointMeeting, JointMeetingEventRecord, MeetingOpinion, MeetingParticipant, WordingSignOff } from '../entities/joint-meeting.entity';
import { AgendaItemStatus, JointMeetingEventType, MeetingStatus } from '../entities/joint-meeting-enums';
import { Matter } from '../entities/matter.entity';
import { ReplyWording } from '../entities/reply-wording.entity';
import { Unit } from '../entities/unit.entity';
import { User } from '../entities/user.entity';
import { DomainError, alreadyExists, badInput, forbidden, notFound } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';
import { agendaByMeetingId, meetingById, opinionsByAgendaItemId, participantsByMeetingId, signOffsByAgendaItemId } from '../loaders/meeting.loaders';
import { mayConveneMeeting, mayPostMeetingOpinion, mayProposeWording, maySignOffWording, participantCapacity, participatingBodies } from '../policy/access-policy';
import type { AssignmentService } from './assignment.service';
import type { CaseAccessService } from './case-access.service';
import type { JointMeetingEventPayload } from '../subscriptions/pubsub';
import { decodeKeysetCursor, encodeKeysetCursor } from './keyset-cursor';
import type { MeetingAccessService } from './meeting-access.service';
import type { ReplyWordingService } from './reply-wording.service';

/** Case states in which a meeting's resolution gives the responsible unit an assignment. */
const RESOLVABLE_CASE_STATES = [CaseStatus.ACCEPTED, CaseStatus.ASSIGNED, CaseStatus.RESULT_REPORTED];

export interface ScheduleMeetingInput {
  title: string;
  startsAt: Date;
  location?: string | null;
  participantIds: string[];
  agenda: Array<{ matterId: string; note?: string | null }>;
}

export interface ProposeWordingInput {
  agendaItemId: string;
  outcome: Outcome;
  body: string;
  coreStatements: string[];
}

export interface ResolveItemInput {
  agendaItemId: string;
  decision: string;
  responsibleUnitId?: string | null;
  dueInDays?: number | null;
}

/** One page of the viewer's meetings, soonest first. */
export interface MeetingPage {
  totalCount: number;
  edges: Array<{ cursor: string; node: JointMeeting }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

/**
 * 联席会议: the congress office convenes the 一府两院, deputies and legal workers over agenda items (matters); in
 * session they give opinions, propose wordings and sign them off body by body; an item agreed by every
 * participating body has its wording approved; resolutions route the matter's open cases; concluding writes the
 * minutes. Every change is one transaction holding the meeting's lock, audited, and published after commit.
 */
export class JointMeetingService {
  constructor(
    private readonly access: MeetingAccessService,
    private readonly caseAccess: CaseAccessService,
    private readonly assignments: Pick<AssignmentService, 'assign' | 'dueFor'>,
    private readonly wordings: Pick<ReplyWordingService, 'draft' | 'approve' | 'assertApprovable'>,
    private readonly officeTimeZone: string,
  ) {}

  /**
   * 安排会议. Participants are 一府两院 (and department) liaisons or handlers, deputies, legal workers or the office's
   * own staff, each with the unit they belong to; agenda items are matters of the convening congress the office sees.
   */
  async schedule(ctx: RequestContext, input: ScheduleMeetingInput): Promise<JointMeeting> {
    const congress = await this.caseAccess.officeCongress(ctx);
    const now = Date.now();
    if (input.startsAt.getTime() > now + 366 * 86_400_000) throw badInput('startsAt', '会议时间不得晚于一年之后');
    if (input.startsAt.getTime() < Date.UTC(2000, 0, 1)) throw badInput('startsAt', '会议时间不合法');

    const people: Array<{ user: User; unit: Unit; capacity: NonNullable<ReturnType<typeof participantCapacity>> }> = [];
    for (const [i, userId] of input.participantIds.entries()) {
      const field = `participantIds.${i}`;
      const user = await ctx.repo(User).findOneBy({ id: userId });
      if (!user || user.disabled) throw notFound('用户', field);
      if (people.some((p) => p.user.id === user.id)) throw badInput(field, '参会人重复');
      const unit = user.unitId ? await ctx.repo(Unit).findOneBy({ id: user.unitId }) : null;
      const capacity = participantCapacity(user, unit, congress.id);
      if (!capacity || !unit) throw badInput(field, '只能邀请一府两院及政府部门的联络员或经办人、人大代表、法制工作者或本机关工作人员');
      people.push({ user, unit, capacity });
    }
    const matters: Matter[] = [];
    for (const [i, item] of input.agenda.entries()) {
      const field = `agenda.${i}.matterId`;
      const matter = await this.caseAccess.getVisibleMatter(ctx, item.matterId, field);
      if (matter.congressId !== congress.id) throw badInput(field, '只能把本机关的事项列入议题');
      if (matters.some((m) => m.id === matter.id)) throw badInput(field, '议题重复');
      matters.push(matter);
    }

    const meetings = ctx.repo(JointMeeting);
    const meeting = await meetings.save(
      meetings.create({
        title: input.title.trim(),
        startsAt: input.startsAt,
        location: input.location?.trim() || null,
        status: MeetingStatus.SCHEDULED,
        congressId: congress.id,
        scheduledById: ctx.requireUser().id,
        startedAt: null,
        endedAt: null,
        minutes: null,
      }),
    );
    const participants = ctx.repo(MeetingParticipant);
    await participants.save(
      people.map((p, position) =>
        participants.create({ meetingId: meeting.id, userId: p.user.id, unitId: p.unit.id, capacity: p.capacity, position, present: false, joinedAt: null, leftAt: null }),
      ),
    );
    const items = ctx.repo(AgendaItem);
    await items.save(
      matters.map((m, position) =>
        items.create({
          meetingId: meeting.id,
          matterId: m.id,
          position,
          note: input.agenda[position].note?.trim() || null,
          status: AgendaItemStatus.OPEN,
          proposedWordingId: null,
          decision: null,
          responsibleUnitId: null,
          dueAt: null,
          resolvedAt: null,
        }),
      ),
    );
    await this.record(ctx, meeting.id, JointMeetingEventType.SCHEDULED, { detail: meeting.title });
    return this.fresh(ctx, meeting.id);
  }

  /** 开会. The convener may open the meeting before its scheduled time. */
  async start(ctx: RequestContext, id: string): Promise<JointMeeting> {
    const m = await this.forConvener(ctx, await this.access.lockVisible(ctx, id));
    await updateVersioned(ctx, JointMeeting, m, { status: nextMeetingStatus(m.status, 'START'), startedAt: new Date() });
    await this.record(ctx, m.id, JointMeetingEventType.STARTED);
    return this.fresh(ctx, m.id);
  }

  /** 取消, before or during the session. */
  async cancel(ctx: RequestContext, id: string): Promise<JointMeeting> {
    const m = await this.forConvener(ctx, await this.access.lockVisible(ctx, id));
    await updateVersioned(ctx, JointMeeting, m, { status: nextMeetingStatus(m.status, 'CANCEL'), endedAt: new Date() });
    await this.record(ctx, m.id, JointMeetingEventType.CANCELLED);
    return this.fresh(ctx, m.id);
  }

  /** 入会: an invited participant is present. Joining again while present changes nothing. */
  async join(ctx: RequestContext, id: string): Promise<JointMeeting> {
    return this.setPresence(ctx, id, true);
  }

  /** 离会. Leaving while absent changes nothing. */
  async leave(ctx: RequestContext, id: string): Promise<JointMeeting> {
    return this.setPresence(ctx, id, false);
  }

  private async setPresence(ctx: RequestContext, id: string, present: boolean): Promise<JointMeeting> {
    const m = await this.access.lockVisible(ctx, id);
    assertInSession(m.status);
    const p = await this.access.participantOf(ctx, m.id);
    if (!p) throw forbidden('只有受邀参会人可以入会或离会');
    if (p.present !== present) {
      const now = new Date();
      await ctx.repo(MeetingParticipant).update({ id: p.id }, present ? { present, joinedAt: p.joinedAt ?? now, leftAt: null } : { present, leftAt: now });
      await this.record(ctx, m.id, present ? JointMeetingEventType.PARTICIPANT_JOINED : JointMeetingEventType.PARTICIPANT_LEFT, { participantId: p.id });
    }
    return this.fresh(ctx, m.id);
  }

  /** 发表意见 on an agenda item: any participant, or the convener. */
  async postOpinion(ctx: RequestContext, agendaItemId: string, body: string): Promise<MeetingOpinion> {
    const { item, meeting } = await this.access.lockVisibleItem(ctx, agendaItemId);
    assertInSession(meeting.status);
    const user = ctx.requireUser();
    if (!mayPostMeetingOpinion(user, meeting, await this.access.participantOf(ctx, meeting.id))) throw forbidden('只有参会人可以发表意见');
    const repo = ctx.repo(MeetingOpinion);
    const opinion = await repo.save(repo.create({ agendaItemId: item.id, authorId: user.id, unitId: user.unitId, body: body.trim(), createdAt: new Date() }));
    await this.record(ctx, meeting.id, JointMeetingEventType.OPINION_POSTED, { agendaItemId: item.id, opinionId: opinion.id });
    ctx.resetLoaders();
    return opinion;
  }

  /**
   * 提出口径草案: the convener or a participating body puts a wording on the item. It becomes the matter's next draft
   * version, replaces any earlier proposal on the item and starts the sign-offs afresh; proposing is not signing.
   */
  async proposeWording(ctx: RequestContext, input: ProposeWordingInput): Promise<AgendaItem> {
    const { item, meeting } = await this.access.lockVisibleItem(ctx, input.agendaItemId);
    assertInSession(meeting.status);
    if (!mayProposeWording(ctx.requireUser(), meeting, await this.access.participantOf(ctx, meeting.id))) {
      throw forbidden('只有召集单位或参会的政府、政府部门、法院、检察院可以提出口径草案');
    }
    assertMayPropose(item.status);
    this.wordings.assertApprovable(input);
    const wording = await this.wordings.draft(ctx, { matterId: item.matterId, outcome: input.outcome, body: input.body, coreStatements: input.coreStatements }, { skipOfficeCheck: true });
    await updateVersioned(ctx, AgendaItem, item, { status: AgendaItemStatus.SIGNING, proposedWordingId: wording.id });
    await this.record(ctx, meeting.id, JointMeetingEventType.WORDING_PROPOSED, { agendaItemId: item.id, detail: `第 ${wording.version} 版` });
    return this.freshItem(ctx, item.id);
  }

  /**
   * 会签: a participant attending for a participating body signs the proposal for that body. When the last body has
   * signed, the wording is approved, once, and the item is AGREED. The item and meeting locks make simultaneous
   * sign-offs wait for each other, so the last of them sees every earlier one.
   */
  async signOff(ctx: RequestContext, agendaItemId: string): Promise<AgendaItem> {
    const { item, meeting } = await this.access.lockVisibleItem(ctx, agendaItemId);
    assertInSession(meeting.status);
    const participant = await this.access.participantOf(ctx, meeting.id);
    if (!maySignOffWording(participant)) throw forbidden('只有参会的政府、政府部门、法院、检察院可以会签；召集单位、人大代表和法制工作者只提出意见');
    assertMaySignOff(item.status);
    const wordingId = item.proposedWordingId!;
    const signed = await ctx.repo(WordingSignOff).findBy({ agendaItemId: item.id, wordingId });
    if (signed.some((s) => s.unitId === participant!.unitId)) throw alreadyExists('agendaItemId', '本单位已会签该口径草案');
    const repo = ctx.repo(WordingSignOff);
    await repo.save(repo.create({ agendaItemId: item.id, wordingId, unitId: participant!.unitId, userId: participant!.userId, at: new Date() }));
    await this.record(ctx, meeting.id, JointMeetingEventType.SIGNED_OFF, { agendaItemId: item.id, participantId: participant!.id });

    const bodies = participatingBodies(await ctx.loader(participantsByMeetingId).load(meeting.id));
    if (pendingBodies(bodies, [...signed.map((s) => s.unitId), participant!.unitId]).length === 0) {
      await this.wordings.approve(ctx, wordingId, { skipOfficeCheck: true });
      await updateVersioned(ctx, AgendaItem, item, { status: AgendaItemStatus.AGREED });
      await this.record(ctx, meeting.id, JointMeetingEventType.WORDING_APPROVED, { agendaItemId: item.id });
    }
    return this.freshItem(ctx, item.id);
  }

  /**
   * 决议. With a responsible unit, each case of the item's matter that is ACCEPTED, ASSIGNED or RESULT_REPORTED is
   * assigned to it (交办, as lead where the case has no open lead, else assisting) through the assignment workflow
   * and its rules; a case the unit already handles, and replied, closed, declined or archived cases, are left alone.
   */
  async resolve(ctx: RequestContext, input: ResolveItemInput): Promise<AgendaItem> {
    const { item, meeting } = await this.access.lockVisibleItem(ctx, input.agendaItemId);
    assertInSession(meeting.status);
    this.forConvener(ctx, meeting);
    assertMayResolve(item.status);
    const decision = input.decision.trim();
    let unit: Unit | null = null;
    let dueAt: Date | null = null;
    if (input.responsibleUnitId) {
      unit = await ctx.repo(Unit).findOneBy({ id: input.responsibleUnitId });
      if (!unit) throw notFound('单位', 'responsibleUnitId');
      const dueInDays = input.dueInDays ?? undefined;
      const cases = await ctx.repo(Case).find({ where: { matterId: item.matterId, congressId: meeting.congressId, status: In(RESOLVABLE_CASE_STATES) }, order: { receivedAt: 'ASC' } });
      for (const c of cases) {
        const open = (await ctx.repo(Assignment).findBy({ caseId: c.id })).filter((a) => isOpenAssignment(a.status));
        if (open.some((a) => a.unitId === unit!.id)) continue;
        const role = open.some((a) => a.role === AssignmentRole.LEAD) ? AssignmentRole.ASSIST : AssignmentRole.LEAD;
        await this.assignments.assign(ctx, { caseId: c.id, unitId: unit.id, mode: AssignmentMode.ASSIGN, role, dueInDays, note: `联席会议「${meeting.title}」决议：${decision}` });
      }
      dueAt = (await this.assignments.dueFor(ctx, dueInDays)).dueAt;
    } else if (input.dueInDays != null) {
      throw badInput('dueInDays', '指定办理期限须同时指定责任单位');
    }
    await updateVersioned(ctx, AgendaItem, item, { status: AgendaItemStatus.RESOLVED, decision, responsibleUnitId: unit?.id ?? null, dueAt, resolvedAt: new Date() });
    await this.record(ctx, meeting.id, JointMeetingEventType.ITEM_RESOLVED, { agendaItemId: item.id, detail: decision });
    return this.freshItem(ctx, item.id);
  }

  /** 结束会议: everyone still present leaves, and the minutes are written and kept on the meeting. */
  async conclude(ctx: RequestContext, id: string): Promise<JointMeeting> {
    const m = this.forConvener(ctx, await this.access.lockVisible(ctx, id));
    const status = nextMeetingStatus(m.status, 'CONCLUDE');
    const endedAt = new Date();
    await ctx.repo(MeetingParticipant).update({ meetingId: m.id, present: true }, { present: false, leftAt: endedAt });
    ctx.resetLoaders();
    const minutes = await this.minutesOf(ctx, m, endedAt);
    await updateVersioned(ctx, JointMeeting, m, { status, endedAt, minutes });
    await this.record(ctx, m.id, JointMeetingEventType.CONCLUDED);
    return this.fresh(ctx, m.id);
  }

  private async minutesOf(ctx: RequestContext, m: JointMeeting, endedAt: Date): Promise<string> {
    const participants = await ctx.loader(participantsByMeetingId).load(m.id);
    const items = await ctx.loader(agendaByMeetingId).load(m.id);
    const itemIds = items.map((i) => i.id);
    const opinions = await ctx.repo(MeetingOpinion).find({ where: { agendaItemId: In(itemIds) }, order: { createdAt: 'ASC' } });
    const signOffs = await ctx.repo(WordingSignOff).find({ where: { agendaItemId: In(itemIds) }, order: { at: 'ASC' } });
    const userIds = [...new Set([...participants.map((p) => p.userId), ...opinions.map((o) => o.authorId)])];
    const users = new Map((await ctx.repo(User).findBy({ id: In(userIds) })).map((u) => [u.id, u.displayName]));
    const units = new Map((await ctx.repo(Unit).find()).map((u) => [u.id, u.name]));
    const matters = new Map((await ctx.repo(Matter).findBy({ id: In(items.map((i) => i.matterId)) })).map((x) => [x.id, x.title]));
    const wordingIds = items.map((i) => i.proposedWordingId).filter((x): x is string => !!x);
    const wordings = new Map((wordingIds.length ? await ctx.repo(ReplyWording).findBy({ id: In(wordingIds) }) : []).map((w) => [w.id, w]));
    const name = (unitId: string | null) => (unitId ? (units.get(unitId) ?? '') : null);
    return composeMinutes({
      title: m.title,
      convener: name(m.congressId) ?? '',
      location: m.location,
      startedAt: m.startedAt,
      endedAt,
      timeZone: this.officeTimeZone,
      participants: participants.map((p) => ({ name: users.get(p.userId) ?? '', unit: name(p.unitId) ?? '', capacity: p.capacity, attended: !!p.joinedAt })),
      items: items.map((i) => {
        const w = i.proposedWordingId ? wordings.get(i.proposedWordingId) : undefined;
        return {
          matterTitle: matters.get(i.matterId) ?? '',
          note: i.note,
          opinions: opinions.filter((o) => o.agendaItemId === i.id).map((o) => ({ author: users.get(o.authorId) ?? '', unit: name(o.unitId), body: o.body })),
          wording: w
            ? { ...w, signedBy: signOffs.filter((s) => s.agendaItemId === i.id && s.wordingId === w.id).map((s) => name(s.unitId) ?? '') }
            : null,
          resolution: i.decision ? { decision: i.decision, responsibleUnit: name(i.responsibleUnitId), dueAt: i.dueAt } : null,
        };
      }),
    });
  }

  /** A meeting the viewer may see; `NOT_FOUND` otherwise. */
  get(ctx: RequestContext, id: string, field = 'id'): Promise<JointMeeting> {
    return this.access.getVisible(ctx, id, field);
  }

  /** The minutes of a concluded meeting the viewer may see; `NOT_FOUND` until it has concluded. */
  async concludedMinutes(ctx: RequestContext, id: string): Promise<{ title: string; minutes: string }> {
    const m = await this.access.getVisible(ctx, id);
    if (m.minutes === null) throw new DomainError(ErrorCode.NOT_FOUND, '会议尚未结束，纪要尚未形成', 'id');
    return { title: m.title, minutes: m.minutes };
  }

  /** The viewer's meetings, the latest scheduled time first, with opaque keyset cursors. */
  async list(ctx: RequestContext, first = 20, after?: string | null): Promise<MeetingPage> {
    if (!Number.isInteger(first) || first < 1 || first > 100) throw badInput('first', 'first 须在 1–100 之间');
    const totalCount = await this.access.visibleMeetings(ctx).getCount();
    const qb = this.access.visibleMeetings(ctx);
    if (after) {
      const [at, id] = decodeKeysetCursor(after);
      qb.andWhere('(m.startsAt < :cAt OR (m.startsAt = :cAt AND m.id < :cId))', { cAt: at, cId: id });
    }
    const rows = await qb.orderBy('m.startsAt', 'DESC').addOrderBy('m.id', 'DESC').take(first + 1).getMany();
    const page = rows.slice(0, first);
    const edges = page.map((node) => ({ cursor: encodeKeysetCursor(node.startsAt, node.id), node }));
    return {
      totalCount,
      edges,
      pageInfo: { hasNextPage: rows.length > first, hasPreviousPage: !!after, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }

  /** The bodies that have still to sign the item's current proposal (none when there is no proposal). */
  async pendingUnits(ctx: RequestContext, item: AgendaItem): Promise<string[]> {
    if (item.status !== AgendaItemStatus.SIGNING) return [];
    const bodies = participatingBodies(await ctx.loader(participantsByMeetingId).load(item.meetingId));
    return pendingBodies(bodies, (await this.signOffs(ctx, item)).map((s) => s.unitId));
  }

  /** The sign-offs of the item's current proposal. */
  async signOffs(ctx: RequestContext, item: AgendaItem): Promise<WordingSignOff[]> {
    return (await ctx.loader(signOffsByAgendaItemId).load(item.id)).filter((s) => s.wordingId === item.proposedWordingId);
  }

  opinions(ctx: RequestContext, item: AgendaItem): Promise<MeetingOpinion[]> {
    return ctx.loader(opinionsByAgendaItemId).load(item.id);
  }

  participants(ctx: RequestContext, meetingId: string): Promise<MeetingParticipant[]> {
    return ctx.loader(participantsByMeetingId).load(meetingId);
  }

  agenda(ctx: RequestContext, meetingId: string): Promise<AgendaItem[]> {
    return ctx.loader(agendaByMeetingId).load(meetingId);
  }

  /**
   * The live events of one meeting the subscriber may see (`NOT_FOUND` at once otherwise). Each event is checked
   * again against the current meeting, from fresh data, before it is delivered.
   */
  async subscribe(ctx: RequestContext, meetingId: string): Promise<AsyncIterable<JointMeetingEventPayload>> {
    await this.access.getVisible(ctx, meetingId, 'meetingId');
    return pipe(
      ctx.app.pubsub.subscribe('JOINT_MEETING_EVENT', meetingId),
      filter(async (payload: JointMeetingEventPayload) => {
        ctx.resetLoaders();
        const m = await ctx.loader(meetingById).load(payload.meetingId);
        return !!m && (await this.access.mayView(ctx, m));
      }),
    );
  }

  /** The meeting's audit record of one step, and its live event once the transaction commits. */
  private async record(
    ctx: RequestContext,
    meetingId: string,
    type: JointMeetingEventType,
    extra: { agendaItemId?: string; opinionId?: string; participantId?: string; detail?: string } = {},
  ): Promise<void> {
    const repo = ctx.repo(JointMeetingEventRecord);
    const row = await repo.save(
      repo.create({
        meetingId,
        type,
        actorId: ctx.user?.id ?? null,
        at: new Date(),
        agendaItemId: extra.agendaItemId ?? null,
        opinionId: extra.opinionId ?? null,
        participantId: extra.participantId ?? null,
        detail: extra.detail ?? null,
      }),
    );
    const payload: JointMeetingEventPayload = {
      eventId: row.id,
      meetingId,
      type,
      at: row.at.toISOString(),
      agendaItemId: row.agendaItemId,
      opinionId: row.opinionId,
      participantId: row.participantId,
      actorId: row.actorId,
    };
    ctx.afterCommit(() => ctx.app.pubsub.publish('JOINT_MEETING_EVENT', meetingId, payload));
  }

  private forConvener(ctx: RequestContext, m: JointMeeting): JointMeeting {
    if (!mayConveneMeeting(ctx.requireUser(), m)) throw forbidden('只有召集会议的人大信访机构登记员或领导可以执行此操作');
    return m;
  }

  /** The meeting as it now stands: the request's cached loads predate the change. */
  private async fresh(ctx: RequestContext, id: string): Promise<JointMeeting> {
    ctx.resetLoaders();
    return ctx.repo(JointMeeting).findOneByOrFail({ id });
  }

  private async freshItem(ctx: RequestContext, id: string): Promise<AgendaItem> {
    ctx.resetLoaders();
    return ctx.repo(AgendaItem).findOneByOrFail({ id });
  }
}
