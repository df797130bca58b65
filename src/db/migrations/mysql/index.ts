import { Initial1795807305582 } from './1795807305582-Initial';
import { Cases1795807888829 } from './1795807888829-Cases';
import { DeadlineAlerts1795808400364 } from './1795808400364-DeadlineAlerts';
import { HearingPauseAndMatterEvents1795809778324 } from './1795809778324-HearingPauseAndMatterEvents';
import { AuthSessionsAndUsernameKey1796099556841 } from './1796099556841-AuthSessionsAndUsernameKey';
import { LongTextMediumtext1796100313458 } from './1796100313458-LongTextMediumtext';
import { JointMeetings1796101089172 } from './1796101089172-JointMeetings';
import { WordingAuthors1796101237255 } from './1796101237255-WordingAuthors';
import { ReportIndexes1796103198187 } from './1796103198187-ReportIndexes';
import { OfficeDuties1796112437297 } from './1796112437297-OfficeDuties';
import { OfficeClocks1796112561086 } from './1796112561086-OfficeClocks';
import { SimilarityIndex1796116194258 } from './1796116194258-SimilarityIndex';
import { ContentEditedEvent1796116963818 } from './1796116963818-ContentEditedEvent';
import { SimilarityScopeKey1796168594556 } from './1796168594556-SimilarityScopeKey';
import { StatisticsReportMarkers1796182093006 } from './1796182093006-StatisticsReportMarkers';
import { CaseEventTypeSeqIndex1796201699394 } from './1796201699394-CaseEventTypeSeqIndex';
import { AssignmentCaseReportKey1796203976588 } from './1796203976588-AssignmentCaseReportKey';
import { OpenClockIndexes1796282983828 } from './1796282983828-OpenClockIndexes';
import { BulletinSummary1796313461725 } from './1796313461725-BulletinSummary';

/** MySQL/MariaDB migrations in the order they run. */
export const MYSQL_MIGRATIONS: Function[] = [Initial1795807305582, Cases1795807888829, DeadlineAlerts1795808400364, HearingPauseAndMatterEvents1795809778324, AuthSessionsAndUsernameKey1796099556841, LongTextMediumtext1796100313458, JointMeetings1796101089172, WordingAuthors1796101237255, ReportIndexes1796103198187, OfficeDuties1796112437297, OfficeClocks1796112561086, SimilarityIndex1796116194258, ContentEditedEvent1796116963818, SimilarityScopeKey1796168594556, StatisticsReportMarkers1796182093006, CaseEventTypeSeqIndex1796201699394, AssignmentCaseReportKey1796203976588, OpenClockIndexes1796282983828, BulletinSummary1796313461725];
