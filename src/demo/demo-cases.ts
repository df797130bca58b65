import type { AppRuntime } from '../app-runtime';
import { RequestContext } from '../context/request-context';
import { Assignment } from '../entities/assignment.entity';
import { AssignmentMode, CaseChannel, CaseType, Outcome, ReplyMethod, Satisfaction, SupervisionKind } from '../entities/case-enums';
import { Case } from '../entities/case.entity';
import { User } from '../entities/user.entity';
import { seedDemoMeeting } from './demo-meeting';
import { seedDemoDuties } from './demo-duties';

type Stage = 'REGISTERED' | 'ACCEPTED' | 'DECLINED' | 'ARCHIVED' | 'ASSIGNED' | 'OVERDUE' | 'RESULT_REPORTED' | 'REPLIED' | 'CLOSED' | 'UNDER_REVIEW';

interface DemoCase {
  stage: Stage;
  channel: CaseChannel;
  caseType: CaseType;
  category: string;
  summary: string;
  daysAgo: number;
  unit?: string;
  mode?: AssignmentMode;
  personCount?: number;
  isKey?: boolean;
  isDifficult?: boolean;
  isTypical?: boolean;
}

const L = CaseChannel.LETTER;
const O = CaseChannel.ONLINE;
const V = CaseChannel.VISIT;
const P = CaseChannel.PHONE;
const CLAIM = CaseType.CLAIM;
const SUG = CaseType.SUGGESTION;

/**
 * A year of the county's petitions, in every state the workflow knows. Typical, key and difficult cases are spread
 * over the months so that this quarter's bulletin and the last one's both have some to show, whatever the date.
 */
const CASES: DemoCase[] = [
  { stage: 'REGISTERED', channel: L, caseType: CLAIM, category: '土地征收', summary: '反映某村征地补偿标准偏低', daysAgo: 2, isDifficult: true },
  { stage: 'REGISTERED', channel: O, caseType: SUG, category: '城乡建设', summary: '建议增设某镇公交线路', daysAgo: 1 },
  { stage: 'REGISTERED', channel: P, caseType: CLAIM, category: '劳动社保', summary: '来电反映工伤认定进度缓慢', daysAgo: 0, isTypical: true, isDifficult: true },
  { stage: 'ACCEPTED', channel: L, caseType: CLAIM, category: '涉法涉诉', summary: '对某民事判决执行不到位有异议', daysAgo: 6 },
  { stage: 'ACCEPTED', channel: V, caseType: CLAIM, category: '劳动社保', summary: '集体来访反映工资拖欠', daysAgo: 5, personCount: 12, isTypical: true },
  { stage: 'DECLINED', channel: L, caseType: CLAIM, category: '涉法涉诉', summary: '要求改变已生效刑事判决（属司法程序）', daysAgo: 40 },
  { stage: 'DECLINED', channel: O, caseType: SUG, category: '其他', summary: '内容不明确，无法联系信访人', daysAgo: 90 },
  { stage: 'ARCHIVED', channel: L, caseType: SUG, category: '教育', summary: '对学区划分提出意见（已另案处理）', daysAgo: 120 },
  { stage: 'ARCHIVED', channel: O, caseType: SUG, category: '环境保护', summary: '重复反映某厂噪声问题', daysAgo: 75 },
  { stage: 'ASSIGNED', channel: L, caseType: CLAIM, category: '涉法涉诉', summary: '反映某案件久拖不决', daysAgo: 20, unit: 'demo-county-court', mode: AssignmentMode.ASSIGN, isKey: true },
  { stage: 'ASSIGNED', channel: V, caseType: CLAIM, category: '城乡建设', summary: '反映小区违建未查处', daysAgo: 15, unit: 'demo-county-housing', mode: AssignmentMode.TRANSFER, personCount: 3 },
  { stage: 'ASSIGNED', channel: O, caseType: CLAIM, category: '劳动社保', summary: '反映养老保险待遇核定有误', daysAgo: 12, unit: 'demo-county-hrss', mode: AssignmentMode.ASSIGN },
  { stage: 'OVERDUE', channel: L, caseType: CLAIM, category: '土地征收', summary: '反映宅基地确权纠纷长期未解决', daysAgo: 95, unit: 'demo-county-land', mode: AssignmentMode.ASSIGN, isKey: true },
  { stage: 'OVERDUE', channel: L, caseType: CLAIM, category: '涉法涉诉', summary: '反映检察监督申请未获答复', daysAgo: 80, unit: 'demo-county-proc', mode: AssignmentMode.ASSIGN },
  { stage: 'RESULT_REPORTED', channel: L, caseType: CLAIM, category: '劳动社保', summary: '反映失业金发放延误', daysAgo: 35, unit: 'demo-county-hrss', mode: AssignmentMode.ASSIGN },
  { stage: 'RESULT_REPORTED', channel: V, caseType: CLAIM, category: '涉法涉诉', summary: '反映执行款未到账', daysAgo: 30, unit: 'demo-county-court', mode: AssignmentMode.ASSIGN, personCount: 2 },
  { stage: 'REPLIED', channel: O, caseType: CLAIM, category: '城乡建设', summary: '反映老旧小区改造质量问题', daysAgo: 50, unit: 'demo-county-housing', mode: AssignmentMode.TRANSFER, isTypical: true },
  { stage: 'REPLIED', channel: L, caseType: CLAIM, category: '土地征收', summary: '反映青苗补偿未发放', daysAgo: 45, unit: 'demo-county-land', mode: AssignmentMode.ASSIGN, isDifficult: true },
  { stage: 'CLOSED', channel: L, caseType: CLAIM, category: '土地征收', summary: '反映征地补偿款未足额发放', daysAgo: 200, unit: 'demo-county-land', mode: AssignmentMode.ASSIGN, isTypical: true },
  { stage: 'CLOSED', channel: V, caseType: CLAIM, category: '劳动社保', summary: '集体来访反映企业欠薪', daysAgo: 180, unit: 'demo-county-hrss', mode: AssignmentMode.ASSIGN, personCount: 25, isTypical: true },
  { stage: 'CLOSED', channel: O, caseType: SUG, category: '交通', summary: '建议在某路口增设红绿灯', daysAgo: 160, unit: 'demo-county-gov', mode: AssignmentMode.TRANSFER },
  { stage: 'CLOSED', channel: L, caseType: CLAIM, category: '涉法涉诉', summary: '反映法官接待态度问题', daysAgo: 150, unit: 'demo-county-court', mode: AssignmentMode.ASSIGN },
  { stage: 'CLOSED', channel: P, caseType: CLAIM, category: '城乡建设', summary: '来电反映供暖不达标', daysAgo: 300, unit: 'demo-county-housing', mode: AssignmentMode.TRANSFER },
  { stage: 'CLOSED', channel: L, caseType: CLAIM, category: '劳动社保', summary: '反映医保报销比例问题', daysAgo: 250, unit: 'demo-county-hrss', mode: AssignmentMode.ASSIGN },
  { stage: 'UNDER_REVIEW', channel: L, caseType: CLAIM, category: '土地征收', summary: '对征地补偿答复不服申请复查', daysAgo: 100, unit: 'demo-county-land', mode: AssignmentMode.ASSIGN, isTypical: true },
  { stage: 'UNDER_REVIEW', channel: V, caseType: CLAIM, category: '涉法涉诉', summary: '对执行答复不服申请复查', daysAgo: 110, unit: 'demo-county-court', mode: AssignmentMode.ASSIGN, isDifficult: true },
];

const NAMES = ['张三', '李四', '王五', '赵六', '钱七', '孙八', '周九', '吴十', '郑一', '陈二'];
const ID_NUMBERS = ['11010519491231002X', '110101199003077619'];

/** Loads the demo county's cases through the same services the API uses, as the people who would act. */
export async function seedDemoCases(runtime: AppRuntime, unitIds: Record<string, string>): Promise<void> {
  const users = await runtime.db.dataSource.getRepository(User).find();
  const as = (username: string) => {
    const user = users.find((u) => u.username === username)!;
    return new RequestContext(runtime, { user }, `demo-${username}`, 'local', runtime.logger.child({ demo: username }));
  };
  const registrar = as('registrar');
  const leader = as('leader');
  const actorFor = (unitCode: string) =>
    as(({ 'demo-county-court': 'court-liaison', 'demo-county-proc': 'proc-liaison', 'demo-county-gov': 'gov-liaison', 'demo-county-land': 'land-handler', 'demo-county-hrss': 'hr-handler', 'demo-county-housing': 'housing-handler' } as Record<string, string>)[unitCode]);
  const step = <T>(ctx: RequestContext, work: () => Promise<T>) => ctx.transaction(work);
  const ago = (days: number) => new Date(Date.now() - days * 86_400_000 - 3600_000);

  for (const [i, d] of CASES.entries()) {
    const c = await step(registrar, () =>
      registrar.services.cases.register(registrar, {
        channel: d.channel,
        caseType: d.caseType,
        receivedAt: ago(d.daysAgo),
        category: d.category,
        summary: d.summary,
        content: `${d.summary}。（示范数据）`,
        petitioners: [{ name: NAMES[i % NAMES.length], idNumber: i % 5 === 0 ? ID_NUMBERS[i % 2] : undefined, phone: `1380013${String(8000 + i).padStart(4, '0')}` }],
        personCount: d.personCount,
        isKey: d.isKey,
        isDifficult: d.isDifficult,
        isTypical: d.isTypical,
      }),
    );
    if (d.stage === 'REGISTERED') continue;
    if (d.stage === 'DECLINED') {
      await step(registrar, () => registrar.services.cases.decline(registrar, c.id, '不属于人大信访受理范围，已告知信访人向有关机关反映'));
      continue;
    }
    if (d.stage === 'ARCHIVED') {
      await step(registrar, () => registrar.services.cases.archive(registrar, c.id, '已另案处理，存查备考'));
      continue;
    }
    await step(registrar, () => registrar.services.cases.accept(registrar, c.id));
    if (d.stage === 'ACCEPTED' || !d.unit) continue;
    if (d.isKey) {
      await step(registrar, () => registrar.services.cases.requestInstruction(registrar, c.id, leader.user!.id));
      await step(leader, () => leader.services.cases.instruct(leader, c.id, '列为重点件，请承办单位按期办结并报告结果。'));
    }
    const a = await step(registrar, () =>
      registrar.services.assignments.assign(registrar, { caseId: c.id, unitId: unitIds[d.unit!], mode: d.mode!, role: undefined as never, dueInDays: 60 }),
    );
    const unit = actorFor(d.unit);
    await step(unit, () => unit.services.assignments.accept(unit, a.id));
    if (d.stage === 'OVERDUE') {
      // an assignment made long ago and never answered: overdue, and chased
      await runtime.db.dataSource.getRepository(Assignment).update({ id: a.id }, { assignedAt: ago(d.daysAgo - 1), dueAt: ago(d.daysAgo - 61) });
      await step(registrar, () => registrar.services.assignments.supervise(registrar, { assignmentId: a.id, kind: SupervisionKind.PHONE, note: '电话催办：已逾期，请尽快报送结果' }));
      await step(leader, () => leader.services.assignments.supervise(leader, { assignmentId: a.id, kind: SupervisionKind.LISTED, note: '挂牌督办' }));
      continue;
    }
    if (d.stage === 'ASSIGNED') continue;
    const outcome = i % 3 === 0 ? Outcome.SUPPORTED : Outcome.EXPLAINED;
    if (d.mode === AssignmentMode.ASSIGN) {
      await step(unit, () => unit.services.assignments.reportResult(unit, { assignmentId: a.id, outcome, report: `经调查核实，${d.summary.replace(/^反映/, '')}问题已依法处理。` }));
      if (d.stage === 'RESULT_REPORTED') continue;
      await step(registrar, () => registrar.services.assignments.reviewResult(registrar, a.id, true, '同意'));
    }
    await step(unit, () => unit.services.cases.reply(unit, { caseId: c.id, method: ReplyMethod.WRITTEN, outcome, body: `${NAMES[i % NAMES.length]}：您反映的问题已办理，现答复如下……特此答复。` }));
    if (d.stage === 'REPLIED') continue;
    await step(registrar, () => registrar.services.cases.close(registrar, c.id, i % 2 ? Satisfaction.SATISFIED : Satisfaction.BASICALLY_SATISFIED));
    if (d.stage === 'UNDER_REVIEW') await step(registrar, () => registrar.services.cases.reopen(registrar, c.id, '信访人对答复不服，申请复查'));
  }

  // a referral from the city congress (批转), now being handled in the county
  const city = as('city-viewer');
  const upper = await step(city, () =>
    city.services.cases.register(city, {
      channel: L,
      caseType: CLAIM,
      receivedAt: ago(10),
      category: '土地征收',
      summary: '向市人大反映县里征地补偿问题',
      content: '市人大收到的来信，批转县人大办理。（示范数据）',
      petitioners: [{ name: '刘某', phone: '13900139000' }],
    }),
  );
  await step(city, () => city.services.cases.accept(city, upper.id));
  const lower = await step(city, () => city.services.cases.refer(city, { caseId: upper.id, toUnitId: unitIds['demo-county-rd'], note: '请依法办理并报告结果' }));
  await step(registrar, () => registrar.services.cases.accept(registrar, lower.id));
  await seedDemoMeeting(as);
  await seedDemoDuties(as, runtime.config.officeTimeZone);
}

/** How many demo cases there are, for the start-up log. */
export async function countCases(runtime: AppRuntime): Promise<number> {
  return runtime.db.dataSource.getRepository(Case).count();
}
