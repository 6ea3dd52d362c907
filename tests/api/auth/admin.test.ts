import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../server/support/testServer';
import { Browser } from './support/browser';
import { PASSWORD, createGroup, createStaff, member, type Staff } from './support/staff';

let server: TestServer;
const staff: Record<string, Staff> = {};
const sessions: Record<string, Browser> = {};

beforeAll(async () => {
  server = await startTestServer();
  const k = server.knex;
  await createGroup(k, 'luzern', 'einwohnerkontrolle', 'Einwohnerkontrolle');
  await createGroup(k, 'luzern', 'baugesuche', 'Baugesuche');
  await createGroup(k, 'eschenbach', 'einwohnerkontrolle', 'Einwohnerkontrolle');
  staff.platform = await createStaff(k, {
    username: 'kanton.admin',
    memberships: [member('kanton', ['admin'])],
  });
  staff.luzernAdmin = await createStaff(k, {
    username: 'luzern.admin',
    memberships: [member('luzern', ['admin'])],
  });
  staff.luzernClerk = await createStaff(k, {
    username: 'luzern.clerk',
    memberships: [member('luzern', ['clerk'], ['einwohnerkontrolle'])],
  });
  staff.eschenbachAdmin = await createStaff(k, {
    username: 'eschenbach.admin',
    memberships: [member('eschenbach', ['admin'])],
  });
  staff.eschenbachClerk = await createStaff(k, {
    username: 'eschenbach.clerk',
    memberships: [member('eschenbach', ['clerk'], ['einwohnerkontrolle'])],
  });
  staff.shared = await createStaff(k, {
    username: 'shared.clerk',
    memberships: [
      member('luzern', ['clerk']),
      member('eschenbach', ['clerk'], ['einwohnerkontrolle']),
    ],
  });
  for (const [key, user] of Object.entries(staff)) {
    sessions[key] = await new Browser(server.baseUrl).loginOk(user.username, PASSWORD);
  }
});

afterAll(async () => {
  await server?.stop();
});

const usernames = async (res: Response) =>
  ((await res.json()) as { username: string }[]).map((u) => u.username);

describe('who may administer', () => {
  it.each([
    ['a clerk', 'luzernClerk'],
    ['a shared clerk', 'shared'],
  ])('refuses %s with 403', async (_who, key) => {
    expect((await sessions[key]!.get('/api/admin/users')).status).toBe(403);
    expect((await sessions[key]!.get('/api/admin/groups')).status).toBe(403);
  });

  it('refuses the anonymous with 401', async () => {
    expect((await new Browser(server.baseUrl).get('/api/admin/users')).status).toBe(401);
  });

  it("shows a municipality's administrator only the users of their tenant, with those memberships only", async () => {
    // when the administrator of Luzern lists users
    const res = await sessions.luzernAdmin!.get(
      '/api/admin/users?sort=["username","ASC"]&range=[0,99]',
    );

    // then Luzern's users, the shared clerk with their Luzern membership only
    expect(res.status).toBe(200);
    const users = (await res.json()) as { username: string; memberships: unknown[] }[];
    expect(users.map((u) => u.username)).toEqual(['luzern.admin', 'luzern.clerk', 'shared.clerk']);
    expect(users.find((u) => u.username === 'shared.clerk')!.memberships).toEqual([
      { tenantId: 'luzern', roles: ['clerk'], groups: [] },
    ]);
    expect(res.headers.get('content-range')).toBe('users 0-2/3');
  });

  it.each([
    ['GET', undefined],
    ['PUT', { displayName: 'Taken over' }],
    ['DELETE', undefined],
  ])('answers 404 to %s on a user of another tenant', async (method, body) => {
    const res = await sessions.luzernAdmin!.request(
      method,
      `/api/admin/users/${staff.eschenbachClerk!.id}`,
      { body },
    );
    expect(res.status).toBe(404);
    const check = await sessions.eschenbachAdmin!.get(
      `/api/admin/users/${staff.eschenbachClerk!.id}`,
    );
    expect(await check.json()).toMatchObject({ displayName: 'Test eschenbach.clerk' });
  });

  it('answers 404 to a group of another tenant and to malformed ids', async () => {
    expect(
      (await sessions.eschenbachAdmin!.get('/api/admin/groups/luzern:einwohnerkontrolle')).status,
    ).toBe(404);
    expect((await sessions.eschenbachAdmin!.get('/api/admin/groups/nonsense')).status).toBe(404);
    expect((await sessions.eschenbachAdmin!.get('/api/admin/users/not-a-uuid')).status).toBe(404);
  });

  it('lets the canton administrator (platform) see everyone', async () => {
    const res = await sessions.platform!.get('/api/admin/users?range=[0,99]');
    expect(await usernames(res)).toEqual(
      expect.arrayContaining(['kanton.admin', 'luzern.clerk', 'eschenbach.clerk', 'shared.clerk']),
    );
    const me = await sessions.platform!.get('/api/auth/me');
    expect(await me.json()).toMatchObject({ administers: 'all' });
  });
});

describe('user administration (ra-data-simple-rest)', () => {
  it('creates a user who can then log in with their roles and groups', async () => {
    // when Luzern's administrator creates a clerk in the Einwohnerkontrolle
    const res = await sessions.luzernAdmin!.post('/api/admin/users', {
      body: {
        username: 'New.Clerk',
        email: 'New.Clerk@Luzern.Example',
        displayName: 'Nora Neu',
        password: 'a long enough password',
        memberships: [{ tenantId: 'luzern', roles: ['clerk'], groups: ['einwohnerkontrolle'] }],
      },
    });

    // then it exists, normalised, and works
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: string };
    expect(created).toMatchObject({
      username: 'new.clerk',
      email: 'new.clerk@luzern.example',
      active: true,
      passwordSet: true,
      memberships: [{ tenantId: 'luzern', roles: ['clerk'], groups: ['einwohnerkontrolle'] }],
    });
    const browser = await new Browser(server.baseUrl).loginOk(
      'new.clerk',
      'a long enough password',
    );
    expect(await (await browser.get('/api/auth/me')).json()).toMatchObject({
      currentTenantId: 'luzern',
      tenants: [{ id: 'luzern', roles: ['clerk'], groups: ['einwohnerkontrolle'] }],
    });
    expect((await sessions.luzernAdmin!.get(`/api/admin/users/${created.id}`)).status).toBe(200);
  });

  it('writes an audit entry for the change', async () => {
    const [row] = (await server
      .knex('audit_log')
      .where({ action: 'staff_user.create', tenant_id: 'luzern', actor_id: staff.luzernAdmin!.id })
      .select('*')) as { details: unknown }[];
    expect(row).toBeDefined();
    expect(JSON.stringify(row!.details)).not.toMatch(/@|password/i);
  });

  it.each([
    [
      'a membership in a tenant they do not administer',
      {
        username: 'x.y',
        email: 'x@y.example',
        displayName: 'X',
        memberships: [{ tenantId: 'eschenbach', roles: ['clerk'] }],
      },
      403,
    ],
    [
      'an unknown group',
      {
        username: 'x.z',
        email: 'x@z.example',
        displayName: 'X',
        memberships: [{ tenantId: 'luzern', roles: ['clerk'], groups: ['nope'] }],
      },
      400,
    ],
    [
      'a taken user name',
      {
        username: 'luzern.clerk',
        email: 'other@z.example',
        displayName: 'X',
        memberships: [{ tenantId: 'luzern', roles: ['clerk'] }],
      },
      409,
    ],
    [
      'a missing membership',
      { username: 'x.w', email: 'x@w.example', displayName: 'X', memberships: [] },
      400,
    ],
  ])('refuses to create a user with %s', async (_case, body, status) => {
    const res = await sessions.luzernAdmin!.post('/api/admin/users', { body });
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
  });

  it('names the offending field of an unknown group', async () => {
    const res = await sessions.luzernAdmin!.post('/api/admin/users', {
      body: {
        username: 'x.v',
        email: 'x@v.example',
        displayName: 'X',
        memberships: [{ tenantId: 'luzern', roles: ['clerk'], groups: ['baugesuche', 'nope'] }],
      },
    });
    expect(await res.json()).toMatchObject({ errors: [{ field: 'memberships.0.groups.1' }] });
  });

  it("changes a shared user's memberships in the own tenant only, never their profile", async () => {
    // when Luzern's administrator puts the shared clerk into Baugesuche (as react-admin does: whole record)
    const current = (await (
      await sessions.luzernAdmin!.get(`/api/admin/users/${staff.shared!.id}`)
    ).json()) as Record<string, unknown>;
    const res = await sessions.luzernAdmin!.put(`/api/admin/users/${staff.shared!.id}`, {
      body: {
        ...current,
        memberships: [{ tenantId: 'luzern', roles: ['clerk'], groups: ['baugesuche'] }],
      },
    });

    // then Luzern changed and Eschenbach did not
    expect(res.status).toBe(200);
    const all = await sessions.platform!.get(`/api/admin/users/${staff.shared!.id}`);
    expect(((await all.json()) as { memberships: unknown }).memberships).toEqual([
      { tenantId: 'eschenbach', roles: ['clerk'], groups: ['einwohnerkontrolle'] },
      { tenantId: 'luzern', roles: ['clerk'], groups: ['baugesuche'] },
    ]);

    // and the profile (shared with Eschenbach) is not theirs to change
    const rename = await sessions.luzernAdmin!.put(`/api/admin/users/${staff.shared!.id}`, {
      body: { displayName: 'Renamed' },
    });
    expect(rename.status).toBe(403);
  });

  it('removes a shared user from the own tenant only; deletes a user left without tenant', async () => {
    // given two users of Luzern, one also in Eschenbach
    const onlyLuzern = await createStaff(server.knex, {
      username: 'leaving',
      memberships: [member('luzern', ['clerk'])],
    });
    const both = await createStaff(server.knex, {
      username: 'half.leaving',
      memberships: [member('luzern', ['clerk']), member('eschenbach', ['clerk'])],
    });

    // when Luzern's administrator deletes both
    const gone = await sessions.luzernAdmin!.delete(`/api/admin/users/${onlyLuzern.id}`);
    const half = await sessions.luzernAdmin!.delete(`/api/admin/users/${both.id}`);

    // then the first is deleted, the second stays in Eschenbach
    expect(gone.status).toBe(200);
    expect(half.status).toBe(200);
    expect((await sessions.platform!.get(`/api/admin/users/${onlyLuzern.id}`)).status).toBe(404);
    const remaining = await sessions.platform!.get(`/api/admin/users/${both.id}`);
    expect(((await remaining.json()) as { memberships: unknown[] }).memberships).toEqual([
      { tenantId: 'eschenbach', roles: ['clerk'], groups: [] },
    ]);
    expect((await sessions.luzernAdmin!.get(`/api/admin/users/${both.id}`)).status).toBe(404);
  });

  it('refuses to leave a tenant without an active administrator', async () => {
    const self = staff.luzernAdmin!;
    const demote = await sessions.luzernAdmin!.put(`/api/admin/users/${self.id}`, {
      body: { memberships: [{ tenantId: 'luzern', roles: ['clerk'] }] },
    });
    expect(demote.status).toBe(409);
    const deactivate = await sessions.luzernAdmin!.put(`/api/admin/users/${self.id}`, {
      body: { active: false },
    });
    expect(deactivate.status).toBe(409);
    expect((await sessions.luzernAdmin!.get('/api/auth/me')).status).toBe(200);
  });

  it('sorts, pages, filters and answers getMany by ids', async () => {
    const admin = sessions.platform!;
    const page = await admin.get(
      `/api/admin/users?sort=${encodeURIComponent('["username","DESC"]')}&range=${encodeURIComponent('[0,1]')}&filter=${encodeURIComponent('{"tenantId":"eschenbach"}')}`,
    );
    expect(page.status).toBe(200);
    expect(await usernames(page)).toEqual(['shared.clerk', 'half.leaving']);
    expect(page.headers.get('content-range')).toMatch(/^users 0-1\/\d+$/);
    expect(Number(page.headers.get('content-range')!.split('/')[1])).toBeGreaterThanOrEqual(4);

    const search = await admin.get(
      `/api/admin/users?filter=${encodeURIComponent('{"q":"ESCHENBACH","role":"admin"}')}`,
    );
    expect(await usernames(search)).toEqual(['eschenbach.admin']);

    const many = await admin.get(
      `/api/admin/users?filter=${encodeURIComponent(JSON.stringify({ id: [staff.luzernClerk!.id, staff.eschenbachClerk!.id] }))}`,
    );
    expect((await usernames(many)).sort()).toEqual(['eschenbach.clerk', 'luzern.clerk']);

    const byGroup = await admin.get(
      `/api/admin/users?filter=${encodeURIComponent('{"group":"einwohnerkontrolle","tenantId":"luzern"}')}`,
    );
    expect(await usernames(byGroup)).toEqual(['luzern.clerk', 'new.clerk']);

    const empty = await admin.get(
      `/api/admin/users?filter=${encodeURIComponent('{"q":"zzz-nobody"}')}`,
    );
    expect(await empty.json()).toEqual([]);
    expect(empty.headers.get('content-range')).toBe('users */0');
  });

  it.each([
    ['sort=["password","ASC"]'],
    ['range=[5,1]'],
    ['range=[0,5000]'],
    ['filter={"tenant":"luzern"}'],
    ['filter=not-json'],
    ['page=2'],
  ])('refuses the list query %s with 400', async (query) => {
    const [name, value] = query.split(/=(.*)/s);
    const res = await sessions.platform!.get(
      `/api/admin/users?${name}=${encodeURIComponent(value!)}`,
    );
    expect(res.status).toBe(400);
  });
});

describe('group administration', () => {
  it('creates, renames, lists and deletes a group of the own tenant', async () => {
    const admin = sessions.luzernAdmin!;
    const created = await admin.post('/api/admin/groups', {
      body: { tenantId: 'luzern', key: 'parkkarten', name: 'Parkkarten' },
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({
      id: 'luzern:parkkarten',
      tenantId: 'luzern',
      key: 'parkkarten',
      memberIds: [],
    });

    const renamed = await admin.put('/api/admin/groups/luzern:parkkarten', {
      body: {
        id: 'luzern:parkkarten',
        key: 'ignored',
        name: 'Anwohnerparkkarten',
        description: 'Blaue Zone',
      },
    });
    expect(await renamed.json()).toMatchObject({
      key: 'parkkarten',
      name: 'Anwohnerparkkarten',
      description: 'Blaue Zone',
    });

    const list = await admin.get(`/api/admin/groups?sort=${encodeURIComponent('["name","ASC"]')}`);
    expect(((await list.json()) as { id: string }[]).map((g) => g.id)).toEqual([
      'luzern:parkkarten',
      'luzern:baugesuche',
      'luzern:einwohnerkontrolle',
    ]);
    expect(list.headers.get('content-range')).toBe('groups 0-2/3');

    const kontrolle = await admin.get('/api/admin/groups/luzern:einwohnerkontrolle');
    expect(((await kontrolle.json()) as { memberIds: string[] }).memberIds).toContain(
      staff.luzernClerk!.id,
    );

    expect((await admin.delete('/api/admin/groups/luzern:parkkarten')).status).toBe(200);
    expect((await admin.get('/api/admin/groups/luzern:parkkarten')).status).toBe(404);
  });

  it.each([
    ['another tenant', { tenantId: 'eschenbach', key: 'x', name: 'X' }, 403],
    ['a duplicate key', { tenantId: 'luzern', key: 'baugesuche', name: 'X' }, 409],
    ['a malformed key', { tenantId: 'luzern', key: 'Bau Gesuche', name: 'X' }, 400],
    ['an unknown field', { tenantId: 'luzern', key: 'y', name: 'Y', members: [] }, 400],
  ])('refuses a group in %s', async (_case, body, status) => {
    expect((await sessions.luzernAdmin!.post('/api/admin/groups', { body })).status).toBe(status);
  });

  it('needs the CSRF token for changes', async () => {
    const res = await sessions.luzernAdmin!.post('/api/admin/groups', {
      body: { tenantId: 'luzern', key: 'z', name: 'Z' },
      noCsrf: true,
    });
    expect(res.status).toBe(403);
  });
});
