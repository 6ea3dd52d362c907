import type { Knex } from 'knex';

/**
 * The task inbox (see `tasks/README.md`).
 *
 * - `tasks`: one row per user task job (`io.camunda.zeebe:userTask`), unique by job key, so a
 *   job delivered twice is stored once. `audience` tells staff tasks from citizen requests.
 *   `due_sort` is the due date with "none" as 9999-12-31, so keyset pagination over it needs
 *   no NULL handling; `search` is the full-text vector over reference and applicant.
 * - `task_candidates`: the inbox index of open staff tasks, one row per candidate group
 *   (`group:<key>`) and candidate user (`user:<username>`), with the sort keys copied, so "my
 *   groups" and "unassigned" pages are ordered index scans per candidate. Rows go when the
 *   task is completed or cancelled.
 * - `task_comments`: comments of staff on a task.
 * - `task_forms`: form schemas by the reference a user task names (a linked form's key, or an
 *   embedded form of a process version): the gRPC API cannot read forms back.
 * - `task_definitions`: names of user task elements per process version (jobs carry only the
 *   element id).
 */
const OPEN_STAFF = `status = 'open' and audience = 'staff'`;

export async function up(knex: Knex): Promise<void> {
  await knex.schema.withSchema('public').createTable('tasks', (table) => {
    table.uuid('id').primary();
    table.text('job_key').notNullable().unique({ indexName: 'tasks_job_key_unique' });
    table.string('tenant_id', 31).notNullable().references('id').inTable('public.tenants');
    table.string('audience', 8).notNullable().defaultTo('staff');
    table.string('status', 16).notNullable().defaultTo('open');
    table.uuid('case_id').nullable().references('id').inTable('public.cases');
    table.string('case_reference', 20).nullable();
    table.string('applicant_name', 200).nullable();
    table.string('service_id', 64).nullable();
    table.string('bpmn_process_id', 255).notNullable();
    table.integer('process_definition_version').notNullable();
    table.text('process_instance_key').notNullable();
    table.string('element_id', 255).notNullable();
    table.text('element_instance_key').notNullable();
    table.string('name', 255).notNullable();
    table.specificType('candidate_groups', 'text[]').notNullable().defaultTo('{}');
    table.specificType('candidate_users', 'text[]').notNullable().defaultTo('{}');
    table.string('assignee', 64).nullable();
    table.timestamp('due_at', { useTz: true }).nullable();
    table.timestamp('follow_up_at', { useTz: true }).nullable();
    table.text('form_key').nullable();
    table.text('form_ref').nullable();
    table.jsonb('variables').notNullable().defaultTo('{}');
    table.string('milestone', 64).nullable();
    table.string('milestone_on_complete', 64).nullable();
    table.timestamp('job_deadline', { useTz: true }).notNullable();
    table.timestamp('completing_since', { useTz: true }).nullable();
    table.timestamp('completed_at', { useTz: true }).nullable();
    table.string('completed_by', 160).nullable();
    table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.index(['case_id'], 'tasks_case_idx');
    table.index(['process_instance_key'], 'tasks_process_instance_idx');
  });
  await knex.raw(
    `alter table public.tasks add constraint tasks_audience_check check (audience in ('staff', 'citizen'))`,
  );
  await knex.raw(
    `alter table public.tasks add constraint tasks_status_check check (status in ('open', 'completed', 'canceled'))`,
  );
  await knex.raw(
    `alter table public.tasks add column due_sort timestamptz generated always as (coalesce(due_at, '9999-12-31 00:00:00+00'::timestamptz)) stored`,
  );
  await knex.raw(
    `alter table public.tasks add column search tsvector generated always as (to_tsvector('simple', regexp_replace(coalesce(case_reference, '') || ' ' || coalesce(applicant_name, ''), '[^[:alnum:]]+', ' ', 'g'))) stored`,
  );
  // The inbox pages: "all" of a tenant (administrators) and "mine", each by due date or age.
  await knex.raw(
    `create index tasks_open_tenant_due_idx on public.tasks (tenant_id, due_sort, id) where ${OPEN_STAFF}`,
  );
  await knex.raw(
    `create index tasks_open_tenant_created_idx on public.tasks (tenant_id, created_at, id) where ${OPEN_STAFF}`,
  );
  await knex.raw(
    `create index tasks_open_assignee_due_idx on public.tasks (tenant_id, assignee, due_sort, id) where ${OPEN_STAFF} and assignee is not null`,
  );
  await knex.raw(
    `create index tasks_open_assignee_created_idx on public.tasks (tenant_id, assignee, created_at, id) where ${OPEN_STAFF} and assignee is not null`,
  );
  await knex.raw(
    `create index tasks_open_search_idx on public.tasks using gin (search) where ${OPEN_STAFF}`,
  );
  // The lease sweep: open tasks whose job deadline comes next.
  await knex.raw(
    `create index tasks_open_deadline_idx on public.tasks (job_deadline) where status = 'open'`,
  );

  await knex.schema.withSchema('public').createTable('task_candidates', (table) => {
    table
      .uuid('task_id')
      .notNullable()
      .references('id')
      .inTable('public.tasks')
      .onDelete('CASCADE');
    table.string('tenant_id', 31).notNullable();
    table.string('candidate', 80).notNullable();
    table.string('assignee', 64).nullable();
    table.timestamp('due_sort', { useTz: true }).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.primary(['task_id', 'candidate']);
    table.index(['tenant_id', 'candidate', 'due_sort', 'task_id'], 'task_candidates_due_idx');
    table.index(['tenant_id', 'candidate', 'created_at', 'task_id'], 'task_candidates_created_idx');
  });
  await knex.raw(
    `create index task_candidates_unassigned_due_idx on public.task_candidates (tenant_id, candidate, due_sort, task_id) where assignee is null`,
  );
  await knex.raw(
    `create index task_candidates_unassigned_created_idx on public.task_candidates (tenant_id, candidate, created_at, task_id) where assignee is null`,
  );

  await knex.schema.withSchema('public').createTable('task_comments', (table) => {
    table.uuid('id').primary();
    table
      .uuid('task_id')
      .notNullable()
      .references('id')
      .inTable('public.tasks')
      .onDelete('CASCADE');
    table.string('tenant_id', 31).notNullable();
    table
      .uuid('author_id')
      .nullable()
      .references('id')
      .inTable('public.staff_users')
      .onDelete('SET NULL');
    table.string('author_name', 120).notNullable();
    table.text('body').notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.index(['task_id', 'created_at'], 'task_comments_task_idx');
  });

  await knex.schema.withSchema('public').createTable('task_forms', (table) => {
    table.text('form_ref').primary();
    table.string('form_id', 255).notNullable();
    table.integer('version').nullable();
    table.string('engine_tenant_id', 31).notNullable();
    table.jsonb('schema').notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });

  await knex.schema.withSchema('public').createTable('task_definitions', (table) => {
    table.string('engine_tenant_id', 31).notNullable();
    table.string('bpmn_process_id', 255).notNullable();
    table.integer('version').notNullable();
    table.string('element_id', 255).notNullable();
    table.string('name', 255).notNullable();
    table.primary(['engine_tenant_id', 'bpmn_process_id', 'version', 'element_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['task_definitions', 'task_forms', 'task_comments', 'task_candidates']) {
    await knex.schema.withSchema('public').dropTable(table);
  }
  await knex.schema.withSchema('public').dropTable('tasks');
}
