import type { Knex } from 'knex';
import session, { type SessionData } from 'express-session';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_TABLE } from '../../../server/src/auth/session';
import { RollingSessionStore } from '../../../server/src/auth/sessionStore';
import { migrateServer } from '../../../server/src/db/database';
import { createTestDatabase, type TestDatabase } from '../../support/database';

const MINUTE = 60_000;
const IDLE = 30 * MINUTE;

let database: TestDatabase;
let knex: Knex;
let store: RollingSessionStore;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = await database.open();
  await migrateServer(db);
  knex = db.knex;
  store = new RollingSessionStore(
    { knex, tableName: SESSION_TABLE, createTable: false, cleanupInterval: 0 },
    MINUTE,
  );
  await store.ready;
});

afterAll(async () => {
  await database?.drop();
});

/** A session whose cookie expires at `expires` (ms since epoch). */
function sessionUntil(expires: number): SessionData {
  const cookie = new session.Cookie();
  cookie.expires = new Date(expires);
  return { cookie } as SessionData;
}

async function storedExpiry(sid: string): Promise<number> {
  const row = (await knex(`public.${SESSION_TABLE}`).where({ sid }).first('expired')) as {
    expired: Date | string;
  };
  return new Date(row.expired).getTime();
}

describe('RollingSessionStore: the rolling expiry is written when it moves by a step', () => {
  it('skips a touch that moves the expiry by less than the step, writes one that moves it more', async () => {
    // given a stored session
    const sid = 'rolling-1';
    const base = Date.now() + IDLE;
    await store.set(sid, sessionUntil(base));
    const written = await storedExpiry(sid);

    // when a request moves the expiry by 30 seconds, then nothing is written
    await store.touch(sid, sessionUntil(written + MINUTE / 2));
    expect(await storedExpiry(sid)).toBe(written);

    // when one moves it by two minutes, then it is written
    await store.touch(sid, sessionUntil(written + 2 * MINUTE));
    expect(await storedExpiry(sid)).toBe(written + 2 * MINUTE);
  });

  it('always writes an earlier expiry (the absolute timeout shortens it)', async () => {
    // given a stored session
    const sid = 'rolling-2';
    await store.set(sid, sessionUntil(Date.now() + IDLE));
    const written = await storedExpiry(sid);

    // when a touch brings the expiry forward by a second
    await store.touch(sid, sessionUntil(written - 1000));

    // then it is written
    expect(await storedExpiry(sid)).toBe(written - 1000);
  });

  it('writes the first touch of a session this process has not written (another process did)', async () => {
    // given a session stored by another store (process)
    const sid = 'rolling-3';
    const other = new RollingSessionStore(
      { knex, tableName: SESSION_TABLE, createTable: false, cleanupInterval: 0 },
      MINUTE,
    );
    await other.set(sid, sessionUntil(Date.now() + IDLE));
    const written = await storedExpiry(sid);

    // when this process touches it by a second
    await store.touch(sid, sessionUntil(written + 1000));

    // then it is written, and a further small touch is not
    expect(await storedExpiry(sid)).toBe(written + 1000);
    await store.touch(sid, sessionUntil(written + 2000));
    expect(await storedExpiry(sid)).toBe(written + 1000);
  });

  it('forgets a destroyed session', async () => {
    // given a stored session that is destroyed
    const sid = 'rolling-4';
    await store.set(sid, sessionUntil(Date.now() + IDLE));
    await store.destroy(sid);

    // then it is gone
    expect(await store.get(sid, () => undefined)).toBeNull();
  });
});
