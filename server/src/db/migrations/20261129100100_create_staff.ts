import type { Knex } from 'knex';

/**
 * Staff users, their roles per tenant and their groups per tenant. A group's key is the
 * candidate group of BPMN user tasks (e.g. `einwohnerkontrolle`). `session_generation` is
 * raised by "log out everywhere", a password change or deactivation: a session remembers the
 * generation it was created with and is worthless once the user's has moved on.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.withSchema('public').createTable('staff_users', (table) => {
    table.uuid('id').primary();
    table.string('username', 64).notNullable().unique();
    table.string('email', 254).notNullable().unique();
    table.string('display_name', 120).notNullable();
    table.text('password_hash').nullable();
    table.boolean('active').notNullable().defaultTo(true);
    table.integer('session_generation').notNullable().defaultTo(0);
    table.timestamp('last_login_at', { useTz: true }).nullable();
    table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });

  await knex.schema.withSchema('public').createTable('staff_roles', (table) => {
    table
      .uuid('user_id')
      .notNullable()
      .references('id')
      .inTable('public.staff_users')
      .onDelete('CASCADE');
    table.string('tenant_id', 31).notNullable().references('id').inTable('public.tenants');
    table.string('role', 16).notNullable();
    table.primary(['user_id', 'tenant_id', 'role']);
    table.index(['tenant_id', 'role']);
  });
  await knex.raw(
    `alter table public.staff_roles add constraint staff_roles_role_check check (role in ('admin', 'designer', 'clerk'))`,
  );

  await knex.schema.withSchema('public').createTable('staff_groups', (table) => {
    table.string('tenant_id', 31).notNullable().references('id').inTable('public.tenants');
    table.string('key', 64).notNullable();
    table.string('name', 120).notNullable();
    table.string('description', 500).nullable();
    table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.primary(['tenant_id', 'key']);
  });

  await knex.schema.withSchema('public').createTable('staff_group_members', (table) => {
    table.string('tenant_id', 31).notNullable();
    table.string('group_key', 64).notNullable();
    table
      .uuid('user_id')
      .notNullable()
      .references('id')
      .inTable('public.staff_users')
      .onDelete('CASCADE');
    table.primary(['tenant_id', 'group_key', 'user_id']);
    table
      .foreign(['tenant_id', 'group_key'])
      .references(['tenant_id', 'key'])
      .inTable('public.staff_groups')
      .onDelete('CASCADE');
    table.index(['user_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.withSchema('public').dropTable('staff_group_members');
  await knex.schema.withSchema('public').dropTable('staff_groups');
  await knex.schema.withSchema('public').dropTable('staff_roles');
  await knex.schema.withSchema('public').dropTable('staff_users');
}
