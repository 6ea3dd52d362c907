import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateServer } from '../../../server/src/db/database';
import {
  DEMO_PASSWORD,
  DEMO_USERS,
  demoStaffLines,
  seedDemoStaff,
} from '../../../server/src/staff/demoStaff';
import { verifyPassword } from '../../../server/src/staff/password';
import { TenantService } from '../../../server/src/tenants/tenant.service';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { startTestServer, type TestServer } from '../../server/support/testServer';

describe('demo staff', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = await database.open();
    await migrateServer(db);
    await new TenantService(db.knex).sync();
  });

  afterAll(async () => {
    await database?.drop();
  });

  it.each([['test'], ['production']] as const)('are never created in %s', async (env) => {
    const db = await database.open();
    expect(await seedDemoStaff(db.knex, env)).toEqual([]);
    expect(
      Number(((await db.knex('staff_users').count({ n: '*' })) as { n: string }[])[0]!.n),
    ).toBe(0);
    expect(demoStaffLines(env)).toEqual([]);
  });

  it('are created in development for the canton, Luzern and Eschenbach, once', async () => {
    const db = await database.open();

    // when seeded twice
    const first = await seedDemoStaff(db.knex, 'development');
    const second = await seedDemoStaff(db.knex, 'development');

    // then all demo users exist once, with the demo password, roles and groups
    expect(first.sort()).toEqual(DEMO_USERS.map((u) => u.username).sort());
    expect(second).toEqual([]);
    const users = (await db.knex('staff_users').select('username', 'password_hash')) as {
      username: string;
      password_hash: string;
    }[];
    expect(users).toHaveLength(DEMO_USERS.length);
    expect(await verifyPassword(DEMO_PASSWORD, users[0]!.password_hash)).toBe(true);
    const tenants = new Set(
      ((await db.knex('staff_roles').distinct('tenant_id')) as { tenant_id: string }[]).map(
        (r) => r.tenant_id,
      ),
    );
    expect([...tenants].sort()).toEqual(['eschenbach', 'kanton', 'luzern']);
    const roles = new Set(
      ((await db.knex('staff_roles').distinct('role')) as { role: string }[]).map((r) => r.role),
    );
    expect([...roles].sort()).toEqual(['admin', 'clerk', 'designer']);
    expect(
      await db
        .knex('staff_group_members')
        .where({ tenant_id: 'luzern', group_key: 'einwohnerkontrolle' })
        .first(),
    ).toBeDefined();
  });

  it('are printed by npm start in development, with the documented password', () => {
    const lines = demoStaffLines('development').join('\n');
    expect(lines).toContain(DEMO_PASSWORD);
    for (const user of DEMO_USERS) expect(lines).toContain(user.username);
  });
});

describe('a development server', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ NODE_ENV: 'development' });
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('lets the demo clerk of Luzern log in', async () => {
    const csrf = await fetch(`${server.baseUrl}/api/auth/csrf`);
    const cookie = csrf.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const res = await fetch(`${server.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie, 'X-CSRF-Token': csrfToken },
      body: JSON.stringify({ username: 'luzern.clerk', password: DEMO_PASSWORD }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      currentTenantId: 'luzern',
      tenants: [
        {
          id: 'luzern',
          roles: ['clerk'],
          groups: ['baugesuche', 'einwohnerkontrolle', 'parkkarten'],
        },
      ],
    });
  });
});
