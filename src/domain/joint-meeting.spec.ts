import { Outcome } from '../entities/case-enums';
import { AgendaItemStatus, MeetingStatus, ParticipantCapacity } from '../entities/joint-meeting-enums';
import { WordingStatus } from '../entities/reply-wording.entity';
import { DomainError } from '../errors/domain-error';
import { MINUTES_HEADING, assertMayResolve, assertMaySignOff, composeMinutes, nextMeetingStatus, officeDateTime, pendingBodies } from './joint-meeting';

const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as DomainError).code;
  }
  return undefined;
};

describe('joint meeting domain', () => {
  it('moves a meeting SCHEDULED → IN_SESSION → CONCLUDED, or CANCELLED before it concludes', () => {
    expect(nextMeetingStatus(MeetingStatus.SCHEDULED, 'START')).toBe(MeetingStatus.IN_SESSION);
    expect(nextMeetingStatus(MeetingStatus.IN_SESSION, 'CONCLUDE')).toBe(MeetingStatus.CONCLUDED);
    expect(nextMeetingStatus(MeetingStatus.SCHEDULED, 'CANCEL')).toBe(MeetingStatus.CANCELLED);
    expect(codeOf(() => nextMeetingStatus(MeetingStatus.SCHEDULED, 'CONCLUDE'))).toBe('MEETING_NOT_IN_SESSION');
    expect(codeOf(() => nextMeetingStatus(MeetingStatus.IN_SESSION, 'START'))).toBe('INVALID_TRANSITION');
    expect(codeOf(() => nextMeetingStatus(MeetingStatus.CONCLUDED, 'CANCEL'))).toBe('INVALID_TRANSITION');
  });

  it('signs while a proposal is on the table and resolves an item once', () => {
    expect(codeOf(() => assertMaySignOff(AgendaItemStatus.OPEN))).toBe('INVALID_TRANSITION');
    expect(codeOf(() => assertMaySignOff(AgendaItemStatus.SIGNING))).toBeUndefined();
    expect(codeOf(() => assertMayResolve(AgendaItemStatus.SIGNING))).toBe('INVALID_TRANSITION');
    expect(codeOf(() => assertMayResolve(AgendaItemStatus.RESOLVED))).toBe('INVALID_TRANSITION');
    expect(pendingBodies(['court', 'proc', 'gov'], ['proc'])).toEqual(['court', 'gov']);
  });

  it('writes minutes with attendance, opinions, the wording and the resolution, in office time', () => {
    const minutes = composeMinutes({
      title: '征地补偿联席会议',
      convener: '某县人大常委会',
      location: '第一会议室',
      startedAt: new Date('2026-03-31T01:00:00Z'),
      endedAt: new Date('2026-03-31T03:30:00Z'),
      timeZone: 'Asia/Shanghai',
      participants: [
        { name: '陈联络员', unit: '某县人民法院', capacity: ParticipantCapacity.BODY, attended: true },
        { name: '刘代表', unit: '某县人大常委会', capacity: ParticipantCapacity.DEPUTY, attended: false },
      ],
      items: [
        {
          matterTitle: '某村征地补偿',
          note: null,
          opinions: [{ author: '刘代表', unit: '某县人大常委会', body: '建议\n二、尽快答复' }],
          wording: { version: 2, status: WordingStatus.APPROVED, outcome: Outcome.EXPLAINED, body: '补偿款已足额发放。', coreStatements: ['补偿款已足额发放'], signedBy: ['某县人民法院'] },
          resolution: { decision: '按口径答复', responsibleUnit: null, dueAt: null },
        },
      ],
    });
    const lines = minutes.split('\n');
    expect(lines[0]).toBe('征地补偿联席会议会议纪要');
    expect(lines).toContain('时间：2026-03-31 09:00 至 2026-03-31 11:30');
    expect(lines).toContain('出席：陈联络员（某县人民法院，参会单位）');
    expect(lines).toContain('缺席：刘代表（某县人大常委会，人大代表）');
    // a multi-line opinion stays on its line, so it can never pass for a section heading
    expect(lines).toContain('意见：刘代表（某县人大常委会）：建议 二、尽快答复');
    expect(lines.filter((l) => MINUTES_HEADING.test(l))).toEqual(['一、出席情况', '二、议题']);
    expect(lines).toContain('答复口径：第 2 版，已批准，处理结果解释说明');
    expect(lines).toContain('会签单位：某县人民法院');
    expect(lines).toContain('决议：按口径答复');
    expect(officeDateTime(new Date('2026-03-31T15:30:00Z'), 'Asia/Shanghai')).toBe('2026-03-31 23:30');
  });
});
