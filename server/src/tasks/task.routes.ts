/**
 * The task inbox over HTTP (staff; requireStaff checks the session, and CSRF on every POST):
 *
 *   GET  /api/tasks                     the caller's inbox page (see below)
 *   GET  /api/tasks/{id}                one task with its variables and form schema
 *   POST /api/tasks/{id}/claim          take it (409 when someone else has it)
 *   POST /api/tasks/{id}/unclaim        give it back (assignee or administrator)
 *   POST /api/tasks/{id}/assign         { assignee }: hand it to a colleague who is a candidate
 *   POST /api/tasks/{id}/complete       { data }: validated against the form, then CompleteJob
 *   GET|POST /api/tasks/{id}/comments   comments of staff
 *   GET  /api/tasks/{id}/colleagues     who the task may be assigned to
 *   GET  /api/tasks/{id}/diagram        the process's BPMN XML and the task's element
 *
 * The list follows ra-data-simple-rest (`sort`, `range`, `filter`) with partial pagination:
 * `Content-Range: tasks 0-24/*` (the total is not counted), and `X-Next-Cursor` when there is
 * a next page; sending it back as `cursor` (with the same sort) continues after the last task
 * with a keyset scan. A data provider maps this to react-admin's
 * `pageInfo: { hasNextPage, hasPreviousPage }`.
 */
import { Router, type Request } from 'express';
import { requireStaff, staffOf } from '../auth';
import type { AuditContext } from '../audit/audit.service';
import { parseRequest } from '../http/parseRequest';
import { requestLocale } from '../http/problem';
import type { RouteModule } from '../http/routeModule';
import { assignBody, commentBody, completeBody, listTasksQuery } from './task.schemas';
import { taskOpenApi } from './task.openapi';
import type { TaskDiagramSource, TaskService } from './task.service';
import { encodeCursor } from './taskInbox';

const staff = requireStaff({ tenant: 'any' });

function contextOf(req: Request): AuditContext {
  return { actor: { type: 'staff', id: staffOf(req).userId }, requestId: String(req.id) };
}

function idOf(req: Request): string {
  return String(req.params.id);
}

export function taskRoutes(deps: {
  tasks: TaskService;
  /** The monitoring source's process definitions (the task diagram); none: 404. */
  diagrams?: TaskDiagramSource | undefined;
}): RouteModule {
  const { tasks, diagrams } = deps;
  const router = Router();

  router.get('/api/tasks', staff, async (req, res) => {
    const query = parseRequest(listTasksQuery, req.query);
    const page = await tasks.list(staffOf(req), query, contextOf(req));
    const first = query.cursor ? 0 : query.offset;
    const range = page.items.length ? `${first}-${first + page.items.length - 1}` : '*';
    res.set('Content-Range', `tasks ${range}/*`);
    const exposed = ['Content-Range'];
    if (page.next) {
      res.set('X-Next-Cursor', encodeCursor(page.next));
      exposed.push('X-Next-Cursor');
    }
    res.set('Access-Control-Expose-Headers', exposed.join(', '));
    res.json(page.items);
  });

  router.get('/api/tasks/:id', staff, async (req, res) => {
    res.json(await tasks.get(staffOf(req), idOf(req), contextOf(req)));
  });

  router.post('/api/tasks/:id/claim', staff, async (req, res) => {
    res.json(await tasks.claim(staffOf(req), idOf(req), contextOf(req)));
  });

  router.post('/api/tasks/:id/unclaim', staff, async (req, res) => {
    res.json(await tasks.unclaim(staffOf(req), idOf(req), contextOf(req)));
  });

  router.post('/api/tasks/:id/assign', staff, async (req, res) => {
    const body = parseRequest(assignBody, req.body);
    res.json(await tasks.assign(staffOf(req), idOf(req), body.assignee, contextOf(req)));
  });

  router.post('/api/tasks/:id/complete', staff, async (req, res) => {
    const body = parseRequest(completeBody, req.body ?? {});
    res.json(
      await tasks.complete(staffOf(req), idOf(req), body.data, requestLocale(req), contextOf(req)),
    );
  });

  router.get('/api/tasks/:id/colleagues', staff, async (req, res) => {
    res.json(await tasks.colleagues(staffOf(req), idOf(req)));
  });

  router.get('/api/tasks/:id/diagram', staff, async (req, res) => {
    res.json(await tasks.diagram(staffOf(req), idOf(req), diagrams));
  });

  router.get('/api/tasks/:id/comments', staff, async (req, res) => {
    res.json(await tasks.comments(staffOf(req), idOf(req)));
  });

  router.post('/api/tasks/:id/comments', staff, async (req, res) => {
    const body = parseRequest(commentBody, req.body);
    res
      .status(201)
      .json(await tasks.addComment(staffOf(req), idOf(req), body.body, contextOf(req)));
  });

  return { prefix: '', router, openapi: taskOpenApi };
}
