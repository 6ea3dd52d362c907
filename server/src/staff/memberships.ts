/**
 * Reading and writing a staff user's memberships (roles and groups per tenant), shared by the
 * user and group services. Callers pass their transaction.
 */
import type { Knex } from 'knex';
import { LastAdminError } from '../auth/auth.errors';
import type { Role } from './principal';

export interface Membership {
  tenantId: string;
  roles: Role[];
  groups: string[];
}

/** Memberships of the users, optionally only in some tenants; users without any are absent. */
export async function membershipsOf(
  db: Knex,
  userIds: readonly string[],
  tenantIds: readonly string[] | 'all' = 'all',
): Promise<Map<string, Membership[]>> {
  const result = new Map<string, Membership[]>();
  if (!userIds.length) return result;
  const roleQuery = db('public.staff_roles')
    .whereIn('user_id', [...userIds])
    .select('user_id', 'tenant_id', 'role');
  const groupQuery = db('public.staff_group_members')
    .whereIn('user_id', [...userIds])
    .select('user_id', 'tenant_id', 'group_key');
  if (tenantIds !== 'all') {
    roleQuery.whereIn('tenant_id', [...tenantIds]);
    groupQuery.whereIn('tenant_id', [...tenantIds]);
  }
  const roles = (await roleQuery) as { user_id: string; tenant_id: string; role: Role }[];
  const groups = (await groupQuery) as { user_id: string; tenant_id: string; group_key: string }[];

  const entry = (userId: string, tenantId: string): Membership => {
    const list = result.get(userId) ?? [];
    result.set(userId, list);
    let membership = list.find((m) => m.tenantId === tenantId);
    if (!membership) {
      membership = { tenantId, roles: [], groups: [] };
      list.push(membership);
    }
    return membership;
  };
  for (const row of roles) entry(row.user_id, row.tenant_id).roles.push(row.role);
  for (const row of groups) {
    if (result.get(row.user_id)?.some((m) => m.tenantId === row.tenant_id)) {
      entry(row.user_id, row.tenant_id).groups.push(row.group_key);
    }
  }
  const roleOrder: Role[] = ['admin', 'designer', 'clerk'];
  for (const list of result.values()) {
    list.sort((a, b) => a.tenantId.localeCompare(b.tenantId));
    for (const m of list) {
      m.roles.sort((a, b) => roleOrder.indexOf(a) - roleOrder.indexOf(b));
      m.groups.sort();
    }
  }
  return result;
}

/** Replaces the user's memberships in the given tenants by `memberships` (which lie in them). */
export async function replaceMemberships(
  trx: Knex.Transaction,
  userId: string,
  tenantIds: readonly string[],
  memberships: readonly Membership[],
): Promise<void> {
  if (tenantIds.length) {
    await trx('public.staff_group_members')
      .where('user_id', userId)
      .whereIn('tenant_id', [...tenantIds])
      .delete();
    await trx('public.staff_roles')
      .where('user_id', userId)
      .whereIn('tenant_id', [...tenantIds])
      .delete();
  }
  const roleRows = memberships.flatMap((m) =>
    m.roles.map((role) => ({ user_id: userId, tenant_id: m.tenantId, role })),
  );
  const groupRows = memberships.flatMap((m) =>
    m.groups.map((key) => ({ user_id: userId, tenant_id: m.tenantId, group_key: key })),
  );
  if (roleRows.length) await trx('public.staff_roles').insert(roleRows);
  if (groupRows.length) await trx('public.staff_group_members').insert(groupRows);
}

/** Of the tenants, those that have at least one active administrator. */
export async function tenantsWithActiveAdmin(
  db: Knex,
  tenantIds: readonly string[],
): Promise<Set<string>> {
  if (!tenantIds.length) return new Set();
  const rows = (await db('public.staff_roles as r')
    .join('public.staff_users as u', 'u.id', 'r.user_id')
    .where('r.role', 'admin')
    .andWhere('u.active', true)
    .whereIn('r.tenant_id', [...new Set(tenantIds)])
    .distinct('r.tenant_id')) as { tenant_id: string }[];
  return new Set(rows.map((row) => row.tenant_id));
}

/**
 * Runs a change and refuses it (rolling back the caller's transaction) when a tenant that had
 * an active administrator before has none after it.
 */
export async function keepingAnAdmin<T>(
  trx: Knex.Transaction,
  tenantIds: readonly string[],
  change: () => Promise<T>,
): Promise<T> {
  const before = await tenantsWithActiveAdmin(trx, tenantIds);
  const result = await change();
  const after = await tenantsWithActiveAdmin(trx, [...before]);
  if ([...before].some((tenantId) => !after.has(tenantId))) {
    throw new LastAdminError('last admin');
  }
  return result;
}

/** Unknown groups among the memberships, as [membership index, group index] pairs. */
export async function unknownGroups(
  db: Knex,
  memberships: readonly Membership[],
): Promise<[number, number][]> {
  const wanted = memberships.flatMap((m) => m.groups.map((key) => [m.tenantId, key] as const));
  if (!wanted.length) return [];
  const rows = (await db('public.staff_groups')
    .whereIn(
      ['tenant_id', 'key'],
      wanted.map(([tenantId, key]) => [tenantId, key]),
    )
    .select('tenant_id', 'key')) as { tenant_id: string; key: string }[];
  const known = new Set(rows.map((row) => `${row.tenant_id}:${row.key}`));
  const missing: [number, number][] = [];
  memberships.forEach((m, i) =>
    m.groups.forEach((key, j) => {
      if (!known.has(`${m.tenantId}:${key}`)) missing.push([i, j]);
    }),
  );
  return missing;
}

/** Deletes all stored sessions of the user (see `staff_sessions`). */
export async function deleteSessionsOfUser(db: Knex, userId: string): Promise<number> {
  return db('public.staff_sessions').whereRaw(`sess #>> '{staff,userId}' = ?`, [userId]).delete();
}

/** A unique constraint refused the write (PostgreSQL and PGlite both report SQLSTATE 23505). */
export function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === '23505';
}
