import type { Knex } from 'knex';

/**
 * Start forms saved to finish later ("save and resume"): the data as entered, found by the
 * SHA-256 of the secret token mailed to the citizen (the token itself is never stored). The
 * address is kept only as a keyed hash, to rate-limit drafts per address.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.withSchema('public').createTable('portal_drafts', (table) => {
    table.uuid('id').primary();
    table.string('token_hash', 64).notNullable().unique();
    table
      .string('tenant_id', 64)
      .notNullable()
      .references('id')
      .inTable('public.tenants')
      .onDelete('CASCADE');
    table.string('service_id', 64).notNullable();
    table.string('email_hash', 64).notNullable();
    table.string('language', 2).notNullable();
    table.jsonb('data').notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.timestamp('expires_at', { useTz: true }).notNullable();
    table.index(['email_hash', 'created_at']);
    table.index(['expires_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.withSchema('public').dropTable('portal_drafts');
}
