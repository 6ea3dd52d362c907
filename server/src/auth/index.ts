/**
 * What other domains use from authentication: route guards, the signed-in staff member and
 * the checks on roles, groups and tenants.
 */
export { requireStaff, staffOf, optionalStaffOf, type RequireStaffOptions } from './requireStaff';
export { authorizeAdmin, type AdminAuthorization } from './authorizeAdmin';
export {
  ROLES,
  PLATFORM_TENANT_ID,
  administeredTenants,
  groupsIn,
  hasRole,
  inScope,
  isPlatformAdmin,
  membershipIn,
  type Role,
  type StaffPrincipal,
  type TenantMembership,
} from '../staff/principal';
