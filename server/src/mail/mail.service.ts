/**
 * E-mails to citizens and staff. Every mail is first written to the outbox (`mail_outbox`),
 * then sent when SMTP is configured; without SMTP_URL it stays `queued` where administrators
 * can read it. A failed delivery is a value, not an exception: the row becomes `failed` with
 * the attempt counted and the error text (scrubbed of credentials), and `send` returns it, so
 * the caller (e.g. the send-email worker) decides about retrying. With an idempotency key a
 * repeated `send` reuses its row: it never mails twice what was sent, and retries what failed.
 */
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { z } from 'zod';
import { MAX_PER_PAGE, parseOrThrow, type Page } from '../audit/admin';
import { NotFoundError } from '../http/errors';

export interface OutgoingMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string | undefined;
  messageId: string;
  headers: Record<string, string>;
}

/** What the service needs from a mail transport (nodemailer's fits, see smtpTransport.ts). */
export interface MailTransport {
  sendMail(message: OutgoingMessage): Promise<{ messageId?: string | undefined }>;
  /** Texts that must never be stored in an error message (SMTP credentials). */
  secrets?: readonly string[];
}

export type MailStatus = 'queued' | 'sent' | 'failed';

export interface SendMailInput {
  tenantId: string;
  caseId?: string | undefined;
  to: string;
  subject: string;
  text: string;
  html?: string | undefined;
  idempotencyKey?: string | undefined;
}

export interface MailRecord {
  id: string;
  tenantId: string;
  caseId: string | null;
  to: string;
  subject: string;
  status: MailStatus;
  attempts: number;
  lastError: string | null;
  messageId: string | null;
  createdAt: Date;
  updatedAt: Date;
  sentAt: Date | null;
}

export interface MailMessage extends MailRecord {
  text: string;
  html: string | null;
}

export interface OutboxQuery {
  scope: readonly string[] | 'all';
  tenantId?: string | undefined;
  caseId?: string | undefined;
  status?: MailStatus | undefined;
  page?: number;
  perPage?: number;
}

interface MailRow {
  id: string;
  tenant_id: string;
  case_id: string | null;
  idempotency_key: string | null;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  status: MailStatus;
  attempts: number;
  last_error: string | null;
  message_id: string | null;
  created_at: Date;
  updated_at: Date;
  sent_at: Date | null;
}

const sendMailSchema = z.object({
  tenantId: z.string().min(1).max(64),
  caseId: z.string().min(1).max(200).optional(),
  to: z.email().max(320),
  subject: z
    .string()
    .min(1)
    .max(255)
    .regex(/^[^\r\n]*$/, 'must be one line'),
  text: z.string().min(1).max(100_000),
  html: z.string().max(500_000).optional(),
  idempotencyKey: z.string().min(1).max(200).optional(),
});

const SUMMARY_COLUMNS = [
  'id',
  'tenant_id',
  'case_id',
  'to_address',
  'subject',
  'status',
  'attempts',
  'last_error',
  'message_id',
  'created_at',
  'updated_at',
  'sent_at',
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_ERROR_LENGTH = 1000;

export interface MailServiceOptions {
  /** MAIL_FROM. */
  from: string;
  /** Unset: mails stay queued in the outbox. */
  transport?: MailTransport | undefined;
}

export class MailService {
  private readonly from: string;
  private readonly transport: MailTransport | undefined;

  constructor(
    private readonly knex: Knex,
    options: MailServiceOptions,
  ) {
    this.from = options.from;
    this.transport = options.transport;
  }

  /** Writes the mail to the outbox and sends it when SMTP is configured. ValidationError on bad input. */
  async send(input: SendMailInput): Promise<MailRecord> {
    const row = await this.enqueueRow(input);
    if (row.status === 'sent' || !this.transport) return toRecord(row);
    return toRecord(await this.deliver(row, this.transport));
  }

  /**
   * Writes the mail to the outbox, in the caller's transaction when `db` is one, and answers
   * `deliver` to call once that has committed: it sends over SMTP in the background, for a
   * request that must not wait for the mail server (a citizen's submission). The outcome is on
   * the outbox row, as with `send`; a repeated call with the same idempotency key retries a
   * failed delivery.
   */
  async enqueue(
    input: SendMailInput,
    db: Knex = this.knex,
  ): Promise<{ record: MailRecord; deliver(): void }> {
    const row = await this.enqueueRow(input, db);
    const transport = this.transport;
    return {
      record: toRecord(row),
      deliver: () => {
        if (row.status === 'sent' || !transport) return;
        // A failed delivery is recorded on the row by deliver(); what could still throw here
        // (the database away while recording it) leaves the row queued, as without SMTP.
        void this.deliver(row, transport).catch(() => undefined);
      },
    };
  }

  private async enqueueRow(input: SendMailInput, db: Knex = this.knex): Promise<MailRow> {
    const mail = parseOrThrow(sendMailSchema, input);
    // Insert first, read the existing row only on a conflict: a new mail is one statement.
    let row: MailRow | undefined;
    {
      const [inserted] = (await db('public.mail_outbox')
        .insert({
          id: randomUUID(),
          tenant_id: mail.tenantId,
          case_id: mail.caseId ?? null,
          idempotency_key: mail.idempotencyKey ?? null,
          to_address: mail.to,
          subject: mail.subject,
          text_body: mail.text,
          html_body: mail.html ?? null,
          status: 'queued',
        })
        .onConflict('idempotency_key')
        .ignore()
        .returning('*')) as MailRow[];
      row =
        inserted ??
        (mail.idempotencyKey ? await this.findByKey(mail.idempotencyKey, db) : undefined);
    }
    if (!row) throw new Error('mail outbox row vanished');
    return row;
  }

  /** One mail with its bodies; NotFoundError when unknown or outside the scope. */
  async get(id: string, scope: readonly string[] | 'all'): Promise<MailMessage> {
    if (!UUID.test(id)) throw new NotFoundError('no such mail');
    const row = (await this.knex('public.mail_outbox').where({ id }).first()) as
      MailRow | undefined;
    if (!row || (scope !== 'all' && !scope.includes(row.tenant_id))) {
      throw new NotFoundError('no such mail');
    }
    return { ...toRecord(row), text: row.text_body, html: row.html_body };
  }

  /** The outbox, newest first, without bodies (partial pagination). */
  async list(query: OutboxQuery): Promise<Page<MailRecord>> {
    const page = Math.max(1, Math.trunc(query.page ?? 1));
    const perPage = Math.min(MAX_PER_PAGE, Math.max(1, Math.trunc(query.perPage ?? 25)));
    const q = this.knex('public.mail_outbox').select(SUMMARY_COLUMNS);
    if (query.scope !== 'all') q.whereIn('tenant_id', [...query.scope]);
    if (query.tenantId !== undefined) q.where('tenant_id', query.tenantId);
    if (query.caseId !== undefined) q.where('case_id', query.caseId);
    if (query.status !== undefined) q.where('status', query.status);
    const rows = (await q
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .offset((page - 1) * perPage)
      .limit(perPage + 1)) as MailRow[];
    return {
      data: rows.slice(0, perPage).map(toRecord),
      pageInfo: { hasNextPage: rows.length > perPage, hasPreviousPage: page > 1 },
    };
  }

  private async findByKey(key: string, db: Knex = this.knex): Promise<MailRow | undefined> {
    return (await db('public.mail_outbox').where({ idempotency_key: key }).first()) as
      MailRow | undefined;
  }

  private async deliver(row: MailRow, transport: MailTransport): Promise<MailRow> {
    let change: Partial<MailRow>;
    try {
      const info = await transport.sendMail({
        from: this.from,
        to: row.to_address,
        subject: row.subject,
        text: row.text_body,
        ...(row.html_body ? { html: row.html_body } : {}),
        messageId: `<${row.id}@${domainOf(this.from)}>`,
        headers: { 'X-Serviceportal-Mail-Id': row.id },
      });
      change = {
        status: 'sent',
        message_id: info.messageId ?? `<${row.id}@${domainOf(this.from)}>`,
        last_error: null,
        sent_at: new Date(),
      };
    } catch (error) {
      change = { status: 'failed', last_error: describeError(error, transport.secrets ?? []) };
    }
    const [updated] = (await this.knex('public.mail_outbox')
      .where({ id: row.id })
      .update({
        ...change,
        attempts: this.knex.raw('attempts + 1'),
        updated_at: this.knex.fn.now(),
      })
      .returning('*')) as MailRow[];
    return updated!;
  }
}

/** An error as text for the outbox: code and message, without credentials, at most 1000 chars. */
export function describeError(error: unknown, secrets: readonly string[]): string {
  const e = error as { code?: unknown; message?: unknown } | null;
  const code = typeof e?.code === 'string' ? `${e.code}: ` : '';
  let text = `${code}${typeof e?.message === 'string' ? e.message : String(error)}`;
  text = text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@]*@/gi, '$1***@');
  text = text.replace(/(AUTH\s+(?:PLAIN|LOGIN|XOAUTH2|CRAM-MD5)\s+)\S+/gi, '$1***');
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    text = text.split(secret).join('***');
  }
  return text.slice(0, MAX_ERROR_LENGTH);
}

function domainOf(from: string): string {
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  return address.split('@')[1]?.trim() || 'serviceportal.invalid';
}

function toRecord(row: MailRow): MailRecord {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    caseId: row.case_id,
    to: row.to_address,
    subject: row.subject,
    status: row.status,
    attempts: Number(row.attempts),
    lastError: row.last_error,
    messageId: row.message_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    sentAt: row.sent_at,
  };
}
