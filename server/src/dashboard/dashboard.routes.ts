/**
 * `GET /api/dashboard?tenantId=&weeks=`: the dashboard's charts for one tenant the staff
 * member belongs to (default: the one they work in); another tenant is 404.
 */
import { Router } from 'express';
import { z } from 'zod';
import { requireStaff, staffOf } from '../auth/requireStaff';
import { NotFoundError } from '../http/errors';
import { parseRequest } from '../http/parseRequest';
import type { RouteModule } from '../http/routeModule';
import { membershipIn } from '../staff/principal';
import { dashboardOpenApi } from './dashboard.openapi';
import type { DashboardService } from './dashboard.service';

export const dashboardQuery = z.strictObject({
  tenantId: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,30}$/)
    .optional(),
  weeks: z.coerce.number().int().min(1).max(52).default(12),
});

export function dashboardRoutes(deps: { dashboard: DashboardService }): RouteModule {
  const router = Router();
  router.get('/api/dashboard', requireStaff({ tenant: 'any' }), async (req, res) => {
    const query = parseRequest(dashboardQuery, req.query);
    const principal = staffOf(req);
    const tenantId = query.tenantId ?? principal.currentTenantId;
    if (!tenantId || !membershipIn(principal, tenantId)) throw new NotFoundError('foreign tenant');
    res.set('Cache-Control', 'private, no-store');
    res.json(await deps.dashboard.stats(tenantId, query.weeks));
  });
  return { prefix: '', router, openapi: dashboardOpenApi };
}
