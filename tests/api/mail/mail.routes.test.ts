import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditService } from '../../../server/src/audit/audit.service';
import { migrateServer } from '../../../server/src/db/database';
import { listRoutes } from '../../../server/src/http/routeModule';
import { mailOutboxRoutes } from '../../../server/src/mail/mail.routes';
import { MailService, type MailRecord } from '../../../server/src/mail/mail.service';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { serveModule, testAuthorizeAdmin, type RunningApp } from '../audit/adminTestApp';

let database: TestDatabase;
let audit: AuditService;
let mail: MailService;
let app: RunningApp;
let luzernMail: MailRecord;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = await database.open();
  await migrateServer(db);
  audit = new AuditService(db.knex);
  mail = new MailService(db.knex, { from: 'noreply@lu.ch' });
  luzernMail = await mail.send({
    tenantId: 'luzern',
    caseId: 'case-7',
    to: 'lea.keller@example.ch',
    subject: 'Nachforderung: Mietvertrag',
    text: 'Bitte laden Sie Ihren Mietvertrag hoch.',
  });
  await mail.send({
    tenantId: 'eschenbach',
    to: 'beat.wey@example.ch',
    subject: 'Hundeanmeldung',
    text: 'Danke.',
  });
  app = await serveModule(mailOutboxRoutes({ mail, audit, authorizeAdmin: testAuthorizeAdmin }));
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

const get = (path: string, admin?: string) =>
  fetch(`${app.baseUrl}/api/admin/mail-outbox${path}`, {
    headers: { 'Accept-Language': 'en', ...(admin ? { 'X-Test-Admin': admin } : {}) },
  });

describe('GET /api/admin/mail-outbox', () => {
  it.each([
    ['', undefined, 401],
    [`/${'00000000-0000-4000-8000-000000000000'}`, undefined, 401],
    ['?status=lost', 'all', 400],
    ['?perPage=500', 'all', 400],
  ])('GET %s as %s → %i', async (path, admin, status) => {
    expect((await get(path, admin)).status).toBe(status);
  });

  it('lists the caller’s tenants’ mails without bodies', async () => {
    const res = await get('?status=queued', 'luzern');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: Record<string, unknown>[]; pageInfo: unknown };
    expect(body.data).toHaveLength(1);
    expect(body.data[0]).toMatchObject({ id: luzernMail.id, tenantId: 'luzern', status: 'queued' });
    expect(body.data[0]).not.toHaveProperty('text');
    expect(body.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: false });
  });

  it('shows one mail with its bodies and audits the read', async () => {
    const res = await get(`/${luzernMail.id}`, 'luzern');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      id: luzernMail.id,
      text: 'Bitte laden Sie Ihren Mietvertrag hoch.',
    });
    const reads = await audit.list({
      scope: ['luzern'],
      filter: { action: 'mail.read', objectId: luzernMail.id },
    });
    expect(reads.data[0]).toMatchObject({
      actor: { type: 'staff', id: 'admin-1' },
      details: { caseId: 'case-7' },
    });
  });

  it.each([
    ['of another tenant', () => luzernMail.id, 'eschenbach'],
    ['with a malformed id', () => 'x', 'all'],
  ])('answers a mail %s with 404', async (_what, id, admin) => {
    expect((await get(`/${id()}`, admin)).status).toBe(404);
  });

  it('documents every route it serves', () => {
    const module = mailOutboxRoutes({ mail, audit, authorizeAdmin: testAuthorizeAdmin });
    const served = listRoutes(module);
    expect(served.map((r) => `${r.method} ${r.path}`)).toEqual([
      'get /api/admin/mail-outbox',
      'get /api/admin/mail-outbox/{id}',
    ]);
    for (const route of served) expect(module.openapi[route.path]?.[route.method]).toBeDefined();
  });
});
