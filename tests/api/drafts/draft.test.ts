/**
 * Save and resume (issue 8, point 2): a citizen saves the start form, gets the link by e-mail,
 * and opens the draft with the link's token; only the token's hash is stored, drafts expire
 * after 30 days, and an address can save at most 5 drafts an hour.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../server/support/testServer';
import { adopt, eventually, SERVICE_ID, startPortalServer } from '../catalog/fixtures/portalServer';
import { startSmtpServer, type SmtpTestServer } from '../mail/smtpTestServer';

let server: TestServer;
let smtp: SmtpTestServer;

beforeAll(async () => {
  smtp = await startSmtpServer();
  server = await startPortalServer({ SMTP_URL: smtp.url });
  await adopt(server.knex, 'luzern');
}, 60_000);

afterAll(async () => {
  await server?.stop();
  await smtp?.close();
});

function draftBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    tenantId: 'luzern',
    serviceId: SERVICE_ID,
    email: 'anna.muster@example.ch',
    language: 'de',
    data: { dogName: 'Bello', address: { zip: '6003' } },
    ...overrides,
  };
}

async function save(body: unknown, locale = 'de-CH'): Promise<Response> {
  return fetch(`${server.baseUrl}/api/portal/drafts`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Accept-Language': locale },
    body: JSON.stringify(body),
  });
}

async function open(token: string | undefined): Promise<Response> {
  return fetch(`${server.baseUrl}/api/portal/drafts/current`, {
    headers: token === undefined ? {} : { Authorization: `Bearer ${token}` },
  });
}

/** The token of the newest resume link mailed to `to`. */
async function mailedToken(to: string, count: number): Promise<string> {
  const mails = await eventually(async () => {
    const found = smtp.received.filter((m) => m.to.includes(to));
    return found.length >= count ? found : undefined;
  });
  const raw = mails[count - 1]!.raw.replace(/=\r?\n/g, '');
  const match = /\/drafts\/resume#([A-Za-z0-9_-]{43})/.exec(raw);
  if (!match) throw new Error('no resume link in the mail');
  return match[1]!;
}

describe('saving a draft', () => {
  it('mails a resume link whose token opens the draft; only the hash is stored', async () => {
    // when Anna saves her half-filled form
    const res = await save(draftBody({ email: 'resume@example.ch' }));

    // then it is accepted, and kept 30 days
    expect(res.status).toBe(202);
    const { expiresAt } = (await res.json()) as { expiresAt: string };
    const days = (Date.parse(expiresAt) - Date.now()) / 86_400_000;
    expect(Math.round(days)).toBe(30);

    // and the link arrives by mail, and opens the draft with her data
    const token = await mailedToken('resume@example.ch', 1);
    const opened = await open(token);
    expect(opened.status).toBe(200);
    expect(await opened.json()).toMatchObject({
      tenantId: 'luzern',
      serviceId: SERVICE_ID,
      language: 'de',
      data: { dogName: 'Bello', address: { zip: '6003' } },
    });

    // and the database holds neither the token nor the address
    const rows = (await server.knex('public.portal_drafts').select('*')) as Record<
      string,
      unknown
    >[];
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain(token);
    expect(stored).not.toContain('resume@example.ch');
  });

  it('finds nothing for a wrong, missing or expired token', async () => {
    // given a saved draft
    expect((await save(draftBody({ email: 'expired@example.ch' }))).status).toBe(202);
    const token = await mailedToken('expired@example.ch', 1);

    // then another token, no token or a malformed one find nothing
    expect((await open('A'.repeat(43))).status).toBe(404);
    expect((await open(undefined)).status).toBe(404);
    expect((await open('not a token')).status).toBe(404);

    // when the draft's 30 days are over
    await server.knex('public.portal_drafts').update({ expires_at: new Date(Date.now() - 1000) });

    // then its own token finds nothing either
    expect((await open(token)).status).toBe(404);
  });

  it('limits an address to 5 drafts an hour', async () => {
    const email = 'Busy@Example.ch';
    for (let i = 0; i < 5; i++) expect((await save(draftBody({ email }))).status).toBe(202);

    // the same address, written differently, is the same address
    const refused = await save(draftBody({ email: 'busy@example.ch' }), 'en');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(((await refused.json()) as { title: string }).title).toMatch(/too many/i);
  });

  it('refuses a service the municipality does not offer, and changes nothing', async () => {
    const before = await server.knex('public.portal_drafts').count({ n: '*' });
    const res = await save(draftBody({ tenantId: 'eschenbach', email: 'none@example.ch' }));
    expect(res.status).toBe(404);
    expect(await server.knex('public.portal_drafts').count({ n: '*' })).toEqual(before);
  });

  it.each([
    ['no e-mail address', { email: undefined }, 'email'],
    ['a malformed e-mail address', { email: 'anna' }, 'email'],
    ['data that is not an object', { data: ['x'] }, 'data'],
    ['an unknown language', { language: 'fr' }, 'language'],
    ['a malformed tenant id', { tenantId: '../luzern' }, 'tenantId'],
    ['an unknown field', { token: 'x' }, 'token'],
  ])('refuses %s (400, field named)', async (_name, overrides, field) => {
    const res = await save(draftBody(overrides));
    expect(res.status).toBe(400);
    const problem = (await res.json()) as { errors: { field: string }[] };
    expect(problem.errors.map((e) => e.field)).toContain(field);
  });
});
