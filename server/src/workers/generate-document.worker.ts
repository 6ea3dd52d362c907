/**
 * Job type `generate-document`: renders a decision or certificate PDF with the tenant's
 * letterhead and stores it as a document of the case.
 * Headers: documentKind (decision | certificate), resultVariable (default documentId).
 * Variables: caseId, caseReference, title, paragraphs, language (de | en, default de),
 * recipient?, signature?. Completes with { [resultVariable]: document id }; a retried job
 * finds the document it stored before. Missing letterhead or bad variables: incident.
 */
import { z } from 'zod';
import type { DocumentService } from '../documents/document.service';
import { renderLetterPdf } from '../pdf/letter.pdf';
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

export const GENERATE_DOCUMENT = 'generate-document';

const variablesSchema = z.object({
  caseId: z.string().min(1),
  caseReference: z.string().min(1).max(60),
  title: z.string().min(1).max(200),
  paragraphs: z.array(z.string().max(5000)).min(1).max(100),
  language: z.enum(['de', 'en']).default('de'),
  recipient: z
    .object({ name: z.string().min(1).max(200), addressLines: z.array(z.string().max(200)).max(5) })
    .optional(),
  signature: z
    .object({ name: z.string().min(1).max(200), role: z.string().max(200).optional() })
    .optional(),
});

const headersSchema = z.object({
  documentKind: z.enum(['decision', 'certificate']),
  resultVariable: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/)
    .default('documentId'),
});

export interface GenerateDocumentDeps {
  documents: DocumentService;
  /** The tenant's letterhead (from the tenants' configuration); undefined when it has none. */
  letterheadFor(tenantId: string): Promise<Letterhead | undefined>;
  now?: () => Date;
}

export const generateDocument: JobHandler<GenerateDocumentDeps> = async (job, deps) => {
  const headers = headersSchema.safeParse(job.customHeaders);
  if (!headers.success) {
    return incident(`${GENERATE_DOCUMENT}: header documentKind must be decision or certificate`);
  }
  const parsed = parseVariables(variablesSchema, job);
  if (!parsed.ok) return parsed.outcome;
  const tenantId = tenantOf(job);
  if (!tenantId) return incident(`${GENERATE_DOCUMENT}: the job has no tenant (tenantId)`);
  const v = parsed.value;
  try {
    const letterhead = await deps.letterheadFor(tenantId);
    if (!letterhead)
      return incident(`${GENERATE_DOCUMENT}: no letterhead configured for tenant ${tenantId}`);
    const pdf = await renderLetterPdf({
      kind: headers.data.documentKind,
      language: v.language,
      letterhead,
      recipient: v.recipient,
      title: v.title,
      reference: v.caseReference,
      date: deps.now?.() ?? new Date(),
      paragraphs: v.paragraphs,
      signature: v.signature,
    });
    const document = await deps.documents.store(
      {
        tenantId,
        caseId: v.caseId,
        kind: headers.data.documentKind,
        content: pdf,
        originalName: `${v.title} ${v.caseReference}.pdf`,
        idempotencyKey: idempotencyKeyOf(job),
      },
      { actor: systemActor(GENERATE_DOCUMENT), requestId: idempotencyKeyOf(job) },
    );
    return complete({ [headers.data.resultVariable]: document.id });
  } catch (error) {
    return outcomeOfError(job, error);
  }
};
