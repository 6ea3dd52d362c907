/**
 * Citizens have no accounts. They reach a case with its tracking token, or all cases of their
 * e-mail address ("my cases") with a short-lived session opened by a one-time code:
 *
 *   POST my-cases/code {email}          → 202 always (no hint whether the address has cases);
 *                                          a 6-digit code by mail when it has; rate limited per
 *                                          address and per client (429 with Retry-After)
 *   POST my-cases/session {email, code} → { token, expiresAt } (CITIZEN_SESSION_TIMEOUT);
 *                                          a code works once, for 10 minutes, 5 tries
 *   Authorization: Bearer <token>       → my-cases list, and each of those cases
 *
 * Stored: HMAC-SHA256(server secret, e-mail + code) — a 6-digit code's plain SHA-256 could be
 * brute-forced from a database copy — the client address only as a keyed hash, and the
 * SHA-256 of session tokens.
 */
import { createHmac, randomBytes, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { AuditService } from '../audit/audit.service';
import { toCase, type CaseRecord, type CaseRow } from '../cases/case.model';
import { sha256Hex, tokenMatches } from '../cases/trackingToken';
import { LoginCodeInvalidError, NotFoundError, TooManyRequestsError } from '../http/errors';
import type { MailService } from '../mail/mail.service';

export interface CitizenAccessOptions {
  secret: string;
  sessionTimeoutMs: number;
  codesPerHour: number;
  logger?: Logger | undefined;
}

export const CODE_TTL_MS = 10 * 60 * 1000;
export const CODE_MAX_ATTEMPTS = 5;
const HOUR_MS = 60 * 60 * 1000;

/** Who reads a case: the holder of its tracking token, or a my-cases session of the applicant. */
export type CitizenAccess = { via: 'tracking_token' } | { via: 'session'; email: string };

export class CitizenAccessService {
  constructor(
    private readonly knex: Knex,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly options: CitizenAccessOptions,
  ) {}

  async requestCode(emailInput: string, clientAddress: string): Promise<void> {
    const email = normalise(emailInput);
    const clientHash = this.keyed(`client\n${clientAddress}`);
    const since = new Date(Date.now() - HOUR_MS);
    const [byEmail, byClient] = await Promise.all([
      this.countCodes({ email }, since),
      this.countCodes({ client_hash: clientHash }, since),
    ]);
    if (byEmail >= this.options.codesPerHour || byClient >= this.options.codesPerHour * 4) {
      throw new TooManyRequestsError(HOUR_MS / 1000 / 4);
    }
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const id = randomUUID();
    await this.knex('public.citizen_login_codes').insert({
      id,
      email,
      code_hash: this.codeHash(email, code),
      client_hash: clientHash,
      expires_at: new Date(Date.now() + CODE_TTL_MS),
    });
    const cases = (await this.knex('public.cases')
      .where({ applicant_email: email })
      .select('tenant_id', 'applicant_language')
      .orderBy('submitted_at', 'desc')
      .limit(1)) as { tenant_id: string; applicant_language: string }[];
    const latest = cases[0];
    if (!latest) return; // same answer, no mail: nobody learns whether an address has cases
    const en = latest.applicant_language === 'en';
    await this.mail
      .send({
        tenantId: latest.tenant_id,
        to: email,
        subject: en ? `Your code: ${code}` : `Ihr Code: ${code}`,
        text: en
          ? `Your code for "My cases" is ${code}. It is valid for 10 minutes.\n\nIf you did not ask for it, ignore this e-mail.`
          : `Ihr Code für «Meine Gesuche» lautet ${code}. Er ist 10 Minuten gültig.\n\nFalls Sie ihn nicht angefordert haben, ignorieren Sie diese E-Mail.`,
        idempotencyKey: `citizen-code:${id}`,
      })
      .catch((error: unknown) =>
        this.options.logger?.error({ err: error }, 'login code mail not written'),
      );
  }

  async openSession(emailInput: string, code: string): Promise<{ token: string; expiresAt: Date }> {
    const email = normalise(emailInput);
    return this.knex
      .transaction(async (trx) => {
        const row = (await trx('public.citizen_login_codes')
          .where({ email })
          .whereNull('consumed_at')
          .andWhere('expires_at', '>', new Date())
          .orderBy('created_at', 'desc')
          .forUpdate()
          .first()) as { id: string; code_hash: string; attempts: number } | undefined;
        if (!row || Number(row.attempts) >= CODE_MAX_ATTEMPTS)
          throw new LoginCodeInvalidError('no valid code');
        if (!equalHex(row.code_hash, this.codeHash(email, code))) {
          await trx('public.citizen_login_codes')
            .where({ id: row.id })
            .update({ attempts: Number(row.attempts) + 1 });
          // The attempt must count even though the request fails: commit it, then answer 401.
          return null;
        }
        await trx('public.citizen_login_codes')
          .where({ id: row.id })
          .update({ consumed_at: new Date() });
        const token = randomBytes(32).toString('base64url');
        const expiresAt = new Date(Date.now() + this.options.sessionTimeoutMs);
        await trx('public.citizen_sessions').insert({
          token_hash: sha256Hex(token),
          email,
          expires_at: expiresAt,
        });
        return { token, expiresAt };
      })
      .then((session) => {
        if (!session) throw new LoginCodeInvalidError('wrong code');
        return session;
      });
  }

  /** The e-mail address of a valid session token, or undefined. */
  async sessionEmail(token: string): Promise<string | undefined> {
    const row = (await this.knex('public.citizen_sessions')
      .where({ token_hash: sha256Hex(token) })
      .andWhere('expires_at', '>', new Date())
      .first('email')) as { email: string } | undefined;
    return row?.email;
  }

  /** Every case of the address, across tenants, newest first. */
  async casesOf(email: string): Promise<CaseRecord[]> {
    const rows = (await this.knex('public.cases')
      .where({ applicant_email: email })
      .orderBy('submitted_at', 'desc')
      .limit(500)) as CaseRow[];
    return rows.map(toCase);
  }

  /**
   * The case `reference` if the bearer token opens it: its tracking token, or a session of its
   * applicant. Anything else — unknown reference, wrong token, someone else's case — is the
   * same NotFoundError.
   */
  async authorizeCase(
    reference: string,
    bearer: string,
  ): Promise<{ record: CaseRecord; access: CitizenAccess }> {
    const row = /^LU-\d{4}-\d{6,}$/.test(reference)
      ? ((await this.knex('public.cases').where({ reference }).first()) as CaseRow | undefined)
      : undefined;
    if (row && tokenMatches(bearer, row.tracking_token_hash)) {
      return { record: toCase(row), access: { via: 'tracking_token' } };
    }
    const email = await this.sessionEmail(bearer);
    if (row && email && email === row.applicant_email) {
      return { record: toCase(row), access: { via: 'session', email } };
    }
    throw new NotFoundError('no such case for this token');
  }

  async auditRead(
    record: CaseRecord,
    access: CitizenAccess,
    action: string,
    requestId: string,
  ): Promise<void> {
    await this.audit.record({
      actor: {
        type: 'citizen',
        id: access.via === 'session' ? 'my-cases-session' : `case:${record.id}`,
      },
      tenantId: record.tenantId,
      action,
      objectType: 'case',
      objectId: record.id,
      requestId,
      details: { via: access.via },
    });
  }

  async auditList(results: number, requestId: string): Promise<void> {
    await this.audit.record({
      actor: { type: 'citizen', id: 'my-cases-session' },
      tenantId: null,
      action: 'case.list',
      objectType: 'case',
      objectId: null,
      requestId,
      details: { results },
    });
  }

  private async countCodes(where: Record<string, string>, since: Date): Promise<number> {
    const [row] = (await this.knex('public.citizen_login_codes')
      .where(where)
      .andWhere('created_at', '>=', since)
      .count<{ count: string | number }[]>({ count: '*' })) as { count: string | number }[];
    return Number(row?.count ?? 0);
  }

  private codeHash(email: string, code: string): string {
    return this.keyed(`code\n${email}\n${code}`);
  }

  private keyed(text: string): string {
    return createHmac('sha256', this.options.secret).update(text).digest('hex');
  }
}

export function normalise(email: string): string {
  return email.trim().toLowerCase();
}

function equalHex(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}
