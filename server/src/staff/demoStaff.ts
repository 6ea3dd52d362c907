/**
 * Demo staff for development (NODE_ENV=development only, never in test or production): the
 * canton and two municipalities, Luzern and Eschenbach, with an administrator, a process
 * designer and clerks in groups, plus a designer working for both municipalities. All share
 * the documented demo password. Missing users and groups are added at every start; existing
 * ones are left alone.
 */
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { Config } from '../config';
import { replaceMemberships, type Membership } from './memberships';
import { hashPassword } from './password';

export const DEMO_PASSWORD = 'Serviceportal-Demo-2026';

const DEMO_GROUPS = [
  { tenantId: 'kanton', key: 'strassenverkehrsamt', name: 'Strassenverkehrsamt' },
  { tenantId: 'kanton', key: 'raum-und-wirtschaft', name: 'Dienststelle Raum und Wirtschaft' },
  { tenantId: 'luzern', key: 'einwohnerkontrolle', name: 'Einwohnerkontrolle' },
  { tenantId: 'luzern', key: 'baugesuche', name: 'Baugesuche' },
  { tenantId: 'luzern', key: 'parkkarten', name: 'Parkkarten' },
  { tenantId: 'eschenbach', key: 'einwohnerkontrolle', name: 'Einwohnerkontrolle' },
  { tenantId: 'eschenbach', key: 'bauverwaltung', name: 'Bauverwaltung' },
] as const;

interface DemoUser {
  username: string;
  displayName: string;
  memberships: Membership[];
}

export const DEMO_USERS: readonly DemoUser[] = [
  {
    username: 'kanton.admin',
    displayName: 'Demo Administration Kanton',
    memberships: [{ tenantId: 'kanton', roles: ['admin'], groups: [] }],
  },
  {
    username: 'kanton.designer',
    displayName: 'Demo Prozessdesign Kanton',
    memberships: [{ tenantId: 'kanton', roles: ['designer'], groups: [] }],
  },
  {
    username: 'kanton.clerk',
    displayName: 'Demo Sachbearbeitung Kanton',
    memberships: [
      {
        tenantId: 'kanton',
        roles: ['clerk'],
        groups: ['strassenverkehrsamt', 'raum-und-wirtschaft'],
      },
    ],
  },
  {
    username: 'luzern.admin',
    displayName: 'Demo Administration Luzern',
    memberships: [{ tenantId: 'luzern', roles: ['admin'], groups: [] }],
  },
  {
    username: 'luzern.designer',
    displayName: 'Demo Prozessdesign Luzern',
    memberships: [{ tenantId: 'luzern', roles: ['designer'], groups: [] }],
  },
  {
    username: 'luzern.clerk',
    displayName: 'Demo Sachbearbeitung Luzern',
    memberships: [
      {
        tenantId: 'luzern',
        roles: ['clerk'],
        groups: ['einwohnerkontrolle', 'baugesuche', 'parkkarten'],
      },
    ],
  },
  {
    username: 'eschenbach.admin',
    displayName: 'Demo Administration Eschenbach',
    memberships: [{ tenantId: 'eschenbach', roles: ['admin'], groups: [] }],
  },
  {
    username: 'eschenbach.clerk',
    displayName: 'Demo Sachbearbeitung Eschenbach',
    memberships: [
      { tenantId: 'eschenbach', roles: ['clerk'], groups: ['einwohnerkontrolle', 'bauverwaltung'] },
    ],
  },
  {
    username: 'vlg.designer',
    displayName: 'Demo Prozessdesign VLG',
    memberships: [
      { tenantId: 'luzern', roles: ['designer'], groups: [] },
      { tenantId: 'eschenbach', roles: ['designer'], groups: [] },
    ],
  },
];

/** Adds the missing demo groups and users. Does nothing outside development. */
export async function seedDemoStaff(knex: Knex, env: Config['env']): Promise<string[]> {
  if (env !== 'development') return [];
  const existing = new Set(
    (
      (await knex('public.staff_users')
        .whereIn(
          'username',
          DEMO_USERS.map((u) => u.username),
        )
        .select('username')) as { username: string }[]
    ).map((row) => row.username),
  );
  const missing = DEMO_USERS.filter((u) => !existing.has(u.username));
  // One hash for all demo users, computed outside the transaction (scrypt is slow on purpose).
  const passwordHash = missing.length ? await hashPassword(DEMO_PASSWORD) : null;
  await knex.transaction(async (trx) => {
    await trx('public.staff_groups')
      .insert(DEMO_GROUPS.map((g) => ({ tenant_id: g.tenantId, key: g.key, name: g.name })))
      .onConflict(['tenant_id', 'key'])
      .ignore();
    for (const user of missing) {
      const id = randomUUID();
      await trx('public.staff_users').insert({
        id,
        username: user.username,
        email: `${user.username}@serviceportal.example`,
        display_name: user.displayName,
        password_hash: passwordHash,
      });
      await replaceMemberships(trx, id, [], user.memberships);
    }
  });
  return missing.map((u) => u.username);
}

/** What `npm start` prints about the demo logins (nothing outside development). */
export function demoStaffLines(env: Config['env']): string[] {
  if (env !== 'development') return [];
  return [
    `  Demo staff:      password "${DEMO_PASSWORD}" (development only)`,
    '                   kanton.admin, kanton.designer, kanton.clerk',
    '                   luzern.admin, luzern.designer, luzern.clerk',
    '                   eschenbach.admin, eschenbach.clerk, vlg.designer (Luzern + Eschenbach)',
  ];
}
