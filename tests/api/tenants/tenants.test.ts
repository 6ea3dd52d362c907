import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateServer } from '../../../server/src/db/database';
import {
  TenantService,
  tenantsFromFile,
  type Tenant,
} from '../../../server/src/tenants/tenant.service';
import { startTestServer, type TestServer } from '../../server/support/testServer';
import { createTestDatabase, type TestDatabase } from '../../support/database';

interface PublicTenant {
  id: string;
  kind: 'canton' | 'municipality';
  name: string;
  bfsNumber: number | null;
  district: string | null;
}

describe('the municipalities file', () => {
  const tenants = tenantsFromFile();
  const municipalities = tenants.filter((t) => t.kind === 'municipality');

  it('lists the canton and the 79 municipalities of the Canton of Lucerne (1 January 2025)', () => {
    expect(tenants[0]).toMatchObject({
      id: 'kanton',
      kind: 'canton',
      name: 'Kanton Luzern',
      bfsNumber: null,
    });
    expect(municipalities).toHaveLength(79);
  });

  it('has unique ids and BFS numbers within 1001–1151 (the canton of Lucerne)', () => {
    expect(new Set(tenants.map((t) => t.id)).size).toBe(tenants.length);
    expect(new Set(municipalities.map((t) => t.bfsNumber)).size).toBe(79);
    for (const m of municipalities) {
      expect(m.bfsNumber).toBeGreaterThanOrEqual(1001);
      expect(m.bfsNumber).toBeLessThanOrEqual(1151);
      expect(m.id).toMatch(/^[a-z0-9][a-z0-9-]{0,30}$/);
    }
  });

  it.each([
    ['Entlebuch', 9],
    ['Hochdorf', 13],
    ['Luzern-Land', 16],
    ['Luzern-Stadt', 1],
    ['Sursee', 19],
    ['Willisau', 21],
  ])('has the municipalities of the Wahlkreis %s (%i)', (district, count) => {
    expect(municipalities.filter((m) => m.district === district)).toHaveLength(count);
  });

  it.each([
    ['luzern', 'Luzern', 1061],
    ['eschenbach', 'Eschenbach (LU)', 1026],
    ['kriens', 'Kriens', 1059],
    ['emmen', 'Emmen', 1024],
    ['escholzmatt-marbach', 'Escholzmatt-Marbach', 1010],
    ['hergiswil-bei-willisau', 'Hergiswil bei Willisau', 1132],
    ['roemerswil', 'Römerswil', 1039],
    ['root', 'Root', 1065],
    ['willisau', 'Willisau', 1151],
  ])('has %s: %s, BFS %i', (id, name, bfsNumber) => {
    expect(municipalities.find((m) => m.id === id)).toMatchObject({ name, bfsNumber });
  });

  it.each([['honau'], ['altwis'], ['gettnau'], ['littau'], ['ebersecken']])(
    'no longer has %s (merged)',
    (id) => {
      expect(tenants.find((t) => t.id === id)).toBeUndefined();
    },
  );

  it('is the file the server reads', () => {
    const raw = JSON.parse(
      fs.readFileSync(
        new URL('../../../server/src/tenants/municipalities.json', import.meta.url),
        'utf8',
      ),
    ) as { municipalities: unknown[] };
    expect(raw.municipalities).toHaveLength(municipalities.length);
  });
});

describe('GET /api/tenants', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('lists the canton first, then the municipalities by name, publicly and cacheable', async () => {
    // when anyone asks
    const res = await fetch(`${server.baseUrl}/api/tenants`);

    // then
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    const tenants = (await res.json()) as PublicTenant[];
    expect(tenants).toHaveLength(80);
    expect(tenants[0]).toEqual({
      id: 'kanton',
      kind: 'canton',
      name: 'Kanton Luzern',
      bfsNumber: null,
      district: null,
    });
    const names = tenants.slice(1).map((t) => t.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('de-CH').compare));
    expect(names.slice(0, 3)).toEqual(['Adligenswil', 'Aesch (LU)', 'Alberswil']);
    expect(tenants).toContainEqual({
      id: 'eschenbach',
      kind: 'municipality',
      name: 'Eschenbach (LU)',
      bfsNumber: 1026,
      district: 'Hochdorf',
    });
  });

  it('filters by kind', async () => {
    const municipalities = (await (
      await fetch(`${server.baseUrl}/api/tenants?kind=municipality`)
    ).json()) as PublicTenant[];
    expect(municipalities).toHaveLength(79);
    expect(municipalities.every((t) => t.kind === 'municipality' && t.bfsNumber !== null)).toBe(
      true,
    );
    const canton = (await (
      await fetch(`${server.baseUrl}/api/tenants?kind=canton`)
    ).json()) as PublicTenant[];
    expect(canton.map((t) => t.id)).toEqual(['kanton']);
  });

  it.each([['kind=city'], ['page=2']])('refuses %s with 400', async (query) => {
    const res = await fetch(`${server.baseUrl}/api/tenants?${query}`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
  });

  it('answers one tenant, and 404 for an unknown or malformed id', async () => {
    const luzern = await fetch(`${server.baseUrl}/api/tenants/luzern`);
    expect(await luzern.json()).toMatchObject({ id: 'luzern', name: 'Luzern', bfsNumber: 1061 });
    expect((await fetch(`${server.baseUrl}/api/tenants/honau`)).status).toBe(404);
    expect((await fetch(`${server.baseUrl}/api/tenants/NOT_AN_ID`)).status).toBe(404);
  });
});

describe('syncing the tenants table with the file', () => {
  let database: TestDatabase;
  let service: TenantService;

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = await database.open();
    await migrateServer(db);
    service = new TenantService(db.knex);
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('is idempotent', async () => {
    await service.sync();
    const first = await service.list();
    await service.sync();
    expect(await service.list()).toEqual(first);
    expect(first).toHaveLength(80);
  });

  it('deactivates a municipality that left the file (a merger) and renames in place', async () => {
    // given the file after Greppen and Weggis merged (Greppen gone, Weggis renamed for the test)
    const merged: Tenant[] = tenantsFromFile()
      .filter((t) => t.id !== 'greppen')
      .map((t) => (t.id === 'weggis' ? { ...t, name: 'Weggis-Greppen' } : t));

    // when the server syncs
    await service.sync(merged);

    // then Greppen is no longer offered but kept, and Weggis carries the new name
    expect(await service.get('greppen')).toBeUndefined();
    expect(await service.get('weggis')).toMatchObject({ name: 'Weggis-Greppen', bfsNumber: 1069 });
    const db = await database.open();
    expect(await db.knex('tenants').where({ id: 'greppen' }).first()).toMatchObject({
      active: false,
    });

    // and a later sync with the full file brings it back
    await service.sync();
    expect(await service.get('greppen')).toMatchObject({ name: 'Greppen' });
  });
});
