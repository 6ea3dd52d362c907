/**
 * Staff API of cases: `GET /api/cases` (filters, react-admin partial pagination
 * `{ data, pageInfo }`) and `GET /api/cases/{id}` (id or reference; the whole case). Staff
 * with the role clerk or admin; what each sees is decided in `staffCases.service.ts`.
 * `GET /api/cases/{id}/documents/{documentId}` downloads one of its documents.
 */
import { Router, type Request } from 'express';
import { z } from 'zod';
import { requireStaff, staffOf } from '../auth/requireStaff';
import { MAX_PER_PAGE } from '../audit/admin';
import { parseRequest } from '../http/parseRequest';
import type { RouteModule } from '../http/routeModule';
import type { DocumentService } from '../documents/document.service';
import { sendDocument, sendDocumentInline } from '../documents/download';
import { CASE_STATUSES } from './case.model';
import { caseOpenApi } from './case.openapi';
import type { StaffCaseService } from './staffCases.service';

const staff = requireStaff({ role: ['clerk', 'admin'], tenant: 'any' });

export const listCasesQuery = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  perPage: z.coerce.number().int().min(1).max(MAX_PER_PAGE).default(25),
  tenantId: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,30}$/)
    .optional(),
  serviceId: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,63}$/)
    .optional(),
  status: z.enum(CASE_STATUSES).optional(),
  reference: z.string().trim().min(1).max(20).optional(),
  submittedFrom: z.iso.datetime({ offset: true }).optional(),
  submittedTo: z.iso.datetime({ offset: true }).optional(),
});

function context(req: Request) {
  return { actor: { type: 'staff' as const, id: staffOf(req).userId }, requestId: String(req.id) };
}

const documentQuery = z.strictObject({
  disposition: z.enum(['attachment', 'inline']).default('attachment'),
});

export function caseRoutes(deps: {
  staffCases: StaffCaseService;
  documents?: DocumentService | undefined;
}): RouteModule {
  const router = Router();

  router.get('/api/cases', staff, async (req, res) => {
    const { page, perPage, submittedFrom, submittedTo, ...filter } = parseRequest(
      listCasesQuery,
      req.query,
    );
    res.set('Cache-Control', 'private, no-store');
    res.json(
      await deps.staffCases.list(
        staffOf(req),
        {
          ...filter,
          ...(submittedFrom ? { submittedFrom: new Date(submittedFrom) } : {}),
          ...(submittedTo ? { submittedTo: new Date(submittedTo) } : {}),
        },
        { page, perPage },
        context(req),
      ),
    );
  });

  router.get('/api/cases/:id', staff, async (req, res) => {
    res.set('Cache-Control', 'private, no-store');
    res.json(await deps.staffCases.get(staffOf(req), String(req.params.id), context(req)));
  });

  // A document of a case the staff member may see (the same check as the case), audited as
  // a staff read by DocumentService.get; `?disposition=inline` previews PDFs and images.
  const documents = deps.documents;
  if (documents) {
    router.get('/api/cases/:id/documents/:documentId', staff, async (req, res) => {
      const { disposition } = parseRequest(documentQuery, req.query);
      const record = await deps.staffCases.find(staffOf(req), String(req.params.id));
      const document = await documents.get(
        { tenantId: record.tenantId, caseId: record.id, documentId: String(req.params.documentId) },
        context(req),
      );
      if (disposition === 'inline') sendDocumentInline(res, document);
      else sendDocument(res, document);
    });
  }

  return { prefix: '', router, openapi: caseOpenApi };
}
