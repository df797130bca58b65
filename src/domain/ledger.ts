import { CaseStatus } from './case-workflow';
import { AssignmentMode, AssignmentRole, CaseChannel, Outcome } from '../entities/case-enums';
import { localDateOf } from './office-time';

/** The columns of the ledger (电子台帐), in order. */
export const LEDGER_COLUMNS = [
  '编号',
  '收到日期',
  '渠道',
  '问题类别',
  '内容摘要',
  '信访人',
  '身份证号',
  '联系电话',
  '上级批转',
  '状态',
  '承办单位（方式）',
  '办理期限',
  '督办次数',
  '办理结果',
  '答复日期',
  '答复结果',
  '责任领导及经办人',
] as const;

export const CHANNEL_LABEL: Record<CaseChannel, string> = { LETTER: '来信', ONLINE: '网上来信', VISIT: '来访', PHONE: '电话' };
export const STATUS_LABEL: Record<CaseStatus, string> = {
  REGISTERED: '已登记',
  ACCEPTED: '已受理',
  DECLINED: '不予受理',
  ARCHIVED: '存查',
  ASSIGNED: '已交转办',
  RESULT_REPORTED: '已报结果',
  REPLIED: '已答复',
  CLOSED: '已办结',
  UNDER_REVIEW: '复查复核中',
};
export const MODE_LABEL: Record<AssignmentMode, string> = { TRANSFER: '转办', ASSIGN: '交办' };
export const ROLE_LABEL: Record<AssignmentRole, string> = { LEAD: '主办', ASSIST: '协办' };
export const OUTCOME_LABEL: Record<Outcome, string> = { SUPPORTED: '予以支持', EXPLAINED: '解释说明', NOT_SUPPORTED: '不予支持', MEDIATED: '调解和解' };

/** One case as the ledger prints it, already masked for the viewer. */
export interface LedgerCase {
  serialNo: string;
  receivedAt: Date;
  channel: CaseChannel;
  category: string;
  summary: string;
  status: CaseStatus;
  referredFrom: string | null;
  petitioners: Array<{ name: string; idNumberMasked: string | null; phone: string | null }>;
  assignments: Array<{
    unit: string;
    mode: AssignmentMode;
    role: AssignmentRole;
    dueAt: Date;
    outcome: Outcome | null;
    supervisions: number;
    /** 落实到人: the unit's responsible leader (with title) and handler, where named. */
    leader?: { name: string; title: string | null } | null;
    handler?: string | null;
  }>;
  lastReply: { repliedAt: Date; outcome: Outcome } | null;
}

/** The ledger row of a case: one cell per column, dates in office time, several values joined with `；`. */
export function ledgerRow(c: LedgerCase, timeZone: string): string[] {
  const join = (xs: Array<string | null>) => xs.filter((x): x is string => !!x).join('；');
  return [
    c.serialNo,
    localDateOf(c.receivedAt, timeZone),
    CHANNEL_LABEL[c.channel],
    c.category,
    c.summary,
    join(c.petitioners.map((p) => p.name)),
    join(c.petitioners.map((p) => p.idNumberMasked)),
    join(c.petitioners.map((p) => p.phone)),
    c.referredFrom ?? '',
    STATUS_LABEL[c.status],
    join(c.assignments.map((a) => `${a.unit}（${MODE_LABEL[a.mode]}·${ROLE_LABEL[a.role]}）`)),
    join(c.assignments.map((a) => localDateOf(a.dueAt, timeZone))),
    String(c.assignments.reduce((sum, a) => sum + a.supervisions, 0)),
    join(c.assignments.map((a) => (a.outcome ? `${a.unit}：${OUTCOME_LABEL[a.outcome]}` : null))),
    c.lastReply ? localDateOf(c.lastReply.repliedAt, timeZone) : '',
    c.lastReply ? OUTCOME_LABEL[c.lastReply.outcome] : '',
    join(c.assignments.map(responsiblesCell)),
  ];
}

/** One unit's responsibles as the ledger prints them: `某县人民法院：张院长（副院长）/李经办`; null when none is named. */
function responsiblesCell(a: LedgerCase['assignments'][number]): string | null {
  if (!a.leader && !a.handler) return null;
  const leader = a.leader ? `${a.leader.name}${a.leader.title ? `（${a.leader.title}）` : ''}` : '未明确';
  return `${a.unit}：${leader}/${a.handler ?? '未明确'}`;
}
