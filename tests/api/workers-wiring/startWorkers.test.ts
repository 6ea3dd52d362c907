/**
 * The server starts its job workers against the engine: a process of register lookup, QR-bill
 * invoice, certificate and e-mail runs through to its end with nothing but the server, using
 * the tenant's letterhead and creditor account from the tenants table. And the seeded
 * stationery of the canton, Luzern and Eschenbach is complete, with valid QR-IBANs.
 */
import { randomUUID } from 'node:crypto';
import { isIBANValid, isQRIBAN, isQRReferenceValid } from 'swissqrbill/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantStationery } from '../../../server/src/workers/tenantStationery';
import { bpmn, sdkClient, type ZeebeGrpcClient } from '../../engine/harness';
import { startTestServer, type TestServer } from '../../server/support/testServer';

let server: TestServer;
let zeebe: ZeebeGrpcClient;

beforeAll(async () => {
  server = await startTestServer();
  zeebe = sdkClient(server.engineAddress);
  await zeebe.deployResource({
    processFilename: bpmn(import.meta.url, 'fee-and-certificate.bpmn'),
  });
});

afterAll(async () => {
  await zeebe?.close();
  await server?.stop();
});

describe('the workers the server starts', () => {
  it('run a process of lookup, invoice, certificate and e-mail to its end', async () => {
    // given a case of Luzern for a resident in the register
    const caseId = randomUUID();

    // when its process runs with nothing but the server's workers
    const result = await zeebe.createProcessInstanceWithResult({
      bpmnProcessId: 'fee-and-certificate',
      variables: {
        caseId,
        caseReference: 'LU-2026-000777',
        tenantId: 'luzern',
        lastName: 'Keller',
        firstName: 'Lea',
        birthDate: '1999-05-28',
      },
      requestTimeout: 30_000,
    });

    // then the register found her, the invoice carries a QR reference (Luzern's QR-IBAN)
    const variables = result.variables as Record<string, unknown>;
    expect(variables).toMatchObject({
      resident: { street: 'Bruchstrasse' },
      invoiceAmount: 30,
      mailStatus: 'queued',
    });
    expect(isQRReferenceValid(String(variables.paymentReference))).toBe(true);
    // and the invoice and the certificate are PDFs kept with the case
    const documents = (await server
      .knex('public.documents')
      .where({ case_id: caseId })
      .orderBy('kind')
      .select('id', 'kind', 'media_type', 'tenant_id')) as Record<string, string>[];
    expect(documents).toEqual([
      {
        id: variables.certificateDocumentId,
        kind: 'certificate',
        media_type: 'application/pdf',
        tenant_id: 'luzern',
      },
      {
        id: variables.invoiceDocumentId,
        kind: 'invoice',
        media_type: 'application/pdf',
        tenant_id: 'luzern',
      },
    ]);
    // and the e-mail waits in the outbox (no SMTP server configured)
    const mail = await server
      .knex('public.mail_outbox')
      .where({ id: variables.mailId as string })
      .first();
    expect(mail).toMatchObject({ status: 'queued', tenant_id: 'luzern' });
  });
});

describe('tenant stationery', () => {
  it.each([
    ['kanton', 'Kanton Luzern', '6002 Luzern'],
    ['luzern', 'Stadt Luzern', '6002 Luzern'],
    ['eschenbach', 'Gemeinde Eschenbach', '6274 Eschenbach'],
  ])(
    '%s has a letterhead and a creditor account with a valid QR-IBAN',
    async (tenantId, name, place) => {
      const stationery = tenantStationery(server.knex);
      const letterhead = await stationery.letterheadFor(tenantId);
      const billing = await stationery.billingFor(tenantId);
      expect(letterhead).toMatchObject({ name, addressLines: [expect.any(String), place] });
      expect(billing?.creditor).toMatchObject({ name, country: 'CH' });
      expect(isIBANValid(billing!.creditor.iban)).toBe(true);
      expect(isQRIBAN(billing!.creditor.iban)).toBe(true);
    },
  );

  it('is missing for a tenant without data, which the workers turn into an incident', async () => {
    const stationery = tenantStationery(server.knex);
    expect(await stationery.letterheadFor('root')).toBeUndefined();
    expect(await stationery.billingFor('root')).toBeUndefined();
    expect(await stationery.billingFor('no-such-tenant')).toBeUndefined();
  });
});
