import type { RequestContext } from '../context/request-context';
import { localDateOf, startOfLocalDay } from '../domain/office-time';
import { Assignment } from '../entities/assignment.entity';
import { Case } from '../entities/case.entity';
import { CaseChannel, CaseType, SupervisionKind } from '../entities/case-enums';
import { User } from '../entities/user.entity';

const HOUR = 3_600_000;

/**
 * The office's own duties in the demo county: today's reception day (领导接访) of the county's leader with a group
 * visit received at it (which raises a flash report, 快报) and a single visitor; a key case in the leader's personal
 * charge (领导包案) under the leader's supervision; the court's responsible leader and handler named on its
 * assignment (落实到人), the other units' still missing; and a case the office flagged urgent.
 */
export async function seedDemoDuties(as: (username: string) => RequestContext, timeZone: string): Promise<void> {
  const registrar = as('registrar');
  const leader = as('leader');
  const court = as('court-liaison');
  const step = <T>(ctx: RequestContext, work: () => Promise<T>) => ctx.transaction(work);
  const now = Date.now();

  // the reception day began two hours ago (or at the start of today, office time, if that is later) and runs ten hours
  const startsAt = new Date(Math.max(now - 2 * HOUR, startOfLocalDay(localDateOf(new Date(now), timeZone), timeZone).getTime()));
  const session = await step(registrar, () =>
    registrar.services.receptions.schedule(registrar, { leaderId: leader.user!.id, startsAt, endsAt: new Date(startsAt.getTime() + 10 * HOUR), place: '示范县人大常委会信访接待室' }),
  );
  const visit = (minutesAgo: number, summary: string, names: string[], personCount: number) =>
    step(registrar, () =>
      registrar.services.cases.register(registrar, {
        channel: CaseChannel.VISIT,
        caseType: CaseType.CLAIM,
        receivedAt: new Date(Math.max(startsAt.getTime(), now - minutesAgo * 60_000)),
        category: '城乡建设',
        summary,
        content: `${summary}。（示范数据：领导接访日）`,
        petitioners: names.map((name) => ({ name })),
        personCount,
        receptionId: session.id,
      }),
    );
  await visit(60, '集体来访反映安置房延期交付', ['安置户甲', '安置户乙', '安置户丙'], 8);
  await visit(30, '来访反映小区电梯长期停用', ['业主丁'], 1);

  const cases = await registrar.repo(Case).find();
  const bySummary = (summary: string) => cases.find((c) => c.summary === summary)!;

  // 领导包案 on the long-running land dispute, and the leader's own supervision of it
  const landDispute = bySummary('反映宅基地确权纠纷长期未解决');
  await step(leader, () => leader.services.cases.takeCharge(leader, landDispute.id));
  const [landAssignment] = await registrar.repo(Assignment).find({ where: { caseId: landDispute.id } });
  await step(registrar, () =>
    registrar.services.assignments.supervise(registrar, { assignmentId: landAssignment.id, kind: SupervisionKind.LEADER, note: '李主任包案督办：请本周内报送办理方案' }),
  );

  // 落实到人: the court names its leader and its liaison as handler on the case it is handling
  const courtCase = bySummary('反映某案件久拖不决');
  const [courtAssignment] = await registrar.repo(Assignment).find({ where: { caseId: courtCase.id } });
  const liaison = await registrar.repo(User).findOneByOrFail({ username: 'court-liaison' });
  await step(court, () =>
    court.services.assignments.nameResponsibles(court, { assignmentId: courtAssignment.id, leaderName: '孙副院长', leaderTitle: '副院长', handlerId: liaison.id }),
  );

  // a case the office flagged urgent (快报)
  const urgent = bySummary('来电反映工伤认定进度缓慢');
  await step(registrar, () => registrar.services.cases.flagUrgent(registrar, urgent.id, '信访人生活困难，情绪激动，需领导即时掌握'));
}
