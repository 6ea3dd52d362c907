/**
 * Message start events: the subscriptions of the latest process versions (opened on deploy) and
 * the correlation key of each running instance a message started (one active instance per key).
 * Timer and signal start events use the timers and signal_subscriptions tables with an element
 * instance key of -1.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.withSchema('engine').createTable('message_start_event_subscriptions', (t) => {
    t.bigInteger('key').primary();
    t.bigInteger('process_definition_key').notNullable();
    t.text('bpmn_process_id').notNullable();
    t.text('start_event_id').notNullable();
    t.text('message_name').notNullable();
    t.text('tenant_id').notNullable();
    t.index(['tenant_id', 'message_name']);
  });
  await knex.schema.withSchema('engine').createTable('message_started_instances', (t) => {
    t.bigInteger('process_instance_key').primary();
    t.text('bpmn_process_id').notNullable();
    t.text('correlation_key').notNullable();
    t.text('tenant_id').notNullable();
    t.index(['tenant_id', 'bpmn_process_id', 'correlation_key']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.withSchema('engine').dropTableIfExists('message_started_instances');
  await knex.schema.withSchema('engine').dropTableIfExists('message_start_event_subscriptions');
}
