/**
 * Monitoring API of the back office (keyset pages `{ items, next }`; pass `next` back as
 * `after`):
 *
 * - `GET /api/monitoring/process-instances` and `GET /api/monitoring/incidents`: operators
 *   (admin or designer); only instances of tenants they operate.
 * - `GET /api/monitoring/process-instances/{key}`: the instance with flow node instances,
 *   variables and incidents — operators, and staff who see its case; audited.
 * - `GET /api/monitoring/process-definitions/{key}/xml`: the BPMN XML (any staff member).
 * - `GET /api/monitoring/process-definitions/{key}/statistics`: per-element counts (heatmap).
 */
import { Router, type Request } from 'express';
import { z } from 'zod';
import { requireStaff, staffOf } from '../auth/requireStaff';
import { MonitoringUnavailableError } from '../http/errors';
import { parseRequest } from '../http/parseRequest';
import type { RouteModule } from '../http/routeModule';
import { OPERATOR_ROLES } from './instanceScope';
import { MAX_PAGE_SIZE } from './Monitoring';
import { monitoringOpenApi } from './monitoring.openapi';
import type { MonitoringService } from './monitoring.service';

const key = z.string().regex(/^\d{1,19}$/, 'must be a decimal key');
const tenantId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,30}$/);
const page = {
  size: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
  after: key.optional(),
};

export const instancesQuery = z.strictObject({
  ...page,
  bpmnProcessId: z.string().min(1).max(255).optional(),
  processDefinitionKey: key.optional(),
  state: z.enum(['ACTIVE', 'INCIDENT', 'COMPLETED', 'CANCELED']).optional(),
  tenantId: tenantId.optional(),
});

export const incidentsQuery = z.strictObject({
  ...page,
  state: z.enum(['ACTIVE', 'RESOLVED']).optional(),
  processInstanceKey: key.optional(),
  processDefinitionKey: key.optional(),
  type: z
    .string()
    .regex(/^[A-Z_]{1,64}$/)
    .optional(),
  tenantId: tenantId.optional(),
});

export const keyParams = z.object({ key });

const operator = requireStaff({ role: OPERATOR_ROLES, tenant: 'any' });
const anyStaff = requireStaff({ tenant: 'any' });

export function monitoringRoutes(deps: { monitoring: MonitoringService | undefined }): RouteModule {
  const router = Router();
  const service = (): MonitoringService => {
    if (!deps.monitoring) throw new MonitoringUnavailableError('no monitoring source');
    return deps.monitoring;
  };
  const noStore = (res: { set(name: string, value: string): unknown }) =>
    res.set('Cache-Control', 'private, no-store');
  const context = (req: Request) => ({
    actor: { type: 'staff' as const, id: staffOf(req).userId },
    requestId: String(req.id),
  });

  router.get('/api/monitoring/process-instances', operator, async (req, res) => {
    const { tenantId: owner, ...query } = parseRequest(instancesQuery, req.query);
    noStore(res);
    res.json(await service().searchInstances(staffOf(req), query, owner));
  });

  router.get('/api/monitoring/process-instances/:key', anyStaff, async (req, res) => {
    const { key: instanceKey } = parseRequest(keyParams, req.params);
    noStore(res);
    res.json(await service().getInstance(staffOf(req), instanceKey, context(req)));
  });

  router.get('/api/monitoring/incidents', operator, async (req, res) => {
    const { tenantId: owner, ...query } = parseRequest(incidentsQuery, req.query);
    noStore(res);
    res.json(await service().searchIncidents(staffOf(req), query, owner));
  });

  router.get('/api/monitoring/process-definitions/:key/xml', anyStaff, async (req, res) => {
    const { key: definitionKey } = parseRequest(keyParams, req.params);
    noStore(res);
    res.json(await service().getDefinition(definitionKey));
  });

  router.get('/api/monitoring/process-definitions/:key/statistics', operator, async (req, res) => {
    const { key: definitionKey } = parseRequest(keyParams, req.params);
    noStore(res);
    res.json(await service().getStatistics(staffOf(req), definitionKey));
  });

  return { prefix: '', router, openapi: monitoringOpenApi };
}
