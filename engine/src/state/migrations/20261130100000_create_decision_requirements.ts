/**
 * Deployed DMN: one decision requirements graph (DRG) per .dmn resource and its decisions. The
 * DMN itself is the DRG's row in `resources` (resource_key). A deleted DRG and its decisions are
 * deleted rows (as in Zeebe, a later deployment may then reuse their version numbers).
 */
import type { Knex } from 'knex';

const SCHEMA = 'engine';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.withSchema(SCHEMA).createTable('decision_requirements', (t) => {
    t.bigInteger('key').primary();
    t.text('decision_requirements_id').notNullable();
    t.text('name').notNullable();
    t.integer('version').notNullable();
    t.text('tenant_id').notNullable();
    t.text('namespace').notNullable();
    t.bigInteger('resource_key').notNullable();
    t.text('resource_name').notNullable();
    t.text('checksum').notNullable();
    t.bigInteger('deployment_key').notNullable();
    t.index(['tenant_id', 'decision_requirements_id']);
  });

  await knex.schema.withSchema(SCHEMA).createTable('decisions', (t) => {
    t.bigInteger('key').primary();
    t.text('decision_id').notNullable();
    t.text('name').notNullable();
    t.integer('version').notNullable();
    t.text('tenant_id').notNullable();
    t.bigInteger('decision_requirements_key').notNullable();
    t.text('decision_requirements_id').notNullable();
    t.bigInteger('deployment_key').notNullable();
    t.index(['tenant_id', 'decision_id']);
    t.index(['decision_requirements_key']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.withSchema(SCHEMA).dropTableIfExists('decisions');
  await knex.schema.withSchema(SCHEMA).dropTableIfExists('decision_requirements');
}
