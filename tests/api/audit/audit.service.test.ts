import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { openDatabase, type Database } from '@serviceportal/engine/db';
import { AuditService, type AuditEntry } from '../../../server/src/audit/audit.service';
import { migrateServer } from '../../../server/src/db/database';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../../support/database';

let database: TestDatabase;
let db: Database;
let knex: Knex;
let audit: AuditService;

beforeAll(async () => {
  database = await createTestDatabase();
  db = await database.open();
  await migrateServer(db);
  knex = db.knex;
  audit = new AuditService(knex);
});

afterAll(async () => {
  await database?.drop();
});

const entry = (overrides: Partial<AuditEntry> = {}): AuditEntry => ({
  actor: { type: 'staff', id: 'clerk-7' },
  tenantId: 'luzern',
  action: 'document.read',
  objectType: 'document',
  objectId: 'doc-1',
  requestId: 'req-12345678',
  details: { caseId: 'case-1' },
  ...overrides,
});

describe('AuditService.record', () => {
  it('appends an entry with actor, tenant, object, request and details', async () => {
    // when a clerk's read is recorded
    const recorded = await audit.record(entry());

    // then it is stored as given, with an id and a time
    expect(recorded).toMatchObject({
      actor: { type: 'staff', id: 'clerk-7' },
      tenantId: 'luzern',
      action: 'document.read',
      objectType: 'document',
      objectId: 'doc-1',
      requestId: 'req-12345678',
      details: { caseId: 'case-1' },
    });
    expect(recorded.id).toMatch(/^\d+$/);
    expect(recorded.at).toBeInstanceOf(Date);
  });

  it.each([
    ['a name', { lastName: 'Müller' }],
    ['an e-mail address', { email: 'anna@example.ch' }],
    ['an address', { street: 'Pilatusstrasse 12' }],
    ['a birth date', { birthDate: '1985-04-23' }],
    ['an IBAN', { iban: 'CH4431999123000889012' }],
    ['a file name', { fileName: 'Lohnausweis Müller.pdf' }],
    ['a nested object', { applicant: { id: 1 } }],
    ['a long text', { note: 'x'.repeat(201) }],
  ])('refuses details with %s (a bug in the caller)', async (_what, details) => {
    await expect(
      audit.record(entry({ details: details as unknown as AuditEntry['details'] })),
    ).rejects.toThrow(/audit: detail/);
  });

  it.each([
    ['ids', { caseId: 'c-1', mailId: 'm-1', residentId: 'r-1' }],
    ['codes and numbers', { outcome: 'not_found', sizeBytes: 1234, kind: 'upload' }],
    ['null and booleans', { caseId: null, retried: true }],
  ])('accepts details with %s', async (_what, details) => {
    await expect(audit.record(entry({ details }))).resolves.toMatchObject({ details });
  });

  it.each(['Document.Read', 'read', 'document read', ''])(
    'refuses the action %j (not <object>.<verb>)',
    async (action) => {
      await expect(audit.record(entry({ action }))).rejects.toThrow(/audit: action/);
    },
  );

  it('writes inside the caller’s transaction: a rollback leaves no entry', async () => {
    await knex
      .transaction(async (trx) => {
        await audit.record(entry({ objectId: 'rolled-back' }), trx);
        throw new Error('rollback');
      })
      .catch(() => {});
    const rows = await knex('audit_log').where({ object_id: 'rolled-back' });
    expect(rows).toEqual([]);
  });
});

describe('AuditService.list', () => {
  beforeAll(async () => {
    for (let i = 1; i <= 5; i += 1) {
      await audit.record(
        entry({
          tenantId: 'eschenbach',
          objectType: 'mail',
          action: 'mail.read',
          objectId: `m-${i}`,
        }),
      );
    }
    await audit.record(
      entry({ tenantId: 'kanton', objectType: 'resident', action: 'register.lookup' }),
    );
    await audit.record(
      entry({ tenantId: null, objectType: 'audit_log', action: 'audit_log.list' }),
    );
  });

  it('pages newest first with hasNextPage / hasPreviousPage and no total', async () => {
    const scope = ['eschenbach'];
    const first = await audit.list({ scope, page: 1, perPage: 2 });
    const second = await audit.list({ scope, page: 2, perPage: 2 });
    const third = await audit.list({ scope, page: 3, perPage: 2 });

    expect(first.data.map((r) => r.objectId)).toEqual(['m-5', 'm-4']);
    expect(first.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false });
    expect(second.data.map((r) => r.objectId)).toEqual(['m-3', 'm-2']);
    expect(second.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: true });
    expect(third.data.map((r) => r.objectId)).toEqual(['m-1']);
    expect(third.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true });
  });

  it.each([
    ['only the caller’s tenants', { scope: ['kanton'] }, ['kanton']],
    ['no tenant: nothing', { scope: [] }, []],
    [
      'a platform admin also sees entries without tenant',
      { scope: 'all' as const, filter: { action: 'audit_log.list' } },
      [null],
    ],
    [
      'filtered by object',
      { scope: 'all' as const, filter: { objectType: 'mail', objectId: 'm-3' } },
      ['eschenbach'],
    ],
    [
      'filtered by action',
      { scope: ['kanton', 'eschenbach'], filter: { action: 'register.lookup' } },
      ['kanton'],
    ],
    [
      'filtered by tenant within the scope',
      { scope: ['kanton', 'eschenbach'], filter: { tenantId: 'kanton' } },
      ['kanton'],
    ],
    [
      'a tenant outside the scope stays hidden',
      { scope: ['kanton'], filter: { tenantId: 'eschenbach' } },
      [],
    ],
    [
      'filtered by time: nothing in the future',
      { scope: 'all' as const, filter: { from: new Date(Date.now() + 3_600_000) } },
      [],
    ],
  ])('lists %s', async (_what, query, tenants) => {
    const page = await audit.list({ perPage: 100, ...query });
    expect([...new Set(page.data.map((r) => r.tenantId))]).toEqual(tenants);
  });
});

describe('the audit log is append-only', () => {
  it.each([
    ['update', "update audit_log set action = 'document.forged'"],
    ['delete', 'delete from audit_log'],
    ['truncate', 'truncate audit_log'],
  ])('refuses %s, even for the database owner', async (_what, statement) => {
    // given entries in the log
    const before = await knex('audit_log').count({ n: '*' }).first();

    // when anyone tries to change them, then the database refuses
    await expect(knex.raw(statement)).rejects.toThrow(/append-only|permission denied/);
    const after = await knex('audit_log').count({ n: '*' }).first();
    expect(after).toEqual(before);
  });
});

describe.runIf(usingPostgres)(
  'the audit log against the application’s own role (PostgreSQL)',
  () => {
    it('the role that owns the database and ran the migrations may insert, not update, delete or truncate', async () => {
      // given a database owned by a login role that is not a superuser, and migrated by it
      const role = `app_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`;
      const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      await admin.query(`create role ${role} login nosuperuser`);
      const owned = await createTestDatabase();
      const url = new URL(owned.url!);
      await admin.query(`alter database ${url.pathname.slice(1)} owner to ${role}`);
      url.username = role;
      const app = await openDatabase({ databaseUrl: url.toString() });
      try {
        await migrateServer(app);
        const appAudit = new AuditService(app.knex);

        // when the application writes an entry, then that works
        await appAudit.record(entry());

        // but changing entries is refused by privileges, before any trigger runs
        for (const statement of [
          "update audit_log set action = 'document.forged'",
          'delete from audit_log',
          'truncate audit_log',
        ]) {
          await expect(app.knex.raw(statement)).rejects.toThrow(/permission denied/);
        }
        const page = await appAudit.list({ scope: 'all' });
        expect(page.data.map((r) => r.action)).toEqual(['document.read']);
      } finally {
        await app.close();
        await owned.drop();
        await admin.query(`drop role if exists ${role}`);
        await admin.end();
      }
    });
  },
);

describe('AuditService.record, group commit', () => {
  it('writes entries recorded at the same time together, each caller getting its own', async () => {
    // given twenty reads recorded at once (as concurrent requests do)
    const objectIds = Array.from({ length: 20 }, (_, i) => `grouped-${i}`);

    // when they are recorded
    const recorded = await Promise.all(
      objectIds.map((objectId) => audit.record(entry({ objectId, action: 'task.list' }))),
    );

    // then every caller got the entry it recorded, stored once, with its own id
    expect(recorded.map((r) => r.objectId)).toEqual(objectIds);
    expect(new Set(recorded.map((r) => r.id)).size).toBe(objectIds.length);
    const stored = (await knex('public.audit_log')
      .whereIn('object_id', objectIds)
      .select('id', 'object_id')) as { id: string; object_id: string }[];
    expect(Object.fromEntries(stored.map((row) => [row.object_id, String(row.id)]))).toEqual(
      Object.fromEntries(recorded.map((r) => [r.objectId, r.id])),
    );
  });

  it('fails only the entry the database refuses, not the others of its batch', async () => {
    // given entries recorded at once, one of them with a tenant id longer than the column
    const tooLong = 'x'.repeat(65);
    const calls = ['good-1', 'bad', 'good-2', 'good-3'].map((objectId) =>
      audit.record(entry({ objectId, tenantId: objectId === 'bad' ? tooLong : 'luzern' })),
    );

    // when they are written
    const outcomes = await Promise.allSettled(calls);

    // then the refused one fails, and the others are stored
    expect(outcomes.map((o) => o.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
    ]);
    const stored = (await knex('public.audit_log')
      .whereIn('object_id', ['good-1', 'bad', 'good-2', 'good-3'])
      .pluck('object_id')) as string[];
    expect(stored.sort()).toEqual(['good-1', 'good-2', 'good-3']);
  });

  it('writes in the caller’s transaction when given one (rolled back with it)', async () => {
    // given an entry recorded in a transaction that is then rolled back
    await knex
      .transaction(async (trx) => {
        await audit.record(entry({ objectId: 'rolled-back' }), trx);
        throw new Error('roll back');
      })
      .catch(() => undefined);

    // then it is not stored
    expect(await knex('public.audit_log').where({ object_id: 'rolled-back' }).first()).toBe(
      undefined,
    );
  });
});
