/**
 * /api/admin/users and /api/admin/groups for react-admin's ra-data-simple-rest: list with
 * sort/range/filter and Content-Range, get, create, update (PUT), delete. Administrators
 * only; each sees the tenants they administer (see `staffUsers.service.ts`).
 */
import { Router, type Request } from 'express';
import { authContext } from '../auth/authContext';
import { requireStaff, staffOf } from '../auth/requireStaff';
import { parseRequest } from '../auth/validation';
import { NotFoundError } from '../http/errors';
import type { RouteModule } from '../http/routeModule';
import { administeredTenants } from './principal';
import {
  createGroupBody,
  createUserBody,
  groupIdSchema,
  listGroupsQuery,
  listUsersQuery,
  updateGroupBody,
  updateUserBody,
  userIdSchema,
} from './staff.schemas';
import { staffOpenApi } from './staff.openapi';
import { sendList, toListRequest } from './simpleRest';
import type { AdminActor } from './staffUsers.service';

const admin = requireStaff({ role: 'admin', tenant: 'any' });

function scopeOf(req: Request) {
  return administeredTenants(staffOf(req));
}

function actorOf(req: Request): AdminActor {
  return { userId: staffOf(req).userId, requestId: String(req.id) };
}

/** A malformed id names no object: 404 like an unknown one. */
function idParam(req: Request, schema: typeof userIdSchema | typeof groupIdSchema): string {
  const parsed = schema.safeParse(req.params.id);
  if (!parsed.success) throw new NotFoundError('malformed id');
  return parsed.data;
}

export function staffRoutes(): RouteModule {
  const router = Router();

  router.get('/api/admin/users', admin, async (req, res) => {
    const query = parseRequest(listUsersQuery, req.query);
    const request = toListRequest(query, 'username', {});
    const { items, total } = await authContext(req).users.list(scopeOf(req), request);
    sendList(res, 'users', request.offset, items, total);
  });

  router.get('/api/admin/users/:id', admin, async (req, res) => {
    res.json(await authContext(req).users.get(scopeOf(req), idParam(req, userIdSchema)));
  });

  router.post('/api/admin/users', admin, async (req, res) => {
    const body = parseRequest(createUserBody, req.body);
    res.status(201).json(await authContext(req).users.create(actorOf(req), scopeOf(req), body));
  });

  router.put('/api/admin/users/:id', admin, async (req, res) => {
    const id = idParam(req, userIdSchema);
    const body = parseRequest(updateUserBody, req.body);
    res.json(await authContext(req).users.update(actorOf(req), scopeOf(req), id, body));
  });

  router.delete('/api/admin/users/:id', admin, async (req, res) => {
    const id = idParam(req, userIdSchema);
    res.json(await authContext(req).users.delete(actorOf(req), scopeOf(req), id));
  });

  router.get('/api/admin/groups', admin, async (req, res) => {
    const query = parseRequest(listGroupsQuery, req.query);
    const request = toListRequest(query, 'name', {});
    const { items, total } = await authContext(req).groups.list(scopeOf(req), request);
    sendList(res, 'groups', request.offset, items, total);
  });

  router.get('/api/admin/groups/:id', admin, async (req, res) => {
    res.json(await authContext(req).groups.get(scopeOf(req), idParam(req, groupIdSchema)));
  });

  router.post('/api/admin/groups', admin, async (req, res) => {
    const body = parseRequest(createGroupBody, req.body);
    res.status(201).json(await authContext(req).groups.create(actorOf(req), scopeOf(req), body));
  });

  router.put('/api/admin/groups/:id', admin, async (req, res) => {
    const id = idParam(req, groupIdSchema);
    const body = parseRequest(updateGroupBody, req.body);
    res.json(await authContext(req).groups.update(actorOf(req), scopeOf(req), id, body));
  });

  router.delete('/api/admin/groups/:id', admin, async (req, res) => {
    const id = idParam(req, groupIdSchema);
    res.json(await authContext(req).groups.delete(actorOf(req), scopeOf(req), id));
  });

  return { prefix: '', router, openapi: staffOpenApi };
}
