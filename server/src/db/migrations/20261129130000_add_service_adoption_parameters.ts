import type { Knex } from 'knex';

/**
 * A tenant's values for the parameters a service manifest declares (`parameters`); the process
 * reads the manifest defaults merged with these as `params.<name>`.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.withSchema('public').alterTable('service_adoptions', (table) => {
    table.jsonb('parameters').notNullable().defaultTo('{}');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.withSchema('public').alterTable('service_adoptions', (table) => {
    table.dropColumn('parameters');
  });
}
