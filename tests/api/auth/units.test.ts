import { describe, expect, it } from 'vitest';
import { parseCookieHeader } from '../../../server/src/auth/cookies';
import { loadConfig, parseDuration } from '../../../server/src/config';
import { hashPassword, needsRehash, verifyPassword } from '../../../server/src/staff/password';
import {
  administeredTenants,
  groupsIn,
  hasRole,
  type StaffPrincipal,
} from '../../../server/src/staff/principal';

describe('password hashing (scrypt)', () => {
  it('stores the parameters with the hash and verifies', async () => {
    const hash = await hashPassword('Grüezi mitenand');
    expect(hash).toMatch(/^\$scrypt\$ln=15,r=8,p=3\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(await verifyPassword('Grüezi mitenand', hash)).toBe(true);
    expect(await verifyPassword('Gruezi mitenand', hash)).toBe(false);
    expect(needsRehash(hash)).toBe(false);
  });

  it('salts: the same password gives different hashes', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });

  it('normalises Unicode (NFC), so a composed and a decomposed ü are the same password', async () => {
    const hash = await hashPassword('Zürich');
    expect(await verifyPassword('Zu\u0308rich', hash)).toBe(true);
  });

  it('verifies weaker old parameters and asks for a rehash', async () => {
    const old = await hashPassword('old secret', { ln: 14, r: 8, p: 1 });
    expect(await verifyPassword('old secret', old)).toBe(true);
    expect(needsRehash(old)).toBe(true);
  });

  it.each([
    [''],
    ['plain text'],
    ['$2b$10$abcdefghijklmnopqrstuv'],
    ['$scrypt$ln=40,r=8,p=1$AAAA$AAAA'],
  ])('answers false (never throws) for the stored value %j', async (stored) => {
    expect(await verifyPassword('x', stored)).toBe(false);
  });
});

describe('cookie header parsing', () => {
  it.each([
    [undefined, {}],
    ['sp.sid=abc; sp.csrf=d%20e', { 'sp.sid': 'abc', 'sp.csrf': 'd e' }],
    ['a=1; a=2', { a: '1' }],
    ['bad=%E0%A4%A; good=1', { good: '1' }],
    ['x="quoted"; =novalue; flag', { x: 'quoted' }],
  ])('parses %j', (header, expected) => {
    expect(parseCookieHeader(header)).toEqual(expected);
  });
});

describe('auth configuration', () => {
  it.each([
    ['30m', 1_800_000],
    ['12h', 43_200_000],
    ['45s', 45_000],
    ['800ms', 800],
    ['90', 90_000],
    ['0m', undefined],
    ['1.5h', undefined],
    ['soon', undefined],
  ])('reads the duration %j', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it('has the documented defaults', () => {
    const result = loadConfig({ NODE_ENV: 'test', SESSION_SECRET: 's'.repeat(32) });
    expect(result).toMatchObject({
      ok: true,
      config: {
        trustProxy: 'loopback',
        sessionIdleTimeoutMs: 30 * 60_000,
        sessionAbsoluteTimeoutMs: 12 * 3_600_000,
        loginMaxFailuresPerAccount: 5,
        loginMaxFailuresPerIp: 20,
        loginFailureWindowMs: 15 * 60_000,
        oidc: undefined,
      },
    });
  });

  it.each([
    [{ TRUST_PROXY: '2' }, { trustProxy: 2 }],
    [{ TRUST_PROXY: 'false' }, { trustProxy: false }],
    [{ TRUST_PROXY: 'loopback, 10.0.0.0/8' }, { trustProxy: 'loopback, 10.0.0.0/8' }],
    [
      { OIDC_ISSUER: 'https://login.lu.ch/realms/staff', OIDC_CLIENT_ID: 'portal' },
      {
        oidc: {
          issuer: 'https://login.lu.ch/realms/staff',
          clientId: 'portal',
          clientSecret: undefined,
          scopes: 'openid email profile',
          emailClaim: 'email',
        },
      },
    ],
  ])('accepts %j', (env, expected) => {
    expect(loadConfig({ NODE_ENV: 'test', SESSION_SECRET: 's'.repeat(32), ...env })).toMatchObject({
      ok: true,
      config: expected,
    });
  });

  it.each([
    [{ SESSION_IDLE_TIMEOUT: 'soon' }, 'SESSION_IDLE_TIMEOUT'],
    [{ SESSION_ABSOLUTE_TIMEOUT: '-1h' }, 'SESSION_ABSOLUTE_TIMEOUT'],
    [{ LOGIN_MAX_FAILURES_PER_ACCOUNT: '0' }, 'LOGIN_MAX_FAILURES_PER_ACCOUNT'],
    [{ LOGIN_MAX_FAILURES_PER_IP: 'many' }, 'LOGIN_MAX_FAILURES_PER_IP'],
    [{ OIDC_ISSUER: 'login.lu.ch' }, 'OIDC_ISSUER'],
    [{ OIDC_ISSUER: 'https://login.lu.ch' }, 'OIDC_CLIENT_ID'],
    [{ OIDC_ISSUER: 'https://x.ch', OIDC_CLIENT_ID: 'c', OIDC_SCOPES: 'email' }, 'OIDC_SCOPES'],
    [{ NODE_ENV: 'production', OIDC_ISSUER: 'http://x.ch', OIDC_CLIENT_ID: 'c' }, 'OIDC_ISSUER'],
  ])('rejects %j naming %s, never echoing a secret', (env, variable) => {
    const result = loadConfig({
      SESSION_SECRET: 's'.repeat(32),
      OIDC_CLIENT_SECRET: 'top-secret',
      ...env,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain(variable);
    expect(result.message).not.toContain('top-secret');
  });
});

describe('the staff principal', () => {
  const principal: StaffPrincipal = {
    userId: 'u',
    username: 'x',
    displayName: 'X',
    email: 'x@example.ch',
    authMethod: 'password',
    currentTenantId: 'luzern',
    memberships: [
      {
        tenantId: 'luzern',
        tenantName: 'Luzern',
        roles: ['admin', 'clerk'],
        groups: ['einwohnerkontrolle'],
      },
      { tenantId: 'eschenbach', tenantName: 'Eschenbach (LU)', roles: ['designer'], groups: [] },
    ],
  };

  it.each([
    ['luzern', 'clerk', true],
    ['luzern', ['designer', 'admin'], true],
    ['eschenbach', 'clerk', false],
    ['kriens', 'clerk', false],
  ] as const)('in %s with role %j: %s', (tenantId, role, expected) => {
    expect(hasRole(principal, tenantId, role)).toBe(expected);
  });

  it('knows groups per tenant and the administered tenants', () => {
    expect(groupsIn(principal, 'luzern')).toEqual(['einwohnerkontrolle']);
    expect(groupsIn(principal, 'kriens')).toEqual([]);
    expect(administeredTenants(principal)).toEqual(['luzern']);
    const cantonAdmin = {
      ...principal,
      memberships: [
        { tenantId: 'kanton', tenantName: 'Kanton Luzern', roles: ['admin' as const], groups: [] },
      ],
    };
    expect(administeredTenants(cantonAdmin)).toBe('all');
  });
});
