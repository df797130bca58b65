import { ReplyWordingView } from '../schema/types/reply-wording.type';
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { RequestContext } from '../context/request-context';
import { Role } from '../auth/role';
import { AgendaItem, JointMeeting, MeetingOpinion, MeetingParticipant, WordingSignOff } from '../entities/joint-meeting.entity';
import { JointMeetingEventType } from '../entities/joint-meeting-enums';
import { Matter } from '../entities/matter.entity';
import { ReplyWording } from '../entities/reply-wording.entity';
import { Unit } from '../entities/unit.entity';
import { User } from '../entities/user.entity';
import { matterById, userById, wordingById } from '../loaders/case.loaders';
import { agendaItemById, opinionById, participantById } from '../loaders/meeting.loaders';
import { unitById } from '../loaders/unit.loaders';
import { ProposeWordingInput, ResolveAgendaItemInput, ScheduleJointMeetingInput } from '../schema/inputs/joint-meeting.inputs';
import { ReasonArg } from '../schema/inputs/validated-fields';
import {
  AgendaItemView,
  JointMeetingConnection,
  JointMeetingEvent,
  JointMeetingView,
  MeetingParticipantView,
  OpinionView,
  ResolutionView,
  SignOffView,
  type Resolution,
} from '../schema/types/joint-meeting.type';
import type { JointMeetingEventPayload } from '../subscriptions/pubsub';
import { Transactional } from './transactional.middleware';

const CONVENER = [Role.REGISTRAR, Role.LEADER];
const idArg = (description = '联席会议 ID') => Arg('id', () => ID, { description });
const itemArg = () => Arg('agendaItemId', () => ID, { description: '议题 ID' });

@Resolver(() => JointMeetingView)
export class JointMeetingResolver {
  @Authorized()
  @Query(() => JointMeetingView, { nullable: true, description: '按 ID 查联席会议；只有参会人和召集机关工作人员可见，看不到的与不存在的一样返回 null 和 NOT_FOUND' })
  jointMeeting(@idArg() id: string, @Ctx() ctx: RequestContext): Promise<JointMeeting> {
    return ctx.services.meetings.get(ctx, id);
  }

  @Authorized()
  @Query(() => JointMeetingConnection, { description: '当前用户可见的联席会议（受邀参加的，或本机关召集的），按预定时间倒序分页' })
  jointMeetings(
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: '每页条数 1–100' }) first: number,
    @Arg('after', () => String, { nullable: true, description: '上一页的 endCursor' }) after: string | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<JointMeetingConnection> {
    return ctx.services.meetings.list(ctx, first, after);
  }

  @Authorized(...CONVENER)
  @Transactional()
  @Mutation(() => JointMeetingView, { description: '安排联席会议：邀请参会人，列入议题（事项）' })
  scheduleJointMeeting(@Arg('input', () => ScheduleJointMeetingInput, { description: '输入' }) input: ScheduleJointMeetingInput, @Ctx() ctx: RequestContext): Promise<JointMeeting> {
    return ctx.services.meetings.schedule(ctx, input);
  }

  @Authorized(...CONVENER)
  @Transactional()
  @Mutation(() => JointMeetingView, { description: '开始会议（SCHEDULED → IN_SESSION），可早于预定时间' })
  startJointMeeting(@idArg() id: string, @Ctx() ctx: RequestContext): Promise<JointMeeting> {
    return ctx.services.meetings.start(ctx, id);
  }

  @Authorized()
  @Transactional()
  @Mutation(() => JointMeetingView, { description: '受邀参会人入会（会议进行中）' })
  joinJointMeeting(@idArg() id: string, @Ctx() ctx: RequestContext): Promise<JointMeeting> {
    return ctx.services.meetings.join(ctx, id);
  }

  @Authorized()
  @Transactional()
  @Mutation(() => JointMeetingView, { description: '参会人离会' })
  leaveJointMeeting(@idArg() id: string, @Ctx() ctx: RequestContext): Promise<JointMeeting> {
    return ctx.services.meetings.leave(ctx, id);
  }

  @Authorized(...CONVENER)
  @Transactional()
  @Mutation(() => JointMeetingView, { description: '结束会议（IN_SESSION → CONCLUDED），形成纪要' })
  concludeJointMeeting(@idArg() id: string, @Ctx() ctx: RequestContext): Promise<JointMeeting> {
    return ctx.services.meetings.conclude(ctx, id);
  }

  @Authorized(...CONVENER)
  @Transactional()
  @Mutation(() => JointMeetingView, { description: '取消会议（开始前或进行中）' })
  cancelJointMeeting(@idArg() id: string, @Ctx() ctx: RequestContext): Promise<JointMeeting> {
    return ctx.services.meetings.cancel(ctx, id);
  }

  @FieldResolver(() => Unit, { description: '召集机关 (convening congress)' })
  async convener(@Root() m: JointMeeting, @Ctx() ctx: RequestContext): Promise<Unit> {
    return (await ctx.loader(unitById).load(m.congressId))!;
  }

  @FieldResolver(() => [MeetingParticipantView], { description: '参会人 (participants)' })
  participants(@Root() m: JointMeeting, @Ctx() ctx: RequestContext): Promise<MeetingParticipant[]> {
    return ctx.services.meetings.participants(ctx, m.id);
  }

  @FieldResolver(() => [AgendaItemView], { description: '议题 (agenda)' })
  agenda(@Root() m: JointMeeting, @Ctx() ctx: RequestContext): Promise<AgendaItem[]> {
    return ctx.services.meetings.agenda(ctx, m.id);
  }
}

@Resolver(() => MeetingParticipantView)
export class MeetingParticipantResolver {
  @FieldResolver(() => User, { description: '参会人 (user)' })
  async user(@Root() p: MeetingParticipant, @Ctx() ctx: RequestContext): Promise<User> {
    return (await ctx.loader(userById).load(p.userId))!;
  }

  @FieldResolver(() => Unit, { description: '受邀时所在单位 (unit)' })
  async unit(@Root() p: MeetingParticipant, @Ctx() ctx: RequestContext): Promise<Unit> {
    return (await ctx.loader(unitById).load(p.unitId))!;
  }
}

@Resolver(() => AgendaItemView)
export class AgendaItemResolver {
  @Authorized()
  @Transactional()
  @Mutation(() => AgendaItemView, { description: '提出口径草案：召集单位或参会单位提出，取代此前的草案并重新开始会签；提出不等于会签' })
  proposeWording(@Arg('input', () => ProposeWordingInput, { description: '输入' }) input: ProposeWordingInput, @Ctx() ctx: RequestContext): Promise<AgendaItem> {
    return ctx.services.meetings.proposeWording(ctx, input);
  }

  @Authorized()
  @Transactional()
  @Mutation(() => AgendaItemView, {
    description: '会签：参会单位（政府、政府部门、法院、检察院）的参会人代表本单位同意当前口径草案；全部参会单位会签后口径即批准。重复会签为 ALREADY_EXISTS，非参会单位为 FORBIDDEN',
  })
  signOffWording(@itemArg() agendaItemId: string, @Ctx() ctx: RequestContext): Promise<AgendaItem> {
    return ctx.services.meetings.signOff(ctx, agendaItemId);
  }

  @Authorized(...CONVENER)
  @Transactional()
  @Mutation(() => AgendaItemView, { description: '议题形成决议；指定责任单位时，向该事项下已受理、办理中或已报结果的信访件交办' })
  resolveAgendaItem(@Arg('input', () => ResolveAgendaItemInput, { description: '输入' }) input: ResolveAgendaItemInput, @Ctx() ctx: RequestContext): Promise<AgendaItem> {
    return ctx.services.meetings.resolve(ctx, input);
  }

  @FieldResolver(() => Matter, { description: '事项：参会人可见其标题与说明；其中的信访件仍按信访件的可见范围 (matter)' })
  async matter(@Root() i: AgendaItem, @Ctx() ctx: RequestContext): Promise<Matter> {
    return (await ctx.loader(matterById).load(i.matterId))!;
  }

  @FieldResolver(() => [OpinionView], { description: '意见，按发表时间 (opinions)' })
  opinions(@Root() i: AgendaItem, @Ctx() ctx: RequestContext): Promise<MeetingOpinion[]> {
    return ctx.services.meetings.opinions(ctx, i);
  }

  @FieldResolver(() => ReplyWordingView, { nullable: true, description: '当前口径草案（或经本议题批准的口径）(proposed wording)' })
  proposedWording(@Root() i: AgendaItem, @Ctx() ctx: RequestContext): Promise<ReplyWording | null> | null {
    return i.proposedWordingId ? ctx.loader(wordingById).load(i.proposedWordingId) : null;
  }

  @FieldResolver(() => [SignOffView], { description: '对当前口径草案的会签 (sign-offs)' })
  signOffs(@Root() i: AgendaItem, @Ctx() ctx: RequestContext): Promise<WordingSignOff[]> {
    return ctx.services.meetings.signOffs(ctx, i);
  }

  @FieldResolver(() => [Unit], { description: '尚未会签当前口径草案的参会单位；没有待会签草案时为空 (pending units)' })
  async pendingUnits(@Root() i: AgendaItem, @Ctx() ctx: RequestContext): Promise<Unit[]> {
    return (await ctx.loader(unitById).loadMany(await ctx.services.meetings.pendingUnits(ctx, i))) as Unit[];
  }

  @FieldResolver(() => ResolutionView, { nullable: true, description: '决议；尚未决议为空 (resolution)' })
  resolution(@Root() i: AgendaItem): Resolution | null {
    return i.decision === null ? null : { decision: i.decision, responsibleUnitId: i.responsibleUnitId, dueAt: i.dueAt };
  }
}

@Resolver(() => OpinionView)
export class OpinionResolver {
  @Authorized()
  @Transactional()
  @Mutation(() => OpinionView, { description: '就议题发表意见：参会人或召集单位（会议进行中）' })
  postOpinion(@itemArg() agendaItemId: string, @ReasonArg('body', '意见内容') body: string, @Ctx() ctx: RequestContext): Promise<MeetingOpinion> {
    return ctx.services.meetings.postOpinion(ctx, agendaItemId, body);
  }

  @FieldResolver(() => User, { description: '发表人 (author)' })
  async author(@Root() o: MeetingOpinion, @Ctx() ctx: RequestContext): Promise<User> {
    return (await ctx.loader(userById).load(o.authorId))!;
  }

  @FieldResolver(() => Unit, { nullable: true, description: '发表人所在单位 (unit)' })
  unit(@Root() o: MeetingOpinion, @Ctx() ctx: RequestContext): Promise<Unit | null> | null {
    return o.unitId ? ctx.loader(unitById).load(o.unitId) : null;
  }
}

@Resolver(() => SignOffView)
export class SignOffResolver {
  @FieldResolver(() => Unit, { description: '会签单位 (unit)' })
  async unit(@Root() s: WordingSignOff, @Ctx() ctx: RequestContext): Promise<Unit> {
    return (await ctx.loader(unitById).load(s.unitId))!;
  }

  @FieldResolver(() => User, { description: '代表本单位会签的参会人 (signed by)' })
  async user(@Root() s: WordingSignOff, @Ctx() ctx: RequestContext): Promise<User> {
    return (await ctx.loader(userById).load(s.userId))!;
  }
}

@Resolver(() => ResolutionView)
export class ResolutionResolver {
  @FieldResolver(() => Unit, { nullable: true, description: '责任单位 (responsible unit)' })
  responsibleUnit(@Root() r: Resolution, @Ctx() ctx: RequestContext): Promise<Unit | null> | null {
    return r.responsibleUnitId ? ctx.loader(unitById).load(r.responsibleUnitId) : null;
  }
}

@Resolver(() => JointMeetingEvent)
export class JointMeetingEventResolver {
  @Authorized()
  @Subscription(() => JointMeetingEvent, {
    subscribe: ({ args, context }) => (context as RequestContext).services.meetings.subscribe(context as RequestContext, args.meetingId as string),
    description: '联席会议事件：只推送给参会人和召集机关工作人员；订阅看不到的会议为 NOT_FOUND',
  })
  jointMeetingEvents(@Arg('meetingId', () => ID, { description: '联席会议 ID' }) _meetingId: string, @Root() p: JointMeetingEventPayload): JointMeetingEvent {
    return { type: p.type as JointMeetingEventType, at: new Date(p.at), meetingId: p.meetingId, agendaItemId: p.agendaItemId, opinionId: p.opinionId, participantId: p.participantId };
  }

  @FieldResolver(() => JointMeetingView, { description: '会议（按订阅者的权限解析）' })
  meeting(@Root() e: JointMeetingEvent, @Ctx() ctx: RequestContext): Promise<JointMeeting> {
    return ctx.services.meetings.get(ctx, e.meetingId);
  }

  @FieldResolver(() => AgendaItemView, { nullable: true, description: '相关议题' })
  agendaItem(@Root() e: JointMeetingEvent, @Ctx() ctx: RequestContext): Promise<AgendaItem | null> | null {
    return e.agendaItemId ? ctx.loader(agendaItemById).load(e.agendaItemId) : null;
  }

  @FieldResolver(() => OpinionView, { nullable: true, description: '新发表的意见' })
  opinion(@Root() e: JointMeetingEvent, @Ctx() ctx: RequestContext): Promise<MeetingOpinion | null> | null {
    return e.opinionId ? ctx.loader(opinionById).load(e.opinionId) : null;
  }

  @FieldResolver(() => MeetingParticipantView, { nullable: true, description: '入会、离会或会签的参会人' })
  participant(@Root() e: JointMeetingEvent, @Ctx() ctx: RequestContext): Promise<MeetingParticipant | null> | null {
    return e.participantId ? ctx.loader(participantById).load(e.participantId) : null;
  }
}
