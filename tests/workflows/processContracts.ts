/**
 * What a process may read besides its forms: the variables the server sets when it starts a
 * case, what each worker completes with, and what each message carries. workflows/README.md
 * documents the same contracts for people; the tests check the models against this file.
 */

/** A variable and, for an object, the entries the models may read ('*': any). */
export type Shape = Record<string, string[] | '*'>;

/** Set by the server on every instance it starts for a case (besides the start form's data). */
export const SERVER_VARIABLES: Shape = {
  caseId: [],
  caseReference: [],
  tenantId: [],
  serviceId: [],
  language: [],
  submittedOn: [],
  // params: the manifest's parameters, entries added per service
};

/** Job types of the server's workers and the variables each completes with. */
export const WORKER_OUTPUTS: Record<string, Shape> = {
  'register-lookup': {
    resident: ['id', 'street', 'houseNumber', 'postalCode', 'city', 'movedInOn'],
  },
  'create-invoice': { invoiceDocumentId: [], paymentReference: [], invoiceAmount: [] },
  // plus the variable named by the header resultVariable (default documentId)
  'generate-document': {},
  'send-email': { mailId: [], mailStatus: [] },
  'publish-message': {},
};

/** The BPMN errors a worker throws, by job type. */
export const WORKER_ERRORS: Record<string, string[]> = {
  'register-lookup': ['RESIDENT_NOT_FOUND', 'RESIDENT_AMBIGUOUS'],
};

/** Message name → the variables the message carries. */
export const MESSAGE_VARIABLES: Record<string, Shape> = {
  // published by the server when an objection is filed (portal) or recorded (clerk)
  'objection-received': { objection: ['name', 'email', 'address', 'receivedOn', 'documentId'] },
  // published by building-consultation (tenant kanton) back to the municipality
  'consultation-completed': {
    statement: ['office', 'verdict', 'conditions', 'text', 'documents', 'submittedOn'],
  },
  // published by building-permit to the canton; starts building-consultation
  'consultation-requested': {
    caseReference: [],
    replyTenantId: [],
    office: [],
    applicantName: [],
    project: [
      'type',
      'description',
      'buildingCosts',
      'parcelNumber',
      'address',
      'outsideBuildingZone',
      'heritageProtected',
      'adjacentToCantonalRoad',
    ],
    documents: [],
  },
};

/** Candidate group of tasks for the applicant (shown in the citizen portal, not the inbox). */
export const CITIZEN_GROUP = 'citizen';

/** The task header that marks a public milestone. */
export const MILESTONE_HEADER = 'portal:milestone';

/** When the milestone counts: `activated` (the default) or `completed`. */
export const MILESTONE_ON_HEADER = 'portal:milestoneOn';

/** Merges shapes: entries are united, '*' wins. */
export function mergeShapes(...shapes: Shape[]): Shape {
  const merged: Shape = {};
  for (const shape of shapes) {
    for (const [name, entries] of Object.entries(shape)) {
      const known = merged[name];
      merged[name] =
        known === '*' || entries === '*' ? '*' : [...new Set([...(known ?? []), ...entries])];
    }
  }
  return merged;
}
