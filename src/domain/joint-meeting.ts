import { Outcome } from '../entities/case-enums';
import { AgendaItemStatus, MeetingStatus, ParticipantCapacity } from '../entities/joint-meeting-enums';
import { WordingStatus } from '../entities/reply-wording.entity';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';

/** Steps a meeting takes, each allowed from the listed states. */
const MEETING_STEPS = {
  START: { from: [MeetingStatus.SCHEDULED], to: MeetingStatus.IN_SESSION, label: '开始会议' },
  CONCLUDE: { from: [MeetingStatus.IN_SESSION], to: MeetingStatus.CONCLUDED, label: '结束会议' },
  CANCEL: { from: [MeetingStatus.SCHEDULED, MeetingStatus.IN_SESSION], to: MeetingStatus.CANCELLED, label: '取消会议' },
} as const;

export type MeetingStep = keyof typeof MEETING_STEPS;

export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  SCHEDULED: '已安排',
  IN_SESSION: '进行中',
  CONCLUDED: '已结束',
  CANCELLED: '已取消',
};

/**
 * The state a step leads to. Concluding a meeting that is not in session is `MEETING_NOT_IN_SESSION` like every
 * other in-session act; starting or cancelling from the wrong state is `INVALID_TRANSITION`.
 */
export function nextMeetingStatus(current: MeetingStatus, step: MeetingStep): MeetingStatus {
  const rule = MEETING_STEPS[step];
  if ((rule.from as readonly MeetingStatus[]).includes(current)) return rule.to;
  if (step === 'CONCLUDE') assertInSession(current);
  throw new DomainError(ErrorCode.INVALID_TRANSITION, `会议${MEETING_STATUS_LABELS[current]}，不能${rule.label}`, 'id', { currentState: current, requestedAction: step });
}

/** Joining, leaving, opinions, proposals, sign-offs and resolutions happen only while the meeting is in session. */
export function assertInSession(status: MeetingStatus): void {
  if (status !== MeetingStatus.IN_SESSION) {
    throw new DomainError(ErrorCode.MEETING_NOT_IN_SESSION, `联席会议${MEETING_STATUS_LABELS[status]}，不在进行中`, undefined, { currentState: status });
  }
}

const ITEM_LABELS: Record<AgendaItemStatus, string> = { OPEN: '待议', SIGNING: '会签中', AGREED: '已会签', RESOLVED: '已决议' };

/** A new proposal may be put on an item not yet agreed or resolved (it replaces any earlier draft). */
export function assertMayPropose(status: AgendaItemStatus): void {
  if (status !== AgendaItemStatus.OPEN && status !== AgendaItemStatus.SIGNING) {
    throw new DomainError(ErrorCode.INVALID_TRANSITION, `议题${ITEM_LABELS[status]}，不能再提出口径草案`, 'agendaItemId', { currentState: status, requestedAction: 'PROPOSE' });
  }
}

/** Sign-offs are given while a proposal awaits them. */
export function assertMaySignOff(status: AgendaItemStatus): void {
  if (status !== AgendaItemStatus.SIGNING) {
    throw new DomainError(ErrorCode.INVALID_TRANSITION, `议题${ITEM_LABELS[status]}，没有待会签的口径草案`, 'agendaItemId', { currentState: status, requestedAction: 'SIGN_OFF' });
  }
}

/**
 * An item is resolved once: after its wording is agreed, or directly when the meeting decides without one. A
 * proposal still awaiting sign-offs must be agreed (or withdrawn by a new proposal) first.
 */
export function assertMayResolve(status: AgendaItemStatus): void {
  if (status !== AgendaItemStatus.OPEN && status !== AgendaItemStatus.AGREED) {
    throw new DomainError(ErrorCode.INVALID_TRANSITION, `议题${ITEM_LABELS[status]}，不能形成决议`, 'agendaItemId', { currentState: status, requestedAction: 'RESOLVE' });
  }
}

/** The bodies that have still to sign the proposal now on the table. */
export function pendingBodies(bodies: readonly string[], signedUnitIds: readonly string[]): string[] {
  return bodies.filter((u) => !signedUnitIds.includes(u));
}

const CAPACITY_LABELS: Record<ParticipantCapacity, string> = { OFFICE: '召集单位', BODY: '参会单位', DEPUTY: '人大代表', LEGAL_WORKER: '法制工作者' };
const OUTCOME_LABELS: Record<Outcome, string> = { SUPPORTED: '予以支持', EXPLAINED: '解释说明', NOT_SUPPORTED: '不予支持', MEDIATED: '调解和解' };
const WORDING_LABELS: Record<WordingStatus, string> = { DRAFT: '草案，未获全部会签', APPROVED: '已批准', SUPERSEDED: '已被新版本取代' };
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const chineseOrdinal = (i: number) => (i < 10 ? NUMERALS[i] : String(i + 1));
/** Multi-line text on one line of the minutes, so that no paragraph of it can pass for a heading. */
const oneLine = (s: string) => s.trim().replace(/\s*\n\s*/g, ' ');

/** Everything the minutes say, with names already looked up. */
export interface MinutesFacts {
  title: string;
  convener: string;
  location: string | null;
  startedAt: Date | null;
  endedAt: Date;
  timeZone: string;
  participants: Array<{ name: string; unit: string; capacity: ParticipantCapacity; attended: boolean }>;
  items: Array<{
    matterTitle: string;
    note: string | null;
    opinions: Array<{ author: string; unit: string | null; body: string }>;
    wording: { version: number; status: WordingStatus; outcome: Outcome; body: string; coreStatements: string[]; signedBy: string[] } | null;
    resolution: { decision: string; responsibleUnit: string | null; dueAt: Date | null } | null;
  }>;
}

/** `YYYY-MM-DD HH:mm` in the office time zone. */
export function officeDateTime(instant: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** Section headings of the minutes start with a Chinese ordinal and 、 (一、 二、 …); the document export relies on it. */
export const MINUTES_HEADING = /^[一二三四五六七八九十]+、/;

/**
 * 会议纪要: attendance, then each agenda item with its opinions, its wording and its resolution. Plain text with
 * one statement per line: the first line is the title and section headings follow `MINUTES_HEADING`.
 */
export function composeMinutes(f: MinutesFacts): string {
  const at = (d: Date) => officeDateTime(d, f.timeZone);
  const lines: string[] = [`${f.title}会议纪要`, `召集单位：${f.convener}`, `时间：${f.startedAt ? at(f.startedAt) : '—'} 至 ${at(f.endedAt)}`];
  if (f.location) lines.push(`地点：${f.location}`);
  const who = (p: MinutesFacts['participants'][number]) => `${p.name}（${p.unit}，${CAPACITY_LABELS[p.capacity]}）`;
  const present = f.participants.filter((p) => p.attended);
  const absent = f.participants.filter((p) => !p.attended);
  lines.push('一、出席情况', `出席：${present.length ? present.map(who).join('；') : '无'}`, `缺席：${absent.length ? absent.map(who).join('；') : '无'}`);
  lines.push('二、议题');
  f.items.forEach((item, i) => {
    lines.push(`（${chineseOrdinal(i)}）${item.matterTitle}`);
    if (item.note) lines.push(`说明：${oneLine(item.note)}`);
    if (item.opinions.length) for (const o of item.opinions) lines.push(`意见：${o.author}${o.unit ? `（${o.unit}）` : ''}：${oneLine(o.body)}`);
    else lines.push('意见：无');
    if (item.wording) {
      const w = item.wording;
      lines.push(`答复口径：第 ${w.version} 版，${WORDING_LABELS[w.status]}，处理结果${OUTCOME_LABELS[w.outcome]}`, `口径正文：${oneLine(w.body)}`);
      w.coreStatements.forEach((s, k) => lines.push(`核心表述 ${k + 1}：${s}`));
      lines.push(`会签单位：${w.signedBy.length ? w.signedBy.join('、') : '无'}`);
    } else {
      lines.push('答复口径：未提出');
    }
    if (item.resolution) {
      const r = item.resolution;
      lines.push(`决议：${oneLine(r.decision)}`);
      if (r.responsibleUnit) lines.push(`责任单位：${r.responsibleUnit}${r.dueAt ? `，办理期限 ${at(r.dueAt)}` : ''}`);
    } else {
      lines.push('决议：未形成');
    }
  });
  if (!f.items.length) lines.push('无');
  return lines.join('\n');
}
