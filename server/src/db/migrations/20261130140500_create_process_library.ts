import type { Knex } from 'knex';

/**
 * The process library of the designer (see `processes/README.md`).
 *
 * - `process_versions`: every version a designer deployed through the server (DeployResource),
 *   with who deployed it, when, the comment and the files sent, so a later version can be
 *   compared with it and the designer can open it again. Versions the service catalog deployed
 *   at start are in `service_deployments` (the latest one per service and engine tenant).
 * - `process_drafts`: unsaved work of one designer per service and engine tenant: the files
 *   and a revision number for optimistic concurrency (a save names the revision it replaces).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.withSchema('public').createTable('process_versions', (table) => {
    table.uuid('id').primary();
    table.string('service_id', 64).notNullable();
    table.string('engine_tenant_id', 31).notNullable();
    table.text('deployment_key').notNullable();
    table.string('bpmn_process_id', 255).notNullable();
    table.integer('process_version').notNullable();
    table.text('process_definition_key').nullable();
    /** Every process, form and decision of the deployment as the engine answered. */
    table.jsonb('deployed').notNullable().defaultTo('[]');
    /** The files sent: [{ name, kind, content }]. */
    table.jsonb('resources').notNullable();
    table.uuid('deployed_by').nullable().references('id').inTable('public.staff_users');
    table.timestamp('deployed_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.text('comment').notNullable();
    table.unique(['service_id', 'engine_tenant_id', 'bpmn_process_id', 'process_version'], {
      indexName: 'process_versions_version_unique',
    });
  });

  await knex.schema.withSchema('public').createTable('process_drafts', (table) => {
    table.string('service_id', 64).notNullable();
    table.string('engine_tenant_id', 31).notNullable();
    table.uuid('staff_user_id').notNullable().references('id').inTable('public.staff_users');
    table.integer('revision').notNullable();
    table.jsonb('resources').notNullable();
    /** The version the draft started from (its deployment key), to notice a newer one. */
    table.text('base_deployment_key').nullable();
    table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.primary(['service_id', 'engine_tenant_id', 'staff_user_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.withSchema('public').dropTable('process_drafts');
  await knex.schema.withSchema('public').dropTable('process_versions');
}
