/** The staff case API's shapes (server/src/cases/caseView.ts), as the UI reads them. */
export type LocalizedText = { de: string; en: string };

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

export interface CaseSummary {
  id: string;
  reference: string;
  tenantId: string;
  serviceId: string;
  serviceTitle: LocalizedText;
  status: CaseStatus;
  applicantName: string | null;
  applicantEmail: string;
  submittedAt: string;
  processInstanceKey: string | null;
}

export interface CaseTask {
  id?: string;
  name?: string;
  status?: 'open' | 'completed' | 'canceled';
  /** `citizen`: a request to the applicant (a user task for the candidate group `citizen`). */
  audience?: 'staff' | 'citizen';
  assignee?: string | null;
  dueDate?: string | null;
  createdAt?: string;
  completedAt?: string | null;
}

export const DOCUMENT_KINDS = ['upload', 'decision', 'certificate', 'invoice'] as const;

export interface CaseDocument {
  id: string;
  kind: string;
  name: string;
  mediaType: string;
  sizeBytes: number;
  createdAt: string;
}

export interface CaseMilestone {
  id: string;
  label: LocalizedText;
  reachedAt: string | null;
}

export interface CaseView {
  id: string;
  reference: string;
  tenant: { id: string; name: string };
  service: { id: string; title: LocalizedText };
  status: CaseStatus;
  submittedAt: string;
  expectedCompletionAt: string | null;
  decidedAt: string | null;
  closedAt: string | null;
  decision: string | null;
  timeline: { at: string; kind: string; label: LocalizedText }[];
  documents: CaseDocument[];
  milestones: CaseMilestone[];
  openRequests: { id: string; title: LocalizedText; createdAt: string; dueAt: string | null }[];
  applicant: { email: string; name: string | null; language: string };
  variables: Record<string, unknown>;
  processInstanceKey: string | null;
  bpmnProcessId: string;
  lastStartError: string | null;
  tasks: CaseTask[];
  audit: {
    at: string;
    actor: { type: string; id?: string };
    action: string;
    details?: Record<string, unknown>;
  }[];
}

export function localized(text: LocalizedText | undefined, locale: string): string {
  if (!text) return '';
  return locale.startsWith('en') ? text.en : text.de;
}
