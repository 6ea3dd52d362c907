/**
 * The CSRF token of the staff session (see server/src/auth/csrf.ts): fetched from
 * GET /api/auth/csrf when first needed, replaced by the one a login answers, and forgotten
 * when the session ends. Every unsafe request sends it as `X-CSRF-Token`.
 */
export const CSRF_HEADER = 'X-CSRF-Token';

let token: string | undefined;
let pending: Promise<string> | undefined;

export function setCsrfToken(value: string | undefined): void {
  token = value;
  pending = undefined;
}

export async function csrfToken(): Promise<string> {
  if (token) return token;
  pending ??= fetch('/api/auth/csrf', { credentials: 'same-origin', cache: 'no-store' })
    .then(async (res) => {
      if (!res.ok) throw new Error(`GET /api/auth/csrf answered ${res.status}`);
      const body = (await res.json()) as { csrfToken: string };
      token = body.csrfToken;
      return token;
    })
    .finally(() => {
      pending = undefined;
    });
  return pending;
}
