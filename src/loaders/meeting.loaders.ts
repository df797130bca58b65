import { AgendaItem, JointMeeting, MeetingOpinion, MeetingParticipant, WordingSignOff } from '../entities/joint-meeting.entity';
import { byIdLoader, groupedLoader } from './by-id.loader';

export const meetingById = byIdLoader(JointMeeting);
export const agendaItemById = byIdLoader(AgendaItem);
export const participantsByMeetingId = groupedLoader(MeetingParticipant, 'meetingId', { position: 'ASC' });
export const agendaByMeetingId = groupedLoader(AgendaItem, 'meetingId', { position: 'ASC' });
export const opinionsByAgendaItemId = groupedLoader(MeetingOpinion, 'agendaItemId', { createdAt: 'ASC' });
export const signOffsByAgendaItemId = groupedLoader(WordingSignOff, 'agendaItemId', { at: 'ASC' });
export const opinionById = byIdLoader(MeetingOpinion);
export const participantById = byIdLoader(MeetingParticipant);
