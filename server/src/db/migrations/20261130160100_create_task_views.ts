import type { Knex } from 'knex';

/**
 * Saved inbox views (`views/`): a named filter and sort of the task inbox, owned by a staff
 * member in a tenant and optionally shared with one of the tenant's groups.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.withSchema('public').createTable('task_views', (table) => {
    table.uuid('id').primary();
    table
      .uuid('owner_id')
      .notNullable()
      .references('id')
      .inTable('public.staff_users')
      .onDelete('CASCADE');
    table.string('tenant_id', 31).notNullable().references('id').inTable('public.tenants');
    table.string('name', 80).notNullable();
    /** The inbox filter (tasks/task.schemas.ts taskFilterSchema) and sort [field, order]. */
    table.jsonb('filter').notNullable();
    table.jsonb('sort').notNullable();
    /** A group of the tenant whose members see the view too; null: the owner's only. */
    table.string('shared_with_group', 64).nullable();
    table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.unique(['owner_id', 'tenant_id', 'name'], { indexName: 'task_views_owner_name_unique' });
    table.index(['tenant_id', 'shared_with_group'], 'task_views_shared_idx');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.withSchema('public').dropTable('task_views');
}
