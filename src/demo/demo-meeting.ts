import type { RequestContext } from '../context/request-context';
import { Case } from '../entities/case.entity';
import { Outcome } from '../entities/case-enums';
import { User } from '../entities/user.entity';

/**
 * A concluded joint meeting on the county's land-compensation petitions: the 一府两院, a deputy and a legal worker,
 * opinions, a wording proposed by the government and signed off by all three bodies (so approved), a resolution,
 * and the minutes. Run through the same services the API uses, as the people who would act.
 */
export async function seedDemoMeeting(as: (username: string) => RequestContext): Promise<void> {
  const registrar = as('registrar');
  const step = <T>(ctx: RequestContext, work: () => Promise<T>) => ctx.transaction(work);
  const act = <T>(who: string, work: (ctx: RequestContext) => Promise<T>) => {
    const ctx = as(who);
    return ctx.transaction(() => work(ctx));
  };
  const land = await registrar.repo(Case).find({ where: { category: '土地征收' }, order: { receivedAt: 'ASC' } });
  const matter = await step(registrar, () =>
    registrar.services.matters.create(registrar, { title: '示范村征地补偿标准', description: '多名村民就同一征地项目的补偿标准信访（示范数据）', caseIds: land.filter((c) => c.congressId === registrar.user!.unitId).map((c) => c.id) }),
  );
  const people = ['court-liaison', 'proc-liaison', 'gov-liaison', 'deputy', 'legal-worker'];
  const users = await registrar.repo(User).find();
  const idOf = (username: string) => users.find((u) => u.username === username)!.id;
  const meeting = await step(registrar, () =>
    registrar.services.meetings.schedule(registrar, {
      title: '示范村征地补偿问题联席会议',
      startsAt: new Date(Date.now() - 7 * 86_400_000),
      location: '示范县人大常委会第一会议室',
      participantIds: people.map(idOf),
      agenda: [{ matterId: matter.id, note: '统一补偿标准的答复口径' }],
    }),
  );
  await step(registrar, () => registrar.services.meetings.start(registrar, meeting.id));
  for (const who of people) await act(who, (ctx) => ctx.services.meetings.join(ctx, meeting.id));
  const [item] = await registrar.services.meetings.agenda(registrar, meeting.id);
  const opinion = (who: string, body: string) => act(who, (ctx) => ctx.services.meetings.postOpinion(ctx, item.id, body));
  await opinion('gov-liaison', '补偿标准执行的是省政府批准的区片综合地价，已足额发放。');
  await opinion('deputy', '群众对标准的来源不清楚，建议答复中说明依据和救济途径。');
  await opinion('legal-worker', '对补偿标准有异议的，可依法申请协调、裁决。');
  await act('gov-liaison', (gov) =>
    gov.services.meetings.proposeWording(gov, {
      agendaItemId: item.id,
      outcome: Outcome.EXPLAINED,
      body: '{{petitionerName}}：您反映的征地补偿问题（编号 {{serialNo}}）已收悉。经县人大常委会联席会议研究，该项目补偿执行省政府批准的区片综合地价，补偿款已足额发放。对补偿标准有异议的，可依法申请协调、裁决。特此答复。',
      coreStatements: ['补偿执行省政府批准的区片综合地价', '补偿款已足额发放', '可依法申请协调、裁决'],
    }),
  );
  for (const who of ['court-liaison', 'proc-liaison', 'gov-liaison']) await act(who, (ctx) => ctx.services.meetings.signOff(ctx, item.id));
  await step(registrar, () => registrar.services.meetings.resolve(registrar, { agendaItemId: item.id, decision: '按统一口径答复本事项各件信访人；县政府做好政策解释。' }));
  await step(registrar, () => registrar.services.meetings.conclude(registrar, meeting.id));
}
