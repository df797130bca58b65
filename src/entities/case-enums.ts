import { registerEnumType } from 'type-graphql';
import { AssignmentStatus, CaseStatus } from '../domain/case-workflow';
import { DeadlineClock } from '../domain/office-clocks';

export { AssignmentStatus, CaseStatus, DeadlineClock };

export enum CaseChannel {
  LETTER = 'LETTER',
  ONLINE = 'ONLINE',
  VISIT = 'VISIT',
  PHONE = 'PHONE',
}

export enum CaseType {
  SUGGESTION = 'SUGGESTION',
  ACCUSATION = 'ACCUSATION',
  CLAIM = 'CLAIM',
}

export enum AssignmentMode {
  TRANSFER = 'TRANSFER',
  ASSIGN = 'ASSIGN',
}

export enum AssignmentRole {
  LEAD = 'LEAD',
  ASSIST = 'ASSIST',
}

export enum Outcome {
  SUPPORTED = 'SUPPORTED',
  EXPLAINED = 'EXPLAINED',
  NOT_SUPPORTED = 'NOT_SUPPORTED',
  MEDIATED = 'MEDIATED',
}

export enum ReplyMethod {
  WRITTEN = 'WRITTEN',
  IN_PERSON = 'IN_PERSON',
  PHONE = 'PHONE',
  ONLINE = 'ONLINE',
}

export enum Satisfaction {
  SATISFIED = 'SATISFIED',
  BASICALLY_SATISFIED = 'BASICALLY_SATISFIED',
  DISSATISFIED = 'DISSATISFIED',
}

export enum SupervisionKind {
  PHONE = 'PHONE',
  ON_SITE = 'ON_SITE',
  LEADER = 'LEADER',
  LISTED = 'LISTED',
  CIRCULAR = 'CIRCULAR',
}

export enum ExtensionStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}

export enum DeadlineStateEnum {
  ON_TRACK = 'ON_TRACK',
  DUE_SOON = 'DUE_SOON',
  OVERDUE = 'OVERDUE',
  DONE = 'DONE',
  DONE_LATE = 'DONE_LATE',
  ENDED = 'ENDED',
}

export enum CaseEventType {
  REGISTERED = 'REGISTERED',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  ARCHIVED = 'ARCHIVED',
  INSTRUCTION_REQUESTED = 'INSTRUCTION_REQUESTED',
  INSTRUCTED = 'INSTRUCTED',
  ASSIGNED = 'ASSIGNED',
  ASSIGNMENT_ACCEPTED = 'ASSIGNMENT_ACCEPTED',
  ASSIGNMENT_OBJECTED = 'ASSIGNMENT_OBJECTED',
  ASSIGNMENT_CANCELLED = 'ASSIGNMENT_CANCELLED',
  EXTENSION_REQUESTED = 'EXTENSION_REQUESTED',
  EXTENSION_DECIDED = 'EXTENSION_DECIDED',
  SUPERVISED = 'SUPERVISED',
  SUPERVISION_ANSWERED = 'SUPERVISION_ANSWERED',
  HEARING_STARTED = 'HEARING_STARTED',
  HEARING_ENDED = 'HEARING_ENDED',
  RESULT_REPORTED = 'RESULT_REPORTED',
  RESULT_REVIEWED = 'RESULT_REVIEWED',
  REPLIED = 'REPLIED',
  CLOSED = 'CLOSED',
  REOPENED = 'REOPENED',
  RATED = 'RATED',
  REFERRED = 'REFERRED',
  MATTER_LINKED = 'MATTER_LINKED',
  RESPONSIBLES_NAMED = 'RESPONSIBLES_NAMED',
  CHARGE_TAKEN = 'CHARGE_TAKEN',
  FLAGGED_URGENT = 'FLAGGED_URGENT',
  CONTENT_EDITED = 'CONTENT_EDITED',
}

/** 快报: why a case was reported to the leaders at once. */
export enum FlashReportKind {
  GROUP_VISIT = 'GROUP_VISIT',
  URGENT = 'URGENT',
}

const d = (description: string) => ({ description });

registerEnumType(CaseStatus, {
  name: 'CaseStatus',
  description: '信访件状态 (case status)',
  valuesConfig: {
    REGISTERED: d('已登记：有访必接，有信必登 (registered)'),
    ACCEPTED: d('已受理 (accepted)'),
    DECLINED: d('不予受理 (declined)'),
    ARCHIVED: d('存查 (filed for reference)'),
    ASSIGNED: d('已交办/转办，至少一个承办单位在办 (assigned)'),
    RESULT_REPORTED: d('主办单位已报送办理结果 (result reported)'),
    REPLIED: d('已答复信访人 (replied)'),
    CLOSED: d('已办结 (closed)'),
    UNDER_REVIEW: d('复查/复核中 (under review at the petitioner\'s request)'),
  },
});
registerEnumType(AssignmentStatus, {
  name: 'AssignmentStatus',
  description: '交办件状态 (assignment status)',
  valuesConfig: {
    PENDING: d('待签收 (pending)'),
    IN_PROGRESS: d('已签收，办理中 (in progress)'),
    OBJECTED: d('承办单位提出异议，已退回 (objected)'),
    REPORTED: d('已报送办理结果 (result reported)'),
    COMPLETED: d('已办结 (completed)'),
    CANCELLED: d('已撤销 (cancelled)'),
  },
});
registerEnumType(CaseChannel, {
  name: 'CaseChannel',
  description: '来源渠道 (intake channel)',
  valuesConfig: { LETTER: d('来信 (letter)'), ONLINE: d('网上来信 (online letter)'), VISIT: d('来访 (visit)'), PHONE: d('来电 (phone)') },
});
registerEnumType(CaseType, {
  name: 'CaseType',
  description: '信访事项类别 (petition type)',
  valuesConfig: { SUGGESTION: d('建议意见 (suggestion)'), ACCUSATION: d('检举控告 (accusation)'), CLAIM: d('申诉求决 (claim / appeal)') },
});
registerEnumType(AssignmentMode, {
  name: 'AssignmentMode',
  description: '交转办方式 (routing mode)',
  valuesConfig: {
    TRANSFER: d('转办：承办单位办理并直接答复信访人 (transfer)'),
    ASSIGN: d('交办：承办单位办理并在期限内书面报告结果 (assign, with a written result report)'),
  },
});
registerEnumType(AssignmentRole, {
  name: 'AssignmentRole',
  description: '主办或协办 (lead or assisting unit)',
  valuesConfig: { LEAD: d('主办单位 (lead)'), ASSIST: d('协办单位 (assisting)') },
});
registerEnumType(Outcome, {
  name: 'Outcome',
  description: '处理结果 (outcome)',
  valuesConfig: {
    SUPPORTED: d('予以支持 (supported)'),
    EXPLAINED: d('解释说明 (explained)'),
    NOT_SUPPORTED: d('不予支持 (not supported)'),
    MEDIATED: d('调解和解 (mediated)'),
  },
});
registerEnumType(ReplyMethod, {
  name: 'ReplyMethod',
  description: '答复方式 (reply method)',
  valuesConfig: { WRITTEN: d('书面 (written)'), IN_PERSON: d('当面 (in person)'), PHONE: d('电话 (phone)'), ONLINE: d('网上 (online)') },
});
registerEnumType(Satisfaction, {
  name: 'Satisfaction',
  description: '满意度 (satisfaction)',
  valuesConfig: { SATISFIED: d('满意'), BASICALLY_SATISFIED: d('基本满意'), DISSATISFIED: d('不满意') },
});
registerEnumType(SupervisionKind, {
  name: 'SupervisionKind',
  description: '督办方式 (kind of supervision)',
  valuesConfig: {
    PHONE: d('电话催办 (phone reminder)'),
    ON_SITE: d('上门督办 (on-site)'),
    LEADER: d('领导督办 (by a leader)'),
    LISTED: d('挂牌督办 (listed)'),
    CIRCULAR: d('通报 (circular)'),
  },
});
registerEnumType(ExtensionStatus, {
  name: 'ExtensionStatus',
  description: '延期申请状态 (extension status)',
  valuesConfig: { PENDING: d('待审批 (pending)'), APPROVED: d('已批准，期限顺延 (approved)'), REJECTED: d('未批准 (rejected)') },
});
registerEnumType(DeadlineStateEnum, {
  name: 'DeadlineState',
  description: '期限状态，按当前时刻推算 (derived deadline state)',
  valuesConfig: {
    ON_TRACK: d('正常 (on track)'),
    DUE_SOON: d('即将到期：剩余不超过 3 日 (due within 3 days)'),
    OVERDUE: d('已逾期 (overdue)'),
    DONE: d('按期办结 (done on time)'),
    DONE_LATE: d('逾期办结 (done late)'),
    ENDED: d('未出结果即结束（撤销或异议退回）：既非办结也非逾期，不计入按期办结率 (ended without a result)'),
  },
});
registerEnumType(DeadlineClock, {
  name: 'DeadlineClock',
  description: '期限所属的时钟 (which clock a deadline belongs to)',
  valuesConfig: {
    ASSIGNMENT: d('交办件的办理期限：承办单位 (an assignment\'s due date: the handling unit)'),
    INTAKE: d('受理期限：收到后 15 日内受理、不予受理、存查或交办（第 22 条），人大信访机构 (the office\'s 15-day intake clock)'),
    REVIEW: d('复查/复核答复期限：申请后 30 日内答复（第 35–36 条），人大信访机构 (the 30-day clock to answer a review)'),
  },
});
registerEnumType(CaseEventType, {
  name: 'CaseEventType',
  description: '信访件事件/时间线类型 (case event and timeline type)',
  valuesConfig: {
    REGISTERED: d('登记'),
    ACCEPTED: d('受理'),
    DECLINED: d('不予受理'),
    ARCHIVED: d('存查'),
    INSTRUCTION_REQUESTED: d('呈送阅示'),
    INSTRUCTED: d('领导阅批'),
    ASSIGNED: d('交办/转办'),
    ASSIGNMENT_ACCEPTED: d('承办单位签收'),
    ASSIGNMENT_OBJECTED: d('承办单位提出异议'),
    ASSIGNMENT_CANCELLED: d('撤销交办'),
    EXTENSION_REQUESTED: d('申请延期'),
    EXTENSION_DECIDED: d('延期审批'),
    SUPERVISED: d('督办'),
    SUPERVISION_ANSWERED: d('承办单位书面回复督办'),
    HEARING_STARTED: d('听证开始，办理期限暂停'),
    HEARING_ENDED: d('听证结束，办理期限顺延听证天数'),
    RESULT_REPORTED: d('报送办理结果'),
    RESULT_REVIEWED: d('审核办理结果'),
    REPLIED: d('答复信访人'),
    CLOSED: d('办结'),
    REOPENED: d('复查/复核'),
    RATED: d('信访人评价'),
    REFERRED: d('上级人大批转'),
    MATTER_LINKED: d('归入事项'),
    RESPONSIBLES_NAMED: d('承办单位明确责任领导和经办人'),
    CHARGE_TAKEN: d('领导包案'),
    FLAGGED_URGENT: d('标记为紧急件（快报）'),
    CONTENT_EDITED: d('更正分类、摘要或全文'),
  },
});
registerEnumType(FlashReportKind, {
  name: 'FlashReportKind',
  description: '快报类型 (kind of flash report)',
  valuesConfig: {
    GROUP_VISIT: d('集体访：5 人及以上来访，登记时即报 (a visit of 5 or more persons)'),
    URGENT: d('紧急件：信访机构标记并说明理由 (flagged urgent by the office)'),
  },
});
