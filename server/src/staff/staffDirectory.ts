/**
 * What authentication needs to know about staff: the account behind a login name, the
 * account behind an identity provider's e-mail, and the principal of a session, built fresh
 * from the database for every request (roles, groups, active state and the session
 * generation are checked each time).
 */
import type { Knex } from 'knex';
import type { Role, StaffPrincipal, TenantMembership } from './principal';
import { deleteSessionsOfUser } from './memberships';

export interface LoginCandidate {
  id: string;
  passwordHash: string | null;
  active: boolean;
  generation: number;
}

/** What a session remembers of its staff member (see `auth/session.ts`). */
export interface SessionIdentity {
  userId: string;
  generation: number;
  authMethod: 'password' | 'oidc';
  currentTenantId?: string | undefined;
}

interface UserRow {
  id: string;
  username: string;
  email: string;
  display_name: string;
  password_hash: string | null;
  active: boolean;
  session_generation: number;
}

export class StaffDirectory {
  constructor(private readonly knex: Knex) {}

  /** The account a login name (user name or e-mail address, any case) refers to. */
  async findByLogin(login: string): Promise<LoginCandidate | undefined> {
    const normalized = login.trim().toLowerCase();
    const row = (await this.knex('public.staff_users')
      .where(normalized.includes('@') ? 'email' : 'username', normalized)
      .first()) as UserRow | undefined;
    return row && this.candidate(row);
  }

  /** The active account with this e-mail address (OIDC login). */
  async findActiveByEmail(email: string): Promise<LoginCandidate | undefined> {
    const row = (await this.knex('public.staff_users')
      .where({ email: email.trim().toLowerCase(), active: true })
      .first()) as UserRow | undefined;
    return row && this.candidate(row);
  }

  async recordLogin(userId: string, newPasswordHash?: string): Promise<void> {
    await this.knex('public.staff_users')
      .where('id', userId)
      .update({
        last_login_at: this.knex.fn.now(),
        ...(newPasswordHash ? { password_hash: newPasswordHash } : {}),
      });
  }

  /**
   * The principal of a session, or undefined when the account is gone, inactive, or its
   * session generation has moved on (logged out everywhere, password changed).
   */
  async principal(identity: SessionIdentity): Promise<StaffPrincipal | undefined> {
    // One round trip per request: the account with its roles (in active tenants) and groups.
    const result = (await this.knex.raw(
      `select u.*,
         coalesce((select json_agg(json_build_object(
                     'tenant_id', r.tenant_id, 'name', t.name, 'role', r.role, 'kind', t.kind))
                   from public.staff_roles r join public.tenants t on t.id = r.tenant_id
                   where r.user_id = u.id and t.active), '[]') as roles_json,
         coalesce((select json_agg(json_build_object('tenant_id', g.tenant_id, 'group_key', g.group_key))
                   from public.staff_group_members g where g.user_id = u.id), '[]') as groups_json
       from public.staff_users u where u.id = ?`,
      [identity.userId],
    )) as { rows: (UserRow & { roles_json: unknown; groups_json: unknown })[] };
    const row = result.rows[0];
    if (!row || !row.active || row.session_generation !== identity.generation) return undefined;
    const memberships = toMemberships(
      parseJson(row.roles_json) as RoleRow[],
      parseJson(row.groups_json) as GroupRow[],
    );
    const current =
      memberships.find((m) => m.tenantId === identity.currentTenantId) ?? memberships[0];
    return {
      userId: row.id,
      username: row.username,
      displayName: row.display_name,
      email: row.email,
      authMethod: identity.authMethod,
      currentTenantId: current?.tenantId,
      memberships,
    };
  }

  /** Ends every session of the user: raises the generation and deletes the stored sessions. */
  async logOutEverywhere(userId: string): Promise<void> {
    await this.knex.transaction(async (trx) => {
      await trx('public.staff_users').where('id', userId).increment('session_generation', 1);
      await deleteSessionsOfUser(trx, userId);
    });
  }

  private candidate(row: UserRow): LoginCandidate {
    return {
      id: row.id,
      passwordHash: row.password_hash,
      active: row.active,
      generation: row.session_generation,
    };
  }
}

const ROLE_ORDER: Role[] = ['admin', 'designer', 'clerk'];
/** Made once: a collator costs more to build than the sort it serves. */
const COLLATOR = new Intl.Collator('de-CH');

interface RoleRow {
  tenant_id: string;
  name: string;
  role: Role;
  kind: string;
}

interface GroupRow {
  tenant_id: string;
  group_key: string;
}

/** `json` values come back parsed from pg and PGlite; text is parsed for any other driver. */
function parseJson(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value;
}

/** Memberships per tenant: the canton first, then by name; roles and groups in their order. */
function toMemberships(roles: RoleRow[], groups: GroupRow[]): TenantMembership[] {
  const byTenant = new Map<string, TenantMembership & { kind: string }>();
  for (const row of roles) {
    const m = byTenant.get(row.tenant_id) ?? {
      tenantId: row.tenant_id,
      tenantName: row.name,
      kind: row.kind,
      roles: [],
      groups: [],
    };
    m.roles.push(row.role);
    byTenant.set(row.tenant_id, m);
  }
  for (const row of groups) byTenant.get(row.tenant_id)?.groups.push(row.group_key);
  return [...byTenant.values()]
    .sort((a, b) =>
      a.kind === b.kind
        ? COLLATOR.compare(a.tenantName, b.tenantName)
        : a.kind === 'canton'
          ? -1
          : 1,
    )
    .map(({ kind: _kind, ...m }) => ({
      ...m,
      roles: m.roles.sort((a, b) => ROLE_ORDER.indexOf(a) - ROLE_ORDER.indexOf(b)),
      groups: m.groups.sort(),
    }));
}
