/**
 * The process library over HTTP, for designers and administrators of the current tenant
 * (requireStaff checks the session, the role, and CSRF on every write):
 *
 *   GET    /api/processes                          services with their latest version (simple-rest)
 *   GET    /api/processes/{id}                     one service: files, versions, the caller's draft
 *   GET    /api/processes/{id}/model               the files to open: the draft, else the latest version
 *   PUT    /api/processes/{id}/draft               { revision, resources }: save (409 on a stale revision)
 *   DELETE /api/processes/{id}/draft               discard the draft
 *   GET    /api/processes/{id}/draft/changes       what the draft changes against the latest version
 *   POST   /api/processes/{id}/deployments         { comment, revision, overwrite? }: deploy the draft
 *
 * A model the engine rejects answers 422 with `errors: [{ field, resource, elementId, message }]`.
 */
import { Router, type Request } from 'express';
import { requireStaff, staffOf } from '../auth/requireStaff';
import { NotFoundError } from '../http/errors';
import { parseRequest } from '../http/parseRequest';
import type { RouteModule } from '../http/routeModule';
import { sendList, toListRequest } from '../staff/simpleRest';
import { processOpenApi } from './process.openapi';
import { deployBody, listProcessesQuery, saveDraftBody, serviceIdParam } from './process.schemas';
import type { Designer, ProcessLibraryService } from './processLibrary.service';

const designer = requireStaff({ role: ['designer', 'admin'], tenant: 'current' });

function designerOf(req: Request): Designer {
  const staff = staffOf(req);
  return { userId: staff.userId, tenantId: staff.currentTenantId!, requestId: String(req.id) };
}

function serviceIdOf(req: Request): string {
  const parsed = serviceIdParam.safeParse(req.params.id);
  if (!parsed.success) throw new NotFoundError('malformed service id');
  return parsed.data;
}

export function processRoutes(deps: { processes: ProcessLibraryService }): RouteModule {
  const { processes } = deps;
  const router = Router();

  router.get('/api/processes', designer, async (req, res) => {
    const query = parseRequest(listProcessesQuery, req.query);
    const request = toListRequest(query, 'id', {});
    const { items, total } = await processes.list(designerOf(req), request);
    sendList(res, 'processes', request.offset, items, total);
  });

  router.get('/api/processes/:id', designer, async (req, res) => {
    res.json(await processes.get(designerOf(req), serviceIdOf(req)));
  });

  router.get('/api/processes/:id/model', designer, async (req, res) => {
    res.json(await processes.model(designerOf(req), serviceIdOf(req)));
  });

  router.put('/api/processes/:id/draft', designer, async (req, res) => {
    const id = serviceIdOf(req);
    const body = parseRequest(saveDraftBody, req.body);
    const draft = await processes.saveDraft(designerOf(req), id, body);
    res.json({ revision: draft.revision, updatedAt: draft.updatedAt });
  });

  router.delete('/api/processes/:id/draft', designer, async (req, res) => {
    await processes.discardDraft(designerOf(req), serviceIdOf(req));
    res.status(204).end();
  });

  router.get('/api/processes/:id/draft/changes', designer, async (req, res) => {
    res.json(await processes.changes(designerOf(req), serviceIdOf(req)));
  });

  router.post('/api/processes/:id/deployments', designer, async (req, res) => {
    const id = serviceIdOf(req);
    const body = parseRequest(deployBody, req.body);
    const { version, created } = await processes.deploy(designerOf(req), id, body);
    res.status(created ? 201 : 200).json({ ...version, created });
  });

  return { prefix: '', router, openapi: processOpenApi };
}
