/**
 * Operations on process instances (admin or designer of the instance's tenant; CSRF-checked):
 *
 * - `POST /api/operations/process-instances/{key}/incidents/{incidentKey}/retry` `{ retries? }`
 *   — job retries (default 1), then resolve: the engine tries the element again;
 * - `POST /api/operations/process-instances/{key}/cancel`.
 *
 * 204 when the engine accepted; 404 for an instance or incident the caller does not operate;
 * 409 when it is no longer open; 503 when the engine does not answer.
 */
import { Router, type Request } from 'express';
import { z } from 'zod';
import { requireStaff, staffOf } from '../auth/requireStaff';
import { parseRequest } from '../http/parseRequest';
import type { RouteModule } from '../http/routeModule';
import { OPERATOR_ROLES } from '../monitoring/instanceScope';
import { operationsOpenApi } from './operations.openapi';
import type { OperationsService } from './operations.service';

const key = z.string().regex(/^\d{1,19}$/, 'must be a decimal key');
export const retryParams = z.object({ key, incidentKey: key });
export const retryBody = z.strictObject({
  retries: z.number().int().min(1).max(100).default(1),
});
export const cancelParams = z.object({ key });

const operator = requireStaff({ role: OPERATOR_ROLES, tenant: 'any' });

export function operationsRoutes(deps: { operations: OperationsService }): RouteModule {
  const router = Router();
  const context = (req: Request) => ({
    actor: { type: 'staff' as const, id: staffOf(req).userId },
    requestId: String(req.id),
  });

  router.post(
    '/api/operations/process-instances/:key/incidents/:incidentKey/retry',
    operator,
    async (req, res) => {
      const params = parseRequest(retryParams, req.params);
      const { retries } = parseRequest(retryBody, req.body ?? {});
      await deps.operations.retryIncident(
        staffOf(req),
        params.key,
        params.incidentKey,
        retries,
        context(req),
      );
      res.status(204).end();
    },
  );

  router.post('/api/operations/process-instances/:key/cancel', operator, async (req, res) => {
    const params = parseRequest(cancelParams, req.params);
    await deps.operations.cancelInstance(staffOf(req), params.key, context(req));
    res.status(204).end();
  });

  return { prefix: '', router, openapi: operationsOpenApi };
}
