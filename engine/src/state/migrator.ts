/**
 * Runs the TypeScript migrations of one folder with knex's migrator. Migration files are named
 * `YYYYMMDDHHMMSS_intent.ts` and export `up` (and `down`). Each schema (the server's `public`,
 * the engine's `engine`) keeps its own knex_migrations table, so the two never block each other.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Knex } from 'knex';

interface MigrationModule {
  up(knex: Knex): Promise<void>;
  down?(knex: Knex): Promise<void>;
}

class FolderMigrationSource implements Knex.MigrationSource<string> {
  constructor(private readonly directory: string) {}

  async getMigrations(): Promise<string[]> {
    return fs
      .readdirSync(this.directory)
      .filter((file) => /^\d{14}_[a-z0-9_]+\.ts$/.test(file))
      .sort();
  }

  getMigrationName(migration: string): string {
    return migration;
  }

  async getMigration(migration: string): Promise<Knex.Migration> {
    const mod = (await import(
      pathToFileURL(path.join(this.directory, migration)).href
    )) as MigrationModule;
    return { up: mod.up, down: mod.down ?? (async () => {}) };
  }
}

export async function migrateLatest(
  knex: Knex,
  options: { directory: string; schema: string },
): Promise<string[]> {
  await knex.raw('create schema if not exists ??', [options.schema]);
  const [, applied] = (await knex.migrate.latest({
    migrationSource: new FolderMigrationSource(options.directory),
    schemaName: options.schema,
    tableName: 'knex_migrations',
  })) as [number, string[]];
  return applied;
}
