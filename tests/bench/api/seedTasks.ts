/**
 * Seeds `count` open staff tasks — and their `task_candidates` rows, which the inbox reads —
 * in one INSERT … SELECT over generate_series (a data-modifying CTE feeds the second table).
 *
 * Spread: every 2nd task is Luzern's, the others go round the other tenants; every 4th (so half
 * of Luzern's) is for the group `einwohnerkontrolle`, the rest for `baugesuche`; every 50th is
 * assigned to `anna`; every 10th has no due date; due dates and creation times are all
 * different. Job deadlines are a week ahead, so the lease sweep leaves them alone.
 */
import type { Knex } from 'knex';

export async function seedTasks(knex: Knex, count: number): Promise<void> {
  await knex.raw(
    `with tenants as (
       select array_agg(id order by id) as ids from public.tenants where id <> 'luzern'
     ),
     inserted as (
       insert into public.tasks (
         id, job_key, tenant_id, bpmn_process_id, process_definition_version,
         process_instance_key, element_id, element_instance_key, name, candidate_groups,
         assignee, due_at, job_deadline, created_at, updated_at, case_reference,
         applicant_name, service_id)
       select gen_random_uuid(), 'bench-' || n,
              case when n % 2 = 0 then 'luzern' else t.ids[1 + (n / 2) % array_length(t.ids, 1)] end,
              'e2e-certificate', 1, (7000000000000000 + n)::text, 'review',
              (8000000000000000 + n)::text, 'Wohnsitz prüfen',
              case when n % 4 = 0 then array['einwohnerkontrolle'] else array['baugesuche'] end,
              case when n % 50 = 0 then 'anna' end,
              case when n % 10 <> 0 then now() + n * interval '1 second' end,
              now() + interval '7 days', now() - n * interval '1 second', now(),
              'LU-2025-' || lpad((n % 1000000)::text, 6, '0'), 'Bench Person ' || n,
              'e2e-certificate'
       from generate_series(1, ?::int) as n, tenants t
       returning id, tenant_id, candidate_groups, assignee, due_sort, created_at
     )
     insert into public.task_candidates (task_id, tenant_id, candidate, assignee, due_sort, created_at)
     select id, tenant_id, 'group:' || candidate_groups[1], assignee, due_sort, created_at
     from inserted`,
    [count],
  );
  // As autovacuum would after such an insert: statistics, and the visibility map that lets
  // the inbox's index-only scans skip the table.
  await knex.raw('vacuum analyze public.tasks');
  await knex.raw('vacuum analyze public.task_candidates');
}
