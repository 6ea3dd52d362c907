/**
 * The server's database: PostgreSQL when DATABASE_URL is set, otherwise the embedded PGlite in
 * DATA_DIR/pglite. The server's read model lives in schema `public`; the engine owns `engine`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrateLatest, openDatabase, type Database } from '@serviceportal/engine/db';
import type { Config } from '../config';

export const SERVER_MIGRATIONS_DIR = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'migrations',
);

export function openServerDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir'>,
): Promise<Database> {
  return openDatabase({
    databaseUrl: config.databaseUrl,
    pgliteDir: path.join(config.dataDir, 'pglite'),
  });
}

export function migrateServer(db: Database): Promise<string[]> {
  return migrateLatest(db.knex, { directory: SERVER_MIGRATIONS_DIR, schema: 'public' });
}
