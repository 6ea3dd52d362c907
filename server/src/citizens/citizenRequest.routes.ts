/**
 * The citizen answers a request of the office (a user task for the candidate group
 * `citizen`, see `tasks/citizenRequest.service.ts`) from the tracking page:
 *
 *   GET  /api/portal/cases/{reference}/requests/{requestId}   its form, pre-filled values
 *   POST /api/portal/cases/{reference}/requests/{requestId}   answer; JSON `{ data }`, or
 *        multipart/form-data with one file in the part `file` and the form's data as JSON in
 *        the part `data` (the file goes to the form's file picker)
 *
 * Same access as the case (Bearer tracking token or "my cases" session); a request of another
 * case, a done one or an unknown id is the same 404 as an unknown case. The answer completes
 * the waiting job; the response is the case as the citizen now sees it.
 */
import { Router, type Request, type RequestHandler } from 'express';
import { z } from 'zod';
import type { CaseViews } from '../cases/caseView';
import type { DocumentService } from '../documents/document.service';
import { uploadDocument, uploadedFile } from '../documents/upload.middleware';
import { CitizenSignInRequiredError, NotFoundError, ValidationError } from '../http/errors';
import { parseRequest } from '../http/parseRequest';
import { requestLocale } from '../http/problem';
import type { RouteModule } from '../http/routeModule';
import type { CitizenRequestService } from '../tasks/citizenRequest.service';
import type { CitizenAccessService } from './citizenAccess.service';
import { citizenRequestOpenApi } from './citizenRequest.openapi';

const jsonAnswer = z.strictObject({ data: z.record(z.string(), z.unknown()).default({}) });
const formData = z.record(z.string(), z.unknown());

function bearer(req: Request): string {
  const match = /^Bearer\s+([A-Za-z0-9._~+/-]{16,200}=*)$/.exec(req.get('Authorization') ?? '');
  if (!match?.[1]) throw new CitizenSignInRequiredError('no bearer token');
  return match[1];
}

/** The `data` part of a multipart answer: a JSON object, or nothing. */
function multipartData(req: Request): Record<string, unknown> {
  const raw = (req.body as Record<string, unknown> | undefined)?.data;
  if (raw === undefined || raw === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(String(raw));
  } catch {
    throw new ValidationError([{ field: 'data', message: 'must be a JSON object' }]);
  }
  return parseRequest(formData, parsed);
}

export function citizenRequestRoutes(deps: {
  access: CitizenAccessService;
  views: CaseViews;
  requests: CitizenRequestService;
  documents: DocumentService;
  /** UPLOAD_MAX_BYTES */
  maxFileBytes: number;
}): RouteModule {
  const router = Router();
  const upload = uploadDocument({ maxBytes: deps.maxFileBytes });
  const multipartOnly: RequestHandler = (req, res, next) => {
    if (req.is('multipart/form-data')) upload(req, res, next);
    else next();
  };

  /** The case and its open request, or the one 404 for everything else. */
  async function openRequest(req: Request) {
    const { record, access } = await deps.access.authorizeCase(
      String(req.params.reference),
      bearer(req),
    );
    const requests = await deps.requests.listOpenRequests(record.id);
    const request = requests.find((candidate) => candidate.id === String(req.params.requestId));
    if (!request) throw new NotFoundError('no such open request');
    return { record, access, request };
  }

  router.get('/api/portal/cases/:reference/requests/:requestId', async (req, res) => {
    const { record, access, request } = await openRequest(req);
    await deps.access.auditRead(record, access, 'task.read', String(req.id));
    res.set('Cache-Control', 'no-store');
    res.json({
      id: request.id,
      title: { de: request.name, en: request.name },
      createdAt: request.createdAt,
      dueAt: request.dueDate,
      acceptsDocuments: request.acceptsDocuments,
      form: request.form && { id: request.form.id, schema: request.form.schema },
      variables: request.variables,
    });
  });

  router.post(
    '/api/portal/cases/:reference/requests/:requestId',
    multipartOnly,
    async (req, res) => {
      // Authorise before storing anything the request carries.
      const { record, access, request } = await openRequest(req);
      const file = req.file ? uploadedFile(req) : undefined;
      const data = file ? multipartData(req) : parseRequest(jsonAnswer, req.body ?? {}).data;
      const answer = { caseId: record.id, taskId: request.id, data, locale: requestLocale(req) };
      // Check the answer against the form first: a refused answer leaves no upload behind.
      await deps.requests.checkAnswer({ ...answer, documents: file ? 1 : 0 });
      const actorId = access.via === 'session' ? 'my-cases-session' : `case:${record.id}`;
      const document =
        file &&
        (await deps.documents.store(
          {
            tenantId: record.tenantId,
            caseId: record.id,
            kind: 'upload',
            content: file.content,
            originalName: file.originalName,
          },
          { actor: { type: 'citizen', id: actorId }, requestId: String(req.id) },
        ));
      await deps.requests.completeCitizenRequest({
        ...answer,
        documents: document ? [document.id] : undefined,
      });
      res.set('Cache-Control', 'no-store');
      res.json(await deps.views.citizen(record));
    },
  );

  return { prefix: '', router, openapi: citizenRequestOpenApi };
}
