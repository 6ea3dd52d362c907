/**
 * The signed-in staff member as other domains see it: who they are, the tenants they belong
 * to with their roles and groups there, and the tenant they currently work in. Built fresh
 * for every request from the database, so a changed role or a deactivation counts at once.
 */
export const ROLES = ['admin', 'designer', 'clerk'] as const;
export type Role = (typeof ROLES)[number];

/** Administrators of the canton run the shared platform: they administer every tenant. */
export const PLATFORM_TENANT_ID = 'kanton';

export interface TenantMembership {
  tenantId: string;
  tenantName: string;
  roles: Role[];
  /** Group keys: the candidate groups of BPMN user tasks in this tenant. */
  groups: string[];
}

export interface StaffPrincipal {
  userId: string;
  username: string;
  displayName: string;
  email: string;
  authMethod: 'password' | 'oidc';
  /** Undefined only for a user without any tenant. */
  currentTenantId: string | undefined;
  memberships: TenantMembership[];
}

export function membershipIn(
  principal: StaffPrincipal,
  tenantId: string,
): TenantMembership | undefined {
  return principal.memberships.find((membership) => membership.tenantId === tenantId);
}

/** Whether the staff member has (one of) the role(s) in the tenant. */
export function hasRole(
  principal: StaffPrincipal,
  tenantId: string,
  role: Role | readonly Role[],
): boolean {
  const wanted: readonly Role[] = typeof role === 'string' ? [role] : role;
  const roles = membershipIn(principal, tenantId)?.roles ?? [];
  return roles.some((held) => wanted.includes(held));
}

/** Group keys of the staff member in the tenant (empty when not a member). */
export function groupsIn(principal: StaffPrincipal, tenantId: string): string[] {
  return membershipIn(principal, tenantId)?.groups ?? [];
}

export function isPlatformAdmin(principal: StaffPrincipal): boolean {
  return hasRole(principal, PLATFORM_TENANT_ID, 'admin');
}

/** Tenants whose users and groups the staff member administers: 'all' for platform admins. */
export function administeredTenants(principal: StaffPrincipal): readonly string[] | 'all' {
  if (isPlatformAdmin(principal)) return 'all';
  return principal.memberships
    .filter((membership) => membership.roles.includes('admin'))
    .map((membership) => membership.tenantId);
}

export function inScope(scope: readonly string[] | 'all', tenantId: string): boolean {
  return scope === 'all' || scope.includes(tenantId);
}
