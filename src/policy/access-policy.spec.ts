import { Role } from '../auth/role';
import { AssignmentStatus, CaseEventType } from '../entities/case-enums';
import { UnitKind } from '../entities/unit-kind.enum';
import { ParticipantCapacity } from '../entities/joint-meeting-enums';
import {
  caseScopeFor,
  congressesToNarrowTo,
  mayActForUnit,
  mayInstructCase,
  mayConveneMeeting,
  mayPostMeetingOpinion,
  mayProposeWording,
  maySignOffWording,
  mayViewMeeting,
  participantCapacity,
  participatingBodies,
  mayReadPii,
  mayReadQueryCode,
  mayViewAssignment,
  mayViewCase,
  mayViewCaseEvent,
  mayReceiveCaseEvent,
  mayViewInstruction,
  mayViewMatterDirectly,
  mayManageWording,
  mayReceiveMatterEvent,
  mayReplyAsOffice,
  mayEditBulletinSummary,
  matterAudience,
  mayReport,
  reportScopeFor,
  mayFlagUrgent,
  mayHandleForUnit,
  mayReceiveFlashReport,
  mayScheduleReception,
  mayTakeChargeOfCase,
  mayViewCongressRecord,
  type CaseScope,
  type ScopeUnit,
} from './access-policy';

const units: ScopeUnit[] = [
  { id: 'city', kind: UnitKind.CONGRESS, parentId: null },
  { id: 'county', kind: UnitKind.CONGRESS, parentId: 'city' },
  { id: 'sibling', kind: UnitKind.CONGRESS, parentId: 'city' },
  { id: 'court', kind: UnitKind.COURT, parentId: null },
  { id: 'proc', kind: UnitKind.PROCURATORATE, parentId: null },
];
const city: CaseScope = caseScopeFor({ roles: [Role.VIEWER], unitId: 'city' }, units);
const county: CaseScope = caseScopeFor({ roles: [Role.REGISTRAR], unitId: 'county' }, units);
const court: CaseScope = caseScopeFor({ roles: [Role.LIAISON], unitId: 'court' }, units);
const t0 = new Date('2026-03-01T00:00:00Z');
const later = new Date('2026-03-05T00:00:00Z');
const courtA = { id: 'a1', unitId: 'court', status: AssignmentStatus.IN_PROGRESS, assignedAt: later };
const procA = { id: 'a2', unitId: 'proc', status: AssignmentStatus.IN_PROGRESS, assignedAt: later };

describe('access policy', () => {
  it('derives scopes: offices see their congress and those below, units their assignments, the rest nothing', () => {
    expect(city).toEqual({ kind: 'congresses', congressId: 'city', congressIds: ['city', 'county', 'sibling'] });
    expect(county).toEqual({ kind: 'congresses', congressId: 'county', congressIds: ['county'] });
    expect(court).toEqual({ kind: 'unit', unitId: 'court' });
    expect(caseScopeFor({ roles: [Role.ADMIN], unitId: null }, units)).toEqual({ kind: 'none' });
    expect(caseScopeFor({ roles: [Role.DEPUTY], unitId: 'county' }, units)).toEqual({ kind: 'none' });
    expect(caseScopeFor({ roles: [Role.LIAISON], unitId: 'nowhere' }, units)).toEqual({ kind: 'none' });
  });

  it('narrows a per-congress read to the office\'s congresses unless it sees them all', () => {
    expect(congressesToNarrowTo(city as Extract<CaseScope, { kind: 'congresses' }>, units)).toBeNull();
    expect(congressesToNarrowTo(county as Extract<CaseScope, { kind: 'congresses' }>, units)).toEqual(['county']);
    const another = [...units, { id: 'other-city', kind: UnitKind.CONGRESS, parentId: null }];
    expect(congressesToNarrowTo(city as Extract<CaseScope, { kind: 'congresses' }>, another)).toEqual(['city', 'county', 'sibling']);
  });

  it('keeps an accusation from the unit or congress it accuses, and a case from siblings', () => {
    const c = { congressId: 'county', accusedUnitId: null };
    expect(mayViewCase(county, c, [])).toBe(true);
    expect(mayViewCase(city, c, [])).toBe(true);
    expect(mayViewCase(caseScopeFor({ roles: [Role.REGISTRAR], unitId: 'sibling' }, units), c, [])).toBe(false);
    expect(mayViewCase(county, { congressId: 'county', accusedUnitId: 'county' }, [])).toBe(false);
    expect(mayViewCase(city, { congressId: 'county', accusedUnitId: 'county' }, [])).toBe(true);
    expect(mayViewCase(court, { congressId: 'county', accusedUnitId: 'court' }, [courtA])).toBe(false);
  });

  it('ends a unit\'s access when its assignment is cancelled or objected, not when it is reported or completed', () => {
    const c = { congressId: 'county', accusedUnitId: null };
    for (const status of [AssignmentStatus.PENDING, AssignmentStatus.IN_PROGRESS, AssignmentStatus.REPORTED, AssignmentStatus.COMPLETED]) {
      expect(mayViewCase(court, c, [{ ...courtA, status }])).toBe(true);
    }
    for (const status of [AssignmentStatus.CANCELLED, AssignmentStatus.OBJECTED]) expect(mayViewCase(court, c, [{ ...courtA, status }])).toBe(false);
    expect(mayViewCase(court, c, [procA])).toBe(false);
  });

  it('gives a unit its own assignments, the case steps and its own entries, and the instructions sent with its letter', () => {
    expect(mayViewAssignment(court, courtA)).toBe(true);
    expect(mayViewAssignment(court, procA)).toBe(false);
    expect(mayViewAssignment(county, procA)).toBe(true);
    const all = [courtA, procA];
    expect(mayViewCaseEvent(court, { type: CaseEventType.REGISTERED, assignmentId: null }, all)).toBe(true);
    expect(mayViewCaseEvent(court, { type: CaseEventType.INSTRUCTED, assignmentId: null }, all)).toBe(false);
    expect(mayViewCaseEvent(court, { type: CaseEventType.SUPERVISED, assignmentId: 'a1' }, all)).toBe(true);
    expect(mayViewCaseEvent(court, { type: CaseEventType.SUPERVISED, assignmentId: 'a2' }, all)).toBe(false);
    expect(mayViewCaseEvent(court, { type: CaseEventType.ASSIGNMENT_OBJECTED, assignmentId: 'unknown' }, all)).toBe(false);
    expect(mayViewCaseEvent(county, { type: CaseEventType.INSTRUCTED, assignmentId: null }, all)).toBe(true);
    expect(mayViewInstruction(court, t0, all)).toBe(true);
    expect(mayViewInstruction(court, new Date('2026-03-06T00:00:00Z'), all)).toBe(false);
    expect(mayViewInstruction({ kind: 'none' }, t0, all)).toBe(false);
  });

  it('decides each subscriber of one live event from the same facts: the case, its assignments, the event', () => {
    const c = { congressId: 'county', accusedUnitId: null };
    const both = [courtA, procA];
    const onCourt = { type: CaseEventType.SUPERVISED, assignmentId: 'a1' };
    expect(mayReceiveCaseEvent(county, onCourt, c, both)).toBe(true);
    expect(mayReceiveCaseEvent(city, onCourt, c, both)).toBe(true);
    expect(mayReceiveCaseEvent(court, onCourt, c, both)).toBe(true);
    // the procuratorate sees the case but not the court's assignment
    const proc = caseScopeFor({ roles: [Role.LIAISON], unitId: 'proc' }, units);
    expect(mayReceiveCaseEvent(proc, onCourt, c, both)).toBe(false);
    expect(mayReceiveCaseEvent(proc, { type: CaseEventType.REGISTERED, assignmentId: null }, c, both)).toBe(true);
    // a unit whose assignment ended no longer sees the case at all
    expect(mayReceiveCaseEvent(court, onCourt, c, [{ ...courtA, status: AssignmentStatus.CANCELLED }, procA])).toBe(false);
    expect(mayReceiveCaseEvent({ kind: 'none' }, onCourt, c, both)).toBe(false);
    expect(mayReceiveCaseEvent(county, onCourt, { congressId: 'sibling', accusedUnitId: null }, both)).toBe(false);
    // the office's own clocks: the owning office only
    const intake = { type: null, assignmentId: null, officeClock: true };
    expect(mayReceiveCaseEvent(county, intake, c, both)).toBe(true);
    expect(mayReceiveCaseEvent(city, intake, c, both)).toBe(false);
    expect(mayReceiveCaseEvent(court, intake, c, both)).toBe(false);
  });

  it('shows the query code only to the registering office, and full PII only with the permission', () => {
    const c = { congressId: 'county' };
    expect(mayReadQueryCode({ roles: [Role.REGISTRAR], unitId: 'county' }, c)).toBe(true);
    expect(mayReadQueryCode({ roles: [Role.REGISTRAR], unitId: 'city' }, c)).toBe(false);
    expect(mayReadQueryCode({ roles: [Role.LIAISON], unitId: 'county' }, c)).toBe(false);
    expect(mayReadQueryCode({ roles: [Role.ADMIN], unitId: null }, c)).toBe(false);
    expect(mayReadQueryCode(undefined, c)).toBe(false);
    expect(mayReadPii({ roles: [Role.REGISTRAR], unitId: 'county', piiAccess: true })).toBe(true);
    expect(mayReadPii({ roles: [Role.REGISTRAR], unitId: 'county' })).toBe(false);
  });

  it('asks only an enabled leader of the owning congress for an instruction', () => {
    const c = { congressId: 'county' };
    expect(mayInstructCase({ roles: [Role.LEADER], unitId: 'county' }, c)).toBe(true);
    expect(mayInstructCase({ roles: [Role.LEADER], unitId: 'county', disabled: true }, c)).toBe(false);
    expect(mayInstructCase({ roles: [Role.LEADER], unitId: 'city' }, c)).toBe(false);
    expect(mayInstructCase({ roles: [Role.REGISTRAR], unitId: 'county' }, c)).toBe(false);
  });

  it('lets only the handlers and liaisons of the assigned unit act on its assignment', () => {
    expect(mayActForUnit({ roles: [Role.LIAISON], unitId: 'court' }, courtA)).toBe(true);
    expect(mayActForUnit({ roles: [Role.HANDLER], unitId: 'court' }, courtA)).toBe(true);
    expect(mayActForUnit({ roles: [Role.LIAISON], unitId: 'proc' }, courtA)).toBe(false);
    expect(mayActForUnit({ roles: [Role.VIEWER], unitId: 'court' }, courtA)).toBe(false);
  });

  it('shows a matter directly to offices whose scope holds it', () => {
    expect(mayViewMatterDirectly(city, { congressId: 'county' })).toBe(true);
    expect(mayViewMatterDirectly(county, { congressId: 'city' })).toBe(false);
    expect(mayViewMatterDirectly(court, { congressId: 'county' })).toBe(false);
  });

  it('lets the registering office\'s registrars and leaders answer a case itself, nobody else as the office', () => {
    const c = { congressId: 'county' };
    expect(mayReplyAsOffice({ roles: [Role.REGISTRAR], unitId: 'county' }, c)).toBe(true);
    expect(mayReplyAsOffice({ roles: [Role.LEADER], unitId: 'county' }, c)).toBe(true);
    expect(mayReplyAsOffice({ roles: [Role.VIEWER, Role.ADMIN], unitId: 'county' }, c)).toBe(false);
    expect(mayReplyAsOffice({ roles: [Role.REGISTRAR], unitId: 'city' }, c)).toBe(false);
    expect(mayReplyAsOffice({ roles: [Role.LIAISON], unitId: 'court' }, c)).toBe(false);
  });

  it('lets only a congress\'s own registrars and leaders write its bulletin summary', () => {
    expect(mayEditBulletinSummary({ roles: [Role.REGISTRAR], unitId: 'county' }, 'county')).toBe(true);
    expect(mayEditBulletinSummary({ roles: [Role.LEADER], unitId: 'county' }, 'county')).toBe(true);
    expect(mayEditBulletinSummary({ roles: [Role.VIEWER, Role.ADMIN], unitId: 'county' }, 'county')).toBe(false);
    expect(mayEditBulletinSummary({ roles: [Role.REGISTRAR, Role.LEADER], unitId: 'city' }, 'county')).toBe(false);
    expect(mayEditBulletinSummary({ roles: [Role.REGISTRAR], unitId: null }, 'county')).toBe(false);
  });

  it('lets registrars and leaders of an office whose scope holds a matter manage its wording', () => {
    const m = { congressId: 'county' };
    expect(mayManageWording({ roles: [Role.REGISTRAR], unitId: 'county' }, county, m)).toBe(true);
    expect(mayManageWording({ roles: [Role.REGISTRAR], unitId: 'city' }, city, m)).toBe(true);
    expect(mayManageWording({ roles: [Role.VIEWER], unitId: 'city' }, city, m)).toBe(false);
    expect(mayManageWording({ roles: [Role.REGISTRAR], unitId: 'county' }, county, { congressId: 'city' })).toBe(false);
    expect(mayManageWording({ roles: [Role.LIAISON], unitId: 'court' }, court, m)).toBe(false);
  });

  it('sends a matter\'s events to the offices holding it and the units that see one of its cases', () => {
    const proc: CaseScope = { kind: 'unit', unitId: 'proc' };
    const gov: CaseScope = { kind: 'unit', unitId: 'gov' };
    const audience = matterAudience({ congressId: 'county' }, [
      { congressId: 'county', accusedUnitId: null, assignments: [courtA, { ...procA, status: AssignmentStatus.CANCELLED }] },
      // an accusation against the government, which it was (wrongly) given: it still never sees it
      { congressId: 'county', accusedUnitId: 'gov', assignments: [{ id: 'a3', unitId: 'gov', status: AssignmentStatus.IN_PROGRESS }] },
    ]);
    expect(audience).toEqual({ congressId: 'county', unitIds: ['court'] });
    expect(mayReceiveMatterEvent(county, audience)).toBe(true);
    expect(mayReceiveMatterEvent(city, audience)).toBe(true);
    expect(mayReceiveMatterEvent(caseScopeFor({ roles: [Role.REGISTRAR], unitId: 'sibling' }, units), audience)).toBe(false);
    expect(mayReceiveMatterEvent(court, audience)).toBe(true);
    expect(mayReceiveMatterEvent(proc, audience)).toBe(false);
    expect(mayReceiveMatterEvent(gov, audience)).toBe(false);
    expect(mayReceiveMatterEvent({ kind: 'none' }, audience)).toBe(false);
  });

  describe('joint meetings', () => {
    const meeting = { congressId: 'county', participantUserIds: ['court-liaison', 'deputy'] };
    const user = (id: string, roles: Role[], unitId: string | null) => ({ id, roles, unitId });
    const registrar = user('reg', [Role.REGISTRAR], 'county');
    const countyViewer = user('view', [Role.VIEWER], 'county');
    const courtLiaison = user('court-liaison', [Role.LIAISON], 'court');
    const otherCourtLiaison = user('court-2', [Role.LIAISON], 'court');
    const deputy = user('deputy', [Role.DEPUTY], 'county');
    const otherDeputy = user('deputy-2', [Role.DEPUTY], 'county');

    it('shows a meeting to its participants and the convening office only', () => {
      expect(mayViewMeeting(registrar, meeting)).toBe(true);
      expect(mayViewMeeting(countyViewer, meeting)).toBe(true);
      expect(mayViewMeeting(courtLiaison, meeting)).toBe(true);
      expect(mayViewMeeting(deputy, meeting)).toBe(true);
      // the invitation is personal: another liaison of a participating body, another deputy, the city above and a
      // sibling county are not invited
      expect(mayViewMeeting(otherCourtLiaison, meeting)).toBe(false);
      expect(mayViewMeeting(otherDeputy, meeting)).toBe(false);
      expect(mayViewMeeting(user('city', [Role.VIEWER], 'city'), meeting)).toBe(false);
      expect(mayViewMeeting(user('sib', [Role.REGISTRAR], 'sibling'), meeting)).toBe(false);
      expect(mayViewMeeting(user('admin', [Role.ADMIN], null), meeting)).toBe(false);
      expect(mayViewMeeting(undefined, meeting)).toBe(false);
    });

    it('lets only the convening REGISTRAR or LEADER run the meeting', () => {
      expect(mayConveneMeeting(registrar, meeting)).toBe(true);
      expect(mayConveneMeeting(user('lead', [Role.LEADER], 'county'), meeting)).toBe(true);
      expect(mayConveneMeeting(countyViewer, meeting)).toBe(false);
      expect(mayConveneMeeting(user('city', [Role.REGISTRAR], 'city'), meeting)).toBe(false);
    });

    it('invites bodies, deputies, legal workers and the office, each in their capacity, and nobody else', () => {
      const court = { id: 'court', kind: UnitKind.COURT };
      const dept = { id: 'land', kind: UnitKind.DEPARTMENT };
      const congress = { id: 'county', kind: UnitKind.CONGRESS };
      expect(participantCapacity(courtLiaison, court, 'county')).toBe(ParticipantCapacity.BODY);
      expect(participantCapacity(user('h', [Role.HANDLER], 'land'), dept, 'county')).toBe(ParticipantCapacity.BODY);
      expect(participantCapacity(deputy, congress, 'county')).toBe(ParticipantCapacity.DEPUTY);
      expect(participantCapacity(user('l', [Role.LEGAL_WORKER], 'county'), congress, 'county')).toBe(ParticipantCapacity.LEGAL_WORKER);
      expect(participantCapacity(registrar, congress, 'county')).toBe(ParticipantCapacity.OFFICE);
      // a deputy working at the court attends as a deputy unless they are its liaison
      expect(participantCapacity(user('d', [Role.DEPUTY], 'court'), court, 'county')).toBe(ParticipantCapacity.DEPUTY);
      expect(participantCapacity(user('city', [Role.REGISTRAR], 'city'), { id: 'city', kind: UnitKind.CONGRESS }, 'county')).toBeNull();
      expect(participantCapacity(user('o', [Role.LIAISON], 'other'), { id: 'other', kind: UnitKind.OTHER }, 'county')).toBeNull();
      expect(participantCapacity(user('admin', [Role.ADMIN], null), null, 'county')).toBeNull();
    });

    it('has the participating bodies sign; the office, deputies and legal workers advise', () => {
      const people = [
        { unitId: 'court', capacity: ParticipantCapacity.BODY },
        { unitId: 'county', capacity: ParticipantCapacity.DEPUTY },
        { unitId: 'proc', capacity: ParticipantCapacity.BODY },
        { unitId: 'court', capacity: ParticipantCapacity.BODY },
        { unitId: 'county', capacity: ParticipantCapacity.OFFICE },
      ];
      expect(participatingBodies(people)).toEqual(['court', 'proc']);
      expect(maySignOffWording({ capacity: ParticipantCapacity.BODY })).toBe(true);
      for (const capacity of [ParticipantCapacity.OFFICE, ParticipantCapacity.DEPUTY, ParticipantCapacity.LEGAL_WORKER]) expect(maySignOffWording({ capacity })).toBe(false);
      expect(maySignOffWording(null)).toBe(false);
      expect(mayProposeWording(registrar, meeting, null)).toBe(true);
      expect(mayProposeWording(courtLiaison, meeting, { capacity: ParticipantCapacity.BODY })).toBe(true);
      expect(mayProposeWording(deputy, meeting, { capacity: ParticipantCapacity.DEPUTY })).toBe(false);
      expect(mayPostMeetingOpinion(deputy, meeting, { capacity: ParticipantCapacity.DEPUTY })).toBe(true);
      expect(mayPostMeetingOpinion(registrar, meeting, null)).toBe(true);
      expect(mayPostMeetingOpinion(countyViewer, meeting, null)).toBe(false);
    });
  });

  describe('reports (statistics, bulletin, ledger)', () => {
    it('lets a congress office report on itself and the congresses below it, never on a sibling or the city above', () => {
      expect(reportScopeFor(city, null, units)).toEqual({ congressId: 'city', congressIds: ['city', 'county', 'sibling'], viewerCongressId: 'city' });
      expect(reportScopeFor(city, 'county', units)).toEqual({ congressId: 'county', congressIds: ['county'], viewerCongressId: 'city' });
      expect(reportScopeFor(county, null, units)).toEqual({ congressId: 'county', congressIds: ['county'], viewerCongressId: 'county' });
      expect(reportScopeFor(county, 'sibling', units)).toBeNull();
      expect(reportScopeFor(county, 'city', units)).toBeNull();
      expect(reportScopeFor(city, 'court', units)).toBeNull();
    });

    it('gives handling units, deputies and the bootstrap administrator no report at all', () => {
      const none = caseScopeFor({ roles: [Role.ADMIN], unitId: null }, units);
      const deputy = caseScopeFor({ roles: [Role.DEPUTY], unitId: 'county' }, units);
      for (const s of [court, none, deputy]) {
        expect(mayReport(s)).toBe(false);
        expect(reportScopeFor(s, null, units)).toBeNull();
        expect(reportScopeFor(s, 'county', units)).toBeNull();
      }
      expect(mayReport(county)).toBe(true);
    });
  });

  describe("the office's own duties", () => {
    const countyCase = { congressId: 'county', accusedUnitId: null };

    it('lets only an enabled leader of the owning congress take charge of a case (领导包案)', () => {
      expect(mayTakeChargeOfCase({ roles: [Role.LEADER], unitId: 'county' }, countyCase)).toBe(true);
      expect(mayTakeChargeOfCase({ roles: [Role.LEADER], unitId: 'county', disabled: true }, countyCase)).toBe(false);
      expect(mayTakeChargeOfCase({ roles: [Role.REGISTRAR], unitId: 'county' }, countyCase)).toBe(false);
      expect(mayTakeChargeOfCase({ roles: [Role.LEADER], unitId: 'city' }, countyCase)).toBe(false);
    });

    it('takes a named handler only from the handling unit itself', () => {
      const a = { unitId: 'court' };
      expect(mayHandleForUnit({ roles: [Role.HANDLER], unitId: 'court' }, a)).toBe(true);
      expect(mayHandleForUnit({ roles: [Role.LIAISON], unitId: 'proc' }, a)).toBe(false);
      expect(mayHandleForUnit({ roles: [Role.HANDLER], unitId: 'court', disabled: true }, a)).toBe(false);
    });

    it('shows reception sessions and flash reports to the congress and those above it, never to a unit or a sibling', () => {
      expect(mayViewCongressRecord(county, { congressId: 'county' })).toBe(true);
      expect(mayViewCongressRecord(city, { congressId: 'county' })).toBe(true);
      expect(mayViewCongressRecord(county, { congressId: 'city' })).toBe(false);
      expect(mayViewCongressRecord(county, { congressId: 'sibling' })).toBe(false);
      expect(mayViewCongressRecord(court, { congressId: 'county' })).toBe(false);
      expect(mayReceiveFlashReport(county, countyCase)).toBe(true);
      expect(mayReceiveFlashReport(city, countyCase)).toBe(true);
      expect(mayReceiveFlashReport(court, countyCase)).toBe(false);
      // an accusation against the county congress is reported to the city only
      const accusation = { congressId: 'county', accusedUnitId: 'county' };
      expect(mayReceiveFlashReport(county, accusation)).toBe(false);
    });

    it('lets the registrars and leaders of a congress schedule its receptions and flag its cases urgent', () => {
      expect(mayScheduleReception({ roles: [Role.REGISTRAR], unitId: 'county' }, 'county')).toBe(true);
      expect(mayScheduleReception({ roles: [Role.VIEWER], unitId: 'county' }, 'county')).toBe(false);
      expect(mayScheduleReception({ roles: [Role.REGISTRAR], unitId: 'city' }, 'county')).toBe(false);
      expect(mayFlagUrgent({ roles: [Role.LEADER], unitId: 'county' }, countyCase)).toBe(true);
      expect(mayFlagUrgent({ roles: [Role.REGISTRAR], unitId: 'city' }, countyCase)).toBe(false);
    });
  });
});
