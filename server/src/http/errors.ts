/**
 * One error class per meaning. Services throw these; `problem.ts` maps them to HTTP in one
 * place. Anything else that reaches the error mapper is a bug and becomes a 500 without detail.
 */
import type { MessageKey } from './messages';

export interface FieldError {
  /** JSON pointer-like path of the offending field, e.g. "applicant.email". */
  field: string;
  message: string;
}

export abstract class HttpError extends Error {
  abstract readonly status: number;
  abstract readonly titleKey: MessageKey;
  readonly detailKey: MessageKey | undefined = undefined;
  readonly errors: FieldError[] | undefined = undefined;
  readonly headers: Record<string, string> = {};
}

export class NotFoundError extends HttpError {
  readonly status = 404;
  readonly titleKey = 'problem.not_found';
  override readonly detailKey = 'problem.not_found.detail' as const;
}

export class MalformedJsonError extends HttpError {
  readonly status = 400;
  readonly titleKey = 'problem.malformed_json';
  override readonly detailKey = 'problem.malformed_json.detail' as const;
}

export class PayloadTooLargeError extends HttpError {
  readonly status = 413;
  readonly titleKey = 'problem.payload_too_large';
  override readonly detailKey = 'problem.payload_too_large.detail' as const;
}

export class UnsupportedMediaTypeError extends HttpError {
  readonly status = 415;
  readonly titleKey = 'problem.unsupported_media_type';
}

export class ValidationError extends HttpError {
  readonly status = 400;
  readonly titleKey = 'problem.validation_failed';
  constructor(override readonly errors: FieldError[]) {
    super('validation failed');
  }
}

export class UnauthorizedError extends HttpError {
  readonly status = 401;
  readonly titleKey = 'problem.unauthorized';
}

export class ForbiddenError extends HttpError {
  readonly status = 403;
  readonly titleKey = 'problem.forbidden';
}

export class ConflictError extends HttpError {
  readonly status = 409;
  readonly titleKey = 'problem.conflict';
}

export class TooManyRequestsError extends HttpError {
  readonly status = 429;
  readonly titleKey = 'problem.too_many_requests';
  constructor(retryAfterSeconds: number) {
    super('rate limited');
    this.headers['Retry-After'] = String(Math.max(1, Math.ceil(retryAfterSeconds)));
  }
}

/** Multipart body that cannot be parsed (broken boundary, truncated part). */
export class MalformedUploadError extends HttpError {
  readonly status = 400;
  readonly titleKey = 'problem.malformed_upload';
  override readonly detailKey = 'problem.malformed_upload.detail' as const;
}

/** An uploaded file whose content (not its name or claimed type) is not on the allow-list. */
export class UnsupportedFileTypeError extends HttpError {
  readonly status = 422;
  readonly titleKey = 'problem.unsupported_file_type';
  override readonly detailKey = 'problem.unsupported_file_type.detail' as const;
  constructor(readonly detected: string | undefined) {
    super(`unsupported file type: ${detected ?? 'unknown'}`);
  }
}

/** A case already holds as many documents, or as many bytes, as it may. */
export class QuotaExceededError extends HttpError {
  readonly status = 422;
  readonly titleKey = 'problem.quota_exceeded';
  override readonly detailKey = 'problem.quota_exceeded.detail' as const;
  constructor(readonly limit: 'count' | 'bytes') {
    super(`document quota exceeded (${limit})`);
  }
}

/** Creditor, debtor, amount or reference of an invoice do not make a valid Swiss QR-bill. */
export class InvoiceDataError extends HttpError {
  readonly status = 422;
  readonly titleKey = 'problem.invoice_data_invalid';
  constructor(override readonly errors: FieldError[]) {
    super(`invalid invoice data: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`);
  }
}

export class NotReadyError extends HttpError {
  readonly status = 503;
  readonly titleKey = 'problem.not_ready';
}

/** The same Idempotency-Key came with a different request body. */
export class IdempotencyKeyMismatchError extends HttpError {
  readonly status = 422;
  readonly titleKey = 'problem.idempotency_mismatch';
  override readonly detailKey = 'problem.idempotency_mismatch.detail' as const;
}

/** A citizen route without a tracking token or "my cases" session. */
export class CitizenSignInRequiredError extends HttpError {
  readonly status = 401;
  readonly titleKey = 'problem.unauthorized';
  override readonly detailKey = 'problem.citizen_sign_in_required.detail' as const;
  constructor(message: string) {
    super(message);
    this.headers['WWW-Authenticate'] = 'Bearer realm="serviceportal"';
  }
}

/** A wrong, used up or expired one-time code of "my cases". */
export class LoginCodeInvalidError extends HttpError {
  readonly status = 401;
  readonly titleKey = 'problem.code_invalid';
  override readonly detailKey = 'problem.code_invalid.detail' as const;
}

/** The tenant does not offer (has not adopted, or disabled) the service. */
export class ServiceNotOfferedError extends HttpError {
  readonly status = 404;
  readonly titleKey = 'problem.not_found';
  override readonly detailKey = 'problem.service_unavailable_for_tenant.detail' as const;
}

/** The task is no longer open (completed, ended by its process) or is being completed. */
export class TaskNotOpenError extends HttpError {
  readonly status = 409;
  readonly titleKey = 'problem.conflict';
  override readonly detailKey = 'problem.task_not_open.detail' as const;
}

/** Completing, unclaiming or claiming a task that is assigned to someone else (or to nobody). */
export class TaskNotAssignedToYouError extends HttpError {
  readonly status = 409;
  readonly titleKey = 'problem.conflict';
  override readonly detailKey = 'problem.task_not_assigned_to_you.detail' as const;
}

/** The task names a form whose deployment the server did not record: it cannot validate. */
export class TaskFormUnavailableError extends HttpError {
  readonly status = 503;
  readonly titleKey = 'problem.not_ready';
  override readonly detailKey = 'problem.task_form_unavailable.detail' as const;
}

/** CompleteJob sent, not yet acknowledged: the task is completed once the engine answers. */
export class TaskCompletionPendingError extends HttpError {
  readonly status = 503;
  readonly titleKey = 'problem.not_ready';
  override readonly detailKey = 'problem.task_completion_pending.detail' as const;
  constructor(message: string) {
    super(message);
    this.headers['Retry-After'] = '5';
  }
}

/** The incident to retry is resolved already, or gone with its instance. */
export class IncidentNotOpenError extends HttpError {
  readonly status = 409;
  readonly titleKey = 'problem.conflict';
  override readonly detailKey = 'problem.incident_not_open.detail' as const;
}

/** The process instance to cancel (or act on) has completed or been cancelled. */
export class InstanceNotActiveError extends HttpError {
  readonly status = 409;
  readonly titleKey = 'problem.conflict';
  override readonly detailKey = 'problem.instance_not_active.detail' as const;
}

/** The engine did not answer a command (unavailable, timed out); nothing was changed here. */
export class EngineUnavailableError extends HttpError {
  readonly status = 503;
  readonly titleKey = 'problem.not_ready';
  override readonly detailKey = 'problem.engine_unavailable.detail' as const;
  constructor(message: string) {
    super(message);
    this.headers['Retry-After'] = '5';
  }
}

/** No monitoring source for this engine (a Zeebe cluster without Operate configured). */
export class MonitoringUnavailableError extends HttpError {
  readonly status = 503;
  readonly titleKey = 'problem.not_ready';
  override readonly detailKey = 'problem.monitoring_unavailable.detail' as const;
}
