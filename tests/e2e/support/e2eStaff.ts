/**
 * The staff of the browser tests, created through the server's own services (the same ones
 * /api/admin/users and /api/admin/groups use), so their memberships pass the same checks.
 */
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { AuditService } from '../../../server/src/audit/audit.service';
import { StaffGroupService } from '../../../server/src/staff/staffGroups.service';
import { StaffUserService } from '../../../server/src/staff/staffUsers.service';

export const E2E_PASSWORD = 'Browser-Test-Passwort-2026';

export interface E2eUser {
  username: string;
  displayName: string;
  password: string;
}

interface UserSpec {
  displayName: string;
  memberships: { tenantId: string; roles: ('clerk' | 'designer' | 'admin')[]; groups: string[] }[];
}

/** A clerk of Luzern's Einwohnerkontrolle (also in Eschenbach), a designer and an administrator. */
const SPECS = {
  clerk: {
    displayName: 'Anna Muster',
    memberships: [
      { tenantId: 'luzern', roles: ['clerk'], groups: ['einwohnerkontrolle'] },
      { tenantId: 'eschenbach', roles: ['clerk'], groups: ['einwohnerkontrolle'] },
    ],
  },
  designer: {
    displayName: 'Daniel Design',
    memberships: [{ tenantId: 'luzern', roles: ['designer'], groups: [] }],
  },
  admin: {
    displayName: 'Erika Admin',
    memberships: [{ tenantId: 'luzern', roles: ['admin'], groups: ['einwohnerkontrolle'] }],
  },
} satisfies Record<string, UserSpec>;

export type E2eRole = keyof typeof SPECS;

export const E2E_GROUPS = [
  { tenantId: 'luzern', key: 'einwohnerkontrolle', name: 'Einwohnerkontrolle' },
  { tenantId: 'eschenbach', key: 'einwohnerkontrolle', name: 'Einwohnerkontrolle' },
] as const;

export async function seedE2eStaff(knex: Knex): Promise<Record<E2eRole, E2eUser>> {
  const audit = new AuditService(knex);
  const actor = { userId: randomUUID(), requestId: 'e2e-seed' };
  const groups = new StaffGroupService(knex, audit);
  for (const group of E2E_GROUPS) {
    await groups.create(actor, 'all', { ...group, description: undefined });
  }
  const users = new StaffUserService(knex, audit);
  const seeded = {} as Record<E2eRole, E2eUser>;
  for (const [role, spec] of Object.entries(SPECS) as [E2eRole, UserSpec][]) {
    const username = `e2e.${role}`;
    await users.create(actor, 'all', {
      username,
      email: `${username}@example.ch`,
      displayName: spec.displayName,
      password: E2E_PASSWORD,
      active: true,
      memberships: spec.memberships,
    });
    seeded[role] = { username, displayName: spec.displayName, password: E2E_PASSWORD };
  }
  return seeded;
}
