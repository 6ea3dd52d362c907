import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoginThrottle } from '../../../server/src/auth/loginThrottle';
import { LoginThrottledError } from '../../../server/src/auth/auth.errors';
import { migrateServer } from '../../../server/src/db/database';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { startTestServer, type TestServer } from '../../server/support/testServer';
import { Browser } from './support/browser';
import { PASSWORD, createStaff, member } from './support/staff';

// The documented defaults: 5 failures per account, 20 per address, in 15 minutes.
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  for (const name of ['alice', 'bob', 'carol', 'dave']) {
    await createStaff(server.knex, { username: name, memberships: [member('luzern', ['clerk'])] });
  }
});

afterAll(async () => {
  await server?.stop();
});

/** A visitor from its own address (the loopback proxy is trusted, so X-Forwarded-For counts). */
function visitor(ip: string): Browser {
  return new Browser(server.baseUrl, { Origin: server.baseUrl, 'X-Forwarded-For': ip });
}

async function failLogins(username: string, count: number, ip: (i: number) => string) {
  for (let i = 0; i < count; i += 1) {
    expect((await visitor(ip(i)).login(username, 'wrong password')).status).toBe(401);
  }
}

describe('login rate limit', () => {
  it('blocks an account after 5 failed logins, even with the right password, with Retry-After', async () => {
    // given 5 failed logins for alice from different addresses
    await failLogins('alice', 5, (i) => `198.51.100.${i + 1}`);

    // when she (or anyone) tries again, with the right password
    const res = await visitor('198.51.100.99').login('alice', PASSWORD);

    // then 429 problem+json with Retry-After up to the 15-minute window
    expect(res.status).toBe(429);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const retryAfter = Number(res.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(800);
    expect(retryAfter).toBeLessThanOrEqual(900);
    expect(await res.json()).toMatchObject({ status: 429, title: 'Zu viele Anfragen' });
  });

  it('blocks an unknown account name the same way (no enumeration through the limit)', async () => {
    await failLogins('nobody', 5, (i) => `198.51.100.${i + 101}`);
    const res = await visitor('198.51.100.200').login('nobody', PASSWORD);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBeTruthy();
  });

  it('clears the account counter on a successful login', async () => {
    // given 4 failures for bob, then his correct login
    await failLogins('bob', 4, (i) => `203.0.113.${i + 1}`);
    expect((await visitor('203.0.113.50').login('bob', PASSWORD)).status).toBe(200);

    // when 4 more failures follow
    await failLogins('bob', 4, (i) => `203.0.113.${i + 10}`);

    // then he can still log in
    expect((await visitor('203.0.113.51').login('bob', PASSWORD)).status).toBe(200);
  });

  it('blocks an address after 20 failed logins across accounts', async () => {
    // given 20 failures from one address, spread over accounts (4 each, under their limit)
    const ip = '192.0.2.7';
    for (const name of ['carol', 'dave', 'erin', 'frank', 'grace'])
      await failLogins(name, 4, () => ip);

    // when that address logs in correctly
    const blocked = await visitor(ip).login('carol', PASSWORD);

    // then it is blocked, while another address may log in to the same account
    expect(blocked.status).toBe(429);
    expect((await visitor('192.0.2.8').login('carol', PASSWORD)).status).toBe(200);
  });
});

describe('login failure counters in the database', () => {
  let database: TestDatabase;
  let throttleA: LoginThrottle;
  let throttleB: LoginThrottle;
  let clock = Date.parse('2026-11-28T10:00:00Z');
  const keys = { account: 'user-1', ip: '192.0.2.1' };

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = await database.open();
    await migrateServer(db);
    const limits = { perAccount: 3, perIp: 10, windowMs: 15 * 60_000 };
    // Two instances over one database: two servers, or one server before and after a restart.
    throttleA = new LoginThrottle(db.knex, limits, 's'.repeat(32), () => clock);
    throttleB = new LoginThrottle(db.knex, limits, 's'.repeat(32), () => clock);
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('shares the count between instances and forgets it after the window', async () => {
    // given 3 failures recorded by one instance
    for (let i = 0; i < 3; i += 1) await throttleA.recordFailure(keys);

    // then the other instance refuses, telling the rest of the window
    await expect(throttleB.check(keys)).rejects.toBeInstanceOf(LoginThrottledError);
    const error = await throttleB.check(keys).catch((err: LoginThrottledError) => err);
    expect((error as LoginThrottledError).headers['Retry-After']).toBe('900');

    // when the window has passed
    clock += 15 * 60_000 + 1;

    // then logins are allowed again, and a new failure starts a new count
    await expect(throttleB.check(keys)).resolves.toBeUndefined();
    await throttleB.recordFailure(keys);
    await expect(throttleA.check(keys)).resolves.toBeUndefined();
  });

  it('stores neither account names nor addresses', async () => {
    const db = await database.open();
    const rows = (await db.knex('login_failures').select('key_hash')) as { key_hash: string }[];
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.key_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(row.key_hash).not.toContain('user-1');
    }
  });
});
