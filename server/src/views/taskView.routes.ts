/**
 * Saved inbox views (staff; CSRF on every write), ra-data-simple-rest shaped so that the
 * back office's dataProvider reads them as the resource `task-views`:
 *
 *   GET    /api/task-views        the caller's views and those shared with their groups
 *   GET    /api/task-views/{id}   one of them
 *   POST   /api/task-views        { name, tenantId?, filter, sort, sharedWithGroup? }
 *   PUT    /api/task-views/{id}   the same (owner only)
 *   DELETE /api/task-views/{id}   (owner only)
 */
import { Router } from 'express';
import { requireStaff, staffOf } from '../auth';
import { parseRequest } from '../http/parseRequest';
import type { RouteModule } from '../http/routeModule';
import { taskViewOpenApi } from './taskView.openapi';
import { taskViewBody } from './taskView.schemas';
import type { TaskViewService } from './taskView.service';

const staff = requireStaff({ tenant: 'any' });

export function taskViewRoutes(deps: { views: TaskViewService }): RouteModule {
  const { views } = deps;
  const router = Router();

  router.get('/api/task-views', staff, async (req, res) => {
    const items = await views.list(staffOf(req));
    const range = items.length ? `0-${items.length - 1}` : '*';
    res.set('Content-Range', `task-views ${range}/${items.length}`);
    res.set('Access-Control-Expose-Headers', 'Content-Range');
    res.json(items);
  });

  router.get('/api/task-views/:id', staff, async (req, res) => {
    res.json(await views.get(staffOf(req), String(req.params.id)));
  });

  router.post('/api/task-views', staff, async (req, res) => {
    const body = parseRequest(taskViewBody, req.body);
    res.status(201).json(await views.create(staffOf(req), body));
  });

  router.put('/api/task-views/:id', staff, async (req, res) => {
    const body = parseRequest(taskViewBody, req.body);
    res.json(await views.update(staffOf(req), String(req.params.id), body));
  });

  router.delete('/api/task-views/:id', staff, async (req, res) => {
    res.json(await views.delete(staffOf(req), String(req.params.id)));
  });

  return { prefix: '', router, openapi: taskViewOpenApi };
}
