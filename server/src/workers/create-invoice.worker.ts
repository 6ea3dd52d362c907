/**
 * Job type `create-invoice`: makes the QR-bill invoice PDF for a fee, from the tenant's
 * creditor data and the debtor, and stores it as a document of the case.
 * Variables: caseId, caseReference, amount (CHF), description, debtor { name, street,
 * buildingNumber?, postalCode, city, country = CH }, language (de | en, default de).
 * Completes with { invoiceDocumentId, paymentReference, invoiceAmount }. Data the QR-bill
 * standard refuses, or a tenant without creditor data, is an incident: retrying cannot fix it.
 */
import { z } from 'zod';
import type { DocumentService } from '../documents/document.service';
import { createInvoicePdf, type Creditor } from '../invoices/invoice.pdf';
import type { Letterhead } from '../pdf/pdfDocument';
import {
  complete,
  idempotencyKeyOf,
  incident,
  outcomeOfError,
  parseVariables,
  systemActor,
  tenantOf,
  type JobHandler,
} from './job';

export const CREATE_INVOICE = 'create-invoice';

const variablesSchema = z.object({
  caseId: z.string().min(1),
  caseReference: z.string().min(1),
  amount: z.number(),
  description: z.string().min(1),
  language: z.enum(['de', 'en']).default('de'),
  debtor: z.object({
    name: z.string(),
    street: z.string(),
    buildingNumber: z.string().optional(),
    postalCode: z.string(),
    city: z.string(),
    country: z.string().default('CH'),
  }),
});

export interface TenantBilling {
  letterhead: Letterhead;
  creditor: Creditor;
}

export interface CreateInvoiceDeps {
  documents: DocumentService;
  /** The tenant's letterhead and creditor account; undefined when it bills nothing. */
  billingFor(tenantId: string): Promise<TenantBilling | undefined>;
  now?: () => Date;
}

export const createInvoice: JobHandler<CreateInvoiceDeps> = async (job, deps) => {
  const parsed = parseVariables(variablesSchema, job);
  if (!parsed.ok) return parsed.outcome;
  const tenantId = tenantOf(job);
  if (!tenantId) return incident(`${CREATE_INVOICE}: the job has no tenant (tenantId)`);
  const v = parsed.value;
  try {
    const billing = await deps.billingFor(tenantId);
    if (!billing)
      return incident(`${CREATE_INVOICE}: no creditor account configured for tenant ${tenantId}`);
    const invoice = await createInvoicePdf({
      language: v.language,
      letterhead: billing.letterhead,
      creditor: billing.creditor,
      debtor: v.debtor,
      amount: v.amount,
      caseReference: v.caseReference,
      description: v.description,
      date: deps.now?.() ?? new Date(),
    });
    const document = await deps.documents.store(
      {
        tenantId,
        caseId: v.caseId,
        kind: 'invoice',
        content: invoice.pdf,
        originalName: `${v.language === 'de' ? 'Rechnung' : 'Invoice'} ${v.caseReference}.pdf`,
        idempotencyKey: idempotencyKeyOf(job),
      },
      { actor: systemActor(CREATE_INVOICE), requestId: idempotencyKeyOf(job) },
    );
    return complete({
      invoiceDocumentId: document.id,
      paymentReference: invoice.paymentReference.reference,
      invoiceAmount: invoice.amount,
    });
  } catch (error) {
    return outcomeOfError(job, error);
  }
};
