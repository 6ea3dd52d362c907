import { generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../server/support/testServer';
import { Browser } from './support/browser';
import { createStaff, member, type Staff } from './support/staff';

// An OpenID Connect provider (oidc-provider) on a random port, playing the canton's identity
// provider; the test plays the browser between it and the server.
const CLIENT_ID = 'serviceportal';
const CLIENT_SECRET = 'a-client-secret-for-the-test';
const FAILURE = '/admin/#/login?error=oidc';

interface Account {
  sub: string;
  email: string;
  email_verified: boolean;
  name: string;
}

const accounts: Record<string, Account> = {
  'idp-clerk': {
    sub: 'idp-clerk',
    email: 'Clerk@Luzern.Example',
    email_verified: true,
    name: 'Clara Clerk',
  },
  'idp-stranger': {
    sub: 'idp-stranger',
    email: 'stranger@elsewhere.example',
    email_verified: true,
    name: 'S',
  },
  'idp-unverified': {
    sub: 'idp-unverified',
    email: 'unverified@luzern.example',
    email_verified: false,
    name: 'U',
  },
  'idp-former': {
    sub: 'idp-former',
    email: 'former@luzern.example',
    email_verified: true,
    name: 'F',
  },
};

let idpServer: http.Server;
let issuer: string;
let provider: Provider;
let nextAccount = 'idp-clerk';
let server: TestServer;
let clerk: Staff;

beforeAll(async () => {
  // the provider's port first: the server needs the issuer, the provider the redirect URI
  idpServer = http.createServer((req, res) => void handleIdp(req, res));
  await new Promise<void>((resolve) => idpServer.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(idpServer.address() as AddressInfo).port}`;

  server = await startTestServer({
    OIDC_ISSUER: issuer,
    OIDC_CLIENT_ID: CLIENT_ID,
    OIDC_CLIENT_SECRET: CLIENT_SECRET,
  });
  clerk = await createStaff(server.knex, {
    username: 'luzern.clerk',
    email: 'clerk@luzern.example',
    memberships: [member('luzern', ['clerk'])],
    password: false,
  });
  await createStaff(server.knex, {
    username: 'unverified',
    email: 'unverified@luzern.example',
    memberships: [member('luzern', ['clerk'])],
  });
  await createStaff(server.knex, {
    username: 'former',
    email: 'former@luzern.example',
    memberships: [member('luzern', ['clerk'])],
    active: false,
  });

  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [`${server.baseUrl}/api/auth/oidc/callback`],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    async findAccount(_ctx: unknown, id: string) {
      const account = accounts[id];
      return account && { accountId: id, claims: async () => account };
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    features: { devInteractions: { enabled: false } },
    interactions: {
      url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}`,
    },
    pkce: { required: () => true },
    cookies: { keys: ['oidc-test-cookie-key'] },
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      Grant: 600,
      IdToken: 600,
      Interaction: 600,
      Session: 600,
    },
    jwks: {
      keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test', alg: 'RS256', use: 'sig' }],
    },
  });
});

afterAll(async () => {
  await server?.stop();
  await new Promise((resolve) => idpServer?.close(resolve));
});

/** The provider's login and consent: whoever the test says logs in, and consents. */
async function handleIdp(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  if (!req.url?.startsWith('/interaction/')) return provider.callback()(req, res);
  try {
    const details = await provider.interactionDetails(req, res);
    const grant = new provider.Grant({
      accountId: nextAccount,
      clientId: String(details.params.client_id),
    });
    grant.addOIDCScope(String(details.params.scope));
    const grantId = await grant.save();
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: nextAccount }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
  } catch (err) {
    res.statusCode = 500;
    res.end(String(err));
  }
}

/** Follows the redirects through the provider; answers the callback URL it sends back. */
async function throughProvider(authorizationUrl: string): Promise<string> {
  const idp = new Browser(issuer, {});
  let location = authorizationUrl;
  for (let hops = 0; location.startsWith(issuer); hops += 1) {
    if (hops > 10) throw new Error('too many redirects at the provider');
    const res = await idp.get(location);
    const next = res.headers.get('location');
    if (!next) throw new Error(`provider answered ${res.status}: ${await res.text()}`);
    location = new URL(next, issuer).href;
  }
  return location;
}

async function startLogin(browser: Browser, account: string, returnTo = '/admin/cases') {
  nextAccount = account;
  const start = await browser.get(`/api/auth/oidc/login?returnTo=${encodeURIComponent(returnTo)}`);
  expect(start.status).toBe(303);
  return new URL(start.headers.get('location')!);
}

describe('OIDC login (authorization code + PKCE)', () => {
  it('offers the OIDC login', async () => {
    const res = await fetch(`${server.baseUrl}/api/auth/providers`);
    expect(await res.json()).toEqual({
      password: true,
      oidc: { loginUrl: '/api/auth/oidc/login' },
    });
  });

  it('sends the browser to the provider with PKCE, state and nonce', async () => {
    const url = await startLogin(new Browser(server.baseUrl), 'idp-clerk');
    expect(url.origin).toBe(issuer);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: CLIENT_ID,
      response_type: 'code',
      redirect_uri: `${server.baseUrl}/api/auth/oidc/callback`,
      code_challenge_method: 'S256',
      scope: 'openid email profile',
    });
    for (const param of ['code_challenge', 'state', 'nonce']) {
      expect(url.searchParams.get(param)?.length).toBeGreaterThanOrEqual(32);
    }
  });

  it('logs in the staff user with the proven e-mail address and returns to where they came from', async () => {
    // given a visitor session, and a clerk at the provider whose e-mail matches (in another case)
    const browser = new Browser(server.baseUrl);
    await browser.fetchCsrf();
    const visitorSession = browser.cookies.get('sp.sid');

    // when the clerk logs in at the provider
    const callback = await throughProvider((await startLogin(browser, 'idp-clerk')).href);
    const done = await browser.get(callback);

    // then they are signed in as that staff user, in a new session, and back at /admin/cases
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/admin/cases');
    expect(browser.cookies.get('sp.sid')).not.toBe(visitorSession);
    const me = await browser.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({
      user: { id: clerk.id, username: 'luzern.clerk' },
      authMethod: 'oidc',
      currentTenantId: 'luzern',
    });
  });

  it.each([
    ['an e-mail address of no staff user', 'idp-stranger'],
    ['an unverified e-mail address', 'idp-unverified'],
    ['an inactive staff user', 'idp-former'],
  ])('refuses %s: back to the login page, no session', async (_case, account) => {
    const browser = new Browser(server.baseUrl);
    const callback = await throughProvider((await startLogin(browser, account)).href);
    const done = await browser.get(callback);
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(FAILURE);
    expect((await browser.get('/api/auth/me')).status).toBe(401);
  });

  it('refuses a callback whose state does not match', async () => {
    const browser = new Browser(server.baseUrl);
    const callback = new URL(await throughProvider((await startLogin(browser, 'idp-clerk')).href));
    callback.searchParams.set('state', 'forged-state-forged-state-forged-state');
    const done = await browser.get(callback.href);
    expect(done.headers.get('location')).toBe(FAILURE);
    expect((await browser.get('/api/auth/me')).status).toBe(401);
  });

  it('refuses a callback in another browser (login CSRF)', async () => {
    // given a login started by an attacker's browser
    const attacker = new Browser(server.baseUrl);
    const callback = await throughProvider((await startLogin(attacker, 'idp-clerk')).href);

    // when the victim's browser is made to open the callback
    const victim = new Browser(server.baseUrl);
    const done = await victim.get(callback);

    // then it is refused: the pending login lives in the attacker's session
    expect(done.headers.get('location')).toBe(FAILURE);
    expect((await victim.get('/api/auth/me')).status).toBe(401);
  });

  it('uses a callback once', async () => {
    const browser = new Browser(server.baseUrl);
    const callback = await throughProvider((await startLogin(browser, 'idp-clerk')).href);
    expect((await browser.get(callback)).headers.get('location')).toBe('/admin/cases');
    const replay = new Browser(server.baseUrl);
    expect((await replay.get(callback)).headers.get('location')).toBe(FAILURE);
  });

  it.each([['https://evil.example/'], ['//evil.example/x'], ['/\\evil.example'], ['admin']])(
    'refuses to return to %s',
    async (returnTo) => {
      const res = await new Browser(server.baseUrl).get(
        `/api/auth/oidc/login?returnTo=${encodeURIComponent(returnTo)}`,
      );
      expect(res.status).toBe(400);
    },
  );
});
