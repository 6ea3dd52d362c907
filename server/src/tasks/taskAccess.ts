/**
 * Who sees a staff task: a clerk or administrator of the task's tenant who is an administrator
 * there, its assignee, one of its candidate users, or in one of its candidate groups (in that
 * tenant). Nobody else — another tenant's staff, a clerk outside the
 * groups — learns that the task exists (404). Citizen tasks are never shown to staff.
 * Administrators of the canton see the canton's tasks, not the municipalities' (tasks carry
 * personal data).
 */
import { groupsIn, hasRole, type StaffPrincipal } from '../auth';
import type { TaskRow } from './task.model';

export function canSeeTask(
  principal: StaffPrincipal,
  task: Pick<
    TaskRow,
    'tenant_id' | 'audience' | 'assignee' | 'candidate_groups' | 'candidate_users'
  >,
): boolean {
  if (task.audience !== 'staff' || !worksTasksIn(principal, task.tenant_id)) return false;
  if (isTaskAdmin(principal, task.tenant_id)) return true;
  if (task.assignee === principal.username) return true;
  if (task.candidate_users.includes(principal.username)) return true;
  const groups = groupsIn(principal, task.tenant_id);
  return task.candidate_groups.some((group) => groups.includes(group));
}

/** Whether the staff member may be given the task: works tasks of its tenant and is a candidate. */
export function isCandidate(
  principal: StaffPrincipal,
  task: Pick<TaskRow, 'tenant_id' | 'candidate_groups' | 'candidate_users'>,
): boolean {
  if (!worksTasksIn(principal, task.tenant_id)) return false;
  if (!task.candidate_groups.length && !task.candidate_users.length) return true;
  if (task.candidate_users.includes(principal.username)) return true;
  const groups = groupsIn(principal, task.tenant_id);
  return task.candidate_groups.some((group) => groups.includes(group));
}

export function isTaskAdmin(principal: StaffPrincipal, tenantId: string): boolean {
  return hasRole(principal, tenantId, 'admin');
}

/** Clerks and administrators work tasks; a designer's membership shows none. */
export function worksTasksIn(principal: StaffPrincipal, tenantId: string): boolean {
  return hasRole(principal, tenantId, ['clerk', 'admin']);
}
