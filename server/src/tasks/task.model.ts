/**
 * A task as the inbox keeps it (`public.tasks`) and as the API shows it. Rows are read with
 * `toTaskSummary` / `toTaskDetail`; only `tasks/` writes the table.
 */
import type { TaskForm } from './userTaskDefinitions';
import type { TaskAudience } from './userTaskJob';

export const TASK_STATUSES = ['open', 'completed', 'canceled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export interface TaskRow {
  id: string;
  job_key: string;
  tenant_id: string;
  audience: TaskAudience;
  status: TaskStatus;
  case_id: string | null;
  case_reference: string | null;
  applicant_name: string | null;
  service_id: string | null;
  bpmn_process_id: string;
  process_definition_version: number;
  process_definition_key: string | null;
  process_instance_key: string;
  element_id: string;
  element_instance_key: string;
  name: string;
  candidate_groups: string[];
  candidate_users: string[];
  assignee: string | null;
  due_at: Date | null;
  follow_up_at: Date | null;
  due_sort: Date;
  form_key: string | null;
  form_ref: string | null;
  variables: Record<string, unknown> | string;
  milestone: string | null;
  milestone_on_complete: string | null;
  job_deadline: Date;
  completing_since: Date | null;
  completed_at: Date | null;
  completed_by: string | null;
  created_at: Date;
  updated_at: Date;
}

/** Columns a list page reads (no variables). */
export const SUMMARY_COLUMNS = [
  'id',
  'tenant_id',
  'status',
  'case_id',
  'case_reference',
  'applicant_name',
  'service_id',
  'bpmn_process_id',
  'process_instance_key',
  'element_id',
  'name',
  'candidate_groups',
  'candidate_users',
  'assignee',
  'due_at',
  'follow_up_at',
  'due_sort',
  'form_key',
  'completed_at',
  'created_at',
] as const;

export type TaskSummaryRow = Pick<TaskRow, (typeof SUMMARY_COLUMNS)[number]>;

export interface TaskSummary {
  id: string;
  tenantId: string;
  status: TaskStatus;
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
  dueDate: Date | null;
  followUpDate: Date | null;
  formKey: string | null;
  createdAt: Date;
  completedAt: Date | null;
}

export interface TaskDetail extends TaskSummary {
  /** The job's variables the form reads (prefill). */
  variables: Record<string, unknown>;
  /** The task's form, or null: no form, or its deployment was not recorded. */
  form: TaskForm | null;
  milestone: string | null;
  milestoneOnComplete: string | null;
  completedBy: string | null;
}

export function toTaskSummary(row: TaskSummaryRow): TaskSummary {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    status: row.status,
    caseId: row.case_id,
    caseReference: row.case_reference,
    applicantName: row.applicant_name,
    serviceId: row.service_id,
    bpmnProcessId: row.bpmn_process_id,
    processInstanceKey: row.process_instance_key,
    elementId: row.element_id,
    name: row.name,
    candidateGroups: row.candidate_groups,
    candidateUsers: row.candidate_users,
    assignee: row.assignee,
    dueDate: row.due_at,
    followUpDate: row.follow_up_at,
    formKey: row.form_key,
    createdAt: row.created_at,
    completedAt: row.completed_at,
  };
}

export function toTaskDetail(row: TaskRow, form: TaskForm | undefined): TaskDetail {
  return {
    ...toTaskSummary(row),
    variables: variablesOf(row),
    form: form ?? null,
    milestone: row.milestone,
    milestoneOnComplete: row.milestone_on_complete,
    completedBy: row.completed_by,
  };
}

export function variablesOf(row: Pick<TaskRow, 'variables'>): Record<string, unknown> {
  return typeof row.variables === 'string'
    ? (JSON.parse(row.variables) as Record<string, unknown>)
    : row.variables;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
