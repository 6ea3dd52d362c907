/**
 * What a case looks like to the citizen (status, public milestones, timeline, documents,
 * messages, open requests — never element names, variables or staff) and to staff (all of
 * that plus applicant, submitted data, variables, instance key, tasks and audit entries).
 * The timeline is assembled on read from the case, its milestones, messages and requests.
 */
import type { AuditService } from '../audit/audit.service';
import type { DocumentRecord, DocumentService } from '../documents/document.service';
import type { CatalogService } from '../services/catalog.service';
import type { LocalizedText } from '../services/serviceManifest';
import type { CaseRecord, CaseStatus } from './case.model';
import type { CaseMessage, CaseMilestone, CaseService, CitizenRequest } from './case.service';

export interface TimelineEntry {
  at: Date;
  kind: 'submitted' | 'milestone' | 'request' | 'message' | 'decision' | 'closed';
  label: LocalizedText;
  milestoneId?: string;
}

export interface CitizenDocument {
  id: string;
  kind: DocumentRecord['kind'];
  name: string;
  mediaType: string;
  sizeBytes: number;
  createdAt: Date;
}

export interface CitizenCaseView {
  reference: string;
  tenant: { id: string; name: string };
  service: { id: string; title: LocalizedText };
  status: CaseStatus;
  statusLabel: LocalizedText;
  submittedAt: Date;
  expectedCompletionAt: Date | null;
  decidedAt: Date | null;
  milestones: CaseMilestone[];
  timeline: TimelineEntry[];
  documents: CitizenDocument[];
  messages: Omit<CaseMessage, 'createdBy'>[];
  openRequests: CitizenRequest[];
}

export const STATUS_LABELS: Record<CaseStatus, LocalizedText> = {
  waiting_to_start: { de: 'Eingegangen', en: 'Received' },
  submitted: { de: 'Eingereicht', en: 'Submitted' },
  in_progress: { de: 'In Bearbeitung', en: 'In progress' },
  waiting_for_citizen: { de: 'Wartet auf Ihre Antwort', en: 'Waiting for your answer' },
  decided: { de: 'Entschieden', en: 'Decided' },
  closed: { de: 'Abgeschlossen', en: 'Closed' },
  rejected: { de: 'Abgelehnt', en: 'Rejected' },
};

const LABELS = {
  submitted: { de: 'Gesuch eingereicht', en: 'Application submitted' },
  decision: { de: 'Entscheid gefällt', en: 'Decision made' },
  closed: { de: 'Fall abgeschlossen', en: 'Case closed' },
} as const;

export class CaseViews {
  constructor(
    private readonly cases: CaseService,
    private readonly catalog: CatalogService,
    private readonly documents: DocumentService,
    private readonly audit: AuditService,
    private readonly tenantName: (tenantId: string) => Promise<string>,
  ) {}

  async citizen(record: CaseRecord): Promise<CitizenCaseView> {
    const [milestones, messages, openRequests, documents, tenantName] = await Promise.all([
      this.cases.milestones(record),
      this.cases.messages(record.id),
      this.cases.openRequests(record),
      this.documents.listByCase({ tenantId: record.tenantId, caseId: record.id }),
      this.tenantName(record.tenantId),
    ]);
    return {
      reference: record.reference,
      tenant: { id: record.tenantId, name: tenantName },
      service: { id: record.serviceId, title: this.serviceTitle(record.serviceId) },
      status: record.status,
      statusLabel: STATUS_LABELS[record.status],
      submittedAt: record.submittedAt,
      expectedCompletionAt: record.expectedCompletionAt,
      decidedAt: record.decidedAt,
      milestones,
      timeline: timeline(record, milestones, messages, openRequests),
      documents: documents.map(citizenDocument),
      messages: messages.map(({ createdBy: _createdBy, ...message }) => message),
      openRequests,
    };
  }

  async staff(record: CaseRecord) {
    const [citizenView, variables, tasks, auditPage] = await Promise.all([
      this.citizen(record),
      this.cases.variables(record.id),
      this.cases.tasks(record),
      this.audit.list({
        scope: [record.tenantId],
        filter: { objectType: 'case', objectId: record.id },
        perPage: 100,
      }),
    ]);
    return {
      id: record.id,
      ...citizenView,
      applicant: record.applicant,
      formData: record.formData,
      variables: { ...record.formData, ...variables },
      processInstanceKey: record.processInstanceKey,
      bpmnProcessId: record.bpmnProcessId,
      startAttempts: record.startAttempts,
      lastStartError: record.lastStartError,
      decision: record.decision,
      closedAt: record.closedAt,
      tasks,
      audit: auditPage.data.map((entry) => ({
        at: entry.at,
        actor: entry.actor,
        action: entry.action,
        details: entry.details,
      })),
    };
  }

  serviceTitle(serviceId: string): LocalizedText {
    return this.catalog.get(serviceId)?.manifest.title ?? { de: serviceId, en: serviceId };
  }
}

function timeline(
  record: CaseRecord,
  milestones: CaseMilestone[],
  messages: CaseMessage[],
  requests: CitizenRequest[],
): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    { at: record.submittedAt, kind: 'submitted', label: LABELS.submitted },
  ];
  for (const milestone of milestones) {
    if (milestone.reachedAt) {
      entries.push({
        at: milestone.reachedAt,
        kind: 'milestone',
        label: milestone.label,
        milestoneId: milestone.id,
      });
    }
  }
  for (const message of messages) {
    entries.push({
      at: message.createdAt,
      kind: message.kind === 'request' ? 'request' : 'message',
      label: { de: message.subject, en: message.subject },
    });
  }
  for (const request of requests)
    entries.push({ at: request.createdAt, kind: 'request', label: request.title });
  if (record.decidedAt)
    entries.push({ at: record.decidedAt, kind: 'decision', label: LABELS.decision });
  if (record.closedAt) entries.push({ at: record.closedAt, kind: 'closed', label: LABELS.closed });
  return entries.sort((a, b) => a.at.getTime() - b.at.getTime());
}

function citizenDocument(document: DocumentRecord): CitizenDocument {
  return {
    id: document.id,
    kind: document.kind,
    name: document.originalName ?? `${document.kind}.${document.extension}`,
    mediaType: document.mediaType,
    sizeBytes: document.sizeBytes,
    createdAt: document.createdAt,
  };
}
