import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '@serviceportal/engine/db';
import { verifyPassword } from '../../../server/src/staff/password';
import { createTestDatabase, type TestDatabase } from '../../support/database';

const root = path.resolve(import.meta.dirname, '../../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'serviceportal-admin-cli-'));
let database: TestDatabase;

function cli(args: string[], password: string) {
  return spawnSync(
    process.execPath,
    ['--import', 'tsx', 'server/src/staff/createAdmin.cli.ts', ...args],
    {
      cwd: root,
      input: password,
      encoding: 'utf8',
      timeout: 60_000,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        SESSION_SECRET: 's'.repeat(32),
        DATA_DIR: dataDir,
        ...(database.url ? { DATABASE_URL: database.url } : {}),
      },
    },
  );
}

/** The database the CLI wrote to (PGlite: its directory, once the CLI has exited). */
async function open(): Promise<Database> {
  return database.url ? database.open() : openDatabase({ pgliteDir: path.join(dataDir, 'pglite') });
}

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('creating the first administrator from the command line', () => {
  it('creates an administrator of the canton with the password from standard input', async () => {
    // when the operator runs the command on an empty installation
    const run = cli(['first.admin', 'First.Admin@lu.example'], 'a long initial password\n');

    // then the administrator exists, with that password, and the creation is audited
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('created administrator first.admin (kanton)');
    const db = await open();
    try {
      const user = (await db.knex('staff_users').where({ username: 'first.admin' }).first()) as {
        id: string;
        email: string;
        password_hash: string;
      };
      expect(user.email).toBe('first.admin@lu.example');
      expect(await verifyPassword('a long initial password', user.password_hash)).toBe(true);
      expect(
        await db.knex('staff_roles').where({ user_id: user.id }).select('tenant_id', 'role'),
      ).toEqual([{ tenant_id: 'kanton', role: 'admin' }]);
      expect(
        await db
          .knex('audit_log')
          .where({ object_id: user.id, action: 'staff_user.create' })
          .first(),
      ).toBeDefined();
    } finally {
      if (!database.url) await db.close();
    }
  });

  it.each([
    [['second.admin', 'second@lu.example'], 'short', 'password'],
    [['x', 'third@lu.example'], 'a long enough password', 'username'],
    [['fourth.admin', 'fourth@lu.example', 'atlantis'], 'a long enough password', 'unknown tenant'],
    [['first.admin', 'other@lu.example'], 'a long enough password', 'already in use'],
  ])('refuses %j and says why', (args, password, reason) => {
    const run = cli(args, password);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(reason);
  });
});
