import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { JointMeeting } from '../../entities/joint-meeting.entity';
import { AgendaItemStatus, JointMeetingEventType, MeetingStatus, ParticipantCapacity } from '../../entities/joint-meeting-enums';
import { Audience, Visible } from '../../policy/audience';
import { PageInfo } from './case-types';

/*
 * The API shapes of a joint meeting, kept apart from the tables (src/entities/joint-meeting.entity.ts): resolvers
 * hand out the entities and these classes pick their fields. Everything here is reached only through a meeting
 * the viewer may see (participants and the convening office's staff).
 */

@Visible(Audience.MEETING_VIEWER)
@ObjectType('JointMeeting', { description: '联席会议：人大信访机构召集一府两院、人大代表、法制工作者协调同一事项 (joint meeting)' })
export class JointMeetingView {
  @Field(() => ID, { description: '唯一标识 (ID)' })
  id: string;

  @Field(() => String, { description: '会议名称 (title)' })
  title: string;

  @Field(() => Date, { description: '预定开始时间 (scheduled start)' })
  startsAt: Date;

  @Field(() => String, { nullable: true, description: '地点 (location)' })
  location: string | null;

  @Field(() => MeetingStatus, { description: '状态 (status)' })
  status: MeetingStatus;

  @Field(() => Date, { nullable: true, description: '实际开始时间 (started at)' })
  startedAt: Date | null;

  @Field(() => Date, { nullable: true, description: '结束或取消时间 (ended at)' })
  endedAt: Date | null;

  @Field(() => String, { nullable: true, description: '会议纪要：出席情况、意见、口径、决议；会议结束时形成，此前为空 (minutes)' })
  minutes: string | null;

  @Field(() => Date, { description: '安排时间 (scheduled at)' })
  createdAt: Date;
}

@Visible(Audience.MEETING_VIEWER)
@ObjectType('MeetingParticipant', { description: '参会人 (participant)' })
export class MeetingParticipantView {
  @Field(() => ID, { description: '唯一标识 (ID)' })
  id: string;

  @Field(() => ParticipantCapacity, { description: '参会身份：参会单位代表会签，其余提出意见 (capacity)' })
  capacity: ParticipantCapacity;

  @Field(() => Boolean, { description: '当前是否在会 (present now)' })
  present: boolean;

  @Field(() => Date, { nullable: true, description: '首次入会时间；从未入会为空 (first joined at)' })
  joinedAt: Date | null;

  @Field(() => Date, { nullable: true, description: '最近一次离会时间 (left at)' })
  leftAt: Date | null;
}

@Visible(Audience.MEETING_VIEWER)
@ObjectType('AgendaItem', { description: '议题：列入会议的一个事项 (agenda item)' })
export class AgendaItemView {
  @Field(() => ID, { description: '唯一标识 (ID)' })
  id: string;

  @Field(() => String, { nullable: true, description: '议题说明 (note)' })
  note: string | null;

  @Field(() => AgendaItemStatus, { description: '状态 (status)' })
  status: AgendaItemStatus;
}

@Visible(Audience.MEETING_VIEWER)
@ObjectType('Opinion', { description: '参会人就议题发表的意见 (opinion)' })
export class OpinionView {
  @Field(() => ID, { description: '唯一标识 (ID)' })
  id: string;

  @Field(() => String, { description: '意见内容 (body)' })
  body: string;

  @Field(() => Date, { description: '发表时间 (posted at)' })
  createdAt: Date;
}

@Visible(Audience.MEETING_VIEWER)
@ObjectType('SignOff', { description: '会签：一个参会单位同意当前口径草案 (sign-off)' })
export class SignOffView {
  @Field(() => Date, { description: '会签时间 (signed at)' })
  at: Date;
}

/** An agenda item's resolution, cut from the item's columns. */
export interface Resolution {
  decision: string;
  responsibleUnitId: string | null;
  dueAt: Date | null;
}

@Visible(Audience.MEETING_VIEWER)
@ObjectType('Resolution', { description: '决议 (resolution)' })
export class ResolutionView {
  @Field(() => String, { description: '决议内容 (decision)' })
  decision: string;

  @Field(() => Date, { nullable: true, description: '办理期限：指定责任单位时，由决议当日起算 (due at)' })
  dueAt: Date | null;
}

@Visible(Audience.MEETING_VIEWER)
@ObjectType({ description: '联席会议列表中的一条 (joint meeting edge)' })
export class JointMeetingEdge {
  @Field(() => String, { description: '游标（不透明）' })
  cursor: string;

  @Field(() => JointMeetingView, { description: '联席会议' })
  node: JointMeeting;
}

@Visible(Audience.SIGNED_IN)
@ObjectType({ description: '联席会议分页列表 (joint meeting connection)' })
export class JointMeetingConnection {
  @Field(() => Int, { description: '当前用户可见的会议总数' })
  totalCount: number;

  @Field(() => PageInfo, { description: '分页信息' })
  pageInfo: PageInfo;

  @Field(() => [JointMeetingEdge], { description: '本页条目' })
  edges: JointMeetingEdge[];
}

/** One step of a meeting as a subscriber receives it; the fields are resolved with the subscriber's permissions. */
@Visible(Audience.MEETING_VIEWER)
@ObjectType({ description: '联席会议事件：只推送给参会人和召集机关工作人员 (joint meeting event)' })
export class JointMeetingEvent {
  @Field(() => JointMeetingEventType, { description: '事件类型' })
  type: JointMeetingEventType;

  @Field(() => Date, { description: '发生时间' })
  at: Date;

  meetingId: string;
  agendaItemId: string | null;
  opinionId: string | null;
  participantId: string | null;
}
