import type { Knex } from 'knex';

/**
 * The dashboard's lead-time chart reads the cases a tenant decided in a period: an index on
 * (tenant_id, decided_at) over decided cases only. (Cases per week use
 * `cases_tenant_submitted_idx`; open and overdue tasks per group `task_candidates_due_idx`.)
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(
    `create index cases_tenant_decided_idx on public.cases (tenant_id, decided_at) where decided_at is not null`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`drop index public.cases_tenant_decided_idx`);
}
