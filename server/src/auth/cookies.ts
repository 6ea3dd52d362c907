/**
 * Parses the Cookie header into `req.cookies` (what csrf-csrf reads), without another
 * dependency. Malformed values are skipped; the first occurrence of a name wins.
 */
import type { RequestHandler } from 'express';

export function parseCookieHeader(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  if (!header) return cookies;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    if (!name || Object.hasOwn(cookies, name)) continue;
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    try {
      cookies[name] = decodeURIComponent(value);
    } catch {
      // not percent-encoded correctly: ignore this cookie
    }
  }
  return cookies;
}

export const cookieParser: RequestHandler = (req, _res, next) => {
  if (req.cookies === undefined) {
    req.cookies = Object.assign(
      Object.create(null) as object,
      parseCookieHeader(req.headers.cookie),
    );
  }
  next();
};
