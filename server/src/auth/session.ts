/**
 * Staff sessions: express-session with its sessions in PostgreSQL (or PGlite) through
 * connect-session-knex over the server's own knex. The cookie `sp.sid` is HttpOnly,
 * SameSite=Lax, and Secure when PUBLIC_URL is https (behind a proxy trusted by TRUST_PROXY).
 *
 * - Idle timeout (SESSION_IDLE_TIMEOUT, rolling): every request moves the cookie's expiry on,
 *   and the stored one when it moves by a minute (a twentieth of the idle timeout if shorter;
 *   see sessionStore.ts): no commit per request. An expired session is not found any more.
 * - Absolute timeout (SESSION_ABSOLUTE_TIMEOUT): the session remembers when its staff member
 *   logged in; `requireStaff` ends it once that is too long ago, however active.
 * - Login regenerates the session id (no fixation); logout destroys the session.
 */
import type { Request, RequestHandler, Response } from 'express';
import session from 'express-session';
import type { Knex } from 'knex';
import type { Config } from '../config';
import type { SessionIdentity } from '../staff/staffDirectory';
import { RollingSessionStore } from './sessionStore';

export const SESSION_COOKIE = 'sp.sid';
export const SESSION_TABLE = 'staff_sessions';
/** The stored rolling expiry is written when it moves by this much (at most). */
const TOUCH_AFTER_MS = 60_000;

/** The staff member of a session, from login on. */
export interface StaffSession extends SessionIdentity {
  /** When the staff member logged in (ms since epoch): the start of the absolute timeout. */
  loginAt: number;
}

/** A started OIDC login, waiting for the identity provider's answer. */
export interface PendingOidcLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
  redirectUri: string;
  returnTo: string;
  startedAt: number;
}

declare module 'express-session' {
  interface SessionData {
    staff?: StaffSession;
    oidc?: PendingOidcLogin;
    /** Set by GET /api/auth/csrf so that a visitor has a session to bind a login token to. */
    anonymous?: boolean;
  }
}

export type SessionConfig = Pick<
  Config,
  'sessionSecret' | 'publicUrl' | 'sessionIdleTimeoutMs' | 'sessionAbsoluteTimeoutMs'
>;

export function secureCookies(config: Pick<Config, 'publicUrl'>): boolean {
  return config.publicUrl?.startsWith('https://') ?? false;
}

export function sessionMiddleware(knex: Knex, config: SessionConfig): RequestHandler {
  const store = new RollingSessionStore(
    {
      knex,
      tableName: SESSION_TABLE,
      createTable: false, // created by a migration
      cleanupInterval: 0, // expired sessions are purged at login (see purgeExpiredSessions)
    },
    Math.min(TOUCH_AFTER_MS, Math.floor(config.sessionIdleTimeoutMs / 20)),
  );
  // The store checks the table once; keep a failure from becoming an unhandled rejection
  // (every later call awaits the same promise and reports it).
  store.ready.catch(() => undefined);
  return session({
    name: SESSION_COOKIE,
    secret: config.sessionSecret,
    store,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      secure: secureCookies(config),
      path: '/',
      maxAge: config.sessionIdleTimeoutMs,
    },
  });
}

export function regenerateSession(req: Request): Promise<void> {
  return new Promise((resolve, reject) => {
    req.session.regenerate((err: unknown) => (err ? reject(err as Error) : resolve()));
  });
}

export function saveSession(req: Request): Promise<void> {
  return new Promise((resolve, reject) => {
    req.session.save((err: unknown) => (err ? reject(err as Error) : resolve()));
  });
}

/** Destroys the stored session and tells the browser to forget the cookie. */
export async function destroySession(
  req: Request,
  res: Response,
  config: Pick<Config, 'publicUrl'>,
): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    req.session.destroy((err: unknown) => (err ? reject(err as Error) : resolve()));
  });
  res.clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: secureCookies(config),
  });
}

export async function purgeExpiredSessions(knex: Knex): Promise<void> {
  await knex(`public.${SESSION_TABLE}`).where('expired', '<', new Date()).delete();
}
