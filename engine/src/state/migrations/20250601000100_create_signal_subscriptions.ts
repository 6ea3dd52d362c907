/** Signal subscriptions of waiting signal catch events and boundary events. */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.withSchema('engine').createTable('signal_subscriptions', (t) => {
    t.bigInteger('key').primary();
    t.text('signal_name').notNullable();
    /** The waiting element instance (the catch event, or the activity of a boundary event). */
    t.bigInteger('element_instance_key').notNullable();
    t.text('catch_event_id').notNullable();
    t.bigInteger('process_instance_key').notNullable();
    t.bigInteger('process_definition_key').notNullable();
    t.text('bpmn_process_id').notNullable();
    t.text('tenant_id').notNullable();
    t.index(['tenant_id', 'signal_name']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.withSchema('engine').dropTableIfExists('signal_subscriptions');
}
