/**
 * GET /api/admin/audit-log: the audit log for administrators, newest first, filtered and paged
 * (react-admin partial pagination: `{ data, pageInfo }`). Only entries of the caller's tenants;
 * entries without a tenant only for platform administrators. The read is audited itself.
 */
import { Router } from 'express';
import { z } from 'zod';
import type { RouteModule } from '../http/routeModule';
import { MAX_PER_PAGE, parseOrThrow, type AuthorizeAdmin } from './admin';
import { auditOpenApi } from './audit.openapi';
import type { AuditService } from './audit.service';

const text = (max: number) => z.string().trim().min(1).max(max);

export const auditQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  perPage: z.coerce.number().int().min(1).max(MAX_PER_PAGE).default(25),
  tenantId: text(64).optional(),
  actorType: z.enum(['staff', 'citizen', 'system']).optional(),
  actorId: text(128).optional(),
  action: text(64).optional(),
  objectType: text(64).optional(),
  objectId: text(128).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

export function auditRoutes(deps: {
  audit: AuditService;
  authorizeAdmin: AuthorizeAdmin;
}): RouteModule {
  const router = Router();
  router.get('/api/admin/audit-log', async (req, res) => {
    const scope = await deps.authorizeAdmin(req);
    const { page, perPage, from, to, ...filter } = parseOrThrow(auditQuerySchema, req.query);
    const result = await deps.audit.list({
      scope: scope.tenantIds,
      filter: {
        ...filter,
        ...(from ? { from: new Date(from) } : {}),
        ...(to ? { to: new Date(to) } : {}),
      },
      page,
      perPage,
    });
    await deps.audit.record({
      actor: scope.actor,
      tenantId: filter.tenantId ?? null,
      action: 'audit_log.list',
      objectType: 'audit_log',
      objectId: null,
      requestId: String(req.id),
      details: { page, perPage, results: result.data.length },
    });
    res.json(result);
  });
  return { prefix: '', router, openapi: auditOpenApi };
}
