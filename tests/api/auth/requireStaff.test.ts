import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireStaff, staffOf, groupsIn } from '../../../server/src/auth';
import { staffAuth } from '../../../server/src/auth/staffAuth';
import { loadConfig } from '../../../server/src/config';
import { notFoundHandler, problemHandler } from '../../../server/src/http/problem';
import { requestLogger } from '../../../server/src/http/requestLogger';
import { createLogger } from '../../../server/src/logger';
import { startTestServer, type TestServer } from '../../server/support/testServer';
import { Browser } from './support/browser';
import { PASSWORD, createGroup, createStaff, member } from './support/staff';

// Another domain's routes, guarded with requireStaff, served next to the server on the same
// database and session secret: a session from the server's login is valid here too.
const SESSION_SECRET = 'a-test-session-secret-of-enough-length';

let server: TestServer;
let probe: http.Server;
let probeUrl: string;

beforeAll(async () => {
  server = await startTestServer({ SESSION_SECRET });
  await createGroup(server.knex, 'luzern', 'einwohnerkontrolle');
  await createStaff(server.knex, {
    username: 'clerk',
    memberships: [
      member('luzern', ['clerk'], ['einwohnerkontrolle']),
      member('eschenbach', ['designer']),
    ],
  });
  await createStaff(server.knex, {
    username: 'designer',
    memberships: [member('luzern', ['designer'])],
  });

  const loaded = loadConfig({ NODE_ENV: 'test', SESSION_SECRET, LOG_LEVEL: 'silent' });
  if (!loaded.ok) throw new Error(loaded.message);
  const logger = createLogger('silent');
  const app = express();
  app.use(requestLogger(logger));
  app.use(express.json());
  app.use('/api', ...staffAuth(app, server.knex, loaded.config, logger));
  app.get('/api/inbox', requireStaff({ role: 'clerk' }), (req, res) => {
    const staff = staffOf(req);
    res.json({ tenantId: staff.currentTenantId, groups: groupsIn(staff, staff.currentTenantId!) });
  });
  const tenantOf = (req: express.Request) => String(req.params.tenantId);
  app.get(
    '/api/tenants/:tenantId/cases',
    requireStaff({ tenant: tenantOf, role: ['clerk', 'admin'] }),
    (req, res) => {
      res.json({ tenantId: req.params.tenantId });
    },
  );
  app.post(
    '/api/tenants/:tenantId/cases',
    requireStaff({ tenant: tenantOf, role: 'clerk' }),
    (_req, res) => {
      res.status(201).json({ ok: true });
    },
  );
  app.get('/api/designs', requireStaff({ role: 'designer', tenant: 'any' }), (_req, res) => {
    res.json({ ok: true });
  });
  app.use(notFoundHandler);
  app.use(problemHandler);
  probe = http.createServer(app);
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  probeUrl = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => probe?.close(resolve));
  await server?.stop();
});

/** A browser signed in at the server, now talking to the probe. */
async function signedIn(username: string, tenantId?: string): Promise<Browser> {
  const atServer = new Browser(server.baseUrl);
  const login = await atServer.login(username, PASSWORD, tenantId ? { tenantId } : {});
  expect(login.status).toBe(200);
  const browser = new Browser(probeUrl);
  for (const [name, value] of atServer.cookies) browser.cookies.set(name, value);
  browser.csrfToken = atServer.csrfToken;
  return browser;
}

describe('requireStaff for other domains', () => {
  it('answers 401 without a session', async () => {
    const res = await new Browser(probeUrl).get('/api/inbox');
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
  });

  it("gives a clerk their current tenant's inbox with their groups", async () => {
    const clerk = await signedIn('clerk', 'luzern');
    const res = await clerk.get('/api/inbox');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ tenantId: 'luzern', groups: ['einwohnerkontrolle'] });
  });

  it('refuses the role the current tenant does not give (403)', async () => {
    // given the clerk of Luzern, who is a designer in Eschenbach, working in Eschenbach
    const clerk = await signedIn('clerk', 'eschenbach');

    // then the inbox (clerk role) is refused there
    expect((await clerk.get('/api/inbox')).status).toBe(403);
  });

  it.each([
    ['a member with the role', 'clerk', 'luzern', 200],
    ['a member without the role', 'clerk', 'eschenbach', 403],
    ['a stranger to the tenant (foreign objects are not found)', 'designer', 'eschenbach', 404],
    ['a stranger to an unknown tenant', 'designer', 'atlantis', 404],
  ])('answers %s (%s in %s) with %i', async (_case, username, tenantId, status) => {
    const browser = await signedIn(username);
    expect((await browser.get(`/api/tenants/${tenantId}/cases`)).status).toBe(status);
  });

  it('checks the CSRF token and the Origin on state-changing requests', async () => {
    const clerk = await signedIn('clerk');
    expect((await clerk.post('/api/tenants/luzern/cases', { body: {} })).status).toBe(201);
    expect((await clerk.post('/api/tenants/luzern/cases', { body: {}, noCsrf: true })).status).toBe(
      403,
    );
    expect(
      (
        await clerk.post('/api/tenants/luzern/cases', {
          body: {},
          headers: { Origin: 'https://evil.example' },
        })
      ).status,
    ).toBe(403);
  });

  it("accepts a role in any tenant with tenant: 'any'", async () => {
    expect((await (await signedIn('clerk')).get('/api/designs')).status).toBe(200);
    expect((await (await signedIn('designer')).get('/api/designs')).status).toBe(200);
  });
});
