import type { Knex } from 'knex';

/**
 * Makes the audit log append-only against the application's own role, not only against row
 * updates: the row trigger of 20261128150000 refuses update and delete, but TRUNCATE fires no
 * row trigger, and the role that owns the table (usually the one the server runs as) holds
 * every privilege on it. So: a statement trigger refuses TRUNCATE, and UPDATE, DELETE and
 * TRUNCATE are revoked from PUBLIC and from the role running the migration (the owner). The
 * owner could grant them back or drop the trigger, which takes a deliberate statement, not a
 * bug. A superuser bypasses privileges but not the triggers.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`create trigger audit_log_no_truncate before truncate on public.audit_log
    for each statement execute function public.audit_log_append_only()`);
  await knex.raw('revoke update, delete, truncate on public.audit_log from public');
  await knex.raw('revoke update, delete, truncate on public.audit_log from current_user');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('grant update, delete, truncate on public.audit_log to current_user');
  await knex.raw('drop trigger if exists audit_log_no_truncate on public.audit_log');
}
