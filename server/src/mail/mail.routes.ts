/**
 * The mail outbox for administrators: GET /api/admin/mail-outbox (newest first, without
 * bodies, partial pagination) and GET /api/admin/mail-outbox/{id} (with bodies). Only mails
 * of the caller's tenants; a mail of another tenant is 404. Both reads are audited.
 */
import { Router } from 'express';
import { z } from 'zod';
import { MAX_PER_PAGE, parseOrThrow, type AuthorizeAdmin } from '../audit/admin';
import type { AuditService } from '../audit/audit.service';
import type { RouteModule } from '../http/routeModule';
import { mailOpenApi } from './mail.openapi';
import type { MailService } from './mail.service';

export const outboxQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  perPage: z.coerce.number().int().min(1).max(MAX_PER_PAGE).default(25),
  tenantId: z.string().trim().min(1).max(64).optional(),
  caseId: z.string().trim().min(1).max(200).optional(),
  status: z.enum(['queued', 'sent', 'failed']).optional(),
});

export function mailOutboxRoutes(deps: {
  mail: MailService;
  audit: AuditService;
  authorizeAdmin: AuthorizeAdmin;
}): RouteModule {
  const router = Router();
  router.get('/api/admin/mail-outbox', async (req, res) => {
    const scope = await deps.authorizeAdmin(req);
    const query = parseOrThrow(outboxQuerySchema, req.query);
    const result = await deps.mail.list({ ...query, scope: scope.tenantIds });
    await deps.audit.record({
      actor: scope.actor,
      tenantId: query.tenantId ?? null,
      action: 'mail.list',
      objectType: 'mail',
      objectId: null,
      requestId: String(req.id),
      details: { page: query.page, perPage: query.perPage, results: result.data.length },
    });
    res.json(result);
  });
  router.get('/api/admin/mail-outbox/:id', async (req, res) => {
    const scope = await deps.authorizeAdmin(req);
    const mail = await deps.mail.get(req.params.id, scope.tenantIds);
    await deps.audit.record({
      actor: scope.actor,
      tenantId: mail.tenantId,
      action: 'mail.read',
      objectType: 'mail',
      objectId: mail.id,
      requestId: String(req.id),
      details: { caseId: mail.caseId },
    });
    res.json(mail);
  });
  return { prefix: '', router, openapi: mailOpenApi };
}
