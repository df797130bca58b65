import type { RequestContext } from '../context/request-context';
import { updateVersioned } from '../db/versioned-update';
import { type AssignmentAction, assertAssignmentTransition } from '../domain/case-workflow';
import { Assignment } from '../entities/assignment.entity';

/**
 * Applies an assignment transition with an optimistic version check. Kept apart from `AssignmentService` because
 * closing or answering a case moves assignments too, and `AssignmentService` itself depends on `CaseService`.
 */
export async function moveAssignment(ctx: RequestContext, a: Assignment, action: AssignmentAction, patch: Partial<Assignment> = {}): Promise<Assignment> {
  const status = assertAssignmentTransition(a.status, action);
  await updateVersioned(ctx, Assignment, a, { ...patch, status });
  return ctx.repo(Assignment).findOneByOrFail({ id: a.id });
}
