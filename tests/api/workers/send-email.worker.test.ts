import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateServer } from '../../../server/src/db/database';
import { MailService } from '../../../server/src/mail/mail.service';
import { createSmtpTransport, type SmtpTransport } from '../../../server/src/mail/smtpTransport';
import { SEND_EMAIL, sendEmail } from '../../../server/src/workers/send-email.worker';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { freePort, startSmtpServer, type SmtpTestServer } from '../mail/smtpTestServer';
import { jobOf } from './jobs';

let database: TestDatabase;
let knex: Knex;
const transports: SmtpTransport[] = [];
const servers: SmtpTestServer[] = [];

const variables = {
  to: 'lea.keller@example.ch',
  subject: 'Ihre Hundeanmeldung ist eingegangen',
  text: 'Grüezi Frau Keller, wir haben Ihre Anmeldung erhalten.',
  caseId: 'case-dog-1',
};

function mailVia(smtpUrl?: string): MailService {
  if (!smtpUrl) return new MailService(knex, { from: 'noreply@stadtluzern.ch' });
  const transport = createSmtpTransport(smtpUrl);
  transports.push(transport);
  return new MailService(knex, { from: 'noreply@stadtluzern.ch', transport });
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

describe('send-email worker', () => {
  it('completes with the mail id once the mail server accepted it', async () => {
    const server = await startSmtpServer();
    servers.push(server);
    const outcome = await sendEmail(jobOf(SEND_EMAIL, variables), { mail: mailVia(server.url) });
    expect(outcome).toEqual({
      kind: 'complete',
      variables: { mailId: expect.any(String), mailStatus: 'sent' },
    });
    expect(server.received.map((m) => m.to)).toEqual([['lea.keller@example.ch']]);
  });

  it('completes with status queued when no mail server is configured (the outbox keeps it)', async () => {
    const outcome = await sendEmail(jobOf(SEND_EMAIL, variables), { mail: mailVia() });
    expect(outcome).toMatchObject({ kind: 'complete', variables: { mailStatus: 'queued' } });
  });

  it('fails with one retry fewer while the mail server is down, and sends once when the job is retried', async () => {
    // given a job and a mail server that is down
    const port = await freePort();
    const mail = mailVia(`smtp://127.0.0.1:${port}`);
    const job = jobOf(SEND_EMAIL, { ...variables, caseId: 'case-dog-2' }, { retries: 3 });

    // when the worker runs, then the job fails with 2 retries left
    const failed = await sendEmail(job, { mail });
    expect(failed).toMatchObject({ kind: 'fail', retries: 2 });
    expect(failed.kind === 'fail' && failed.message).toMatch(/not delivered: .*ECONNREFUSED/);

    // when the server is back and Zeebe hands out the same job again
    const server = await startSmtpServer({ port });
    servers.push(server);
    const retried = await sendEmail({ ...job, retries: 2 }, { mail });

    // then it completes, and there is one mail, delivered once
    expect(retried).toMatchObject({ kind: 'complete', variables: { mailStatus: 'sent' } });
    expect(server.received).toHaveLength(1);
    expect(await knex('mail_outbox').where({ case_id: 'case-dog-2' })).toHaveLength(1);
  });

  it.each([
    ['the address is invalid', { ...variables, to: 'lea.keller' }, /to/],
    ['the subject is missing', { to: variables.to, text: 'x' }, /subject/],
  ])('raises an incident when %s', async (_what, jobVariables, message) => {
    const outcome = await sendEmail(jobOf(SEND_EMAIL, jobVariables), { mail: mailVia() });
    expect(outcome).toMatchObject({ kind: 'fail', retries: 0 });
    expect(outcome.kind === 'fail' && outcome.message).toMatch(message);
  });
});
