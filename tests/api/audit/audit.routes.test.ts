import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRoutes } from '../../../server/src/audit/audit.routes';
import { AuditService } from '../../../server/src/audit/audit.service';
import { migrateServer } from '../../../server/src/db/database';
import { listRoutes } from '../../../server/src/http/routeModule';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { serveModule, testAuthorizeAdmin, type RunningApp } from './adminTestApp';

let database: TestDatabase;
let audit: AuditService;
let app: RunningApp;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = await database.open();
  await migrateServer(db);
  audit = new AuditService(db.knex);
  for (const tenantId of ['luzern', 'luzern', 'eschenbach']) {
    await audit.record({
      actor: { type: 'citizen', id: 'c-1' },
      tenantId,
      action: 'document.create',
      objectType: 'document',
      objectId: `${tenantId}-doc`,
      details: { caseId: 'case-1' },
    });
  }
  app = await serveModule(auditRoutes({ audit, authorizeAdmin: testAuthorizeAdmin }));
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

const get = (query: string, admin?: string) =>
  fetch(`${app.baseUrl}/api/admin/audit-log${query}`, {
    headers: { 'Accept-Language': 'en', ...(admin ? { 'X-Test-Admin': admin } : {}) },
  });

describe('GET /api/admin/audit-log', () => {
  it('answers 401 problem+json without a signed-in administrator', async () => {
    const res = await get('');
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('lists the caller’s tenants only, newest first, with partial pagination', async () => {
    const res = await get('?perPage=1&action=document.create', 'luzern');
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      data: { tenantId: string; action: string; at: string }[];
      pageInfo: unknown;
    };
    expect(body.data).toHaveLength(1);
    expect(body.data[0]).toMatchObject({ tenantId: 'luzern', action: 'document.create' });
    expect(new Date(body.data[0]!.at).getTime()).not.toBeNaN();
    expect(body.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false });
  });

  it('audits the read of the log itself', async () => {
    await get('?objectType=document', 'eschenbach');
    const page = await audit.list({ scope: 'all', filter: { action: 'audit_log.list' } });
    expect(page.data[0]).toMatchObject({
      actor: { type: 'staff', id: 'admin-1' },
      objectType: 'audit_log',
    });
    expect(page.data[0]!.requestId).toBeTruthy();
  });

  it.each([
    ['perPage=0', 'perPage'],
    ['perPage=101', 'perPage'],
    ['page=-1', 'page'],
    ['actorType=robot', 'actorType'],
    ['from=yesterday', 'from'],
    ['unknown=1', 'unknown'],
  ])('refuses ?%s with 400 naming the field %s', async (query, field) => {
    const res = await get(`?${query}`, 'all');
    expect(res.status).toBe(400);
    const body = (await res.json()) as { title: string; errors: { field: string }[] };
    expect(body.title).toBe('Invalid input');
    expect(body.errors.map((e) => e.field)).toContain(field);
  });

  it('documents every route it serves', () => {
    const module = auditRoutes({ audit, authorizeAdmin: testAuthorizeAdmin });
    for (const route of listRoutes(module)) {
      expect(module.openapi[route.path]?.[route.method]).toBeDefined();
    }
  });
});
