import { registerEnumType } from 'type-graphql';

/** A joint meeting's states: SCHEDULED → IN_SESSION → CONCLUDED, or CANCELLED before it concludes. */
export enum MeetingStatus {
  SCHEDULED = 'SCHEDULED',
  IN_SESSION = 'IN_SESSION',
  CONCLUDED = 'CONCLUDED',
  CANCELLED = 'CANCELLED',
}

/** An agenda item's states: OPEN → SIGNING (a proposal exists) → AGREED (wording approved) → RESOLVED. */
export enum AgendaItemStatus {
  OPEN = 'OPEN',
  SIGNING = 'SIGNING',
  AGREED = 'AGREED',
  RESOLVED = 'RESOLVED',
}

/**
 * In what capacity a participant attends: a participating body signs off wordings; the convening office, deputies
 * and legal workers advise but do not sign.
 */
export enum ParticipantCapacity {
  OFFICE = 'OFFICE',
  BODY = 'BODY',
  DEPUTY = 'DEPUTY',
  LEGAL_WORKER = 'LEGAL_WORKER',
}

/** What happened at a meeting, as audited and pushed to its participants. */
export enum JointMeetingEventType {
  SCHEDULED = 'SCHEDULED',
  STARTED = 'STARTED',
  PARTICIPANT_JOINED = 'PARTICIPANT_JOINED',
  PARTICIPANT_LEFT = 'PARTICIPANT_LEFT',
  OPINION_POSTED = 'OPINION_POSTED',
  WORDING_PROPOSED = 'WORDING_PROPOSED',
  SIGNED_OFF = 'SIGNED_OFF',
  WORDING_APPROVED = 'WORDING_APPROVED',
  ITEM_RESOLVED = 'ITEM_RESOLVED',
  CONCLUDED = 'CONCLUDED',
  CANCELLED = 'CANCELLED',
}

registerEnumType(MeetingStatus, {
  name: 'MeetingStatus',
  description: '联席会议状态 (joint meeting status)',
  valuesConfig: {
    SCHEDULED: { description: '已安排，尚未开始 (scheduled)' },
    IN_SESSION: { description: '进行中 (in session)' },
    CONCLUDED: { description: '已结束，纪要已形成 (concluded)' },
    CANCELLED: { description: '已取消 (cancelled)' },
  },
});

registerEnumType(AgendaItemStatus, {
  name: 'AgendaItemStatus',
  description: '议题状态 (agenda item status)',
  valuesConfig: {
    OPEN: { description: '待议 (open)' },
    SIGNING: { description: '口径草案会签中 (a proposed wording awaits the sign-offs)' },
    AGREED: { description: '各参会单位已会签，口径已批准 (wording approved)' },
    RESOLVED: { description: '已形成决议 (resolved)' },
  },
});

registerEnumType(ParticipantCapacity, {
  name: 'ParticipantCapacity',
  description: '参会身份 (capacity in which a participant attends)',
  valuesConfig: {
    OFFICE: { description: '召集会议的人大信访机构工作人员，不会签 (convening office; does not sign)' },
    BODY: { description: '参会单位（政府、政府部门、法院、检察院）的代表，代表本单位会签 (participating body; signs off)' },
    DEPUTY: { description: '人大代表，提出意见，不会签 (deputy; advises)' },
    LEGAL_WORKER: { description: '法制工作者，提出意见，不会签 (legal worker; advises)' },
  },
});

registerEnumType(JointMeetingEventType, {
  name: 'JointMeetingEventType',
  description: '联席会议事件类型 (joint meeting event type)',
  valuesConfig: {
    SCHEDULED: { description: '安排会议' },
    STARTED: { description: '会议开始' },
    PARTICIPANT_JOINED: { description: '参会人入会' },
    PARTICIPANT_LEFT: { description: '参会人离会' },
    OPINION_POSTED: { description: '发表意见' },
    WORDING_PROPOSED: { description: '提出口径草案（会签重新开始）' },
    SIGNED_OFF: { description: '参会单位会签' },
    WORDING_APPROVED: { description: '各参会单位均已会签，口径批准' },
    ITEM_RESOLVED: { description: '议题形成决议' },
    CONCLUDED: { description: '会议结束，形成纪要' },
    CANCELLED: { description: '会议取消' },
  },
});
