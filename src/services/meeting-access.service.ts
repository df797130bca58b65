import type { SelectQueryBuilder } from 'typeorm';
import type { RequestContext } from '../context/request-context';
import { AgendaItem, JointMeeting, MeetingParticipant } from '../entities/joint-meeting.entity';
import { notFound } from '../errors/domain-error';
import { meetingById, participantsByMeetingId } from '../loaders/meeting.loaders';
import { mayViewMeeting } from '../policy/access-policy';
import { meetingVisibilitySql } from '../policy/meeting-visibility.sql';

/**
 * The meeting rules of the access policy applied to data: the SQL predicate for lists, the in-memory decision for
 * a loaded meeting (reads, field resolvers, live events), and locked reads for the mutations that change one.
 */
export class MeetingAccessService {
  /** A query over the meetings the viewer may see, aliased `m`. */
  visibleMeetings(ctx: RequestContext): SelectQueryBuilder<JointMeeting> {
    const user = ctx.requireUser();
    const qb = ctx.repo(JointMeeting).createQueryBuilder('m');
    const { where, params } = meetingVisibilitySql(user, 'm', qb.connection.getMetadata(MeetingParticipant).tableName);
    return qb.andWhere(where, params);
  }

  /** Whether the viewer may see the meeting (its participants are read through the request's loader). */
  async mayView(ctx: RequestContext, m: JointMeeting): Promise<boolean> {
    const participants = await ctx.loader(participantsByMeetingId).load(m.id);
    return mayViewMeeting(ctx.user, { congressId: m.congressId, participantUserIds: participants.map((p) => p.userId) });
  }

  /** The meeting if the viewer may see it; `NOT_FOUND` otherwise, the same as for one that does not exist. */
  async getVisible(ctx: RequestContext, id: string, field = 'id'): Promise<JointMeeting> {
    ctx.requireUser();
    const m = await ctx.loader(meetingById).load(id);
    if (!m || !(await this.mayView(ctx, m))) throw notFound('联席会议', field);
    return m;
  }

  /**
   * The meeting, locked for the rest of the transaction, if the viewer may see it. Every change to a meeting takes
   * this lock (item changes after the item's own), so changes to one meeting happen one after another and each
   * reads what the previous one committed.
   */
  async lockVisible(ctx: RequestContext, id: string, field = 'id'): Promise<JointMeeting> {
    const m = await ctx.app.db.lockForUpdate(ctx.repo(JointMeeting).createQueryBuilder('m').where('m.id = :id', { id })).getOne();
    if (!m || !(await this.mayView(ctx, m))) throw notFound('联席会议', field);
    return m;
  }

  /** An agenda item and its meeting, both locked, if the viewer may see the meeting; `NOT_FOUND` otherwise. */
  async lockVisibleItem(ctx: RequestContext, id: string, field = 'agendaItemId'): Promise<{ item: AgendaItem; meeting: JointMeeting }> {
    const item = await ctx.app.db.lockForUpdate(ctx.repo(AgendaItem).createQueryBuilder('i').where('i.id = :id', { id })).getOne();
    if (!item) throw notFound('议题', field);
    const meeting = await ctx.app.db.lockForUpdate(ctx.repo(JointMeeting).createQueryBuilder('m').where('m.id = :id', { id: item.meetingId })).getOne();
    if (!meeting || !(await this.mayView(ctx, meeting))) throw notFound('议题', field);
    return { item, meeting };
  }

  /** The viewer's own participation in the meeting, if invited. */
  async participantOf(ctx: RequestContext, meetingId: string): Promise<MeetingParticipant | null> {
    const userId = ctx.requireUser().id;
    return (await ctx.loader(participantsByMeetingId).load(meetingId)).find((p) => p.userId === userId) ?? null;
  }
}
