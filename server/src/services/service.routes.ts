/**
 * The service catalog over HTTP.
 *
 * Portal (public): `GET /api/portal/tenants/{tenantId}/services` — the services a citizen of
 * the municipality can use, grouped by life situation; `GET …/services/{serviceId}` — one of
 * them with its start form (form-js JSON).
 *
 * Back office (administrators, ra-data-simple-rest): `/api/admin/service-adoptions` list, get,
 * create, update (PUT), delete; `GET /api/admin/services` — the loaded catalog with the
 * folders that could not be loaded.
 */
import { Router, type Request } from 'express';
import { requireStaff, staffOf } from '../auth/requireStaff';
import { NotFoundError } from '../http/errors';
import { parseRequest } from '../http/parseRequest';
import type { RouteModule } from '../http/routeModule';
import { administeredTenants } from '../staff/principal';
import { sendList, toListRequest } from '../staff/simpleRest';
import type { AdminActor } from '../staff/staffUsers.service';
import {
  adoptionIdSchema,
  createAdoptionBody,
  listAdoptionsQuery,
  updateAdoptionBody,
} from './adoption.schemas';
import type { AdoptionService } from './adoption.service';
import type { CatalogService } from './catalog.service';
import { serviceOpenApi } from './service.openapi';
import { z } from 'zod';

const tenantParams = z.object({ tenantId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,30}$/) });
const serviceParams = tenantParams.extend({
  serviceId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/),
});

const admin = requireStaff({ role: 'admin', tenant: 'any' });

function actorOf(req: Request): AdminActor {
  return { userId: staffOf(req).userId, requestId: String(req.id) };
}

function idParam(req: Request): string {
  const parsed = adoptionIdSchema.safeParse(req.params.id);
  if (!parsed.success) throw new NotFoundError('malformed id');
  return parsed.data;
}

export function serviceRoutes(deps: {
  catalog: CatalogService;
  adoptions: AdoptionService;
}): RouteModule {
  const router = Router();

  router.get('/api/portal/tenants/:tenantId/services', async (req, res) => {
    const params = tenantParams.safeParse(req.params);
    if (!params.success) throw new NotFoundError('tenant');
    const lifeSituations = await deps.catalog.listForTenant(params.data.tenantId);
    res.set('Cache-Control', 'public, max-age=60');
    res.json({ tenantId: params.data.tenantId, lifeSituations });
  });

  router.get('/api/portal/tenants/:tenantId/services/:serviceId', async (req, res) => {
    const params = serviceParams.safeParse(req.params);
    if (!params.success) throw new NotFoundError('service');
    res.set('Cache-Control', 'public, max-age=60');
    res.json(await deps.catalog.portalService(params.data.tenantId, params.data.serviceId));
  });

  router.get('/api/admin/services', admin, (_req, res) => {
    res.json({
      services: deps.catalog.all().map((service) => ({
        id: service.id,
        title: service.manifest.title,
        authority: service.manifest.authority,
        lifeSituation: service.manifest.lifeSituation,
        bpmnProcessId: service.bpmnProcessId,
        checksum: service.checksum,
        milestones: service.manifest.milestones,
        hasStartForm: service.startForm !== null,
      })),
      problems: deps.catalog.problems,
    });
  });

  router.get('/api/admin/service-adoptions', admin, async (req, res) => {
    const query = parseRequest(listAdoptionsQuery, req.query);
    const request = toListRequest(query, 'serviceId', {});
    const { items, total } = await deps.adoptions.list(administeredTenants(staffOf(req)), request);
    sendList(res, 'service-adoptions', request.offset, items, total);
  });

  router.get('/api/admin/service-adoptions/:id', admin, async (req, res) => {
    res.json(await deps.adoptions.get(administeredTenants(staffOf(req)), idParam(req)));
  });

  router.post('/api/admin/service-adoptions', admin, async (req, res) => {
    const body = parseRequest(createAdoptionBody, req.body);
    res
      .status(201)
      .json(await deps.adoptions.create(actorOf(req), administeredTenants(staffOf(req)), body));
  });

  router.put('/api/admin/service-adoptions/:id', admin, async (req, res) => {
    const id = idParam(req);
    const body = parseRequest(updateAdoptionBody, req.body);
    res.json(
      await deps.adoptions.update(actorOf(req), administeredTenants(staffOf(req)), id, body),
    );
  });

  router.delete('/api/admin/service-adoptions/:id', admin, async (req, res) => {
    const id = idParam(req);
    res.json(await deps.adoptions.delete(actorOf(req), administeredTenants(staffOf(req)), id));
  });

  return { prefix: '', router, openapi: serviceOpenApi };
}
