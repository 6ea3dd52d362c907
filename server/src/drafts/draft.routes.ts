/**
 * Save and resume a start form (public):
 *
 *   POST /api/portal/drafts        { tenantId, serviceId, email, language, data } → 202, mails
 *                                  the resume link; 404 service not offered; 429 rate limited
 *   GET  /api/portal/drafts/current  Authorization: Bearer <token> → the draft; 404 otherwise
 */
import { Router } from 'express';
import { NotFoundError } from '../http/errors';
import { parseRequest } from '../http/parseRequest';
import type { RouteModule } from '../http/routeModule';
import { draftOpenApi } from './draft.openapi';
import { draftTokenSchema, saveDraftBody } from './draft.schemas';
import type { DraftService } from './draft.service';

export function draftRoutes(deps: { drafts: DraftService }): RouteModule {
  const router = Router();

  router.post('/api/portal/drafts', async (req, res) => {
    const body = parseRequest(saveDraftBody, req.body);
    const { expiresAt } = await deps.drafts.save(body);
    res.status(202).set('Cache-Control', 'no-store').json({ expiresAt });
  });

  router.get('/api/portal/drafts/current', async (req, res) => {
    const match = /^Bearer\s+(\S+)$/.exec(req.get('Authorization') ?? '');
    const token = draftTokenSchema.safeParse(match?.[1]);
    if (!token.success) throw new NotFoundError('draft');
    const draft = await deps.drafts.get(token.data);
    res.set('Cache-Control', 'no-store').json(draft);
  });

  return { prefix: '', router, openapi: draftOpenApi };
}
