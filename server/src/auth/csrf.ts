/**
 * CSRF protection for state-changing staff requests, two independent checks:
 *
 * 1. Double-submit token (csrf-csrf): GET /api/auth/csrf sets an HttpOnly, SameSite=Strict
 *    cookie and answers the same token, HMAC-bound to the session id; a POST/PUT/PATCH/DELETE
 *    must echo it in the `X-CSRF-Token` header. A new session (login) needs a new token.
 * 2. Origin: a browser's Origin (or, without one, Referer) must be PUBLIC_URL's origin, or the
 *    server's own origin when PUBLIC_URL is unset; `Sec-Fetch-Site: cross-site` is refused.
 *    Requests without either header (scripts, curl) rely on the token alone.
 */
import { createHmac } from 'node:crypto';
import type { Request, Response } from 'express';
import { doubleCsrf } from 'csrf-csrf';
import type { Config } from '../config';
import { CsrfFailedError } from './auth.errors';
import { secureCookies } from './session';

export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface CsrfGuard {
  /** A token for the request's session (a fresh one with `renew`, e.g. after login). */
  issue(req: Request, res: Response, options?: { renew?: boolean }): string;
  /** Throws CsrfFailedError unless the request passes both checks; safe methods always pass. */
  verify(req: Request): void;
}

export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method);
}

export function createCsrfGuard(config: Pick<Config, 'sessionSecret' | 'publicUrl'>): CsrfGuard {
  const secure = secureCookies(config);
  // A key of its own, derived from the session secret.
  const secret = createHmac('sha256', config.sessionSecret).update('csrf-token').digest('hex');
  const { generateCsrfToken, validateRequest } = doubleCsrf({
    getSecret: () => secret,
    getSessionIdentifier: (req) => req.sessionID ?? '',
    cookieName: secure ? '__Host-sp.csrf' : 'sp.csrf',
    cookieOptions: { sameSite: 'strict', path: '/', secure, httpOnly: true },
    getCsrfTokenFromRequest: (req) => {
      const header = req.headers[CSRF_HEADER];
      return typeof header === 'string' ? header : undefined;
    },
  });
  const allowedOrigin = config.publicUrl ? new URL(config.publicUrl).origin : undefined;

  return {
    issue(req, res, options = {}) {
      return generateCsrfToken(req, res, { overwrite: options.renew ?? false });
    },
    verify(req) {
      if (isSafeMethod(req.method)) return;
      if (!originAllowed(req, allowedOrigin) || !req.sessionID || !validateRequest(req)) {
        throw new CsrfFailedError('csrf check failed');
      }
    },
  };
}

function originOf(value: string): string | undefined {
  try {
    return new URL(value).origin;
  } catch {
    return undefined;
  }
}

export function originAllowed(req: Request, allowedOrigin: string | undefined): boolean {
  const expected = allowedOrigin ?? `${req.protocol}://${req.get('host') ?? ''}`;
  if (req.get('sec-fetch-site') === 'cross-site') return false;
  const origin = req.get('origin');
  if (origin !== undefined) return origin !== 'null' && originOf(origin) === expected;
  const referer = req.get('referer');
  if (referer !== undefined) return originOf(referer) === expected;
  return true;
}
