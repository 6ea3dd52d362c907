/**
 * `POST /api/portal/tenants/{tenantId}/services/{serviceId}/submissions` (public): a citizen
 * submits a service's start form, either as JSON `{ applicant?: { email, name, language },
 * data }`, or — with attachments — as multipart/form-data: a part `submission` holding that
 * JSON, and one part per file named by its file picker's path (`plans`, `landowner.consent`;
 * several parts of one name for a multiple picker). Files are checked by content (PDF, PNG,
 * JPEG; 422 otherwise), stored as documents of the case, and the picker's variable becomes the
 * list of their document ids; a file name with a path (`/` or `\`) is refused (400). Answers
 * 201 (process started) or 202 (case kept, waiting for the engine) with the case's reference,
 * status and tracking link; `Location` is the citizen's case URL.
 *
 * `Idempotency-Key` (8–255 printable ASCII): the same key with the same body answers the same
 * case again (with `Idempotent-Replayed: true`); with another body 422.
 */
import { Router, type Request, type RequestHandler } from 'express';
import multer from 'multer';
import { sanitiseFileName } from '../documents/fileName';
import {
  MalformedJsonError,
  MalformedUploadError,
  NotFoundError,
  PayloadTooLargeError,
  QuotaExceededError,
  UnsupportedMediaTypeError,
  ValidationError,
  type HttpError,
} from '../http/errors';
import { requestLocale } from '../http/problem';
import type { RouteModule } from '../http/routeModule';
import { STATUS_LABELS } from '../cases/caseView';
import { idempotencyKeySchema, portalServiceParams } from './submission.schemas';
import { submissionOpenApi } from './submission.openapi';
import type { SubmissionService, UploadedPart } from './submission.service';

export function submissionRoutes(deps: {
  submissions: SubmissionService;
  limits: { maxFileBytes: number; maxFiles: number };
}): RouteModule {
  const router = Router();
  const multipart = multer({
    storage: multer.memoryStorage(),
    defParamCharset: 'utf8',
    // Keep the name as sent, so that a name with a path (`../../etc/passwd.pdf`) — which no
    // browser sends — is refused rather than silently cut to its last segment.
    preservePath: true,
    limits: {
      fileSize: deps.limits.maxFileBytes,
      files: deps.limits.maxFiles,
      fields: 1,
      fieldSize: 1024 * 1024,
      fieldNameSize: 200,
      headerPairs: 20,
    },
  }).any();
  const parseMultipart: RequestHandler = (req, res, next) => {
    if (!req.is('multipart/form-data')) return next();
    multipart(req, res, (err?: unknown) => next(err ? toUploadError(err) : undefined));
  };

  router.post(
    '/api/portal/tenants/:tenantId/services/:serviceId/submissions',
    parseMultipart,
    async (req, res) => {
      const params = portalServiceParams.safeParse(req.params);
      if (!params.success) throw new NotFoundError('service');
      const isMultipart = Boolean(req.is('multipart/form-data'));
      if (!isMultipart && !req.is(['application/json', 'application/*+json'])) {
        throw new UnsupportedMediaTypeError('application/json or multipart/form-data expected');
      }
      const { body, files } = isMultipart
        ? multipartSubmission(req)
        : { body: req.body as unknown, files: [] };
      const header = req.get('Idempotency-Key');
      let idempotencyKey: string | undefined;
      if (header !== undefined) {
        const parsed = idempotencyKeySchema.safeParse(header);
        if (!parsed.success) {
          throw new ValidationError([
            { field: 'Idempotency-Key', message: parsed.error.issues[0]?.message ?? 'invalid' },
          ]);
        }
        idempotencyKey = parsed.data;
      }
      const result = await deps.submissions.submit({
        tenantId: params.data.tenantId,
        serviceId: params.data.serviceId,
        body,
        files,
        idempotencyKey,
        locale: requestLocale(req),
        requestId: String(req.id),
      });
      const record = result.case;
      res
        .status(record.status === 'waiting_to_start' ? 202 : 201)
        .set('Location', `/api/portal/cases/${record.reference}`)
        .set('Cache-Control', 'no-store');
      if (result.replayed) res.set('Idempotent-Replayed', 'true');
      res.json({
        id: record.id,
        reference: record.reference,
        tenantId: record.tenantId,
        serviceId: record.serviceId,
        status: record.status,
        statusLabel: STATUS_LABELS[record.status],
        submittedAt: record.submittedAt,
        expectedCompletionAt: record.expectedCompletionAt,
        trackingUrl: result.trackingUrl ?? null,
        trackingToken: result.trackingToken ?? null,
      });
    },
  );

  return { prefix: '', router, openapi: submissionOpenApi };
}

/** The `submission` part as JSON and the files by part name. */
function multipartSubmission(req: Request): { body: unknown; files: UploadedPart[] } {
  const raw = (req.body as Record<string, unknown> | undefined)?.submission;
  if (typeof raw !== 'string') {
    throw new ValidationError([
      { field: 'submission', message: 'a part "submission" with the JSON body is required' },
    ]);
  }
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    throw new MalformedJsonError('submission part is not JSON');
  }
  const uploaded = (req.files as Express.Multer.File[] | undefined) ?? [];
  const withPath = uploaded.find((file) => /[\\/]|^\.\.?$/.test(file.originalname));
  if (withPath) {
    throw new ValidationError([
      { field: withPath.fieldname, message: 'a file name without a path is expected' },
    ]);
  }
  const files = uploaded.map((file) => ({
    field: file.fieldname,
    content: file.buffer,
    originalName: sanitiseFileName(file.originalname),
  }));
  return { body, files };
}

function toUploadError(err: unknown): HttpError {
  if (err instanceof multer.MulterError) {
    if (err.code === 'LIMIT_FILE_SIZE') return new PayloadTooLargeError('upload too large');
    if (err.code === 'LIMIT_FILE_COUNT') return new QuotaExceededError('count');
    return new ValidationError([{ field: err.field ?? 'submission', message: err.message }]);
  }
  return new MalformedUploadError('malformed multipart body');
}
