/**
 * The engine's state (schema `engine`). Runtime tables hold only live state — rows are deleted
 * when an element instance, job, subscription, timer, message or incident ends, like Zeebe's
 * state — while `records` is the append-only log of every command, event and rejection.
 * Keys and instants are bigint (Zeebe keys exceed 2^53; instants are epoch milliseconds).
 */
import type { Knex } from 'knex';

const SCHEMA = 'engine';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.withSchema(SCHEMA).createTable('key_generator', (t) => {
    t.integer('partition_id').primary();
    t.bigInteger('next_key').notNullable();
  });

  await knex.schema.withSchema(SCHEMA).createTable('deployments', (t) => {
    t.bigInteger('key').primary();
    t.text('tenant_id').notNullable();
    t.bigInteger('created_at').notNullable();
  });

  await knex.schema.withSchema(SCHEMA).createTable('resources', (t) => {
    t.bigInteger('key').primary();
    t.bigInteger('deployment_key').notNullable();
    t.text('tenant_id').notNullable();
    t.text('resource_name').notNullable();
    t.text('resource_type').notNullable();
    t.text('checksum').notNullable();
    t.text('content').notNullable();
  });

  await knex.schema.withSchema(SCHEMA).createTable('process_definitions', (t) => {
    t.bigInteger('key').primary();
    t.text('bpmn_process_id').notNullable();
    t.integer('version').notNullable();
    t.text('tenant_id').notNullable();
    t.bigInteger('resource_key').notNullable();
    t.text('resource_name').notNullable();
    t.text('checksum').notNullable();
    t.bigInteger('deployment_key').notNullable();
    t.text('state').notNullable();
    t.unique(['tenant_id', 'bpmn_process_id', 'version']);
  });

  await knex.schema.withSchema(SCHEMA).createTable('forms', (t) => {
    t.bigInteger('key').primary();
    t.text('form_id').notNullable();
    t.integer('version').notNullable();
    t.text('tenant_id').notNullable();
    t.bigInteger('resource_key').notNullable();
    t.text('resource_name').notNullable();
    t.text('checksum').notNullable();
    t.bigInteger('deployment_key').notNullable();
    t.text('state').notNullable();
    t.unique(['tenant_id', 'form_id', 'version']);
  });

  await knex.schema.withSchema(SCHEMA).createTable('process_instances', (t) => {
    t.bigInteger('key').primary();
    t.text('bpmn_process_id').notNullable();
    t.bigInteger('process_definition_key').notNullable();
    t.integer('version').notNullable();
    t.text('tenant_id').notNullable();
    t.text('state').notNullable();
    t.bigInteger('parent_process_instance_key').notNullable();
    t.bigInteger('parent_element_instance_key').notNullable();
    t.bigInteger('start_date').notNullable();
    t.bigInteger('end_date');
    t.index(['state']);
  });

  await knex.schema.withSchema(SCHEMA).createTable('element_instances', (t) => {
    t.bigInteger('key').primary();
    t.bigInteger('process_instance_key').notNullable();
    t.bigInteger('flow_scope_key').notNullable();
    t.text('element_id').notNullable();
    t.text('element_type').notNullable();
    t.text('event_type').notNullable();
    t.text('state').notNullable();
    t.bigInteger('process_definition_key').notNullable();
    t.text('bpmn_process_id').notNullable();
    t.integer('version').notNullable();
    t.text('tenant_id').notNullable();
    t.bigInteger('parent_process_instance_key').notNullable();
    t.bigInteger('parent_element_instance_key').notNullable();
    /** Bookkeeping: active children, active sequence flows, taken joining flows, job key, … */
    t.jsonb('runtime').notNullable();
    t.index(['process_instance_key']);
  });

  await knex.schema.withSchema(SCHEMA).createTable('variables', (t) => {
    t.bigInteger('key').primary();
    t.bigInteger('scope_key').notNullable();
    t.text('name').notNullable();
    t.jsonb('value');
    t.bigInteger('process_instance_key').notNullable();
    t.bigInteger('process_definition_key').notNullable();
    t.text('bpmn_process_id').notNullable();
    t.text('tenant_id').notNullable();
    t.unique(['scope_key', 'name']);
  });

  await knex.schema.withSchema(SCHEMA).createTable('event_triggers', (t) => {
    /** The element instance that consumes the trigger (it may not exist yet). */
    t.bigInteger('element_instance_key').primary();
    t.bigInteger('event_key').notNullable();
    t.text('element_id').notNullable();
    t.jsonb('variables').notNullable();
    t.bigInteger('process_instance_key').notNullable();
  });

  await knex.schema.withSchema(SCHEMA).createTable('jobs', (t) => {
    t.bigInteger('key').primary();
    t.text('type').notNullable();
    t.text('state').notNullable();
    t.integer('retries').notNullable();
    t.text('worker').notNullable();
    t.bigInteger('deadline').notNullable();
    t.bigInteger('recurring_time').notNullable();
    t.bigInteger('retry_backoff').notNullable();
    t.text('error_message').notNullable();
    t.text('error_code').notNullable();
    t.jsonb('custom_headers').notNullable();
    t.bigInteger('element_instance_key').notNullable();
    t.text('element_id').notNullable();
    t.bigInteger('process_instance_key').notNullable();
    t.bigInteger('process_definition_key').notNullable();
    t.text('bpmn_process_id').notNullable();
    t.integer('process_definition_version').notNullable();
    t.text('tenant_id').notNullable();
    t.index(['type', 'state']);
  });

  await knex.schema.withSchema(SCHEMA).createTable('message_subscriptions', (t) => {
    t.bigInteger('key').primary();
    t.bigInteger('element_instance_key').notNullable();
    t.text('element_id').notNullable();
    t.bigInteger('process_instance_key').notNullable();
    t.bigInteger('process_definition_key').notNullable();
    t.text('bpmn_process_id').notNullable();
    t.text('message_name').notNullable();
    t.text('correlation_key').notNullable();
    t.boolean('interrupting').notNullable();
    t.text('tenant_id').notNullable();
    t.index(['tenant_id', 'message_name', 'correlation_key']);
  });

  await knex.schema.withSchema(SCHEMA).createTable('messages', (t) => {
    t.bigInteger('key').primary();
    t.text('name').notNullable();
    t.text('correlation_key').notNullable();
    t.text('message_id').notNullable();
    t.bigInteger('time_to_live').notNullable();
    t.bigInteger('deadline').notNullable();
    t.jsonb('variables').notNullable();
    t.text('tenant_id').notNullable();
    t.index(['tenant_id', 'name', 'correlation_key']);
  });

  await knex.schema.withSchema(SCHEMA).createTable('message_correlations', (t) => {
    t.bigInteger('message_key').notNullable();
    t.text('bpmn_process_id').notNullable();
    t.bigInteger('process_instance_key').notNullable();
    t.primary(['message_key', 'bpmn_process_id']);
  });

  await knex.schema.withSchema(SCHEMA).createTable('timers', (t) => {
    t.bigInteger('key').primary();
    t.bigInteger('element_instance_key').notNullable();
    t.bigInteger('process_instance_key').notNullable();
    t.bigInteger('process_definition_key').notNullable();
    t.text('target_element_id').notNullable();
    t.bigInteger('due_date').notNullable();
    t.integer('repetitions').notNullable();
    t.text('tenant_id').notNullable();
    t.index(['due_date']);
  });

  await knex.schema.withSchema(SCHEMA).createTable('incidents', (t) => {
    t.bigInteger('key').primary();
    t.text('error_type').notNullable();
    t.text('error_message').notNullable();
    t.bigInteger('element_instance_key').notNullable();
    t.text('element_id').notNullable();
    t.bigInteger('process_instance_key').notNullable();
    t.bigInteger('process_definition_key').notNullable();
    t.text('bpmn_process_id').notNullable();
    t.bigInteger('job_key').notNullable();
    t.bigInteger('variable_scope_key').notNullable();
    t.text('tenant_id').notNullable();
    t.bigInteger('created_at').notNullable();
  });

  await knex.schema.withSchema(SCHEMA).createTable('records', (t) => {
    t.bigInteger('position').primary();
    t.bigInteger('source_record_position').notNullable();
    t.bigInteger('key').notNullable();
    t.text('record_type').notNullable();
    t.text('value_type').notNullable();
    t.text('intent').notNullable();
    t.text('rejection_type');
    t.text('rejection_reason');
    t.jsonb('value').notNullable();
    t.bigInteger('timestamp').notNullable();
    t.bigInteger('process_instance_key');
    t.text('tenant_id');
    t.index(['process_instance_key']);
    t.index(['key']);
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of [
    'records',
    'incidents',
    'timers',
    'message_correlations',
    'messages',
    'message_subscriptions',
    'jobs',
    'event_triggers',
    'variables',
    'element_instances',
    'process_instances',
    'forms',
    'process_definitions',
    'resources',
    'deployments',
    'key_generator',
  ]) {
    await knex.schema.withSchema(SCHEMA).dropTableIfExists(table);
  }
}
