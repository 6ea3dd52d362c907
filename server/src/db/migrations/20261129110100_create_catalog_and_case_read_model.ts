import type { Knex } from 'knex';

/**
 * The service catalog and the rest of the case read model.
 *
 * - `service_deployments`: what the server last deployed to the engine per service and engine
 *   tenant (`<default>` while multi-tenancy is off), by checksum of the service's files: a
 *   service is deployed again only when its files changed.
 * - `service_adoptions`: a tenant adopts a shared service with its own parameters.
 * - `case_milestones`: public milestones reached (once per case and milestone).
 * - `case_messages`: messages to the citizen (and requests shown on the tracking page).
 * - `case_variables`: the data a case gathered after submission (task outputs), because the
 *   Zeebe gRPC API cannot read process variables.
 * - `citizen_login_codes`, `citizen_sessions`: "my cases" by e-mailed one-time code; only
 *   keyed hashes of codes and SHA-256 of session tokens are stored.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.withSchema('public').createTable('service_deployments', (table) => {
    table.string('service_id', 64).notNullable();
    table.string('engine_tenant_id', 31).notNullable();
    table.string('checksum', 64).notNullable();
    table.string('deployment_key', 32).notNullable();
    table.string('bpmn_process_id', 255).notNullable();
    table.integer('process_version').nullable();
    table.timestamp('deployed_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.primary(['service_id', 'engine_tenant_id']);
  });

  await knex.schema.withSchema('public').createTable('service_adoptions', (table) => {
    table.uuid('id').primary();
    table.string('tenant_id', 31).notNullable().references('id').inTable('public.tenants');
    table.string('service_id', 64).notNullable();
    table.boolean('enabled').notNullable().defaultTo(true);
    table.integer('fee_cents').nullable();
    table.string('responsible_group', 64).nullable();
    table.string('contact_email', 254).nullable();
    table.string('contact_phone', 40).nullable();
    table.jsonb('texts').notNullable().defaultTo('{}');
    table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.unique(['tenant_id', 'service_id']);
    table.index(['service_id']);
  });

  await knex.schema.withSchema('public').createTable('case_milestones', (table) => {
    table.bigIncrements('id').primary();
    table.uuid('case_id').notNullable().references('id').inTable('public.cases');
    table.string('milestone_id', 64).notNullable();
    table.timestamp('reached_at', { useTz: true }).notNullable();
    table.string('source', 120).nullable();
    table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.unique(['case_id', 'milestone_id']);
  });

  await knex.schema.withSchema('public').createTable('case_messages', (table) => {
    table.uuid('id').primary();
    table.uuid('case_id').notNullable().references('id').inTable('public.cases');
    table.string('kind', 16).notNullable().defaultTo('message');
    table.string('subject', 255).notNullable();
    table.text('body').notNullable();
    table.string('created_by', 160).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.index(['case_id', 'created_at']);
  });

  await knex.schema.withSchema('public').createTable('case_variables', (table) => {
    table.uuid('case_id').notNullable().references('id').inTable('public.cases');
    table.string('name', 255).notNullable();
    table.jsonb('value');
    table.string('source', 160).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.primary(['case_id', 'name']);
  });

  await knex.schema.withSchema('public').createTable('citizen_login_codes', (table) => {
    table.uuid('id').primary();
    table.string('email', 254).notNullable();
    table.string('code_hash', 64).notNullable();
    table.string('client_hash', 64).notNullable();
    table.integer('attempts').notNullable().defaultTo(0);
    table.timestamp('expires_at', { useTz: true }).notNullable();
    table.timestamp('consumed_at', { useTz: true }).nullable();
    table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.index(['email', 'created_at']);
    table.index(['client_hash', 'created_at']);
  });

  await knex.schema.withSchema('public').createTable('citizen_sessions', (table) => {
    table.string('token_hash', 64).primary();
    table.string('email', 254).notNullable();
    table.timestamp('expires_at', { useTz: true }).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.index(['expires_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of [
    'citizen_sessions',
    'citizen_login_codes',
    'case_variables',
    'case_messages',
    'case_milestones',
    'service_adoptions',
    'service_deployments',
  ]) {
    await knex.schema.withSchema('public').dropTable(table);
  }
}
