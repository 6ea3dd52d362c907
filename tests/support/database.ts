/**
 * Throw-away databases for tests. With DATABASE_URL set (CI, PostgreSQL) each call creates a
 * fresh database on that server and drops it afterwards; without it, an in-memory PGlite.
 * The suite thereby runs against both drivers: CI runs it once with and once without.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '@serviceportal/engine/db';

export interface TestDatabase {
  /** A connection string for the fresh database, or undefined on PGlite. */
  url: string | undefined;
  /** Opens a knex database on it (PGlite: the one in-memory instance). */
  open(): Promise<Database>;
  drop(): Promise<void>;
}

export const usingPostgres = Boolean(process.env.DATABASE_URL);

export async function createTestDatabase(): Promise<TestDatabase> {
  const base = process.env.DATABASE_URL;
  if (!base) {
    let db: Database | undefined;
    return {
      url: undefined,
      open: async () => (db ??= await openDatabase({ pgliteDir: 'memory://' })),
      drop: async () => {
        await db?.close();
      },
    };
  }
  const name = `t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const opened: Database[] = [];
  return {
    url: url.toString(),
    open: async () => {
      const db = await openDatabase({ databaseUrl: url.toString() });
      opened.push(db);
      return db;
    },
    drop: async () => {
      for (const db of opened) await db.close().catch(() => {});
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}
