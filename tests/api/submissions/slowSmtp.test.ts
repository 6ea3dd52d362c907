/**
 * The citizen never waits for the mail server: the tracking-link mail is in the outbox when
 * the submission is answered, and its SMTP delivery runs in the background. Here the SMTP
 * server accepts the connection and then says nothing (nodemailer would wait 30 s for its
 * greeting).
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../server/support/testServer';
import {
  adopt,
  eventually,
  startPortalServer,
  submissionBody,
  submit,
  type SubmittedCase,
} from '../catalog/fixtures/portalServer';

let silent: net.Server;
const sockets: net.Socket[] = [];
let server: TestServer;

beforeAll(async () => {
  silent = net.createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const { port } = silent.address() as net.AddressInfo;
  server = await startPortalServer({ SMTP_URL: `smtp://127.0.0.1:${port}` });
  await adopt(server.knex, 'luzern');
});

afterAll(async () => {
  await server?.stop();
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => silent.close(() => resolve()));
});

describe('a submission while the SMTP server hangs', () => {
  it('is answered at once, with the tracking-link mail in the outbox', async () => {
    // when Anna submits while the mail server does not answer
    const res = await submit(server, submissionBody({ dogName: 'Sam' }));

    // then the case is answered (the vitest timeout is shorter than nodemailer's greeting wait)
    expect(res.status).toBe(201);
    const body = (await res.json()) as SubmittedCase;

    // and the mail is in the outbox, not yet sent, the SMTP server is being asked
    const mail = (await server.knex('public.mail_outbox').where({ case_id: body.id }).first()) as {
      status: string;
      text_body: string;
    };
    expect(mail.status).toBe('queued');
    expect(mail.text_body).toContain(body.trackingUrl);
    await eventually(async () => (sockets.length > 0 ? true : undefined));
  });
});
