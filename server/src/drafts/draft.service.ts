/**
 * Save and resume a start form: `save` keeps the data entered so far for 30 days and mails a
 * link with a secret token (`${PUBLIC_URL}/drafts/resume#<token>`; after `#`, so it never
 * reaches a server log); only the token's SHA-256 is stored. `get` finds the draft by token.
 * At most `draftsPerHour` drafts per address (counted by a keyed hash of it).
 */
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { sha256Hex } from '../cases/trackingToken';
import { NotFoundError, TooManyRequestsError } from '../http/errors';
import type { MailService } from '../mail/mail.service';
import type { CatalogService } from '../services/catalog.service';
import { draftLinkMail } from './draftLinkMail';
import type { SaveDraftBody } from './draft.schemas';

export const DRAFT_TTL_MS = 30 * 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

export interface DraftOptions {
  publicUrl: () => string;
  /** Keys the address hash, so the table cannot be matched against known addresses. */
  secret: string;
  draftsPerHour: number;
}

export interface Draft {
  tenantId: string;
  serviceId: string;
  language: 'de' | 'en';
  data: Record<string, unknown>;
  expiresAt: Date;
}

interface DraftRow {
  tenant_id: string;
  service_id: string;
  language: string;
  data: Record<string, unknown> | string;
  expires_at: Date | string;
}

export class DraftService {
  constructor(
    private readonly knex: Knex,
    private readonly mail: MailService,
    private readonly catalog: CatalogService,
    private readonly options: DraftOptions,
  ) {}

  async save(input: SaveDraftBody): Promise<{ expiresAt: Date }> {
    const offered = await this.catalog.offered(input.tenantId, input.serviceId);
    const emailHash = createHmac('sha256', this.options.secret)
      .update(`draft-email\n${input.email.trim().toLowerCase()}`)
      .digest('hex');
    const now = Date.now();
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now + DRAFT_TTL_MS);
    const url = `${this.options.publicUrl().replace(/\/+$/, '')}/drafts/resume#${token}`;
    const mail = draftLinkMail(input.language, url, offered.service.manifest.title, expiresAt);
    const queued = await this.knex.transaction(async (trx) => {
      await trx('public.portal_drafts').where('expires_at', '<', new Date(now)).delete();
      const [{ count }] = (await trx('public.portal_drafts')
        .where({ email_hash: emailHash })
        .andWhere('created_at', '>', new Date(now - HOUR_MS))
        .count({ count: '*' })) as [{ count: number | string }];
      if (Number(count) >= this.options.draftsPerHour)
        throw new TooManyRequestsError(HOUR_MS / 4000);
      await trx('public.portal_drafts').insert({
        id: randomUUID(),
        token_hash: sha256Hex(token),
        tenant_id: input.tenantId,
        service_id: input.serviceId,
        email_hash: emailHash,
        language: input.language,
        data: JSON.stringify(input.data),
        expires_at: expiresAt,
      });
      return this.mail.enqueue(
        {
          tenantId: offered.tenantId,
          to: input.email,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
        },
        trx,
      );
    });
    queued.deliver();
    return { expiresAt };
  }

  /** The draft of a token; NotFoundError when unknown or expired (the same answer for both). */
  async get(token: string): Promise<Draft> {
    const row = (await this.knex('public.portal_drafts')
      .where({ token_hash: sha256Hex(token) })
      .andWhere('expires_at', '>', new Date())
      .first()) as DraftRow | undefined;
    if (!row) throw new NotFoundError('draft');
    return {
      tenantId: row.tenant_id,
      serviceId: row.service_id,
      language: row.language === 'en' ? 'en' : 'de',
      data:
        typeof row.data === 'string' ? (JSON.parse(row.data) as Record<string, unknown>) : row.data,
      expiresAt: new Date(row.expires_at),
    };
  }
}
