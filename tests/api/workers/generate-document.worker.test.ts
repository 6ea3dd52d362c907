import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditService } from '../../../server/src/audit/audit.service';
import { migrateServer } from '../../../server/src/db/database';
import { DocumentService } from '../../../server/src/documents/document.service';
import type { Letterhead } from '../../../server/src/pdf/pdfDocument';
import {
  GENERATE_DOCUMENT,
  generateDocument,
  type GenerateDocumentDeps,
} from '../../../server/src/workers/generate-document.worker';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { jobOf } from './jobs';

let database: TestDatabase;
let documents: DocumentService;
let deps: GenerateDocumentDeps;

const letterheads: Record<string, Letterhead> = {
  luzern: {
    name: 'Stadt Luzern',
    department: 'Einwohnerdienste',
    addressLines: ['Hirschengraben 17', '6002 Luzern'],
    place: 'Luzern',
  },
};

const variables = {
  caseId: 'case-cert-1',
  caseReference: 'LU-2026-00042',
  title: 'Wohnsitzbestätigung',
  paragraphs: ['Wir bestätigen den Wohnsitz von Lea Keller an der Bruchstrasse 15 in 6003 Luzern.'],
  recipient: { name: 'Lea Keller', addressLines: ['Bruchstrasse 15', '6003 Luzern'] },
};

beforeAll(async () => {
  database = await createTestDatabase();
  const db = await database.open();
  await migrateServer(db);
  documents = new DocumentService(db.knex, new AuditService(db.knex), {
    maxDocumentsPerCase: 1,
    maxBytesPerCase: 1,
  });
  deps = {
    documents,
    letterheadFor: async (tenantId) => letterheads[tenantId],
    now: () => new Date('2026-11-28T09:30:00Z'),
  };
});

afterAll(async () => {
  await database?.drop();
});

describe('generate-document worker', () => {
  it('renders the certificate, stores it with the case and completes with its id', async () => {
    // when the job runs
    const outcome = await generateDocument(
      jobOf(GENERATE_DOCUMENT, variables, { customHeaders: { documentKind: 'certificate' } }),
      deps,
    );

    // then the case has a certificate PDF, outside the upload quota, and the process gets its id
    expect(outcome).toEqual({ kind: 'complete', variables: { documentId: expect.any(String) } });
    const [stored] = await documents.listByCase({ tenantId: 'luzern', caseId: 'case-cert-1' });
    expect(stored).toMatchObject({
      kind: 'certificate',
      mediaType: 'application/pdf',
      originalName: 'Wohnsitzbestätigung LU-2026-00042.pdf',
      createdBy: 'system:worker:generate-document',
    });
    expect(outcome.kind === 'complete' && outcome.variables.documentId).toBe(stored!.id);
    const pdf = await documents.get(
      { tenantId: 'luzern', caseId: 'case-cert-1', documentId: stored!.id },
      { actor: { type: 'system', id: 'test' } },
    );
    expect(pdf.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.content.length).toBe(stored!.sizeBytes);
  });

  it('stores one document however often the same job runs, under the header’s result variable', async () => {
    const job = jobOf(
      GENERATE_DOCUMENT,
      { ...variables, caseId: 'case-cert-2' },
      {
        customHeaders: { documentKind: 'decision', resultVariable: 'decisionDocumentId' },
      },
    );
    const first = await generateDocument(job, deps);
    const second = await generateDocument({ ...job, retries: 2 }, deps);
    expect(first).toMatchObject({
      kind: 'complete',
      variables: { decisionDocumentId: expect.any(String) },
    });
    expect(second).toEqual(first);
    expect(await documents.listByCase({ tenantId: 'luzern', caseId: 'case-cert-2' })).toHaveLength(
      1,
    );
  });

  it.each([
    [
      'the tenant has no letterhead',
      variables,
      { tenantId: 'eschenbach', customHeaders: { documentKind: 'certificate' } },
      /no letterhead configured for tenant eschenbach/,
    ],
    ['the header documentKind is missing', variables, {}, /documentKind/],
    [
      'the header documentKind is unknown',
      variables,
      { customHeaders: { documentKind: 'invoice' } },
      /documentKind/,
    ],
    [
      'there are no paragraphs',
      { ...variables, paragraphs: [] },
      { customHeaders: { documentKind: 'certificate' } },
      /paragraphs/,
    ],
  ])('raises an incident when %s', async (_what, jobVariables, overrides, message) => {
    const outcome = await generateDocument(jobOf(GENERATE_DOCUMENT, jobVariables, overrides), deps);
    expect(outcome).toMatchObject({ kind: 'fail', retries: 0 });
    expect(outcome.kind === 'fail' && outcome.message).toMatch(message);
  });
});
