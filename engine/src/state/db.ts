/**
 * The one knex factory of the project. PostgreSQL through `pg` when a connection string is
 * given, otherwise an embedded PGlite (a single-connection PostgreSQL compiled to WASM) in a
 * data directory or in memory.
 *
 * Both drivers return the same JavaScript types: int8/numeric as strings (Zeebe keys exceed
 * 2^53, so they are never numbers), timestamptz as Date, json/jsonb parsed. Code that needs a
 * count as a number converts explicitly (see `toCount`).
 *
 * PGlite allows one connection only. When the server runs the embedded engine in-process, both
 * share the one knex instance this returns: two knex instances over one PGlite would interleave
 * their transactions on the same session.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import knexFactory, { type Knex } from 'knex';
import ClientPgLite from 'knex-pglite';
import pg from 'pg';

export type DbKind = 'postgres' | 'pglite';

export interface Database {
  knex: Knex;
  kind: DbKind;
  /** Closes the pool (or the PGlite instance). */
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… — when set, PostgreSQL through `pg`. */
  databaseUrl?: string | undefined;
  /** PGlite data directory; 'memory://' for an in-memory database. Used when databaseUrl is unset. */
  pgliteDir?: string;
  /** Pool size for PostgreSQL. */
  poolMax?: number;
}

const INT8_OID = 20;
const NUMERIC_OID = 1700;

// node-postgres already returns int8 and numeric as strings; keep it explicit so a change of
// defaults in a driver update cannot turn keys into lossy numbers.
pg.types.setTypeParser(INT8_OID, (value: string) => value);
pg.types.setTypeParser(NUMERIC_OID, (value: string) => value);

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const knex = knexFactory({
      client: 'pg',
      connection: options.databaseUrl,
      pool: { min: 0, max: options.poolMax ?? 10 },
    });
    await knex.raw('select 1');
    return { knex, kind: 'postgres', close: () => knex.destroy() };
  }

  const dir = options.pgliteDir ?? 'memory://';
  if (dir !== 'memory://') fs.mkdirSync(path.dirname(path.resolve(dir)), { recursive: true });
  const pglite = await PGlite.create({
    ...(dir === 'memory://' ? {} : { dataDir: dir }),
    parsers: {
      [INT8_OID]: (value: string) => value,
      [NUMERIC_OID]: (value: string) => value,
      [pgliteTypes.TIMESTAMPTZ]: (value: string) => new Date(value),
      [pgliteTypes.TIMESTAMP]: (value: string) => new Date(value),
    },
  });
  const knex = knexFactory({
    client: ClientPgLite as unknown as typeof knexFactory.Client,
    dialect: 'postgres',
    // knex-pglite takes an existing instance through a connection function; its typings do not
    // describe that form.
    connection: (() => ({ pglite })) as unknown as Knex.StaticConnectionConfig,
  });
  return {
    knex,
    kind: 'pglite',
    close: async () => {
      await knex.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}

/** A count(*) or other int8 aggregate as a number (both drivers return int8 as a string). */
export function toCount(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' || typeof value === 'bigint') return Number(value);
  return 0;
}

export { migrateLatest } from './migrator';
