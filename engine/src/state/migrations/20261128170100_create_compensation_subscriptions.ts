/** Compensation subscriptions of completed compensable activities (and their subprocesses). */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.withSchema('engine').createTable('compensation_subscriptions', (t) => {
    t.bigInteger('key').primary();
    t.text('tenant_id').notNullable();
    t.bigInteger('process_instance_key').notNullable();
    t.bigInteger('process_definition_key').notNullable();
    t.text('compensable_activity_id').notNullable();
    t.bigInteger('compensable_activity_instance_key').notNullable();
    t.bigInteger('compensable_activity_scope_key').notNullable();
    t.text('compensation_handler_id').notNullable();
    t.text('throw_event_id').notNullable();
    t.bigInteger('throw_event_instance_key').notNullable();
    t.bigInteger('compensation_handler_instance_key').notNullable();
    t.index(['process_instance_key']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.withSchema('engine').dropTableIfExists('compensation_subscriptions');
}
