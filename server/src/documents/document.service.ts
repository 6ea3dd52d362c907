/**
 * Documents of a case: store (type checked by content, per-case quota for uploads, audited),
 * read one, list a case's documents.
 *
 * Storage: in PostgreSQL (`document_contents.content`, bytea), not in DATA_DIR. A document's
 * metadata, its bytes and its audit entry are written in one transaction, so a crash never
 * leaves a row without a file or a file without a row; backups, restores and the PGlite
 * development database carry documents along; no path is ever built from anything, and there
 * is no web root to fall into. Files are at most UPLOAD_MAX_BYTES (10 MiB), well within what
 * bytea handles; `storage_name` (a random UUID of ours) is the one place to change should the
 * bytes move to an object store later.
 *
 * Access checks are the caller's job, and every route must do them: a route first checks that
 * the caller may see the case (citizen token or session, staff tenant and group), then passes
 * tenant and case to this service, which only finds documents of that case. A document id
 * alone is never the authorisation.
 *
 *   router.post('/api/cases/:caseId/documents', uploadDocument({ maxBytes }), async (req, res) => {
 *     const access = await cases.authorize(req, req.params.caseId);   // 401/403/404 first
 *     const file = uploadedFile(req);
 *     const document = await documents.store(
 *       { tenantId: access.tenantId, caseId: access.caseId, kind: 'upload', ...file },
 *       { actor: access.actor, requestId: String(req.id) },
 *     );
 *     res.status(201).json(document);
 *   });
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { toCount } from '@serviceportal/engine/db';
import { actorLabel, type AuditContext, type AuditService } from '../audit/audit.service';
import { NotFoundError, QuotaExceededError } from '../http/errors';
import { sanitiseFileName } from './fileName';
import { detectAllowedMediaType, extensionOf, type AllowedMediaType } from './mediaType';

export const DOCUMENT_KINDS = ['upload', 'decision', 'certificate', 'invoice'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export interface DocumentRecord {
  id: string;
  tenantId: string;
  caseId: string;
  kind: DocumentKind;
  /** The uploader's name, cleaned; metadata only. */
  originalName: string | null;
  mediaType: AllowedMediaType;
  /** File extension of the detected type: pdf, png or jpg. */
  extension: string;
  sizeBytes: number;
  sha256: string;
  createdAt: Date;
  /** `<actor type>:<id>`, e.g. `citizen:…`, `system:worker:generate-document`. */
  createdBy: string;
}

export interface StoredDocument extends DocumentRecord {
  content: Buffer;
}

export interface CaseRef {
  tenantId: string;
  caseId: string;
}

export interface StoreDocumentInput extends CaseRef {
  kind: DocumentKind;
  content: Uint8Array;
  originalName?: string | null | undefined;
  /** Makes a repeated store (a retried job) return the first document instead of a second. */
  idempotencyKey?: string | undefined;
}

export interface DocumentQuota {
  maxDocumentsPerCase: number;
  maxBytesPerCase: number;
}

export interface CaseUsage {
  count: number;
  totalBytes: number;
}

interface DocumentRow {
  id: string;
  tenant_id: string;
  case_id: string;
  kind: DocumentKind;
  storage_name: string;
  original_name: string | null;
  media_type: AllowedMediaType;
  size_bytes: number;
  sha256: string;
  created_at: Date;
  created_by: string;
}

const METADATA_COLUMNS = [
  'id',
  'tenant_id',
  'case_id',
  'kind',
  'storage_name',
  'original_name',
  'media_type',
  'size_bytes',
  'sha256',
  'created_at',
  'created_by',
].map((column) => `documents.${column}`);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class DocumentService {
  constructor(
    private readonly knex: Knex,
    private readonly audit: AuditService,
    private readonly quota: DocumentQuota,
  ) {}

  /**
   * Stores a document: UnsupportedFileTypeError (422) unless the bytes are PDF, PNG or JPEG;
   * for uploads QuotaExceededError (422) when the case would exceed its quota. Concurrent
   * uploads to one case are serialised by a transaction-scoped advisory lock, so two of them
   * cannot both squeeze under the quota.
   */
  async store(input: StoreDocumentInput, context: AuditContext): Promise<DocumentRecord> {
    const content = asBuffer(input.content);
    const mediaType = await detectAllowedMediaType(content);
    const id = randomUUID();
    const row: Omit<DocumentRow, 'created_at'> = {
      id,
      tenant_id: input.tenantId,
      case_id: input.caseId,
      kind: input.kind,
      storage_name: `${randomUUID()}.${extensionOf(mediaType)}`,
      original_name: sanitiseFileName(input.originalName) ?? null,
      media_type: mediaType,
      size_bytes: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      created_by: actorLabel(context.actor).slice(0, 160),
    };
    return this.knex.transaction(async (trx) => {
      await trx.raw('select pg_advisory_xact_lock(hashtextextended(?, 0))', [
        `documents:${input.tenantId}:${input.caseId}`,
      ]);
      if (input.idempotencyKey) {
        const existing = (await trx('public.documents')
          .select(METADATA_COLUMNS)
          .where({ idempotency_key: input.idempotencyKey })
          .first()) as DocumentRow | undefined;
        if (existing) return toRecord(existing);
      }
      if (input.kind === 'upload') await this.checkQuota(input, content.length, trx);
      const [inserted] = (await trx('public.documents')
        .insert({ ...row, idempotency_key: input.idempotencyKey ?? null })
        .returning('created_at')) as Pick<DocumentRow, 'created_at'>[];
      await trx('public.document_contents').insert({
        storage_name: row.storage_name,
        content,
      });
      await this.audit.record(
        {
          actor: context.actor,
          tenantId: input.tenantId,
          action: 'document.create',
          objectType: 'document',
          objectId: id,
          requestId: context.requestId,
          details: { caseId: input.caseId, kind: input.kind, mediaType, sizeBytes: content.length },
        },
        trx,
      );
      return toRecord({ ...row, created_at: inserted!.created_at });
    });
  }

  /** One document of the case with its bytes (audited as a read); NotFoundError otherwise. */
  async get(ref: CaseRef & { documentId: string }, context: AuditContext): Promise<StoredDocument> {
    if (!UUID.test(ref.documentId)) throw new NotFoundError('no such document');
    const row = (await this.knex('public.documents')
      .join('public.document_contents', 'document_contents.storage_name', 'documents.storage_name')
      .select([...METADATA_COLUMNS, 'document_contents.content'])
      .where({
        'documents.id': ref.documentId,
        'documents.tenant_id': ref.tenantId,
        'documents.case_id': ref.caseId,
      })
      .first()) as (DocumentRow & { content: Uint8Array }) | undefined;
    if (!row) throw new NotFoundError('no such document');
    await this.audit.record({
      actor: context.actor,
      tenantId: ref.tenantId,
      action: 'document.read',
      objectType: 'document',
      objectId: row.id,
      requestId: context.requestId,
      details: { caseId: ref.caseId },
    });
    return { ...toRecord(row), content: asBuffer(row.content) };
  }

  /** The case's documents, oldest first, without their bytes. */
  async listByCase(ref: CaseRef): Promise<DocumentRecord[]> {
    const rows = (await this.knex('public.documents')
      .select(METADATA_COLUMNS)
      .where({ tenant_id: ref.tenantId, case_id: ref.caseId })
      .orderBy([{ column: 'created_at' }, { column: 'id' }])) as DocumentRow[];
    return rows.map(toRecord);
  }

  /** Uploaded documents of the case and their total size (generated ones do not count). */
  async usage(ref: CaseRef, db: Knex = this.knex): Promise<CaseUsage> {
    const row = (await db('public.documents')
      .where({ tenant_id: ref.tenantId, case_id: ref.caseId, kind: 'upload' })
      .select(db.raw('count(*) as count'), db.raw('coalesce(sum(size_bytes), 0) as total'))
      .first()) as { count: unknown; total: unknown };
    return { count: toCount(row.count), totalBytes: toCount(row.total) };
  }

  /** QuotaExceededError when one more upload of `additionalBytes` would exceed the quota. */
  async checkQuota(ref: CaseRef, additionalBytes: number, db: Knex = this.knex): Promise<void> {
    const usage = await this.usage(ref, db);
    if (usage.count + 1 > this.quota.maxDocumentsPerCase) throw new QuotaExceededError('count');
    if (usage.totalBytes + additionalBytes > this.quota.maxBytesPerCase) {
      throw new QuotaExceededError('bytes');
    }
  }
}

function toRecord(row: DocumentRow): DocumentRecord {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    caseId: row.case_id,
    kind: row.kind,
    originalName: row.original_name,
    mediaType: row.media_type,
    extension: extensionOf(row.media_type),
    sizeBytes: Number(row.size_bytes),
    sha256: row.sha256,
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}

/** PGlite returns bytea as Uint8Array, pg as Buffer. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes)
    ? bytes
    : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
