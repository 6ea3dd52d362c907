import type { Knex } from 'knex';

/**
 * Staff sessions for express-session through connect-session-knex (columns `sid`, `sess`,
 * `expired` are the store's). `expired` is the idle deadline, moved forward on every request;
 * the index on the user id lets "log out everywhere" delete all sessions of one user.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.withSchema('public').createTable('staff_sessions', (table) => {
    table.string('sid', 255).primary();
    table.jsonb('sess').notNullable();
    table.timestamp('expired', { useTz: true }).notNullable().index();
  });
  await knex.raw(
    `create index staff_sessions_user_idx on public.staff_sessions ((sess #>> '{staff,userId}'))`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.withSchema('public').dropTable('staff_sessions');
}
