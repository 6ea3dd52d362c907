/** The signed-in staff member as GET /api/auth/me (and login, tenant switch) answers. */
export interface StaffSession {
  user: { id: string; username: string; displayName: string; email: string };
  authMethod: 'password' | 'oidc';
  currentTenantId: string | null;
  tenants: { id: string; name: string; roles: string[]; groups: string[] }[];
  administers: string[];
  session: { loginAt: string; expiresAt: string };
}

export type Role = 'admin' | 'designer' | 'clerk' | (string & {});

/** The roles of the tenant the staff member works in now (the first one when none is chosen). */
export function currentRoles(session: StaffSession): Role[] {
  return currentTenant(session)?.roles ?? [];
}

export function currentTenant(session: StaffSession): StaffSession['tenants'][number] | undefined {
  return (
    session.tenants.find((tenant) => tenant.id === session.currentTenantId) ?? session.tenants[0]
  );
}
