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
import { MatterService } from './services/matter.service';
import { PetitionerService } from './services/petitioner.service';
import { SerialNumberService } from './services/serial-number.service';
import type { AppPubSub } from './subscriptions/pubsub';

/** The services, one instance each per process; stateless apart from what they are given here. */
export function createServices(config: AppConfig) {
  const tokens = new TokenService(config.jwtSecret, config.tokenTtlSeconds);
  const throttle = new LoginThrottleService();
  return {
    tokens,
    throttle,
    auth: new AuthService(tokens, throttle),
    units: new UnitService(),
    users: new UserService(),
    calendar: new CalendarService(),
    caseAccess: new CaseAccessService(),
    caseEvents: new CaseEventService(),
    cases: new CaseService(),
    caseQuery: new CaseQueryService(),
    caseProgress: new CaseProgressService(),
    assignments: new AssignmentService(),
    hearings: new HearingService(),
    live: new LiveService(),
    matters: new MatterService(),
    petitioners: new PetitionerService(config.piiKey),
    serials: new SerialNumberService(),
  };
}

export type AppServices = ReturnType<typeof createServices>;

/** What every request context shares: configuration, database, services, pub/sub and the logger. */
export interface AppRuntime {
  config: AppConfig;
  db: Database;
  services: AppServices;
  pubsub: AppPubSub;
  logger: Logger;
}
