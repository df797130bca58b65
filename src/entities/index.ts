import { Assignment } from './assignment.entity';
import { AuthSession } from './auth-session.entity';
import { BulletinSummary } from './bulletin-summary.entity';
import { CaseEventRecord } from './case-event.entity';
import { DeadlineAlertRecord } from './deadline-alert.entity';
import { Case } from './case.entity';
import { Extension } from './extension.entity';
import { FlashReport } from './flash-report.entity';
import { HolidayCalendar } from './holiday-calendar.entity';
import { Instruction } from './instruction.entity';
import { AgendaItem, JointMeeting, JointMeetingEventRecord, MeetingOpinion, MeetingParticipant, WordingSignOff } from './joint-meeting.entity';
import { LoginThrottle } from './login-throttle.entity';
import { Matter } from './matter.entity';
import { Petitioner } from './petitioner.entity';
import { PiiAccessLog } from './pii-access-log.entity';
import { Reception } from './reception.entity';
import { ReplyWording } from './reply-wording.entity';
import { Reply } from './reply.entity';
import { SerialCounter } from './serial-counter.entity';
import { SimilarityPosting, SimilarityTerm } from './similarity-index.entity';
import { Supervision } from './supervision.entity';
import { Unit } from './unit.entity';
import { User } from './user.entity';

/** Every entity, listed explicitly so the data source never depends on file globs. */
export const ENTITIES = [
  Unit,
  User,
  AuthSession,
  LoginThrottle,
  Matter,
  Case,
  Petitioner,
  Assignment,
  Extension,
  Supervision,
  Instruction,
  Reply,
  ReplyWording,
  CaseEventRecord,
  HolidayCalendar,
  SerialCounter,
  PiiAccessLog,
  DeadlineAlertRecord,
  JointMeeting,
  MeetingParticipant,
  AgendaItem,
  MeetingOpinion,
  WordingSignOff,
  JointMeetingEventRecord,
  Reception,
  FlashReport,
  SimilarityPosting,
  SimilarityTerm,
  BulletinSummary,
];
