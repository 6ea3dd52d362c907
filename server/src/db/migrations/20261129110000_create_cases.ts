import type { Knex } from 'knex';

/**
 * Cases: one row per citizen submission, the heart of the read model. The row is committed
 * (status `waiting_to_start`) before the process instance is created, so a case is never lost
 * when the engine is away; `process_instance_key` is recorded once the engine answered (text:
 * Zeebe keys are 64-bit). Only the SHA-256 of the citizen's tracking token is stored; an
 * Idempotency-Key is kept as its SHA-256 too (unique: one case per key), with the SHA-256 of
 * the request it came with, so a replay with another body is told apart.
 *
 * `case_reference_counters` hands out `LU-YYYY-NNNNNN` per year: one upsert per case, in the
 * case's transaction, so a rolled-back submission burns no number twice and never reuses one.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.withSchema('public').createTable('cases', (table) => {
    table.uuid('id').primary();
    table.string('reference', 20).notNullable().unique();
    table.string('tenant_id', 31).notNullable().references('id').inTable('public.tenants');
    table.string('service_id', 64).notNullable();
    table.string('bpmn_process_id', 255).notNullable();
    table.text('process_instance_key').nullable().unique();
    table.string('status', 32).notNullable();
    table.string('applicant_email', 254).notNullable();
    table.string('applicant_name', 200).nullable();
    table.string('applicant_language', 2).notNullable().defaultTo('de');
    table.string('tracking_token_hash', 64).notNullable().unique();
    table.string('idempotency_key_hash', 64).nullable().unique();
    table.string('request_hash', 64).nullable();
    table.jsonb('form_data').notNullable();
    table.timestamp('submitted_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.timestamp('expected_completion_at', { useTz: true }).nullable();
    table.timestamp('started_at', { useTz: true }).nullable();
    table.integer('start_attempts').notNullable().defaultTo(0);
    table.timestamp('next_start_at', { useTz: true }).nullable();
    table.text('last_start_error').nullable();
    table.string('decision', 32).nullable();
    table.timestamp('decided_at', { useTz: true }).nullable();
    table.timestamp('closed_at', { useTz: true }).nullable();
    table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.index(['tenant_id', 'submitted_at', 'id'], 'cases_tenant_submitted_idx');
    table.index(['applicant_email'], 'cases_applicant_email_idx');
    table.index(['status', 'next_start_at'], 'cases_status_next_start_idx');
  });
  await knex.raw(
    `alter table public.cases add constraint cases_status_check check (status in ('waiting_to_start', 'submitted', 'in_progress', 'waiting_for_citizen', 'decided', 'closed', 'rejected'))`,
  );
  await knex.raw(
    `alter table public.cases add constraint cases_reference_check check (reference ~ '^LU-[0-9]{4}-[0-9]{6,}$')`,
  );
  await knex.schema.withSchema('public').createTable('case_reference_counters', (table) => {
    table.integer('year').primary();
    table.integer('last_value').notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.withSchema('public').dropTable('case_reference_counters');
  await knex.schema.withSchema('public').dropTable('cases');
}
