/**
 * Citizen access without an account (see `citizenAccess.service.ts`):
 *
 *   GET  /api/portal/cases/{reference}                       Bearer tracking token or session
 *   GET  /api/portal/cases/{reference}/documents/{documentId} the same, a download
 *   POST /api/portal/my-cases/code                           { email } → 202, code by mail
 *   POST /api/portal/my-cases/session                        { email, code } → { token, expiresAt }
 *   GET  /api/portal/my-cases                                Bearer session → the address's cases
 *
 * No Authorization header: 401. A token that does not open the case — wrong, expired, of
 * another case, or a reference that does not exist — is always the same 404.
 */
import { Router, type Request } from 'express';
import { z } from 'zod';
import type { CaseViews } from '../cases/caseView';
import { STATUS_LABELS } from '../cases/caseView';
import type { DocumentService } from '../documents/document.service';
import { sendDocument } from '../documents/download';
import { CitizenSignInRequiredError, NotFoundError } from '../http/errors';
import { parseRequest } from '../http/parseRequest';
import type { RouteModule } from '../http/routeModule';
import type { CitizenAccessService } from './citizenAccess.service';
import { citizenOpenApi } from './citizen.openapi';

const emailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email());
const codeBody = z.strictObject({ email: emailSchema });
const sessionBody = z.strictObject({
  email: emailSchema,
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'must be 6 digits'),
});
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function bearer(req: Request): string {
  const match = /^Bearer\s+([A-Za-z0-9._~+/-]{16,200}=*)$/.exec(req.get('Authorization') ?? '');
  if (!match?.[1]) throw new CitizenSignInRequiredError('no bearer token');
  return match[1];
}

export function citizenRoutes(deps: {
  access: CitizenAccessService;
  views: CaseViews;
  documents: DocumentService;
}): RouteModule {
  const router = Router();

  router.get('/api/portal/cases/:reference', async (req, res) => {
    const token = bearer(req);
    const { record, access } = await deps.access.authorizeCase(String(req.params.reference), token);
    await deps.access.auditRead(record, access, 'case.read', String(req.id));
    res.set('Cache-Control', 'no-store');
    res.json(await deps.views.citizen(record));
  });

  router.get('/api/portal/cases/:reference/documents/:documentId', async (req, res) => {
    const token = bearer(req);
    const { record, access } = await deps.access.authorizeCase(String(req.params.reference), token);
    const documentId = String(req.params.documentId);
    if (!UUID.test(documentId)) throw new NotFoundError('document');
    const actorId = access.via === 'session' ? 'my-cases-session' : `case:${record.id}`;
    const document = await deps.documents.get(
      { tenantId: record.tenantId, caseId: record.id, documentId },
      { actor: { type: 'citizen', id: actorId }, requestId: String(req.id) },
    );
    sendDocument(res, document);
  });

  router.post('/api/portal/my-cases/code', async (req, res) => {
    const body = parseRequest(codeBody, req.body);
    await deps.access.requestCode(body.email, req.ip ?? 'unknown');
    res.status(202).json({ sent: true });
  });

  router.post('/api/portal/my-cases/session', async (req, res) => {
    const body = parseRequest(sessionBody, req.body);
    const session = await deps.access.openSession(body.email, body.code);
    res.set('Cache-Control', 'no-store');
    res.status(201).json({ token: session.token, expiresAt: session.expiresAt });
  });

  router.get('/api/portal/my-cases', async (req, res) => {
    const email = await deps.access.sessionEmail(bearer(req));
    if (!email) throw new CitizenSignInRequiredError('no valid session');
    const cases = await deps.access.casesOf(email);
    await deps.access.auditList(cases.length, String(req.id));
    res.set('Cache-Control', 'no-store');
    res.json({
      cases: cases.map((record) => ({
        reference: record.reference,
        tenantId: record.tenantId,
        serviceId: record.serviceId,
        serviceTitle: deps.views.serviceTitle(record.serviceId),
        status: record.status,
        statusLabel: STATUS_LABELS[record.status],
        submittedAt: record.submittedAt,
        expectedCompletionAt: record.expectedCompletionAt,
      })),
    });
  });

  return { prefix: '', router, openapi: citizenOpenApi };
}
