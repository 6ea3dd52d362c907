/**
 * Arranging staff for API tests directly in the server's database (through the same helpers
 * the server uses), so that tests act through HTTP only.
 */
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { replaceMemberships, type Membership } from '../../../../server/src/staff/memberships';
import { hashPassword } from '../../../../server/src/staff/password';

export const PASSWORD = 'correct horse battery staple';

let passwordHash: Promise<string> | undefined;

export interface StaffSpec {
  username: string;
  memberships: Membership[];
  email?: string;
  active?: boolean;
  /** false: an account without a password (OIDC only). */
  password?: boolean;
}

export interface Staff {
  id: string;
  username: string;
  email: string;
}

export async function createStaff(knex: Knex, spec: StaffSpec): Promise<Staff> {
  passwordHash ??= hashPassword(PASSWORD);
  const hash = spec.password === false ? null : await passwordHash;
  const id = randomUUID();
  const email = spec.email ?? `${spec.username}@test.example`;
  await knex.transaction(async (trx) => {
    await trx('public.staff_users').insert({
      id,
      username: spec.username,
      email,
      display_name: `Test ${spec.username}`,
      password_hash: hash,
      active: spec.active ?? true,
    });
    await replaceMemberships(trx, id, [], spec.memberships);
  });
  return { id, username: spec.username, email };
}

export async function createGroup(
  knex: Knex,
  tenantId: string,
  key: string,
  name = key,
): Promise<void> {
  await knex('public.staff_groups')
    .insert({ tenant_id: tenantId, key, name })
    .onConflict(['tenant_id', 'key'])
    .ignore();
}

export const member = (
  tenantId: string,
  roles: Membership['roles'],
  groups: string[] = [],
): Membership => ({
  tenantId,
  roles,
  groups,
});
