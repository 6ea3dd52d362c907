/** Forms keep the `versionTag` of their JSON, for user tasks with bindingType versionTag. */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.withSchema('engine').alterTable('forms', (t) => {
    t.text('version_tag').notNullable().defaultTo('');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.withSchema('engine').alterTable('forms', (t) => {
    t.dropColumn('version_tag');
  });
}
