import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateServer } from '../../../server/src/db/database';
import { NotFoundError, ValidationError } from '../../../server/src/http/errors';
import {
  describeError,
  MailService,
  type SendMailInput,
} from '../../../server/src/mail/mail.service';
import { createSmtpTransport, type SmtpTransport } from '../../../server/src/mail/smtpTransport';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { freePort, startSmtpServer, type SmtpTestServer } from './smtpTestServer';

let database: TestDatabase;
let knex: Knex;
const transports: SmtpTransport[] = [];
const servers: SmtpTestServer[] = [];

const FROM = 'Stadt Luzern <einwohnerdienste@stadtluzern.ch>';
const mail = (overrides: Partial<SendMailInput> = {}): SendMailInput => ({
  tenantId: 'luzern',
  caseId: 'case-1',
  to: 'anna.mueller@example.ch',
  subject: 'Ihre Wohnsitzbestätigung ist bereit',
  text: 'Grüezi Frau Müller, Ihre Bestätigung liegt im Portal bereit.',
  html: '<p>Grüezi Frau Müller, Ihre Bestätigung liegt im Portal bereit.</p>',
  ...overrides,
});

async function smtp(options: Parameters<typeof startSmtpServer>[0] = {}) {
  const server = await startSmtpServer(options);
  servers.push(server);
  return server;
}

function serviceFor(smtpUrl: string | undefined): MailService {
  if (!smtpUrl) return new MailService(knex, { from: FROM });
  const transport = createSmtpTransport(smtpUrl);
  transports.push(transport);
  return new MailService(knex, { from: FROM, transport });
}

beforeAll(async () => {
  database = await createTestDatabase();
  const db = await database.open();
  await migrateServer(db);
  knex = db.knex;
});

afterAll(async () => {
  for (const transport of transports) transport.close();
  await Promise.all(servers.map((server) => server.close()));
  await database?.drop();
});

describe('MailService.send', () => {
  it('writes the mail to the outbox and sends it over SMTP', async () => {
    // given a mail server
    const server = await smtp();
    const service = serviceFor(server.url);

    // when a mail is sent
    const sent = await service.send(mail());

    // then the server received it from MAIL_FROM with our Message-ID, and the outbox says sent
    expect(sent).toMatchObject({
      status: 'sent',
      attempts: 1,
      lastError: null,
      to: 'anna.mueller@example.ch',
    });
    expect(sent.sentAt).toBeInstanceOf(Date);
    expect(server.received).toHaveLength(1);
    const received = server.received[0]!;
    expect(received.from).toBe('einwohnerdienste@stadtluzern.ch');
    expect(received.to).toEqual(['anna.mueller@example.ch']);
    expect(received.header('Message-ID')).toBe(`<${sent.id}@stadtluzern.ch>`);
    expect(received.header('X-Serviceportal-Mail-Id')).toBe(sent.id);
    expect(received.header('Subject')).toMatch(/Wohnsitzbest/);
    const row = (await knex('mail_outbox').where({ id: sent.id }).first()) as Record<
      string,
      unknown
    >;
    expect(row).toMatchObject({
      status: 'sent',
      attempts: 1,
      message_id: `<${sent.id}@stadtluzern.ch>`,
    });
  });

  it('keeps the mail queued in the outbox when no SMTP server is configured', async () => {
    const service = serviceFor(undefined);
    const queued = await service.send(mail({ caseId: 'case-queued' }));
    expect(queued).toMatchObject({ status: 'queued', attempts: 0, sentAt: null });
    const readable = await service.get(queued.id, ['luzern']);
    expect(readable).toMatchObject({ text: mail().text, html: mail().html, status: 'queued' });
  });

  it('records a failed delivery as a value, and sends it on the retry with the same key, once', async () => {
    // given a mail server that is down
    const port = await freePort();
    const service = serviceFor(`smtp://127.0.0.1:${port}`);
    const input = mail({ idempotencyKey: 'zeebe-job:1001', caseId: 'case-retry' });

    // when the mail is sent, then it fails without throwing
    const failed = await service.send(input);
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed.lastError).toMatch(/ECONNREFUSED/);

    // when the server is up and the same send is retried
    const server = await smtp({ port });
    const retried = await service.send(input);
    const again = await service.send(input);

    // then the one outbox row is sent, delivered exactly once
    expect(retried).toMatchObject({ id: failed.id, status: 'sent', attempts: 2, lastError: null });
    expect(again).toMatchObject({ id: failed.id, status: 'sent', attempts: 2 });
    expect(server.received).toHaveLength(1);
    expect(await knex('mail_outbox').where({ case_id: 'case-retry' })).toHaveLength(1);
  });

  it('keeps SMTP credentials out of the stored error', async () => {
    // given a server that refuses the configured credentials
    const server = await smtp({ auth: { user: 'portal', pass: 'right-password' } });
    const service = serviceFor(`smtp://portal:S3cr%C3%A9t-pass@127.0.0.1:${server.port}`);

    // when a mail is sent
    const failed = await service.send(mail({ caseId: 'case-auth' }));

    // then the failure is stored without the password in any form
    expect(failed.status).toBe('failed');
    expect(failed.lastError).toMatch(/EAUTH|Invalid/);
    for (const secret of [
      'S3cr%C3%A9t-pass',
      'S3cré t-pass'.replace(' ', ''),
      Buffer.from('S3crét-pass').toString('base64'),
    ]) {
      expect(failed.lastError).not.toContain(secret);
    }
    expect(server.received).toEqual([]);
  });

  it.each([
    ['an invalid address', { to: 'not-an-address' }, 'to'],
    ['a subject with a line break', { subject: 'Hallo\r\nBcc: victim@example.ch' }, 'subject'],
    ['an empty text', { text: '' }, 'text'],
    ['no tenant', { tenantId: '' }, 'tenantId'],
  ])('refuses %s with ValidationError and writes nothing', async (_what, overrides, field) => {
    const service = serviceFor(undefined);
    const before = await knex('mail_outbox').count({ n: '*' }).first();
    const error = await service.send(mail(overrides)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).errors?.map((e) => e.field)).toContain(field);
    expect(await knex('mail_outbox').count({ n: '*' }).first()).toEqual(before);
  });
});

describe('the outbox for administrators', () => {
  it('lists newest first without bodies, only the caller’s tenants, with partial pagination', async () => {
    const service = serviceFor(undefined);
    await service.send(mail({ tenantId: 'eschenbach', caseId: 'e-1' }));
    await service.send(mail({ tenantId: 'eschenbach', caseId: 'e-2' }));
    await service.send(mail({ tenantId: 'eschenbach', caseId: 'e-3' }));

    const first = await service.list({ scope: ['eschenbach'], perPage: 2 });
    const second = await service.list({ scope: ['eschenbach'], perPage: 2, page: 2 });
    expect(first.data.map((m) => m.caseId)).toEqual(['e-3', 'e-2']);
    expect(first.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false });
    expect(second.data.map((m) => m.caseId)).toEqual(['e-1']);
    expect(first.data[0]).not.toHaveProperty('text');
    expect((await service.list({ scope: ['kanton'] })).data).toEqual([]);
    expect(
      (await service.list({ scope: 'all', status: 'queued', tenantId: 'eschenbach' })).data,
    ).toHaveLength(3);
  });

  it.each([
    ['another tenant’s mail', ['kanton']],
    ['an unknown id', 'all' as const],
  ])('does not find %s', async (what, scope) => {
    const service = serviceFor(undefined);
    const queued = await service.send(mail({ caseId: 'case-scope' }));
    const id = what === 'an unknown id' ? '00000000-0000-4000-8000-000000000000' : queued.id;
    await expect(service.get(id, scope)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('describeError', () => {
  it.each([
    [
      'a URL with credentials',
      new Error('connect to smtp://user:pw@host failed'),
      [],
      'connect to smtp://***@host failed',
    ],
    [
      'an AUTH command',
      Object.assign(new Error('AUTH PLAIN AHVzZXIAcHc= rejected'), { code: 'EAUTH' }),
      [],
      'EAUTH: AUTH PLAIN *** rejected',
    ],
    ['a configured secret', new Error('server said hunter22'), ['hunter22'], 'server said ***'],
    ['a non-error', 'boom', [], 'boom'],
  ])('removes %s', (_what, error, secrets, expected) => {
    expect(describeError(error, secrets)).toBe(expected);
  });
});
