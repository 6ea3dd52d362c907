import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../server/support/testServer';
import { Browser, sleep } from './support/browser';
import { PASSWORD, createStaff, member, type Staff } from './support/staff';

// Short timeouts through the configuration, so that no test sleeps for 30 minutes.
const IDLE_MS = 1200;
const ABSOLUTE_MS = 3000;

describe('session timeouts', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      SESSION_IDLE_TIMEOUT: `${IDLE_MS}ms`,
      SESSION_ABSOLUTE_TIMEOUT: `${ABSOLUTE_MS}ms`,
    });
    await createStaff(server.knex, {
      username: 'clerk',
      memberships: [member('luzern', ['clerk'])],
    });
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('ends a session after the idle timeout', async () => {
    // given a signed-in clerk whose cookie is sent even after it expired (the server decides)
    const browser = await new Browser(server.baseUrl).loginOk('clerk', PASSWORD);
    browser.honourExpiry = false;

    // when they do nothing for longer than the idle timeout
    await sleep(IDLE_MS + 400);

    // then the session is gone
    expect((await browser.get('/api/auth/me')).status).toBe(401);
  });

  it('keeps an active session alive past the idle timeout (rolling)', async () => {
    // given a signed-in clerk
    const browser = await new Browser(server.baseUrl).loginOk('clerk', PASSWORD);

    // when they make a request every half idle timeout, for twice the idle timeout
    const statuses: number[] = [];
    for (let elapsed = 0; elapsed < 2 * IDLE_MS; elapsed += IDLE_MS / 2) {
      await sleep(IDLE_MS / 2);
      statuses.push((await browser.get('/api/auth/me')).status);
    }

    // then they stay signed in
    expect(statuses.every((status) => status === 200)).toBe(true);
  });

  it('ends even an active session at the absolute timeout', async () => {
    // given a signed-in clerk, told when the session ends at the latest, whose cookie is sent
    // even after it expired (the server decides)
    const browser = new Browser(server.baseUrl);
    browser.honourExpiry = false;
    const login = await browser.login('clerk', PASSWORD);
    const { session } = (await login.json()) as { session: { loginAt: string; expiresAt: string } };
    const loginAt = Date.parse(session.loginAt);
    expect(Date.parse(session.expiresAt) - loginAt).toBe(ABSOLUTE_MS);

    // when they keep working
    let endedAfter: number | undefined;
    while (Date.now() - loginAt < ABSOLUTE_MS + 2000) {
      await sleep(300);
      const before = Date.now();
      if ((await browser.get('/api/auth/me')).status === 401) {
        endedAfter = before - loginAt;
        break;
      }
    }

    // then the session ends once the absolute timeout has passed, not before
    expect(endedAfter).toBeDefined();
    expect(endedAfter!).toBeGreaterThanOrEqual(ABSOLUTE_MS - 200);
  });
});

describe('log out everywhere', () => {
  let server: TestServer;
  let clerk: Staff;
  let other: Staff;

  beforeAll(async () => {
    server = await startTestServer();
    clerk = await createStaff(server.knex, {
      username: 'clerk',
      memberships: [member('luzern', ['clerk'])],
    });
    other = await createStaff(server.knex, {
      username: 'other',
      memberships: [member('luzern', ['clerk'])],
    });
    await createStaff(server.knex, {
      username: 'admin',
      memberships: [member('luzern', ['admin'])],
    });
  });

  afterAll(async () => {
    await server?.stop();
  });

  const sessionsOf = async (userId: string) => {
    const [row] = (await server
      .knex('staff_sessions')
      .whereRaw(`sess #>> '{staff,userId}' = ?`, [userId])
      .count({ n: '*' })) as { n: string | number }[];
    return Number(row!.n);
  };

  it("ends all of the user's sessions and no one else's", async () => {
    // given the clerk signed in on two devices, and another clerk signed in
    const laptop = await new Browser(server.baseUrl).loginOk('clerk', PASSWORD);
    const phone = await new Browser(server.baseUrl).loginOk('clerk', PASSWORD);
    const colleague = await new Browser(server.baseUrl).loginOk('other', PASSWORD);
    expect(await sessionsOf(clerk.id)).toBeGreaterThanOrEqual(2);

    // when the clerk logs out everywhere from the laptop
    const res = await laptop.post('/api/auth/logout-everywhere');

    // then both their sessions are gone, stored sessions included; the colleague works on
    expect(res.status).toBe(204);
    expect((await laptop.get('/api/auth/me')).status).toBe(401);
    expect((await phone.get('/api/auth/me')).status).toBe(401);
    expect(await sessionsOf(clerk.id)).toBe(0);
    expect((await colleague.get('/api/auth/me')).status).toBe(200);
    expect(await sessionsOf(other.id)).toBe(1);

    // and they can log in again
    expect((await new Browser(server.baseUrl).login('clerk', PASSWORD)).status).toBe(200);
  });

  it('needs a signed-in user and the CSRF token', async () => {
    expect((await new Browser(server.baseUrl).post('/api/auth/logout-everywhere')).status).toBe(
      401,
    );
    const browser = await new Browser(server.baseUrl).loginOk('clerk', PASSWORD);
    expect((await browser.post('/api/auth/logout-everywhere', { noCsrf: true })).status).toBe(403);
    expect((await browser.get('/api/auth/me')).status).toBe(200);
  });

  it('is also what happens when an administrator sets a new password or deactivates', async () => {
    // given the other clerk signed in, and their administrator
    const colleague = await new Browser(server.baseUrl).loginOk('other', PASSWORD);
    const boss = await new Browser(server.baseUrl).loginOk('admin', PASSWORD);

    // when the administrator sets a new password
    const changed = await boss.put(`/api/admin/users/${other.id}`, {
      body: { password: 'a brand new secret' },
    });

    // then the clerk's session is over and only the new password works
    expect(changed.status).toBe(200);
    expect((await colleague.get('/api/auth/me')).status).toBe(401);
    expect((await new Browser(server.baseUrl).login('other', PASSWORD)).status).toBe(401);
    const again = await new Browser(server.baseUrl).loginOk('other', 'a brand new secret');

    // when the administrator deactivates the clerk
    expect(
      (await boss.put(`/api/admin/users/${other.id}`, { body: { active: false } })).status,
    ).toBe(200);

    // then that session is over too, and login fails like any wrong login
    expect((await again.get('/api/auth/me')).status).toBe(401);
    expect((await new Browser(server.baseUrl).login('other', 'a brand new secret')).status).toBe(
      401,
    );
  });
});
