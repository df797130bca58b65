import { Initial1795807304969 } from './1795807304969-Initial';
import { Cases1795807887498 } from './1795807887498-Cases';
import { DeadlineAlerts1795808397521 } from './1795808397521-DeadlineAlerts';
import { HearingPauseAndMatterEvents1795809775606 } from './1795809775606-HearingPauseAndMatterEvents';
import { AuthSessionsAndUsernameKey1796099552964 } from './1796099552964-AuthSessionsAndUsernameKey';
import { JointMeetings1796101086927 } from './1796101086927-JointMeetings';
import { WordingAuthors1796101228266 } from './1796101228266-WordingAuthors';
import { ReportIndexes1796103193902 } from './1796103193902-ReportIndexes';
import { OfficeClocks1796112502443 } from './1796112502443-OfficeClocks';
import { OfficeDuties1796114391947 } from './1796114391947-OfficeDuties';
import { SimilarityIndex1796116193661 } from './1796116193661-SimilarityIndex';
import { ContentEditedEvent1796116951092 } from './1796116951092-ContentEditedEvent';
import { SimilarityScopeKey1796168586138 } from './1796168586138-SimilarityScopeKey';
import { StatisticsReportMarkers1796182086422 } from './1796182086422-StatisticsReportMarkers';
import { CaseEventTypeSeqIndex1796201686526 } from './1796201686526-CaseEventTypeSeqIndex';
import { AssignmentCaseReportKey1796203965417 } from './1796203965417-AssignmentCaseReportKey';
import { OpenClockIndexes1796282981920 } from './1796282981920-OpenClockIndexes';
import { BulletinSummary1796313460589 } from './1796313460589-BulletinSummary';

/** SQLite migrations in the order they run. */
export const SQLITE_MIGRATIONS: Function[] = [Initial1795807304969, Cases1795807887498, DeadlineAlerts1795808397521, HearingPauseAndMatterEvents1795809775606, AuthSessionsAndUsernameKey1796099552964, JointMeetings1796101086927, WordingAuthors1796101228266, ReportIndexes1796103193902, OfficeClocks1796112502443, OfficeDuties1796114391947, SimilarityIndex1796116193661, ContentEditedEvent1796116951092, SimilarityScopeKey1796168586138, StatisticsReportMarkers1796182086422, CaseEventTypeSeqIndex1796201686526, AssignmentCaseReportKey1796203965417, OpenClockIndexes1796282981920, BulletinSummary1796313460589];
