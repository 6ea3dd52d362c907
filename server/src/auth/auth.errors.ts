/**
 * The error classes of authentication and staff administration. Like those in
 * `http/errors.ts`, `problem.ts` maps them to problem+json; each has one meaning.
 */
import {
  ConflictError,
  HttpError,
  TooManyRequestsError,
  UnauthorizedError,
  type FieldError,
} from '../http/errors';

/** No (valid) staff session: never signed in, logged out, idle or absolute timeout. */
export class SignInRequiredError extends UnauthorizedError {
  override readonly detailKey = 'problem.sign_in_required.detail' as const;
}

/** Wrong user name or password, unknown or inactive account: one answer for all of them. */
export class LoginFailedError extends HttpError {
  readonly status = 401;
  readonly titleKey = 'problem.login_failed';
  override readonly detailKey = 'problem.login_failed.detail' as const;
}

/** Too many failed logins for the account or from the address. */
export class LoginThrottledError extends TooManyRequestsError {
  override readonly detailKey = 'problem.login_throttled.detail' as const;
}

/** A state-changing request without a valid CSRF token, or from a foreign origin. */
export class CsrfFailedError extends HttpError {
  readonly status = 403;
  readonly titleKey = 'problem.csrf_failed';
  override readonly detailKey = 'problem.csrf_failed.detail' as const;
}

/** The change would leave a tenant without an active administrator. */
export class LastAdminError extends ConflictError {
  override readonly detailKey = 'problem.last_admin.detail' as const;
}

/** User name or e-mail address already in use. */
export class StaffExistsError extends ConflictError {
  override readonly detailKey = 'problem.staff_exists.detail' as const;
  constructor(override readonly errors: FieldError[]) {
    super('staff user exists');
  }
}

/** A group with this key exists in the tenant. */
export class GroupExistsError extends ConflictError {
  override readonly detailKey = 'problem.group_exists.detail' as const;
}
