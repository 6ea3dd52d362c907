import type { Knex } from 'knex';

/**
 * The process definition a task belongs to (the job's processDefinitionKey), so the task page
 * can show the task's diagram. Null for tasks stored before.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.withSchema('public').alterTable('tasks', (table) => {
    table.text('process_definition_key').nullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.withSchema('public').alterTable('tasks', (table) => {
    table.dropColumn('process_definition_key');
  });
}
