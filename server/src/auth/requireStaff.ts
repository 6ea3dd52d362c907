/**
 * Access control for staff routes, for every domain:
 *
 *   router.get('/api/tasks', requireStaff({ role: 'clerk' }), handler)            // current tenant
 *   router.get('/api/tenants/:tenantId/x', requireStaff({ tenant: (req) => req.params.tenantId }), …)
 *   const staff = staffOf(req);   // typed accessor inside the handler
 *
 * `requireStaff` answers 401 without a valid session (never signed in, logged out, idle or
 * absolute timeout, account deactivated or logged out everywhere); for POST/PUT/PATCH/DELETE
 * it also demands the CSRF token and a same-origin Origin (403). Then the tenant:
 *
 * - `tenant: 'current'` (default): the tenant the staff member currently works in; none → 403.
 * - `tenant: 'any'`: the role in any tenant (or just signed in when no role is asked).
 * - `tenant: '<id>'` or `(req) => id`: that tenant; not a member → 404 (foreign objects are
 *   not found), a member without the role → 403.
 *
 * Objects a route loads must still be checked against the caller (`hasRole`, `groupsIn`,
 * `membershipIn` in `staff/principal.ts`): an unknown or foreign object is a NotFoundError.
 */
import type { Request, RequestHandler, Response } from 'express';
import { ForbiddenError, NotFoundError } from '../http/errors';
import { hasRole, membershipIn, type Role, type StaffPrincipal } from '../staff/principal';
import { SignInRequiredError } from './auth.errors';
import { authContext } from './authContext';
import { destroySession } from './session';

export interface RequireStaffOptions {
  role?: Role | readonly Role[];
  tenant?: 'current' | 'any' | string | ((req: Request) => string | undefined);
}

const principals = new WeakMap<Request, StaffPrincipal | null>();

/**
 * The staff member of the request's session, or undefined (and the session ended) when there
 * is none or it is no longer valid. Loaded once per request.
 */
export async function loadStaff(req: Request, res: Response): Promise<StaffPrincipal | undefined> {
  if (principals.has(req)) return principals.get(req) ?? undefined;
  const context = authContext(req);
  const staff = req.session?.staff;
  let principal: StaffPrincipal | undefined;
  if (staff) {
    const now = Date.now();
    const deadline = staff.loginAt + context.config.sessionAbsoluteTimeoutMs;
    principal = now < deadline ? await context.directory.principal(staff) : undefined;
    if (principal) {
      // Never let the cookie or the stored session outlive the absolute deadline.
      req.session.cookie.maxAge = Math.min(context.config.sessionIdleTimeoutMs, deadline - now);
      if (principal.currentTenantId !== staff.currentTenantId) {
        staff.currentTenantId = principal.currentTenantId;
      }
    } else {
      await destroySession(req, res, context.config);
    }
  }
  principals.set(req, principal ?? null);
  return principal;
}

/** The staff member checked by `requireStaff`; throws (401) if the route did not require one. */
export function staffOf(req: Request): StaffPrincipal {
  const principal = principals.get(req);
  if (!principal) throw new SignInRequiredError('no staff member');
  return principal;
}

/** The staff member if signed in, without requiring it. */
export function optionalStaffOf(req: Request): StaffPrincipal | undefined {
  return principals.get(req) ?? undefined;
}

export function requireStaff(options: RequireStaffOptions = {}): RequestHandler {
  const tenantOption = options.tenant ?? 'current';
  return async (req, res, next) => {
    try {
      const principal = await loadStaff(req, res);
      if (!principal) throw new SignInRequiredError('no staff session');
      authContext(req).csrf.verify(req);

      if (tenantOption === 'any') {
        if (
          options.role &&
          !principal.memberships.some((m) => hasRole(principal, m.tenantId, options.role!))
        ) {
          throw new ForbiddenError('role missing in every tenant');
        }
        return next();
      }
      if (tenantOption === 'current') {
        const current = principal.currentTenantId;
        if (!current) throw new ForbiddenError('no current tenant');
        if (options.role && !hasRole(principal, current, options.role)) {
          throw new ForbiddenError('role missing in current tenant');
        }
        return next();
      }
      const tenantId = typeof tenantOption === 'function' ? tenantOption(req) : tenantOption;
      if (!tenantId || !membershipIn(principal, tenantId))
        throw new NotFoundError('foreign tenant');
      if (options.role && !hasRole(principal, tenantId, options.role)) {
        throw new ForbiddenError('role missing in tenant');
      }
      next();
    } catch (err) {
      next(err);
    }
  };
}
