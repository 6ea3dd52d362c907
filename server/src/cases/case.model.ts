/**
 * A case as the read model keeps it (`public.cases`), and its status. Rows are read with
 * `toCase`; nothing outside `cases/` and `submissions/` writes the table.
 */
export const CASE_STATUSES = [
  'waiting_to_start',
  'submitted',
  'in_progress',
  'waiting_for_citizen',
  'decided',
  'closed',
  'rejected',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Statuses after which nothing changes for the citizen any more. */
export const FINAL_STATUSES: readonly CaseStatus[] = ['closed', 'rejected'];

export interface CaseRow {
  id: string;
  reference: string;
  tenant_id: string;
  service_id: string;
  bpmn_process_id: string;
  process_instance_key: string | null;
  status: CaseStatus;
  applicant_email: string;
  applicant_name: string | null;
  applicant_language: 'de' | 'en';
  tracking_token_hash: string;
  idempotency_key_hash: string | null;
  request_hash: string | null;
  form_data: Record<string, unknown> | string;
  submitted_at: Date;
  expected_completion_at: Date | null;
  started_at: Date | null;
  start_attempts: number;
  next_start_at: Date | null;
  last_start_error: string | null;
  decision: string | null;
  decided_at: Date | null;
  closed_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface CaseRecord {
  id: string;
  reference: string;
  tenantId: string;
  serviceId: string;
  bpmnProcessId: string;
  processInstanceKey: string | null;
  status: CaseStatus;
  applicant: { email: string; name: string | null; language: 'de' | 'en' };
  formData: Record<string, unknown>;
  submittedAt: Date;
  expectedCompletionAt: Date | null;
  startedAt: Date | null;
  startAttempts: number;
  lastStartError: string | null;
  decision: string | null;
  decidedAt: Date | null;
  closedAt: Date | null;
  updatedAt: Date;
}

export function toCase(row: CaseRow): CaseRecord {
  return {
    id: row.id,
    reference: row.reference,
    tenantId: row.tenant_id,
    serviceId: row.service_id,
    bpmnProcessId: row.bpmn_process_id,
    processInstanceKey: row.process_instance_key,
    status: row.status,
    applicant: {
      email: row.applicant_email,
      name: row.applicant_name,
      language: row.applicant_language,
    },
    formData:
      typeof row.form_data === 'string'
        ? (JSON.parse(row.form_data) as Record<string, unknown>)
        : row.form_data,
    submittedAt: row.submitted_at,
    expectedCompletionAt: row.expected_completion_at,
    startedAt: row.started_at,
    startAttempts: Number(row.start_attempts),
    lastStartError: row.last_start_error,
    decision: row.decision,
    decidedAt: row.decided_at,
    closedAt: row.closed_at,
    updatedAt: row.updated_at,
  };
}

export const CASE_REFERENCE = /^LU-\d{4}-\d{6,}$/;
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
