import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditService } from '../../../server/src/audit/audit.service';
import { migrateServer } from '../../../server/src/db/database';
import { DocumentService } from '../../../server/src/documents/document.service';
import {
  NotFoundError,
  QuotaExceededError,
  UnsupportedFileTypeError,
} from '../../../server/src/http/errors';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { elf, exe, html, jpeg, png, svg, text, tinyPdf, zip } from './fixtures';

let database: TestDatabase;
let knex: Knex;
let audit: AuditService;
let documents: DocumentService;
let pdf: Buffer;

const citizen = { actor: { type: 'citizen' as const, id: 'citizen-1' }, requestId: 'req-abcdefgh' };
const QUOTA = { maxDocumentsPerCase: 3, maxBytesPerCase: 20_000 };

beforeAll(async () => {
  database = await createTestDatabase();
  const db = await database.open();
  await migrateServer(db);
  knex = db.knex;
  audit = new AuditService(knex);
  documents = new DocumentService(knex, audit, QUOTA);
  pdf = await tinyPdf();
});

afterAll(async () => {
  await database?.drop();
});

describe('DocumentService.store', () => {
  it.each([
    ['a PDF', () => pdf, 'application/pdf', 'pdf'],
    ['a PNG', () => png, 'image/png', 'png'],
    ['a JPEG', () => jpeg, 'image/jpeg', 'jpg'],
  ])(
    'stores %s under our own name with the type detected from its content',
    async (_what, content, mediaType, extension) => {
      // given a citizen's upload whose name claims something else
      const bytes = content();

      // when it is stored
      const stored = await documents.store(
        {
          tenantId: 'luzern',
          caseId: `case-${extension}`,
          kind: 'upload',
          content: bytes,
          originalName: 'scan.gif',
        },
        citizen,
      );

      // then the type comes from the bytes, the storage name is ours, the name only metadata
      expect(stored).toMatchObject({
        tenantId: 'luzern',
        caseId: `case-${extension}`,
        kind: 'upload',
        originalName: 'scan.gif',
        mediaType,
        extension,
        sizeBytes: bytes.length,
        createdBy: 'citizen:citizen-1',
      });
      expect(stored.sha256).toMatch(/^[0-9a-f]{64}$/);
      const row = (await knex('documents').where({ id: stored.id }).first()) as {
        storage_name: string;
      };
      expect(row.storage_name).toMatch(new RegExp(`^[0-9a-f-]{36}\\.${extension}$`));
      expect(row.storage_name).not.toContain('scan');
    },
  );

  it.each([
    ['an executable renamed .pdf', exe(), 'application/x-msdownload'],
    ['an ELF binary', elf, 'application/x-elf'],
    ['a ZIP archive', zip, 'application/zip'],
    ['an HTML page', html, undefined],
    ['an SVG with script', svg, undefined],
    ['plain text', text, undefined],
    ['an empty file', Buffer.alloc(0), undefined],
  ])(
    'refuses %s with UnsupportedFileTypeError (422) and stores nothing',
    async (_what, content, detected) => {
      const caseId = `refused-${Math.random()}`;
      const error = await documents
        .store(
          { tenantId: 'luzern', caseId, kind: 'upload', content, originalName: 'Mietvertrag.pdf' },
          citizen,
        )
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnsupportedFileTypeError);
      expect(error).toMatchObject({ status: 422, detected });
      expect(await documents.listByCase({ tenantId: 'luzern', caseId })).toEqual([]);
    },
  );

  it('keeps only a cleaned original name: path and control characters never reach storage', async () => {
    const stored = await documents.store(
      {
        tenantId: 'luzern',
        caseId: 'case-names',
        kind: 'upload',
        content: pdf,
        originalName: '../../etc/\u0000pass\u202Ewd.pdf',
      },
      citizen,
    );
    expect(stored.originalName).toBe('passwd.pdf');
  });

  it('refuses the upload beyond the count quota of the case, and generated documents do not count', async () => {
    // given a case with as many uploads as allowed
    const ref = { tenantId: 'luzern', caseId: 'case-count' };
    for (let i = 0; i < QUOTA.maxDocumentsPerCase; i += 1) {
      await documents.store({ ...ref, kind: 'upload', content: png }, citizen);
    }

    // when one more is uploaded, then the quota refuses it
    await expect(
      documents.store({ ...ref, kind: 'upload', content: png }, citizen),
    ).rejects.toMatchObject({
      constructor: QuotaExceededError,
      status: 422,
      limit: 'count',
    });
    // but a decision generated for the case is stored
    await documents.store({ ...ref, kind: 'decision', content: pdf }, citizen);
    expect(await documents.usage(ref)).toEqual({ count: 3, totalBytes: 3 * png.length });
    expect(await documents.listByCase(ref)).toHaveLength(4);
  });

  it('refuses the upload that would exceed the byte quota of the case', async () => {
    const ref = { tenantId: 'luzern', caseId: 'case-bytes' };
    const big = Buffer.concat([png, Buffer.alloc(12_000)]);
    await documents.store({ ...ref, kind: 'upload', content: big }, citizen);
    await expect(
      documents.store({ ...ref, kind: 'upload', content: big }, citizen),
    ).rejects.toMatchObject({
      constructor: QuotaExceededError,
      limit: 'bytes',
    });
    await expect(documents.checkQuota(ref, 1000)).resolves.toBeUndefined();
  });

  it('lets concurrent uploads to one case fill the quota but not exceed it', async () => {
    const ref = { tenantId: 'luzern', caseId: 'case-race' };
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () =>
        documents.store({ ...ref, kind: 'upload', content: png }, citizen),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(QUOTA.maxDocumentsPerCase);
    expect(
      results.filter((r) => r.status === 'rejected' && r.reason instanceof QuotaExceededError),
    ).toHaveLength(6 - QUOTA.maxDocumentsPerCase);
  });

  it('returns the first document again for a repeated idempotency key', async () => {
    const input = {
      tenantId: 'luzern',
      caseId: 'case-idem',
      kind: 'decision' as const,
      content: pdf,
      idempotencyKey: 'zeebe-job:2251799813685300',
    };
    const first = await documents.store(input, citizen);
    const second = await documents.store(input, citizen);
    expect(second).toEqual(first);
    expect(await documents.listByCase(input)).toHaveLength(1);
  });

  it('writes a document.create audit entry with ids only', async () => {
    const stored = await documents.store(
      {
        tenantId: 'eschenbach',
        caseId: 'case-audit',
        kind: 'upload',
        content: pdf,
        originalName: 'Lohnausweis Anna Müller.pdf',
      },
      citizen,
    );
    const page = await audit.list({
      scope: 'all',
      filter: { objectType: 'document', objectId: stored.id },
    });
    expect(page.data).toHaveLength(1);
    expect(page.data[0]).toMatchObject({
      actor: { type: 'citizen', id: 'citizen-1' },
      tenantId: 'eschenbach',
      action: 'document.create',
      requestId: 'req-abcdefgh',
      details: {
        caseId: 'case-audit',
        kind: 'upload',
        mediaType: 'application/pdf',
        sizeBytes: pdf.length,
      },
    });
    expect(JSON.stringify(page.data[0])).not.toContain('Müller');
  });
});

describe('DocumentService.get and listByCase', () => {
  it('reads the bytes back, scoped to tenant and case, and audits the read', async () => {
    // given a stored upload
    const ref = { tenantId: 'luzern', caseId: 'case-read' };
    const stored = await documents.store(
      { ...ref, kind: 'upload', content: pdf, originalName: 'Mietvertrag.pdf' },
      citizen,
    );

    // when it is read through its case
    const read = await documents.get(
      { ...ref, documentId: stored.id },
      { actor: { type: 'staff', id: 'clerk-2' } },
    );

    // then the bytes are the same, and the read is in the audit log
    expect(read.content.equals(pdf)).toBe(true);
    expect(read).toMatchObject({
      id: stored.id,
      mediaType: 'application/pdf',
      originalName: 'Mietvertrag.pdf',
    });
    const reads = await audit.list({
      scope: ['luzern'],
      filter: { action: 'document.read', objectId: stored.id },
    });
    expect(reads.data[0]).toMatchObject({
      actor: { type: 'staff', id: 'clerk-2' },
      details: { caseId: 'case-read' },
    });
  });

  it.each([
    ['another case of the same tenant', { tenantId: 'luzern', caseId: 'case-other' }],
    ['the same case id in another tenant', { tenantId: 'eschenbach', caseId: 'case-read2' }],
  ])('does not find a document through %s', async (_what, other) => {
    const stored = await documents.store(
      { tenantId: 'luzern', caseId: 'case-read2', kind: 'upload', content: png },
      citizen,
    );
    await expect(
      documents.get({ ...other, documentId: stored.id }, citizen),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it.each(['not-a-uuid', "' or 1=1 --", '00000000-0000-4000-8000-000000000000'])(
    'answers NotFoundError for the id %j',
    async (documentId) => {
      await expect(
        documents.get({ tenantId: 'luzern', caseId: 'case-read', documentId }, citizen),
      ).rejects.toBeInstanceOf(NotFoundError);
    },
  );

  it('lists a case’s documents oldest first, without their bytes', async () => {
    const ref = { tenantId: 'kanton', caseId: 'case-list' };
    const a = await documents.store(
      { ...ref, kind: 'upload', content: png, originalName: 'a.png' },
      citizen,
    );
    const b = await documents.store({ ...ref, kind: 'certificate', content: pdf }, citizen);
    const listed = await documents.listByCase(ref);
    expect(listed.map((d) => d.id)).toEqual([a.id, b.id]);
    expect(listed[0]).not.toHaveProperty('content');
  });
});
