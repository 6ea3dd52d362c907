import type { Knex } from 'knex';

/**
 * Tenants: the canton and its municipalities, also the Zeebe tenant ids. Rows are kept in step
 * with `tenants/municipalities.json` at every start (`syncTenants`); a municipality that
 * disappears from the file (a merger) is deactivated, never deleted, so its cases keep their
 * tenant.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.withSchema('public').createTable('tenants', (table) => {
    table.string('id', 31).primary();
    table.string('kind', 16).notNullable();
    table.string('name', 120).notNullable();
    table.integer('bfs_number').nullable().unique();
    table.string('district', 64).nullable();
    table.boolean('active').notNullable().defaultTo(true);
    table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.raw(
    `alter table public.tenants add constraint tenants_kind_check check (kind in ('canton', 'municipality'))`,
  );
  await knex.raw(
    `alter table public.tenants add constraint tenants_id_check check (id ~ '^[a-z0-9][a-z0-9-]{0,30}$')`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.withSchema('public').dropTable('tenants');
}
