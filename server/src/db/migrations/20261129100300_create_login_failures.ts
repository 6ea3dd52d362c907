import type { Knex } from 'knex';

/**
 * Failed staff logins counted per account name and per client address in a fixed window, so
 * the limit holds across restarts and across several server instances. Keys are SHA-256
 * hashes: neither names nor addresses are stored.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.withSchema('public').createTable('login_failures', (table) => {
    table.string('scope', 8).notNullable();
    table.string('key_hash', 64).notNullable();
    table.timestamp('window_started_at', { useTz: true }).notNullable();
    table.integer('failures').notNullable();
    table.primary(['scope', 'key_hash']);
    table.index(['window_started_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.withSchema('public').dropTable('login_failures');
}
