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
    const row = (await this.knex('public.staff_users').where('id', identity.userId).first()) as
      UserRow | undefined;
    if (!row || !row.active || row.session_generation !== identity.generation) return undefined;
    const memberships = await this.memberships(row.id);
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

  /** Memberships in active tenants, with the tenants' names. */
  private async memberships(userId: string): Promise<TenantMembership[]> {
    const roles = (await this.knex('public.staff_roles as r')
      .join('public.tenants as t', 't.id', 'r.tenant_id')
      .where('r.user_id', userId)
      .andWhere('t.active', true)
      .select('r.tenant_id', 't.name', 'r.role', 't.kind')) as {
      tenant_id: string;
      name: string;
      role: Role;
      kind: string;
    }[];
    const groups = (await this.knex('public.staff_group_members')
      .where('user_id', userId)
      .select('tenant_id', 'group_key')) as { tenant_id: string; group_key: string }[];
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
    const order: Role[] = ['admin', 'designer', 'clerk'];
    const collator = new Intl.Collator('de-CH');
    return [...byTenant.values()]
      .sort((a, b) =>
        a.kind === b.kind
          ? collator.compare(a.tenantName, b.tenantName)
          : a.kind === 'canton'
            ? -1
            : 1,
      )
      .map(({ kind: _kind, ...m }) => ({
        ...m,
        roles: m.roles.sort((a, b) => order.indexOf(a) - order.indexOf(b)),
        groups: m.groups.sort(),
      }));
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
