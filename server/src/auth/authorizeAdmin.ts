/**
 * The administration scope of the caller, for back-office routes of any domain (audit log,
 * outbox, users, groups): the tenants they administer, or 'all' for an administrator of the
 * canton (the platform). Throws 401 without a staff session, 403 for non-administrators and
 * for unsafe requests failing the CSRF checks.
 */
import type { Request, Response } from 'express';
import { ForbiddenError } from '../http/errors';
import { administeredTenants, type StaffPrincipal } from '../staff/principal';
import { SignInRequiredError } from './auth.errors';
import { authContext } from './authContext';
import { loadStaff } from './requireStaff';

export interface AdminAuthorization {
  actor: { type: 'staff'; id: string };
  tenantIds: readonly string[] | 'all';
  principal: StaffPrincipal;
}

export async function authorizeAdmin(req: Request, res?: Response): Promise<AdminAuthorization> {
  const principal = await loadStaff(req, res ?? (req.res as Response));
  if (!principal) throw new SignInRequiredError('no staff session');
  authContext(req).csrf.verify(req);
  const tenantIds = administeredTenants(principal);
  if (tenantIds !== 'all' && tenantIds.length === 0)
    throw new ForbiddenError('not an administrator');
  return { actor: { type: 'staff', id: principal.userId }, tenantIds, principal };
}
