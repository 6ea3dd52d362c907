/**
 * The citizen's secret for one case, carried in the tracking link
 * `${PUBLIC_URL}/track/{reference}#{token}` (after `#`, so it never reaches a server log) and
 * sent back as `Authorization: Bearer <token>`. Only its SHA-256 is stored.
 *
 * With an Idempotency-Key the token is derived, not random: HMAC-SHA256(server secret,
 * case id + key). A retried submission (same key, same body) thus gets the same link again
 * without the token being stored anywhere; without the server secret and the key (which only
 * the citizen's client knows; we store its hash) nobody can compute it.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export function newTrackingToken(secret: string, caseId: string, idempotencyKey?: string): string {
  if (!idempotencyKey) return randomBytes(32).toString('base64url');
  return createHmac('sha256', secret)
    .update(`serviceportal:tracking-token\n${caseId}\n${idempotencyKey}`)
    .digest('base64url');
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Constant-time comparison of a presented token with a stored hash. */
export function tokenMatches(token: string, storedHash: string): boolean {
  const presented = Buffer.from(sha256Hex(token), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}

export function trackingUrl(publicUrl: string, reference: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/track/${reference}#${token}`;
}
