import { Assignment } from '../entities/assignment.entity';
import { CaseEventRecord } from '../entities/case-event.entity';
import { Case } from '../entities/case.entity';
import { Extension } from '../entities/extension.entity';
import { Instruction } from '../entities/instruction.entity';
import { Matter } from '../entities/matter.entity';
import { Petitioner } from '../entities/petitioner.entity';
import { Reply } from '../entities/reply.entity';
import { ReplyWording } from '../entities/reply-wording.entity';
import { Supervision } from '../entities/supervision.entity';
import { User } from '../entities/user.entity';
import DataLoader from 'dataloader';
import type { SelectQueryBuilder } from 'typeorm';
import type { LoaderFactory, RequestContext } from '../context/request-context';
import { byIdLoader, groupedLoader } from './by-id.loader';
import { entitiesOf } from '../db/entity-rows';

export const caseById = byIdLoader(Case);
export const userById = byIdLoader(User);
export const matterById = byIdLoader(Matter);
export const wordingById = byIdLoader(ReplyWording);
export const assignmentById = byIdLoader(Assignment);
export const petitionersByCaseId = groupedLoader(Petitioner, 'caseId', { position: 'ASC' });
export const assignmentsByCaseId = groupedLoader(Assignment, 'caseId', { assignedAt: 'ASC' });
export const repliesByCaseId = groupedLoader(Reply, 'caseId', { repliedAt: 'ASC' });
export const instructionsByCaseId = groupedLoader(Instruction, 'caseId', { requestedAt: 'ASC' });
export const eventsByCaseId = groupedLoader(CaseEventRecord, 'caseId', { at: 'ASC', seq: 'ASC' });
export const extensionsByAssignmentId = groupedLoader(Extension, 'assignmentId', { requestedAt: 'ASC' });
export const supervisionsByAssignmentId = groupedLoader(Supervision, 'assignmentId', { createdAt: 'ASC' });
export const casesByReferredFromCaseId = groupedLoader(Case, 'referredFromCaseId', { createdAt: 'ASC' });
export const casesByMatterId = groupedLoader(Case, 'matterId', { receivedAt: 'ASC' });
export const casesByReceptionId = groupedLoader(Case, 'receptionId', { receivedAt: 'ASC' });

/** Where visible cases come from: a query over the cases the viewer may see, aliased `c`. */
export interface VisibleCaseSource {
  visibleCases(ctx: RequestContext): Promise<SelectQueryBuilder<Case>>;
}

/**
 * A loader factory for cases by id as the viewer may see them (null when hidden), through the one visibility
 * query. Create it once per process: the request caches loaders by factory.
 */
export function visibleCaseLoader(source: VisibleCaseSource): LoaderFactory<string, Case | null> {
  return (ctx) =>
    new DataLoader<string, Case | null>(async (ids) => {
      const rows = await entitiesOf((await source.visibleCases(ctx)).andWhere('c.id IN (:...visibleIds)', { visibleIds: [...ids] }));
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    });
}
