/**
 * A citizen's submission becomes a case, exactly once:
 *
 *  1. the tenant must offer the service (404 otherwise); the body is parsed (applicant, data)
 *     and the data validated against the start form (400 with per-field errors, de/en);
 *  2. with an Idempotency-Key: the key's SHA-256 is unique in `cases`. The case is inserted
 *     with `on conflict do nothing` in one transaction with its reference number and audit
 *     entry; losing the race rolls that transaction back (the number is given back) and reads
 *     the winner: same request (SHA-256 of tenant, service and body) → the same case again,
 *     another request → 422;
 *  3. the case is committed as `waiting_to_start` before the engine is asked, so it is never
 *     lost; then the tracking link is mailed (outbox) and the instance started (`CaseStarter`:
 *     201 when started, 202 when it is still waiting for the engine).
 */
import { createHmac, randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { AuditService } from '../audit/audit.service';
import { toCase, type CaseRecord, type CaseRow } from '../cases/case.model';
import { nextCaseReference } from '../cases/caseReference';
import { newTrackingToken, sha256Hex, tokenMatches, trackingUrl } from '../cases/trackingToken';
import type { DocumentService } from '../documents/document.service';
import { detectAllowedMediaType } from '../documents/mediaType';
import {
  IdempotencyKeyMismatchError,
  QuotaExceededError,
  ValidationError,
  type FieldError,
} from '../http/errors';
import type { Locale } from '../http/messages';
import type { MailService } from '../mail/mail.service';
import type { CatalogService } from '../services/catalog.service';
import { filepickerPaths, validateFormData } from '../services/formValidator';
import type { LocalizedText } from '../services/serviceManifest';
import { trackingLinkMail } from './trackingLinkMail';
import type { CaseStarter, StartResult } from './caseStarter';
import { canonicalJson } from './canonicalJson';
import { submissionBody } from './submission.schemas';
import { parseRequest } from '../http/parseRequest';

export interface SubmitInput {
  tenantId: string;
  serviceId: string;
  body: unknown;
  idempotencyKey?: string | undefined;
  locale: Locale;
  requestId?: string | undefined;
  /** Files of a multipart submission. */
  files?: UploadedPart[] | undefined;
}

export interface SubmissionResult {
  case: CaseRecord;
  /** Undefined only on a replay after the server secret changed. */
  trackingToken: string | undefined;
  trackingUrl: string | undefined;
  replayed: boolean;
  start: StartResult;
}

export interface SubmissionServiceOptions {
  publicUrl: () => string;
  secret: string;
  /** DOCUMENTS_MAX_PER_CASE and DOCUMENTS_MAX_BYTES_PER_CASE for the files of a submission. */
  uploads: { maxDocuments: number; maxBytes: number };
  logger?: Logger | undefined;
}

class LostRace extends Error {}

const ADDED_DAY_MS = 24 * 60 * 60 * 1000;

export class SubmissionService {
  constructor(
    private readonly knex: Knex,
    private readonly catalog: CatalogService,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly starter: CaseStarter,
    private readonly documents: DocumentService,
    private readonly options: SubmissionServiceOptions,
  ) {}

  async submit(input: SubmitInput): Promise<SubmissionResult> {
    const offered = await this.catalog.offered(input.tenantId, input.serviceId);
    const body = parseRequest(submissionBody, input.body);
    const form = offered.service.startForm;
    const files = input.files ?? [];
    const pickers = form ? filepickerPaths(form) : [];
    const submitted = withUploads(body.data, pickers, files);
    if (submitted.errors.length) throw new ValidationError(submitted.errors);
    let data: Record<string, unknown> = {};
    if (form) {
      const validated = validateFormData(form, submitted.data, input.locale);
      if (!validated.ok) {
        throw new ValidationError(
          validated.errors.map((e) => ({ ...e, field: `data.${e.field}` })),
        );
      }
      data = validated.data;
    } else if (Object.keys(body.data).length || files.length) {
      throw new ValidationError([{ field: 'data', message: 'this service has no form' }]);
    }
    const applicant = applicantOf(body.applicant, data, input.locale);
    const requestHash = sha256Hex(
      canonicalJson({
        tenantId: offered.tenantId,
        serviceId: offered.service.id,
        applicant,
        data: body.data,
        files: files.map((file) => [file.field, sha256Hex(file.content.toString('base64'))]),
      }),
    );
    const keyHash = input.idempotencyKey ? sha256Hex(input.idempotencyKey) : undefined;
    if (keyHash) {
      const existing = await this.byKey(keyHash);
      if (existing) return this.replay(existing, requestHash, input.idempotencyKey!);
    }

    // With a key, the case id follows from it: concurrent retries store their files under one
    // case (the documents' idempotency keys make them one set) and race for one row.
    const id = keyHash ? uuidFrom(this.options.secret, keyHash) : randomUUID();
    if (files.length) data = await this.storeUploads(id, offered.tenantId, data, files, input);
    const token = newTrackingToken(this.options.secret, id, input.idempotencyKey);
    const now = new Date();
    const days = offered.service.manifest.expectedDurationDays;
    let row: CaseRow;
    let mail: { deliver(): void } | undefined;
    const reference = await nextCaseReference(this.knex, now);
    const url = trackingUrl(this.options.publicUrl(), reference, token);
    try {
      row = await this.knex.transaction(async (trx) => {
        const inserted = (await trx('public.cases')
          .insert({
            id,
            reference,
            tenant_id: offered.tenantId,
            service_id: offered.service.id,
            bpmn_process_id: offered.service.bpmnProcessId,
            status: 'waiting_to_start',
            applicant_email: applicant.email,
            applicant_name: applicant.name,
            applicant_language: applicant.language,
            tracking_token_hash: sha256Hex(token),
            idempotency_key_hash: keyHash ?? null,
            request_hash: requestHash,
            form_data: JSON.stringify(data),
            submitted_at: now,
            expected_completion_at:
              days === null ? null : new Date(now.getTime() + days * ADDED_DAY_MS),
          })
          .onConflict()
          .ignore()
          .returning('*')) as CaseRow[];
        const created = inserted[0];
        if (!created) throw new LostRace();
        await this.audit.record(
          {
            actor: { type: 'citizen', id: `case:${id}` },
            tenantId: offered.tenantId,
            action: 'case.submit',
            objectType: 'case',
            objectId: id,
            requestId: input.requestId,
            details: { serviceId: offered.service.id, reference, documents: files.length },
          },
          trx,
        );
        // The tracking link is in the outbox with the case (one commit), and sent after it.
        mail = await this.queueTrackingLink(trx, toCase(created), url, offered.service.manifest);
        return created;
      });
    } catch (error) {
      if (!(error instanceof LostRace) || !keyHash) throw error;
      const winner = await this.byKey(keyHash);
      if (!winner) throw new Error('idempotency: the winning case vanished');
      return this.replay(winner, requestHash, input.idempotencyKey!);
    }

    const record = toCase(row);
    mail?.deliver();
    const start = await this.starter.start(record.id, {
      row,
      adoption: offered.adoption.tenant_id === record.tenantId ? offered.adoption : undefined,
    });
    const current = start === 'started' ? ((await this.byId(record.id)) ?? record) : record;
    return { case: current, trackingToken: token, trackingUrl: url, replayed: false, start };
  }

  /**
   * Stores the uploaded files as documents of the (not yet inserted) case and puts their ids
   * into the data. All types are checked first (422 before anything is stored); each store is
   * idempotent per case, field and position, so a retried submission stores nothing twice.
   */
  private async storeUploads(
    caseId: string,
    tenantId: string,
    data: Record<string, unknown>,
    files: UploadedPart[],
    input: SubmitInput,
  ): Promise<Record<string, unknown>> {
    const limits = this.options.uploads;
    if (files.length > limits.maxDocuments) throw new QuotaExceededError('count');
    const total = files.reduce((sum, file) => sum + file.content.length, 0);
    if (total > limits.maxBytes) throw new QuotaExceededError('bytes');
    for (const file of files) await detectAllowedMediaType(file.content);
    const ids: string[] = [];
    for (const [index, file] of files.entries()) {
      const document = await this.documents.store(
        {
          tenantId,
          caseId,
          kind: 'upload',
          content: file.content,
          originalName: file.originalName,
          idempotencyKey: `submission:${caseId}:${index}`,
        },
        { actor: { type: 'citizen', id: `case:${caseId}` }, requestId: input.requestId },
      );
      ids.push(document.id);
    }
    return replacePlaceholders(data, ids) as Record<string, unknown>;
  }

  private async replay(row: CaseRow, requestHash: string, key: string): Promise<SubmissionResult> {
    if (row.request_hash !== requestHash)
      throw new IdempotencyKeyMismatchError('idempotency key reused');
    let record = toCase(row);
    let start: StartResult = record.status === 'waiting_to_start' ? 'waiting' : 'started';
    if (start === 'waiting') {
      start = await this.starter.start(record.id);
      if (start === 'started') record = (await this.byId(record.id)) ?? record;
    }
    const token = newTrackingToken(this.options.secret, record.id, key);
    const valid = tokenMatches(token, row.tracking_token_hash);
    return {
      case: record,
      trackingToken: valid ? token : undefined,
      trackingUrl: valid
        ? trackingUrl(this.options.publicUrl(), record.reference, token)
        : undefined,
      replayed: true,
      start,
    };
  }

  private async byKey(keyHash: string): Promise<CaseRow | undefined> {
    return (await this.knex('public.cases').where({ idempotency_key_hash: keyHash }).first()) as
      CaseRow | undefined;
  }

  private async byId(id: string): Promise<CaseRecord | undefined> {
    const row = (await this.knex('public.cases').where({ id }).first()) as CaseRow | undefined;
    return row && toCase(row);
  }

  /**
   * The tracking link by e-mail, written to the outbox in the case's transaction and delivered
   * over SMTP after the commit, in the background (the citizen never waits for the mail
   * server). A mail that cannot be written for its content is logged and never fails the
   * submission.
   */
  private async queueTrackingLink(
    trx: Knex.Transaction,
    record: CaseRecord,
    url: string,
    manifest: { title: LocalizedText },
  ): Promise<{ deliver(): void } | undefined> {
    const mail = trackingLinkMail(record, url, manifest.title);
    try {
      return await this.mail.enqueue(
        {
          tenantId: record.tenantId,
          caseId: record.id,
          to: record.applicant.email,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          idempotencyKey: `case-tracking-link:${record.id}`,
        },
        trx,
      );
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      this.options.logger?.error(
        { err: error, caseId: record.id },
        'tracking link mail not written',
      );
      return undefined;
    }
  }
}

/** A file of a multipart submission: its part name is the file picker's path. */
export interface UploadedPart {
  field: string;
  content: Buffer;
  originalName: string | undefined;
}

const UPLOAD_PLACEHOLDER = 'upload:';

/**
 * The data with each file picker set to placeholders for its uploaded parts (replaced by
 * document ids once stored); what a client put into a file picker itself is dropped, so a
 * submission can only refer to files it brought.
 */
function withUploads(
  data: Record<string, unknown>,
  pickers: string[],
  files: UploadedPart[],
): { data: Record<string, unknown>; errors: FieldError[] } {
  const result = structuredClone(data);
  const errors: FieldError[] = [];
  for (const file of files) {
    if (!pickers.includes(file.field)) {
      errors.push({ field: file.field, message: 'the form has no file field of this name' });
    }
  }
  for (const picker of pickers) {
    const path = picker.split('.');
    const indexes = files.flatMap((file, index) => (file.field === picker ? [index] : []));
    let parent: Record<string, unknown> = result;
    for (const part of path.slice(0, -1)) {
      const next = parent[part];
      if (typeof next !== 'object' || next === null || Array.isArray(next)) {
        if (!indexes.length) break;
        parent[part] = {};
      }
      parent = parent[part] as Record<string, unknown>;
    }
    const last = path[path.length - 1]!;
    if (indexes.length) parent[last] = indexes.map((index) => `${UPLOAD_PLACEHOLDER}${index}`);
    else delete parent[last];
  }
  return { data: result, errors };
}

function replacePlaceholders(value: unknown, ids: string[]): unknown {
  if (typeof value === 'string' && value.startsWith(UPLOAD_PLACEHOLDER)) {
    return ids[Number(value.slice(UPLOAD_PLACEHOLDER.length))] ?? value;
  }
  if (Array.isArray(value)) return value.map((entry) => replacePlaceholders(entry, ids));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, entry]) => [key, replacePlaceholders(entry, ids)]),
    );
  }
  return value;
}

/** Applicant from the body, else from the form's `applicant` group (email, firstName, lastName). */
function applicantOf(
  given: {
    email?: string | undefined;
    name?: string | undefined;
    language?: 'de' | 'en' | undefined;
  },
  data: Record<string, unknown>,
  locale: Locale,
): { email: string; name: string | null; language: 'de' | 'en' } {
  const group = (data.applicant ?? {}) as Record<string, unknown>;
  const email = given.email ?? (typeof group.email === 'string' ? group.email : undefined);
  if (!email) {
    throw new ValidationError([
      { field: 'applicant.email', message: 'an e-mail address is required' },
    ]);
  }
  const fromForm = [group.firstName, group.lastName].filter((part) => typeof part === 'string');
  const name = given.name ?? (fromForm.length ? fromForm.join(' ').slice(0, 200) : null);
  return {
    email: email.trim().toLowerCase(),
    name,
    language: given.language ?? (locale === 'en' ? 'en' : 'de'),
  };
}

/** A UUID (v4 layout) derived from the server secret and an idempotency key's hash. */
function uuidFrom(secret: string, keyHash: string): string {
  const hex = createHmac('sha256', secret).update(`case-id\n${keyHash}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
