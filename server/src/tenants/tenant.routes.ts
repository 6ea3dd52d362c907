/**
 * GET /api/tenants (public): the canton and the municipalities for the portal's picker, with
 * official name and BFS number; GET /api/tenants/{id}: one of them.
 */
import { Router } from 'express';
import { authContext } from '../auth/authContext';
import { parseRequest } from '../auth/validation';
import { NotFoundError } from '../http/errors';
import type { RouteModule } from '../http/routeModule';
import { listTenantsQuery, tenantParams } from './tenant.schemas';
import { tenantOpenApi } from './tenant.openapi';
import type { Tenant } from './tenant.service';

function publicTenant(tenant: Tenant) {
  return {
    id: tenant.id,
    kind: tenant.kind,
    name: tenant.name,
    bfsNumber: tenant.bfsNumber,
    district: tenant.district,
  };
}

export function tenantRoutes(): RouteModule {
  const router = Router();

  router.get('/api/tenants', async (req, res) => {
    const { kind } = parseRequest(listTenantsQuery, req.query);
    const tenants = await authContext(req).tenants.list({ kind });
    res.set('Cache-Control', 'public, max-age=300');
    res.json(tenants.map(publicTenant));
  });

  router.get('/api/tenants/:id', async (req, res) => {
    const params = tenantParams.safeParse(req.params);
    const tenant = params.success ? await authContext(req).tenants.get(params.data.id) : undefined;
    if (!tenant) throw new NotFoundError('tenant');
    res.set('Cache-Control', 'public, max-age=300');
    res.json(publicTenant(tenant));
  });

  return { prefix: '', router, openapi: tenantOpenApi };
}
