import { expectErrorCode } from './harness/graphql-client';
import { createTestServer, type TestServer } from './harness/test-server';
import { ACCESS_ROLES, AccessProbe, buildAccessWorld, present, secret, type Access, type AccessRole, type AccessWorld } from './harness/access-fixtures';

/**
 * Who sees what (docs/rules.md), as a table: every path below has a declared audience, and every role of
 * `ACCESS_ROLES` outside it must be refused. Each (role, path) pair is one test, named after both.
 *
 * ALLOW: the value or item is there. DENY: a denied case or matter answers NOT_FOUND (UNAUTHENTICATED without a
 * token), a denied item of a list is absent, a denied scalar is null. MASKED: the masked form (the phone without the
 * PII permission). Every expectation comes from docs/rules.md, not from what the server does today.
 *
 * Nobody lists `admin`, the bootstrap administrator: it belongs to no unit, so it is office staff of no congress
 * ("Congress office staff (registrar, leader, admin): all cases of their congress"), and nothing grants it a case
 * (deny by default). `countyAdmin` is the ADMIN of the county congress, office staff like its registrars.
 */

const COUNTY_OFFICE: AccessRole[] = ['countyAdmin', 'registrarPii', 'registrarNoPii', 'leader'];
/** "An upper congress (municipal) sees the cases of the congresses under it." */
const CITY_OFFICE: AccessRole[] = ['cityViewer', 'cityRegistrar'];
const OFFICES: AccessRole[] = [...COUNTY_OFFICE, ...CITY_OFFICE];
/**
 * Who sees the rich case. The court (REPORTED) and the procuratorate (COMPLETED) keep it; the government (CANCELLED)
 * and the land bureau (OBJECTED) lost it: "a CANCELLED or OBJECTED assignment ends the unit's access at once".
 * Deputies and legal workers see meetings and agenda items, not cases; the accused unit and the sibling county have
 * no part in it.
 */
const RICH_CASE: AccessRole[] = [...OFFICES, 'court', 'procuratorate'];
const WITH_COURT: AccessRole[] = [...OFFICES, 'court'];
const WITH_PROCURATORATE: AccessRole[] = [...OFFICES, 'procuratorate'];

interface Row {
  path: string;
  allow: readonly AccessRole[];
  masked?: readonly AccessRole[];
  observe(p: AccessProbe, w: AccessWorld): Promise<Access | string>;
}

const SIMILAR = 'similarCases(first: 100) { edges { node { id } } }';
const ASSIGNMENTS = 'assignments { id status unit { id } result { outcome } extensions { id status } supervisions { id kind note } }';
const courtAssignment = (c: any, w: AccessWorld) => (c.assignments as any[]).find((a) => a.id === w.rich.assignments.court);
const procuratorateAssignment = (c: any, w: AccessWorld) => (c.assignments as any[]).find((a) => a.id === w.rich.assignments.procuratorate);

/** A row on the rich case's timeline: an entry of `type` whose detail contains `detail(w)`, when given. */
function timelineRow(path: string, allow: readonly AccessRole[], type: string, detail?: (w: AccessWorld) => string): Row {
  return {
    path,
    allow,
    observe: (p, w) =>
      p.onCase(w.rich.id, 'timeline { type detail }', (c) =>
        present(c.timeline as Array<{ type: string; detail: string | null }>, (e) => e.type === type && (!detail || (e.detail ?? '').includes(detail(w)))),
      ),
  };
}

/** Steps of the public progress that would tell the petitioner the office's internal work. */
const INTERNAL_STEP = /批示|阅批|阅示|督办|通报|异议|撤销/;

/**
 * "only participants and the convening office's staff see it"; "Deputies and legal workers: the meetings they are
 * invited to and their agenda items". The upper congress, a sibling county, a unit not invited and an uninvited
 * deputy see nothing of it.
 */
const MEETING: AccessRole[] = [...COUNTY_OFFICE, 'court', 'procuratorate', 'government', 'deputy', 'legalWorker'];

const ROWS: Row[] = [
  // ——— the rich case, by id and in the list ———
  { path: 'case', allow: RICH_CASE, observe: (p, w) => p.onCase(w.rich.id, 'serialNo', (c) => (c.serialNo === w.rich.serialNo ? 'ALLOW' : `UNEXPECTED ${c.serialNo}`)) },
  { path: 'cases contains the case', allow: RICH_CASE, observe: (p, w) => p.inCaseList(w.rich.summary, (n) => n.id === w.rich.id) },

  // the office's own clocks are the case's: whoever sees the case sees them, and finds it listed under its state
  {
    path: 'case.intakeDueAt, intakeState, reviewState',
    allow: RICH_CASE,
    observe: (p, w) =>
      p.onCase(w.rich.id, 'intakeDueAt intakeState reviewDueAt reviewState', (c) =>
        c.intakeDueAt && c.intakeState && (c.reviewState === null) === (c.reviewDueAt === null) ? 'ALLOW' : `UNEXPECTED ${JSON.stringify(c)}`,
      ),
  },
  {
    path: 'cases(filter: { intakeState }) contains the case',
    allow: RICH_CASE,
    observe: async (p, w) => {
      for (const intakeState of ['ON_TRACK', 'DUE_SOON', 'OVERDUE', 'DONE', 'DONE_LATE']) {
        if ((await p.inCaseList(w.rich.summary, (n) => n.id === w.rich.id, { intakeState })) === 'ALLOW') return 'ALLOW';
      }
      return 'DENY';
    },
  },

  // "only the office staff of the congress that registered the case read queryCode; handling units, upper congresses
  // and everyone else get null"
  { path: 'case.queryCode', allow: COUNTY_OFFICE, observe: (p, w) => p.onCase(w.rich.id, 'queryCode', (c) => secret(c.queryCode, w.rich.queryCode)) },

  // "Petitioner.idNumberMasked is always there", to everyone who sees the case
  {
    path: 'case.petitioners.idNumberMasked',
    allow: RICH_CASE,
    observe: (p, w) => p.onCase(w.rich.id, 'petitioners { idNumberMasked }', (c) => secret(c.petitioners[0]?.idNumberMasked, w.rich.petitioner.idNumberMasked)),
  },
  // "idNumber and address are null without [the PII permission]"; office staff too: "PII in full only with the PII permission"
  {
    path: 'case.petitioners.idNumber',
    allow: ['registrarPii'],
    observe: (p, w) => p.onCase(w.rich.id, 'petitioners { idNumber }', (c) => secret(c.petitioners[0]?.idNumber, w.rich.petitioner.idNumber)),
  },
  // "phone is masked (138****5678) unless the viewer holds the PII permission"
  {
    path: 'case.petitioners.phone (full or masked)',
    allow: ['registrarPii'],
    masked: RICH_CASE.filter((r) => r !== 'registrarPii'),
    observe: (p, w) => p.onCase(w.rich.id, 'petitioners { phone }', (c) => secret(c.petitioners[0]?.phone, w.rich.petitioner.phone, w.rich.petitioner.phoneMasked)),
  },
  {
    path: 'case.petitioners.address',
    allow: ['registrarPii'],
    observe: (p, w) => p.onCase(w.rich.id, 'petitioners { address }', (c) => secret(c.petitioners[0]?.address, w.rich.petitioner.address)),
  },

  // a handling unit sees "the matters … it takes part in": the matter of a case it handles
  {
    path: 'case.matter',
    allow: RICH_CASE,
    observe: (p, w) =>
      p.onCase(w.rich.id, 'matter { id }', (c) => (c.matter?.id === w.rich.matterId ? 'ALLOW' : c.matter === null ? 'DENY' : `UNEXPECTED ${JSON.stringify(c.matter)}`)),
  },
  // the cancelled and the objecting unit no longer take part in the case, so not in its matter either
  { path: 'matter(id) of the case', allow: RICH_CASE, observe: (p, w) => p.matter(w.rich.matterId) },
  // "A handling unit … sees … the matters, wordings and meetings it takes part in"
  {
    path: 'matter.currentWording',
    allow: RICH_CASE,
    observe: (p, w) => p.onMatter(w.rich.matterId, 'currentWording { id }', (m) => (m.currentWording?.id === w.rich.wordingId ? 'ALLOW' : `UNEXPECTED ${JSON.stringify(m.currentWording)}`)),
  },
  { path: 'matter.wordings', allow: RICH_CASE, observe: (p, w) => p.onMatter(w.rich.matterId, 'wordings { id }', (m) => present(m.wordings, (x: any) => x.id === w.rich.wordingId)) },
  // the replies of the matter, each as the viewer may see it: a unit sees "the replies" of its own cases only
  {
    path: 'matter.replies[the court\'s reply on the rich case]',
    allow: RICH_CASE,
    observe: (p, w) => p.onMatter(w.rich.matterId, 'replies { id }', (m) => present(m.replies, (r: any) => r.id === w.rich.replyId)),
  },
  {
    path: 'matter.replies[the office\'s own answer on another case of the matter]',
    allow: OFFICES,
    observe: (p, w) => p.onMatter(w.rich.matterId, 'replies { id }', (m) => present(m.replies, (r: any) => r.id === w.rich.officeAnswered.replyId)),
  },

  // ——— assignments: a handling unit sees "its own assignments and their supervisions, extensions and hearings";
  // "Never: another unit's assignment, supervision, objection or extension" ———
  { path: 'case.assignments[court, LEAD]', allow: WITH_COURT, observe: (p, w) => p.onCase(w.rich.id, ASSIGNMENTS, (c) => present(c.assignments, (a: any) => a.id === w.rich.assignments.court)) },
  {
    path: 'case.assignments[court].supervisions[LISTED]',
    allow: WITH_COURT,
    observe: (p, w) => p.onCase(w.rich.id, ASSIGNMENTS, (c) => present(courtAssignment(c, w)?.supervisions, (s: any) => s.id === w.rich.supervisions.court)),
  },
  {
    path: 'case.assignments[court].extensions',
    allow: WITH_COURT,
    observe: (p, w) => p.onCase(w.rich.id, ASSIGNMENTS, (c) => present(courtAssignment(c, w)?.extensions, (e: any) => e.id === w.rich.extensionId)),
  },
  { path: 'case.assignments[court].result', allow: WITH_COURT, observe: (p, w) => p.onCase(w.rich.id, ASSIGNMENTS, (c) => (courtAssignment(c, w)?.result ? 'ALLOW' : 'DENY')) },
  {
    path: 'case.assignments[procuratorate, ASSIST]',
    allow: WITH_PROCURATORATE,
    observe: (p, w) => p.onCase(w.rich.id, ASSIGNMENTS, (c) => present(c.assignments, (a: any) => a.id === w.rich.assignments.procuratorate)),
  },
  // a circular (通报) is still the procuratorate's supervision, not the court's business
  {
    path: 'case.assignments[procuratorate].supervisions[CIRCULAR]',
    allow: WITH_PROCURATORATE,
    observe: (p, w) => p.onCase(w.rich.id, ASSIGNMENTS, (c) => present(procuratorateAssignment(c, w)?.supervisions, (s: any) => s.id === w.rich.supervisions.procuratorate)),
  },
  // the government's own cancelled assignment is out of its reach too: its access to the case ended with it
  {
    path: 'case.assignments[government, CANCELLED]',
    allow: OFFICES,
    observe: (p, w) => p.onCase(w.rich.id, ASSIGNMENTS, (c) => present(c.assignments, (a: any) => a.id === w.rich.assignments.government)),
  },
  {
    path: 'case.assignments[land bureau, OBJECTED]',
    allow: OFFICES,
    observe: (p, w) => p.onCase(w.rich.id, ASSIGNMENTS, (c) => present(c.assignments, (a: any) => a.id === w.rich.assignments.landBureau)),
  },

  // ——— instructions: a unit sees "the leader's instructions recorded before its assignment was made" and never
  // "instructions recorded after its assignment (internal to the office until sent with a new assignment)" ———
  {
    path: 'case.instructions[recorded before the assignments]',
    allow: RICH_CASE,
    observe: (p, w) => p.onCase(w.rich.id, 'instructions { id text }', (c) => present(c.instructions, (i: any) => i.text === w.rich.marks.instructionBefore)),
  },
  {
    path: 'case.instructions[recorded after the assignments]',
    allow: OFFICES,
    observe: (p, w) => p.onCase(w.rich.id, 'instructions { id text }', (c) => present(c.instructions, (i: any) => i.text === w.rich.marks.instructionAfter)),
  },

  // a handling unit sees "the replies"
  { path: 'case.replies', allow: RICH_CASE, observe: (p, w) => p.onCase(w.rich.id, 'replies { id body }', (c) => present(c.replies, (r: any) => r.id === w.rich.replyId)) },
  // similar petitions list only cases the viewer may see (docs/rules.md "Similar petitions"): the office's unrouted
  // letter on the same matter, the accusation the court handles, the city's accusation against the county congress
  {
    path: 'case.similarCases[the office\'s own letter on the matter]',
    allow: OFFICES,
    observe: (p, w) => p.onCase(w.rich.id, SIMILAR, (c) => present(c.similarCases.edges, (e: any) => e.node.id === w.rich.officeAnswered.id)),
  },
  { path: 'case.similarCases[the accusation the court handles]', allow: WITH_COURT, observe: (p, w) => p.onCase(w.rich.id, SIMILAR, (c) => present(c.similarCases.edges, (e: any) => e.node.id === w.accusation.id)) },
  {
    path: 'case.similarCases[the city\'s accusation against the county congress]',
    allow: CITY_OFFICE,
    observe: (p, w) => p.onCase(w.rich.id, SIMILAR, (c) => present(c.similarCases.edges, (e: any) => e.node.id === w.cityAccusation.id)),
  },
  // a matter is suggested only to whoever may see it: on the accusation, the rich case's matter
  {
    path: 'case.suggestedMatters[the rich case\'s matter, on the accusation]',
    allow: WITH_COURT,
    observe: (p, w) => p.onCase(w.accusation.id, 'suggestedMatters(first: 100) { matter { id } }', (c) => present(c.suggestedMatters, (m: any) => m.matter.id === w.rich.matterId)),
  },

  // ——— timeline: a unit sees "the timeline entries of the case's own steps (registered, accepted, replied, closed,
  // review) and of its own assignments" ———
  timelineRow('case.timeline[REGISTERED]', RICH_CASE, 'REGISTERED'),
  timelineRow('case.timeline[ACCEPTED]', RICH_CASE, 'ACCEPTED'),
  timelineRow('case.timeline[REPLIED]', RICH_CASE, 'REPLIED'),
  timelineRow('case.timeline[ASSIGNED court]', WITH_COURT, 'ASSIGNED', (w) => w.unitNames[w.units.court]),
  timelineRow('case.timeline[ASSIGNED procuratorate]', WITH_PROCURATORATE, 'ASSIGNED', (w) => w.unitNames[w.units.procuratorate]),
  timelineRow('case.timeline[ASSIGNED government]', OFFICES, 'ASSIGNED', (w) => w.unitNames[w.units.government]),
  timelineRow('case.timeline[ASSIGNMENT_CANCELLED government]', OFFICES, 'ASSIGNMENT_CANCELLED', (w) => w.rich.marks.cancelReason),
  // the land bureau's objection reason: "Never: another unit's … objection"
  timelineRow('case.timeline[ASSIGNMENT_OBJECTED land bureau, with its reason]', OFFICES, 'ASSIGNMENT_OBJECTED', (w) => w.rich.marks.objectionReason),
  timelineRow('case.timeline[SUPERVISED court]', WITH_COURT, 'SUPERVISED', (w) => w.rich.marks.courtSupervisionNote),
  timelineRow('case.timeline[SUPERVISED procuratorate, CIRCULAR]', WITH_PROCURATORATE, 'SUPERVISED', (w) => w.rich.marks.procuratorateSupervisionNote),
  timelineRow('case.timeline[EXTENSION_REQUESTED court]', WITH_COURT, 'EXTENSION_REQUESTED', (w) => w.rich.marks.extensionReason),
  // the court's extension is the only one decided on this case
  timelineRow('case.timeline[EXTENSION_DECIDED court]', WITH_COURT, 'EXTENSION_DECIDED'),
  timelineRow('case.timeline[HEARING_STARTED procuratorate]', WITH_PROCURATORATE, 'HEARING_STARTED', (w) => w.rich.marks.hearingReason),
  timelineRow('case.timeline[RESULT_REVIEWED procuratorate]', WITH_PROCURATORATE, 'RESULT_REVIEWED', (w) => w.rich.marks.procuratorateReviewNote),
  // the entry of an instruction recorded after the assignments carries its text
  timelineRow('case.timeline[INSTRUCTED after the assignments]', OFFICES, 'INSTRUCTED', (w) => w.rich.marks.instructionAfter),

  // ——— the petitioner's public view: anyone holding the code, with or without a login ———
  {
    path: 'caseProgress(queryCode) with the latest reply',
    allow: ACCESS_ROLES,
    observe: (p, w) =>
      p.progress(w.rich.queryCode, (g) => (g.serialNo === w.rich.serialNo && g.reply?.body === w.rich.marks.replyBody ? 'ALLOW' : `UNEXPECTED ${JSON.stringify(g)}`)),
  },
  // the progress has "its own fields … no path to any other object": no step names an instruction, a supervision,
  // an objection or a cancellation, nor carries their text
  {
    path: 'caseProgress.steps[internal steps]',
    allow: [],
    observe: (p, w) =>
      p.progress(w.rich.queryCode, (g) =>
        present(g.steps as Array<{ label: string }>, (s) => INTERNAL_STEP.test(s.label) || Object.values(w.rich.marks).some((m) => s.label.includes(m))),
      ),
  },

  // ——— the joint meeting on the rich case's matter ———
  { path: 'jointMeeting(id)', allow: MEETING, observe: (p, w) => p.onMeeting(w.meeting.id, 'status', (m) => (m.status === 'IN_SESSION' ? 'ALLOW' : `UNEXPECTED ${m.status}`)) },
  { path: 'jointMeetings contains the meeting', allow: MEETING, observe: (p, w) => p.inMeetingList(w.meeting.id) },
  {
    path: 'jointMeeting.agenda.opinions',
    allow: MEETING,
    observe: (p, w) => p.onMeeting(w.meeting.id, 'agenda { id opinions { body } }', (m) => present(m.agenda[0]?.opinions, (o: any) => o.body === w.meeting.opinionBody)),
  },
  // the agenda item's matter, by its title; its cases stay under the case rules (deputies see none)
  {
    path: 'jointMeeting.agenda.matter',
    allow: MEETING,
    observe: (p, w) => p.onMeeting(w.meeting.id, 'agenda { matter { id } }', (m) => (m.agenda[0]?.matter?.id === w.rich.matterId ? 'ALLOW' : `UNEXPECTED ${JSON.stringify(m.agenda)}`)),
  },
  {
    path: 'jointMeeting.agenda.matter.cases[the rich case]',
    allow: ['countyAdmin', 'registrarPii', 'registrarNoPii', 'leader', 'court', 'procuratorate'],
    observe: (p, w) => p.onMeeting(w.meeting.id, 'agenda { matter { cases { id } } }', (m) => present(m.agenda[0]?.matter?.cases, (c: any) => c.id === w.rich.id)),
  },

  // ——— 检举控告 against the market bureau, handled by the court: "the accused unit never sees the case at all" ———
  { path: 'accusation: case', allow: WITH_COURT, observe: (p, w) => p.onCase(w.accusation.id, 'caseType', (c) => (c.caseType === 'ACCUSATION' ? 'ALLOW' : `UNEXPECTED ${c.caseType}`)) },
  { path: 'accusation: cases contains it', allow: WITH_COURT, observe: (p, w) => p.inCaseList(w.accusation.summary, (n) => n.id === w.accusation.id) },
  // "The accused unit itself (not its superior) is excluded"; the handling unit's share is "the case's own fields",
  // and whom the accusation names is one of them
  {
    path: 'accusation: case.accusedUnit',
    allow: WITH_COURT,
    observe: (p, w) =>
      p.onCase(w.accusation.id, 'accusedUnit { id }', (c) =>
        c.accusedUnit?.id === w.units.marketBureau ? 'ALLOW' : c.accusedUnit === null ? 'DENY' : `UNEXPECTED ${JSON.stringify(c.accusedUnit)}`,
      ),
  },

  // ——— 检举控告 against the county congress, registered at the city: "that congress's staff never see the case and
  // it cannot be referred to that congress; the congress above it handles it" ———
  {
    path: 'accusation against the county congress: case',
    allow: CITY_OFFICE,
    observe: (p, w) => p.onCase(w.cityAccusation.id, 'caseType', (c) => (c.caseType === 'ACCUSATION' ? 'ALLOW' : `UNEXPECTED ${c.caseType}`)),
  },
  // the registering congress is the city; its VIEWER is office staff there too
  {
    path: 'accusation against the county congress: case.queryCode',
    allow: CITY_OFFICE,
    observe: (p, w) => p.onCase(w.cityAccusation.id, 'queryCode', (c) => secret(c.queryCode, w.cityAccusation.queryCode)),
  },
  // neither the city's case nor any copy of it made by referral reaches the accused congress's staff
  {
    path: 'accusation against the county congress: cases contains it or a referred copy',
    allow: CITY_OFFICE,
    observe: (p, w) => p.inCaseList(w.cityAccusation.summary, (n) => n.summary === w.cityAccusation.summary),
  },
];

// ——— reports on the county (DESIGN.md "Statistics", "Bulletin and ledger"; "A congress's scope is its own cases, those
// referred to it, and those of the congresses below it"): the county's office and the city's above it; never a sibling
// county, a handling unit, a deputy, a legal worker or the bootstrap administrator, who is office staff of no congress ———
const THIS_YEAR = { from: '2026-01-01', to: '2027-01-01' };
const REPORT_ROWS: Row[] = [
  {
    path: 'statistics.intakeOverdue (the county)',
    allow: OFFICES,
    observe: (p, w) =>
      p.onReport('query($input: StatisticsInput!) { statistics(input: $input) { totalReceived intakeOverdue } }', { input: { ...THIS_YEAR, unitId: w.units.congress } }, (d) =>
        Number.isInteger(d.statistics.intakeOverdue) && d.statistics.intakeOverdue <= d.statistics.totalReceived ? 'ALLOW' : `UNEXPECTED ${JSON.stringify(d)}`,
      ),
  },
  {
    path: 'statistics(unitId: the county)',
    allow: OFFICES,
    observe: (p, w) =>
      p.onReport('query($input: StatisticsInput!) { statistics(input: $input) { totalReceived } }', { input: { ...THIS_YEAR, unitId: w.units.congress } }, (d) =>
        d.statistics.totalReceived > 0 ? 'ALLOW' : `UNEXPECTED ${JSON.stringify(d)}`,
      ),
  },
  {
    path: 'bulletin(unitId: the county)',
    allow: OFFICES,
    observe: (p, w) =>
      p.onReport('query($u: ID) { bulletin(year: 2026, quarter: 1, unitId: $u) { title statistics { totalReceived } } }', { u: w.units.congress }, (d) =>
        d.bulletin.title.startsWith(w.unitNames[w.units.congress]) && d.bulletin.statistics.totalReceived > 0 ? 'ALLOW' : `UNEXPECTED ${JSON.stringify(d)}`,
      ),
  },
  // the stage summary is the county office's own words: the city reads them, only the county's writers write them
  {
    path: 'saveBulletinSummary(unitId: the county)',
    allow: ['registrarPii', 'registrarNoPii', 'leader'],
    observe: (p, w) =>
      p.onReport(
        'mutation($input: BulletinSummaryInput!) { saveBulletinSummary(input: $input) { summary summaryEditedAt } }',
        { input: { year: 2026, quarter: 1, unitId: w.units.congress, summary: '第一季度工作小结。' } },
        (d) => (d.saveBulletinSummary.summary === '第一季度工作小结。' && d.saveBulletinSummary.summaryEditedAt ? 'ALLOW' : `UNEXPECTED ${JSON.stringify(d)}`),
      ),
  },
  {
    path: 'GET /exports/ledger.csv (the county) lists the rich case',
    allow: OFFICES,
    observe: (p, w) =>
      p.file(`/exports/ledger.csv?from=${THIS_YEAR.from}&to=${THIS_YEAR.to}&unitId=${w.units.congress}`, (body) =>
        body.toString('utf8').includes(w.rich.serialNo) ? 'ALLOW' : `UNEXPECTED ${body.toString('utf8').slice(0, 200)}`,
      ),
  },
  {
    path: 'GET /exports/bulletin.docx (the county)',
    allow: OFFICES,
    observe: (p, w) => p.file(`/exports/bulletin.docx?year=2026&quarter=1&unitId=${w.units.congress}`, (body) => (body.subarray(0, 2).toString() === 'PK' ? 'ALLOW' : 'UNEXPECTED not a .docx')),
  },
];
// ——— the office's own duties (DESIGN.md "The office's own duties"): the unit's responsibles travel with its assignment;
// the leader in charge with the case; reception sessions and flash reports are the office's own records, seen by the
// county's office and the city's above it, "never to a handling unit" ———
const AROUND_NOW = () => ({ from: new Date(Date.now() - 86_400_000).toISOString(), to: new Date(Date.now() + 86_400_000).toISOString() });
const DUTY_ROWS: Row[] = [
  {
    path: 'case.assignments[court].responsibleLeader',
    allow: WITH_COURT,
    observe: (p, w) =>
      p.onCase(w.rich.id, 'assignments { id responsibleLeader { name title } }', (c) =>
        present(c.assignments, (a: any) => a.id === w.rich.assignments.court && a.responsibleLeader?.name === w.duties.responsibleLeader),
      ),
  },
  {
    path: 'case.assignments[court].handler',
    allow: WITH_COURT,
    observe: (p, w) => p.onCase(w.rich.id, 'assignments { id handler { id } }', (c) => present(c.assignments, (a: any) => a.id === w.rich.assignments.court && a.handler?.id === w.duties.courtLiaisonId)),
  },
  {
    path: 'case.chargeLeader',
    allow: RICH_CASE,
    observe: (p, w) => p.onCase(w.rich.id, 'chargeLeader { id }', (c) => (c.chargeLeader?.id === w.leaderId ? 'ALLOW' : c.chargeLeader === null ? 'DENY' : `UNEXPECTED ${JSON.stringify(c.chargeLeader)}`)),
  },
  {
    path: 'receptions contains the county leader\'s session',
    allow: OFFICES,
    observe: (p, w) =>
      p.onReport('query($from: DateTime!, $to: DateTime!) { receptions(from: $from, to: $to) { id } }', AROUND_NOW(), (d) => present(d.receptions, (r: any) => r.id === w.duties.receptionId)),
  },
  {
    path: 'receptions.visits[the group visit]',
    allow: OFFICES,
    observe: (p, w) =>
      p.onReport('query($from: DateTime!, $to: DateTime!) { receptions(from: $from, to: $to) { id visits { id } } }', AROUND_NOW(), (d) =>
        present(d.receptions, (r: any) => r.id === w.duties.receptionId && r.visits.some((v: any) => v.id === w.duties.groupVisit.id)),
      ),
  },
  {
    path: 'flashReports contains the group visit',
    allow: OFFICES,
    observe: (p, w) =>
      p.onReport('query($from: DateTime!, $to: DateTime!) { flashReports(from: $from, to: $to) { kind case { id } } }', AROUND_NOW(), (d) =>
        present(d.flashReports, (f: any) => f.kind === 'GROUP_VISIT' && f.case.id === w.duties.groupVisit.id),
      ),
  },
  {
    path: 'GET /exports/flash-reports/{the group visit}.docx',
    allow: OFFICES,
    observe: (p, w) => p.file(`/exports/flash-reports/${w.duties.groupVisit.id}.docx`, (body) => (body.subarray(0, 2).toString() === 'PK' ? 'ALLOW' : 'UNEXPECTED not a .docx')),
  },
];
const expectation = (row: Row, role: AccessRole): Access => (row.allow.includes(role) ? 'ALLOW' : row.masked?.includes(role) ? 'MASKED' : 'DENY');

const MATRIX = [...ROWS, ...REPORT_ROWS, ...DUTY_ROWS].flatMap((row) => ACCESS_ROLES.map((role) => ({ role, path: row.path, expected: expectation(row, role), row })));

describe('access matrix: role × path (docs/rules.md "Who sees what")', () => {
  let t: TestServer;
  let w: AccessWorld;
  let probes: Record<AccessRole, AccessProbe>;

  beforeAll(async () => {
    t = await createTestServer({ DEADLINE_SCAN_INTERVAL_MS: '3600000' });
    w = await buildAccessWorld(t);
    probes = Object.fromEntries(ACCESS_ROLES.map((role) => [role, new AccessProbe(role, w)])) as Record<AccessRole, AccessProbe>;
  }, 120_000);
  afterAll(() => t?.close());

  it('the world is built as the table assumes (read by the county registrar holding the PII permission)', async () => {
    const { case: c } = await w.as.registrarPii.ok(
      `query($id: ID!) { case(id: $id) { status ${ASSIGNMENTS} instructions { text createdAt } timeline { type detail } } }`,
      { id: w.rich.id },
    );
    expect(c.status).toBe('REPLIED');
    const status = (id: string) => c.assignments.find((a: any) => a.id === id)?.status;
    const a = w.rich.assignments;
    expect([status(a.court), status(a.procuratorate), status(a.government), status(a.landBureau)]).toEqual(['REPORTED', 'COMPLETED', 'CANCELLED', 'OBJECTED']);
    expect(courtAssignment(c, w).supervisions.map((s: any) => s.kind)).toEqual(['LISTED']);
    expect(courtAssignment(c, w).extensions).toEqual([{ id: w.rich.extensionId, status: 'APPROVED' }]);
    expect(procuratorateAssignment(c, w).supervisions.map((s: any) => s.kind)).toEqual(['CIRCULAR']);

    // one instruction before every assignment, one after them all
    const { case: times } = await w.as.registrarPii.ok('query($id: ID!) { case(id: $id) { assignments { assignedAt } } }', { id: w.rich.id });
    const assigned = times.assignments.map((x: { assignedAt: string }) => Date.parse(x.assignedAt));
    const at = (text: string) => Date.parse(c.instructions.find((i: any) => i.text === text).createdAt);
    expect(at(w.rich.marks.instructionBefore)).toBeLessThan(Math.min(...assigned));
    expect(at(w.rich.marks.instructionAfter)).toBeGreaterThan(Math.max(...assigned));

    // every timeline entry a row looks for is there
    const entries = c.timeline.map((e: any) => `${e.type} ${e.detail ?? ''}`).join('\n');
    for (const mark of [w.rich.marks.cancelReason, w.rich.marks.objectionReason, w.rich.marks.courtSupervisionNote, w.rich.marks.procuratorateSupervisionNote, w.rich.marks.extensionReason, w.rich.marks.hearingReason, w.rich.marks.procuratorateReviewNote, w.rich.marks.instructionAfter]) {
      expect(entries).toContain(mark);
    }

    // the bootstrap administrator holds no unit and no PII permission
    expect((await w.as.admin.ok('{ me { roles piiAccess unit { id } } }')).me).toEqual({ roles: ['ADMIN'], piiAccess: false, unit: null });
  });

  it('the city cannot refer an accusation down to the congress it accuses (ACCUSED_UNIT_EXCLUDED)', () => {
    expectErrorCode(w.cityAccusation.referral, 'ACCUSED_UNIT_EXCLUDED');
  });

  it('a sibling county’s office is told the county is not found, whatever report it asks for', async () => {
    const sibling = w.as.siblingRegistrar;
    const input = { ...THIS_YEAR, unitId: w.units.congress };
    expectErrorCode(await sibling.query('query($input: StatisticsInput!) { statistics(input: $input) { totalReceived } }', { input }), 'NOT_FOUND', 'unitId');
    expectErrorCode(await sibling.query('query($u: ID) { bulletin(year: 2026, unitId: $u) { title } }', { u: w.units.congress }), 'NOT_FOUND', 'unitId');
  });

  it.each(MATRIX)('$role · $path → $expected', async ({ role, row, expected }) => {
    expect(await row.observe(probes[role], w)).toBe(expected);
  });
});
