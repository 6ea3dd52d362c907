/**
 * The colleagues a task may be handed to (the assign dialog): active staff who work tasks in
 * the task's tenant (clerk or admin) and are its candidates — in one of its candidate groups or
 * a candidate user; anyone of them when the task names no candidates. The same rule as
 * `isCandidate` in taskAccess.ts, as one query.
 */
import type { Knex } from 'knex';
import type { TaskRow } from './task.model';

export interface Colleague {
  username: string;
  displayName: string;
}

export async function colleaguesFor(
  knex: Knex,
  task: Pick<TaskRow, 'tenant_id' | 'candidate_groups' | 'candidate_users'>,
): Promise<Colleague[]> {
  const query = knex('public.staff_users as u')
    .where('u.active', true)
    .whereExists((sub) =>
      sub
        .from('public.staff_roles as r')
        .whereRaw('r.user_id = u.id')
        .where('r.tenant_id', task.tenant_id)
        .whereIn('r.role', ['clerk', 'admin']),
    );
  if (task.candidate_groups.length || task.candidate_users.length) {
    query.where((either) => {
      either.whereIn('u.username', task.candidate_users.length ? task.candidate_users : ['']);
      either.orWhereExists((sub) =>
        sub
          .from('public.staff_group_members as g')
          .whereRaw('g.user_id = u.id')
          .where('g.tenant_id', task.tenant_id)
          .whereIn('g.group_key', task.candidate_groups.length ? task.candidate_groups : ['']),
      );
    });
  }
  const rows = (await query
    .orderBy('u.display_name')
    .orderBy('u.username')
    .limit(500)
    .select('u.username', 'u.display_name')) as { username: string; display_name: string }[];
  return rows.map((row) => ({ username: row.username, displayName: row.display_name }));
}
