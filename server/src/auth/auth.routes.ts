/**
 * /api/auth: CSRF token, password login, logout, log out everywhere, the signed-in staff
 * member, switching the current tenant, and the optional OIDC login. Thin: the work is in
 * `auth.service.ts`, `oidc.ts` and `staff/staffDirectory.ts`.
 */
import { ipKeyGenerator } from 'express-rate-limit';
import { Router, type Request, type Response } from 'express';
import type { AuthConfig } from './authContext';
import { ForbiddenError, NotFoundError, NotReadyError } from '../http/errors';
import type { RouteModule } from '../http/routeModule';
import { administeredTenants, membershipIn, type StaffPrincipal } from '../staff/principal';
import type { LoginCandidate } from '../staff/staffDirectory';
import { authOpenApi } from './auth.openapi';
import { loginBody, oidcLoginQuery, switchTenantBody } from './auth.schemas';
import { authContext } from './authContext';
import { OIDC_CALLBACK_PATH, OidcLoginError } from './oidc';
import { loadStaff, requireStaff, staffOf } from './requireStaff';
import { destroySession, purgeExpiredSessions, regenerateSession, saveSession } from './session';
import { parseRequest } from './validation';

/** Where the back office shows its login page with an error after a failed OIDC login. */
export const OIDC_FAILURE_REDIRECT = '/admin/#/login?error=oidc';

/** The client address as a throttle key (an IPv6 address reduced to its /56 network). */
function clientAddress(req: Request): string {
  return ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? 'unknown');
}

function publicBase(req: Request, config: AuthConfig): string {
  return config.publicUrl
    ? config.publicUrl.replace(/\/+$/, '')
    : `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}

/** The answer of /me, login and tenant switch. */
export function meBody(principal: StaffPrincipal, loginAt: number, config: AuthConfig) {
  return {
    user: {
      id: principal.userId,
      username: principal.username,
      displayName: principal.displayName,
      email: principal.email,
    },
    authMethod: principal.authMethod,
    currentTenantId: principal.currentTenantId ?? null,
    tenants: principal.memberships.map((m) => ({
      id: m.tenantId,
      name: m.tenantName,
      roles: m.roles,
      groups: m.groups,
    })),
    administers: administeredTenants(principal),
    session: {
      loginAt: new Date(loginAt).toISOString(),
      expiresAt: new Date(loginAt + config.sessionAbsoluteTimeoutMs).toISOString(),
    },
  };
}

/** A new session (new id) for the account: the old one, anonymous or not, is gone. */
async function startStaffSession(
  req: Request,
  res: Response,
  account: LoginCandidate,
  authMethod: 'password' | 'oidc',
  tenantId?: string,
): Promise<StaffPrincipal> {
  const context = authContext(req);
  await regenerateSession(req);
  const identity = {
    userId: account.id,
    generation: account.generation,
    authMethod,
    currentTenantId: tenantId,
  };
  req.session.staff = { ...identity, loginAt: Date.now() };
  // Stored before the response goes out, so the browser's next request finds it.
  await saveSession(req);
  await purgeExpiredSessions(context.knex);
  const principal = await loadStaff(req, res);
  if (!principal) throw new Error('staff session could not be started');
  return principal;
}

export function authRoutes(): RouteModule {
  const router = Router();

  router.get('/api/auth/csrf', (req, res) => {
    const { csrf } = authContext(req);
    // A visitor gets a session, so that the login's token is bound to something.
    if (!req.session.staff && !req.session.anonymous) req.session.anonymous = true;
    res.set('Cache-Control', 'no-store');
    res.json({ csrfToken: csrf.issue(req, res) });
  });

  router.get('/api/auth/providers', (req, res) => {
    const { oidc } = authContext(req);
    res.json({ password: true, oidc: oidc ? { loginUrl: '/api/auth/oidc/login' } : null });
  });

  router.post('/api/auth/login', async (req, res) => {
    const context = authContext(req);
    context.csrf.verify(req);
    const body = parseRequest(loginBody, req.body);
    const account = await context.auth.login({
      login: body.username,
      password: body.password,
      ip: clientAddress(req),
      requestId: String(req.id),
    });
    const principal = await startStaffSession(req, res, account, 'password', body.tenantId);
    res.set('Cache-Control', 'no-store');
    res.json({
      ...meBody(principal, req.session.staff!.loginAt, context.config),
      csrfToken: context.csrf.issue(req, res, { renew: true }),
    });
  });

  router.post('/api/auth/logout', async (req, res) => {
    const context = authContext(req);
    if (req.session.staff || req.session.anonymous) {
      context.csrf.verify(req);
      await destroySession(req, res, context.config);
    }
    res.status(204).end();
  });

  router.post('/api/auth/logout-everywhere', requireStaff({ tenant: 'any' }), async (req, res) => {
    const context = authContext(req);
    await context.auth.logOutEverywhere(staffOf(req).userId, String(req.id));
    await destroySession(req, res, context.config);
    res.status(204).end();
  });

  router.get('/api/auth/me', requireStaff({ tenant: 'any' }), (req, res) => {
    const { config } = authContext(req);
    res.set('Cache-Control', 'no-store');
    res.json(meBody(staffOf(req), req.session.staff!.loginAt, config));
  });

  router.post('/api/auth/tenant', requireStaff({ tenant: 'any' }), (req, res) => {
    const { config } = authContext(req);
    const { tenantId } = parseRequest(switchTenantBody, req.body);
    const principal = staffOf(req);
    if (!membershipIn(principal, tenantId)) throw new ForbiddenError('not a member of the tenant');
    req.session.staff!.currentTenantId = tenantId;
    res.set('Cache-Control', 'no-store');
    res.json(
      meBody({ ...principal, currentTenantId: tenantId }, req.session.staff!.loginAt, config),
    );
  });

  router.get('/api/auth/oidc/login', async (req, res) => {
    const context = authContext(req);
    if (!context.oidc) throw new NotFoundError('OIDC not configured');
    const { returnTo } = parseRequest(oidcLoginQuery, req.query);
    const redirectUri = `${publicBase(req, context.config)}${OIDC_CALLBACK_PATH}`;
    let started;
    try {
      started = await context.oidc.start(redirectUri, returnTo);
    } catch (err) {
      context.logger.error({ err }, 'OIDC discovery failed');
      throw new NotReadyError('identity provider unreachable');
    }
    req.session.oidc = started.pending;
    // express-session sends a redirect's headers before its own save completes; a fast
    // provider brings the browser back before the pending login is stored. Store it first.
    await saveSession(req);
    res.set('Cache-Control', 'no-store');
    res.redirect(303, started.url.href);
  });

  router.get('/api/auth/oidc/callback', async (req, res) => {
    const context = authContext(req);
    if (!context.oidc) throw new NotFoundError('OIDC not configured');
    const pending = req.session.oidc;
    res.set('Cache-Control', 'no-store');
    if (!pending) return res.redirect(303, OIDC_FAILURE_REDIRECT);
    // Used once: gone from the store before the code is redeemed.
    delete req.session.oidc;
    await saveSession(req);
    const query = req.originalUrl.includes('?')
      ? req.originalUrl.slice(req.originalUrl.indexOf('?'))
      : '';
    try {
      const email = await context.oidc.finish(pending, query);
      const account = await context.auth.loginByEmail(email, String(req.id));
      if (!account) return res.redirect(303, OIDC_FAILURE_REDIRECT);
      await startStaffSession(req, res, account, 'oidc');
      res.redirect(303, pending.returnTo);
    } catch (err) {
      if (!(err instanceof OidcLoginError)) throw err;
      context.logger.info(
        { event: 'staff_oidc_login_failed', reason: err.reason },
        'OIDC login failed',
      );
      res.redirect(303, OIDC_FAILURE_REDIRECT);
    }
  });

  return { prefix: '', router, openapi: authOpenApi };
}
