import { isQRReferenceValid } from 'swissqrbill/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditService } from '../../../server/src/audit/audit.service';
import { migrateServer } from '../../../server/src/db/database';
import { DocumentService } from '../../../server/src/documents/document.service';
import {
  CREATE_INVOICE,
  createInvoice,
  type CreateInvoiceDeps,
  type TenantBilling,
} from '../../../server/src/workers/create-invoice.worker';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { jobOf } from './jobs';

let database: TestDatabase;
let documents: DocumentService;

const luzern: TenantBilling = {
  letterhead: {
    name: 'Stadt Luzern',
    addressLines: ['Hirschengraben 17', '6002 Luzern'],
    place: 'Luzern',
  },
  creditor: {
    iban: 'CH44 3199 9123 0008 8901 2',
    name: 'Stadt Luzern',
    street: 'Hirschengraben',
    buildingNumber: '17',
    postalCode: '6002',
    city: 'Luzern',
    country: 'CH',
  },
};

const variables = {
  caseId: 'case-fee-1',
  caseReference: 'LU-2026-00042',
  amount: 30,
  description: 'Gebühr Wohnsitzbestätigung',
  debtor: {
    name: 'Lea Keller',
    street: 'Bruchstrasse',
    buildingNumber: '15',
    postalCode: '6003',
    city: 'Luzern',
  },
};

const depsWith = (billing: Record<string, TenantBilling>): CreateInvoiceDeps => ({
  documents,
  billingFor: async (tenantId) => billing[tenantId],
  now: () => new Date('2026-11-28T09:30:00Z'),
});

beforeAll(async () => {
  database = await createTestDatabase();
  const db = await database.open();
  await migrateServer(db);
  documents = new DocumentService(db.knex, new AuditService(db.knex), {
    maxDocumentsPerCase: 20,
    maxBytesPerCase: 10_000_000,
  });
});

afterAll(async () => {
  await database?.drop();
});

describe('create-invoice worker', () => {
  it('stores the QR-bill invoice with the case and completes with its id and payment reference', async () => {
    const outcome = await createInvoice(jobOf(CREATE_INVOICE, variables), depsWith({ luzern }));

    expect(outcome).toEqual({
      kind: 'complete',
      variables: {
        invoiceDocumentId: expect.any(String),
        paymentReference: '000000000000021302026000426',
        invoiceAmount: 30,
      },
    });
    expect(isQRReferenceValid('000000000000021302026000426')).toBe(true);
    const [stored] = await documents.listByCase({ tenantId: 'luzern', caseId: 'case-fee-1' });
    expect(stored).toMatchObject({
      kind: 'invoice',
      mediaType: 'application/pdf',
      originalName: 'Rechnung LU-2026-00042.pdf',
    });
  });

  it.each([
    [
      'the tenant has no creditor account',
      variables,
      {},
      /no creditor account configured for tenant luzern/,
    ],
    [
      'the tenant’s IBAN is invalid',
      variables,
      {
        luzern: { ...luzern, creditor: { ...luzern.creditor, iban: 'CH00 0000 0000 0000 0000 0' } },
      },
      /creditor\.iban: is not a valid IBAN/,
    ],
    [
      'the amount has three decimals',
      { ...variables, amount: 30.005 },
      { luzern },
      /amount: at most two decimals/,
    ],
    ['the amount is text', { ...variables, amount: '30' }, { luzern }, /amount/],
    [
      'the debtor has no city',
      { ...variables, debtor: { ...variables.debtor, city: '' } },
      { luzern },
      /debtor\.city/,
    ],
  ])('raises an incident when %s', async (_what, jobVariables, billing, message) => {
    const outcome = await createInvoice(jobOf(CREATE_INVOICE, jobVariables), depsWith(billing));
    expect(outcome).toMatchObject({ kind: 'fail', retries: 0 });
    expect(outcome.kind === 'fail' && outcome.message).toMatch(message);
  });
});
