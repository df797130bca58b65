import type { Logger } from 'pino';
import type { AppConfig } from './config/config';
import type { Database } from './db/database';
import { TokenService } from './auth/token.service';
import { AuthService } from './services/auth.service';
import { LoginThrottleService } from './services/login-throttle.service';
import { UnitService } from './services/unit.service';
import { UserService } from './services/user.service';
import { AssignmentService } from './services/assignment.service';
import { CalendarService } from './services/calendar.service';
import { CaseAccessService } from './services/case-access.service';
import { CaseEventService } from './services/case-event.service';
import { CaseProgressService } from './services/case-progress.service';
import { CaseQueryService } from './services/case-query.service';
import { CaseService } from './services/case.service';
import { HearingService } from './services/hearing.service';
import { LiveService } from './services/live.service';
import { JointMeetingService } from './services/joint-meeting.service';
import { MatterService } from './services/matter.service';
import { MeetingAccessService } from './services/meeting-access.service';
import { PetitionerService } from './services/petitioner.service';
import { ReplyWordingService } from './services/reply-wording.service';
import { SerialNumberService } from './services/serial-number.service';
import { SimilarityService } from './services/similarity.service';
import { CaseContentService } from './services/case-content.service';
import { StatisticsService } from './services/statistics.service';
import { LedgerService } from './services/ledger.service';
import { BulletinService } from './services/bulletin.service';
import { FlashReportService } from './services/flash-report.service';
import { ReceptionService } from './services/reception.service';
import type { AppPubSub } from './subscriptions/pubsub';
import type { UnitDirectory } from './db/unit-directory';
import type { SessionDirectory } from './auth/session-directory';
import type { InFlight } from './http/in-flight';

/**
 * The services, one instance each per process; stateless apart from what they are given here. Each is built
 * after the services it uses, so the dependencies form a graph without cycles.
 */
export function createServices(config: AppConfig) {
  const tokens = new TokenService(config.jwtSecret, config.tokenTtlSeconds);
  const throttle = new LoginThrottleService();
  const auth = new AuthService(tokens, throttle);
  const units = new UnitService();
  const calendar = new CalendarService(config.officeTimeZone);
  const caseAccess = new CaseAccessService();
  const caseEvents = new CaseEventService();
  const caseQuery = new CaseQueryService(caseAccess);
  const petitioners = new PetitionerService(config.piiKey);
  const serials = new SerialNumberService();
  const wordings = new ReplyWordingService(caseAccess, config.officeTimeZone);
  const similarity = new SimilarityService(caseAccess, petitioners);
  const receptions = new ReceptionService(caseAccess, caseQuery, config.officeTimeZone);
  const flashReports = new FlashReportService(caseAccess);
  const cases = new CaseService(caseAccess, caseEvents, petitioners, units, serials, calendar, wordings, receptions, flashReports, config.officeTimeZone, similarity);
  const assignments = new AssignmentService(caseAccess, cases, caseEvents, calendar);
  const meetingAccess = new MeetingAccessService();
  const statistics = new StatisticsService(caseAccess, config.officeTimeZone);
  return {
    tokens,
    throttle,
    auth,
    units,
    users: new UserService(auth),
    calendar,
    caseAccess,
    caseEvents,
    cases,
    caseQuery,
    caseContent: new CaseContentService(caseAccess, caseEvents, similarity),
    similarity,
    caseProgress: new CaseProgressService(throttle, caseEvents),
    assignments,
    hearings: new HearingService(assignments, caseAccess, caseEvents, calendar),
    live: new LiveService(caseAccess, caseQuery),
    matters: new MatterService(caseAccess, caseEvents, caseQuery),
    meetingAccess,
    meetings: new JointMeetingService(meetingAccess, caseAccess, assignments, wordings, config.officeTimeZone),
    petitioners,
    serials,
    statistics,
    bulletins: new BulletinService(caseAccess, statistics, config.officeTimeZone),
    ledger: new LedgerService(caseAccess, statistics, petitioners, config.officeTimeZone),
    wordings,
    receptions,
    flashReports,
  };
}

export type AppServices = ReturnType<typeof createServices>;

/** What every request context shares: configuration, database, services, pub/sub and the logger. */
export interface AppRuntime {
  config: AppConfig;
  db: Database;
  services: AppServices;
  pubsub: AppPubSub;
  /** The unit tree in memory, shared by every request of this instance. */
  units: UnitDirectory;
  /** Logins recently read, shared by every request of this instance. */
  sessions: SessionDirectory;
  /** Requests and operations still running, awaited by the stop before the database closes. */
  work: InFlight;
  logger: Logger;
}
