import type { Knex } from 'knex';

/** The append-only audit log: who read or changed which personal data, when. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.withSchema('public').createTable('audit_log', (table) => {
    table.bigIncrements('id').primary();
    table.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.string('actor_type', 16).notNullable(); // staff, citizen, system
    table.string('actor_id', 128).nullable();
    table.string('tenant_id', 64).nullable();
    table.string('action', 64).notNullable();
    table.string('object_type', 64).notNullable();
    table.string('object_id', 128).nullable();
    table.string('request_id', 64).nullable();
    table.jsonb('details').notNullable().defaultTo('{}');
    table.index(['object_type', 'object_id']);
    table.index(['tenant_id', 'at']);
  });
  // Append-only: updates and deletes are refused by the database itself.
  await knex.raw(`create or replace function public.audit_log_append_only() returns trigger
    language plpgsql as $$ begin raise exception 'audit_log is append-only'; end $$`);
  await knex.raw(`create trigger audit_log_no_change before update or delete on public.audit_log
    for each row execute function public.audit_log_append_only()`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.withSchema('public').dropTable('audit_log');
  await knex.raw('drop function if exists public.audit_log_append_only()');
}
