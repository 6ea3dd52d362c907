/** A task as GET /api/tasks and /api/tasks/{id} answer (server/src/tasks/task.model.ts). */
export interface TaskRecord {
  id: string;
  tenantId: string;
  status: 'open' | 'completed' | 'canceled';
  caseId: string | null;
  caseReference: string | null;
  applicantName: string | null;
  serviceId: string | null;
  bpmnProcessId: string;
  processInstanceKey: string;
  elementId: string;
  name: string;
  candidateGroups: string[];
  candidateUsers: string[];
  assignee: string | null;
  dueDate: string | null;
  followUpDate: string | null;
  formKey: string | null;
  createdAt: string;
  completedAt: string | null;
  variables?: Record<string, unknown>;
  form?: { id: string; schema: Record<string, unknown> } | null;
  milestone?: string | null;
  completedBy?: string | null;
}

export type InboxView = 'mine' | 'groups' | 'unassigned' | 'all';
