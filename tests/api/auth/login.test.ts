import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../server/support/testServer';
import { Browser } from './support/browser';
import { PASSWORD, createStaff, member, type Staff } from './support/staff';

let server: TestServer;
let clerk: Staff;

beforeAll(async () => {
  // Generous limits: this file is about answers, not throttling (see rateLimit.test.ts).
  server = await startTestServer({
    LOGIN_MAX_FAILURES_PER_ACCOUNT: '100',
    LOGIN_MAX_FAILURES_PER_IP: '1000',
  });
  clerk = await createStaff(server.knex, {
    username: 'luzern.clerk',
    memberships: [member('luzern', ['clerk']), member('eschenbach', ['clerk'])],
  });
  await createStaff(server.knex, {
    username: 'former.clerk',
    memberships: [member('luzern', ['clerk'])],
    active: false,
  });
  await createStaff(server.knex, {
    username: 'oidc.only',
    memberships: [member('luzern', ['clerk'])],
    password: false,
  });
});

afterAll(async () => {
  await server?.stop();
});

async function problem(res: Response) {
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const {
    requestId: _id,
    instance: _instance,
    ...rest
  } = (await res.json()) as Record<string, unknown>;
  return rest;
}

describe('password login', () => {
  it('logs in with user name and password and tells who is signed in', async () => {
    // given a visitor with a CSRF token
    const browser = new Browser(server.baseUrl);
    await browser.fetchCsrf();

    // when they log in
    const res = await browser.login('luzern.clerk', PASSWORD);

    // then they are the clerk, working in their first tenant, with a fresh CSRF token
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      user: { id: clerk.id, username: 'luzern.clerk', email: clerk.email },
      authMethod: 'password',
      currentTenantId: 'eschenbach',
      tenants: [
        { id: 'eschenbach', name: 'Eschenbach (LU)', roles: ['clerk'], groups: [] },
        { id: 'luzern', name: 'Luzern', roles: ['clerk'], groups: [] },
      ],
      administers: [],
    });
    expect(body.csrfToken).toEqual(expect.any(String));
    const me = await browser.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ user: { username: 'luzern.clerk' } });
  });

  it('accepts the e-mail address in any case and a starting tenant', async () => {
    const browser = new Browser(server.baseUrl);
    const res = await browser.login(clerk.email.toUpperCase(), PASSWORD, { tenantId: 'luzern' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ currentTenantId: 'luzern' });
  });

  it.each([
    ['a wrong password', 'luzern.clerk', 'wrong password'],
    ['an unknown user', 'nobody.here', PASSWORD],
    ['an inactive account', 'former.clerk', PASSWORD],
    ['an account without a password', 'oidc.only', PASSWORD],
  ])('answers %s with the same 401 and no session', async (_case, username, password) => {
    // given a visitor
    const browser = new Browser(server.baseUrl, {
      Origin: server.baseUrl,
      'Accept-Language': 'en',
    });

    // when the login fails
    const res = await browser.login(username, password);

    // then the answer does not tell why
    expect(res.status).toBe(401);
    expect(await problem(res)).toEqual({
      type: 'about:blank#login_failed',
      title: 'Sign-in failed',
      status: 401,
      detail: 'The user name or password is wrong.',
    });
    expect((await browser.get('/api/auth/me')).status).toBe(401);
  });

  it('takes about as long for an unknown user as for a wrong password', async () => {
    // given
    const timed = async (username: string) => {
      const browser = new Browser(server.baseUrl);
      await browser.fetchCsrf();
      const started = performance.now();
      const res = await browser.login(username, 'not the password');
      expect(res.status).toBe(401);
      return performance.now() - started;
    };
    const median = (values: number[]) =>
      values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    await timed('luzern.clerk'); // warm-up

    // when
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      known.push(await timed('luzern.clerk'));
      unknown.push(await timed(`ghost.${i}`));
    }

    // then: both pay the password hash (about 100 ms and more); the difference is noise
    const [a, b] = [median(known), median(unknown)];
    expect(Math.min(a, b)).toBeGreaterThan(30);
    expect(Math.abs(a - b)).toBeLessThan(0.5 * Math.max(a, b));
  });

  it.each([
    [{}, 'username'],
    [{ username: 'luzern.clerk' }, 'password'],
    [{ username: 'luzern.clerk', password: PASSWORD, admin: true }, 'admin'],
  ])('refuses a malformed body %j with 400 naming %s', async (body, field) => {
    const browser = new Browser(server.baseUrl);
    await browser.fetchCsrf();
    const res = await browser.post('/api/auth/login', { body });
    expect(res.status).toBe(400);
    const { errors } = (await res.json()) as { errors: { field: string }[] };
    expect(errors.map((e) => e.field)).toContain(field);
  });

  it('regenerates the session id at login', async () => {
    // given a visitor session (from fetching the CSRF token)
    const browser = new Browser(server.baseUrl);
    await browser.fetchCsrf();
    const before = browser.cookies.get('sp.sid');
    expect(before).toBeDefined();

    // when they log in
    await browser.loginOk('luzern.clerk', PASSWORD);

    // then the session has a new id, and the old id is worth nothing
    const after = browser.cookies.get('sp.sid');
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
    const stale = new Browser(server.baseUrl);
    stale.cookies.set('sp.sid', before!);
    expect((await stale.get('/api/auth/me')).status).toBe(401);
  });

  it('sets the session cookie HttpOnly, SameSite=Lax, path / and not Secure over plain http', async () => {
    const browser = new Browser(server.baseUrl);
    await browser.loginOk('luzern.clerk', PASSWORD);
    const cookie = browser.lastSetCookies.find((c) => c.name === 'sp.sid');
    expect(cookie?.attributes).toMatchObject({ httponly: true, samesite: 'Lax', path: '/' });
    expect(cookie?.attributes.secure).toBeUndefined();
    expect(
      Number(cookie?.attributes['max-age'] ?? NaN) ||
        Date.parse(String(cookie?.attributes.expires)),
    ).toBeTruthy();
    const csrfCookie = browser.lastSetCookies.find((c) => c.name === 'sp.csrf');
    expect(csrfCookie?.attributes).toMatchObject({ httponly: true, samesite: 'Strict', path: '/' });
  });
});

describe('logout and tenant switch', () => {
  it('logs out: the session is gone and the cookie cleared', async () => {
    // given a signed-in clerk
    const browser = new Browser(server.baseUrl);
    await browser.loginOk('luzern.clerk', PASSWORD);
    const sid = browser.cookies.get('sp.sid')!;

    // when they log out
    const res = await browser.post('/api/auth/logout');

    // then
    expect(res.status).toBe(204);
    expect(browser.cookies.has('sp.sid')).toBe(false);
    const replay = new Browser(server.baseUrl);
    replay.cookies.set('sp.sid', sid);
    expect((await replay.get('/api/auth/me')).status).toBe(401);
  });

  it('answers 204 to a logout without a session', async () => {
    const res = await new Browser(server.baseUrl).post('/api/auth/logout');
    expect(res.status).toBe(204);
  });

  it('switches the current tenant among the own tenants only', async () => {
    // given a clerk of Luzern and Eschenbach working in Eschenbach
    const browser = new Browser(server.baseUrl);
    await browser.loginOk('luzern.clerk', PASSWORD);

    // when they switch to Luzern, then to Kriens
    const toLuzern = await browser.post('/api/auth/tenant', { body: { tenantId: 'luzern' } });
    const toKriens = await browser.post('/api/auth/tenant', { body: { tenantId: 'kriens' } });

    // then Luzern is current (and stays so), Kriens is refused
    expect(toLuzern.status).toBe(200);
    expect(await toLuzern.json()).toMatchObject({ currentTenantId: 'luzern' });
    expect(toKriens.status).toBe(403);
    expect(await (await browser.get('/api/auth/me')).json()).toMatchObject({
      currentTenantId: 'luzern',
    });
  });

  it('answers 401 problem+json to /me without a session', async () => {
    const res = await new Browser(server.baseUrl).get('/api/auth/me');
    expect(res.status).toBe(401);
    expect(await problem(res)).toMatchObject({ status: 401, title: 'Anmeldung erforderlich' });
  });

  it('names the login methods: password, no OIDC here', async () => {
    const res = await fetch(`${server.baseUrl}/api/auth/providers`);
    expect(await res.json()).toEqual({ password: true, oidc: null });
    expect(
      (await fetch(`${server.baseUrl}/api/auth/oidc/login`, { redirect: 'manual' })).status,
    ).toBe(404);
  });
});

describe('CSRF protection', () => {
  it('refuses a login without the token', async () => {
    const browser = new Browser(server.baseUrl);
    await browser.fetchCsrf();
    const res = await browser.post('/api/auth/login', {
      body: { username: 'luzern.clerk', password: PASSWORD },
      noCsrf: true,
    });
    expect(res.status).toBe(403);
    expect(await problem(res)).toMatchObject({
      type: 'about:blank#csrf_failed',
      title: 'Anfrage abgelehnt',
    });
  });

  it('refuses a token of another session', async () => {
    const other = new Browser(server.baseUrl);
    const foreignToken = await other.fetchCsrf();
    const browser = new Browser(server.baseUrl);
    await browser.fetchCsrf();
    const res = await browser.post('/api/auth/login', {
      body: { username: 'luzern.clerk', password: PASSWORD },
      headers: { 'X-CSRF-Token': foreignToken },
    });
    expect(res.status).toBe(403);
  });

  it.each([
    ['a foreign Origin', { Origin: 'https://evil.example' }],
    ['Origin null', { Origin: 'null' }],
    ['a foreign Referer', { Origin: '', Referer: 'https://evil.example/page' }],
    ['Sec-Fetch-Site cross-site', { 'Sec-Fetch-Site': 'cross-site' }],
  ])(
    'refuses a state-changing request with %s, even with a valid token',
    async (_case, headers) => {
      // given a signed-in clerk
      const browser = new Browser(server.baseUrl);
      await browser.loginOk('luzern.clerk', PASSWORD);

      // when a request comes from another site
      const cleaned = Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== ''));
      const sent = new Browser(server.baseUrl, cleaned);
      sent.cookies.set('sp.sid', browser.cookies.get('sp.sid')!);
      sent.cookies.set('sp.csrf', browser.cookies.get('sp.csrf')!);
      sent.csrfToken = browser.csrfToken;
      const res = await sent.post('/api/auth/tenant', { body: { tenantId: 'luzern' } });

      // then it is refused and changes nothing
      expect(res.status).toBe(403);
      expect(await (await browser.get('/api/auth/me')).json()).toMatchObject({
        currentTenantId: 'eschenbach',
      });
    },
  );

  it('refuses a signed-in state change without the token', async () => {
    const browser = new Browser(server.baseUrl);
    await browser.loginOk('luzern.clerk', PASSWORD);
    const res = await browser.post('/api/auth/tenant', {
      body: { tenantId: 'luzern' },
      noCsrf: true,
    });
    expect(res.status).toBe(403);
  });

  it('accepts a request without Origin and Referer (a script) when the token is right', async () => {
    const browser = new Browser(server.baseUrl, {});
    await browser.loginOk('luzern.clerk', PASSWORD);
    const res = await browser.post('/api/auth/tenant', { body: { tenantId: 'luzern' } });
    expect(res.status).toBe(200);
  });
});

describe('behind an https proxy (PUBLIC_URL https)', () => {
  let secure: TestServer;
  const publicUrl = 'https://portal.example.ch';

  beforeAll(async () => {
    secure = await startTestServer({ PUBLIC_URL: publicUrl });
    await createStaff(secure.knex, {
      username: 'proxy.clerk',
      memberships: [member('luzern', ['clerk'])],
    });
  });

  afterAll(async () => {
    await secure?.stop();
  });

  it('marks the cookies Secure and checks the Origin against PUBLIC_URL', async () => {
    // given a browser talking to the public https address through the (loopback) proxy
    const browser = new Browser(secure.baseUrl, {
      Origin: publicUrl,
      'X-Forwarded-Proto': 'https',
    });

    // when it logs in
    await browser.loginOk('proxy.clerk', PASSWORD);

    // then the session cookie is Secure and the CSRF cookie has the __Host- prefix
    const cookie = browser.lastSetCookies.find((c) => c.name === 'sp.sid');
    expect(cookie?.attributes).toMatchObject({ secure: true, httponly: true, samesite: 'Lax' });
    expect(browser.lastSetCookies.find((c) => c.name === '__Host-sp.csrf')?.attributes.secure).toBe(
      true,
    );

    // and the server's own (internal) origin is foreign
    const internal = new Browser(secure.baseUrl, {
      Origin: secure.baseUrl,
      'X-Forwarded-Proto': 'https',
    });
    for (const [name, value] of browser.cookies) internal.cookies.set(name, value);
    internal.csrfToken = browser.csrfToken;
    expect((await internal.post('/api/auth/tenant', { body: { tenantId: 'luzern' } })).status).toBe(
      403,
    );
    expect((await browser.post('/api/auth/tenant', { body: { tenantId: 'luzern' } })).status).toBe(
      200,
    );
  });
});
