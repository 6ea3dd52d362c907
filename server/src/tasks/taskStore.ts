/**
 * Every write to `tasks` and `task_candidates`, each in one transaction:
 *
 *   open (stored from a job) ──claim/unclaim/assign──► open
 *      │ completion lease taken, CompleteJob acknowledged ──► completed
 *      └ the engine no longer has the job (NOT_FOUND)    ──► canceled
 *
 * A job delivered again (re-activated after its timeout, or the same batch twice) finds its
 * row by job key and only refreshes deadline and variables. `task_candidates` mirrors the
 * candidate groups and users of open staff tasks, with the assignee and sort keys, for the
 * inbox pages; it loses a task's rows when the task leaves `open`.
 */
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { TaskRow } from './task.model';
import type { UserTaskJob } from './userTaskJob';

/** A completion that started longer ago than this is taken to have died with its server. */
export const COMPLETION_LEASE_MS = 60_000;

export interface CaseOfTask {
  id: string;
  tenantId: string;
  reference: string;
  serviceId: string;
  applicantName: string | null;
}

export interface StoredTask {
  id: string;
  /** false: the job was known already (delivered again). */
  inserted: boolean;
}

export interface NewTask {
  job: UserTaskJob;
  tenantId: string;
  case: CaseOfTask | undefined;
  /** Without a case of its own (a consultation of another tenant): what the job says. */
  caseReference?: string | undefined;
  applicantName?: string | undefined;
  name: string;
  formRef: string | undefined;
  variables: Record<string, unknown>;
}

export function candidatesOf(task: { candidateGroups: string[]; candidateUsers: string[] }) {
  return [
    ...task.candidateGroups.map((group) => `group:${group}`),
    ...task.candidateUsers.map((user) => `user:${user}`),
  ];
}

export class TaskStore {
  constructor(private readonly knex: Knex) {}

  /** The case a job belongs to: by its process instance, or by its `caseId` variable. */
  async caseOf(job: { processInstanceKey: string; variables: Readonly<Record<string, unknown>> }) {
    const columns = ['id', 'tenant_id', 'reference', 'service_id', 'applicant_name'];
    let row = (await this.knex('public.cases')
      .where({ process_instance_key: job.processInstanceKey })
      .first(columns)) as CaseRowPart | undefined;
    const caseId = job.variables.caseId;
    if (!row && typeof caseId === 'string' && /^[0-9a-f-]{36}$/i.test(caseId)) {
      row = (await this.knex('public.cases')
        .where({ id: caseId })
        .whereNull('process_instance_key')
        .first(columns)) as CaseRowPart | undefined;
    }
    return row ? toCaseOfTask(row) : undefined;
  }

  async tenantExists(tenantId: string): Promise<boolean> {
    return Boolean(await this.knex('public.tenants').where({ id: tenantId }).first('id'));
  }

  /** Stores the job's task, or refreshes the open task of the same job key. */
  async upsert(input: NewTask): Promise<StoredTask | undefined> {
    const { job } = input;
    const row = {
      id: randomUUID(),
      job_key: job.jobKey,
      tenant_id: input.tenantId,
      audience: job.audience,
      status: 'open',
      case_id: input.case?.id ?? null,
      case_reference: input.case?.reference ?? input.caseReference ?? null,
      applicant_name: (input.case?.applicantName ?? input.applicantName)?.slice(0, 200) ?? null,
      service_id: input.case?.serviceId ?? null,
      bpmn_process_id: job.bpmnProcessId,
      process_definition_version: job.processDefinitionVersion,
      process_definition_key: job.processDefinitionKey ?? null,
      process_instance_key: job.processInstanceKey,
      element_id: job.elementId,
      element_instance_key: job.elementInstanceKey,
      name: input.name.slice(0, 255),
      candidate_groups: textArray(job.candidateGroups),
      candidate_users: textArray(job.candidateUsers),
      assignee: job.assignee ?? null,
      due_at: job.dueAt ?? null,
      follow_up_at: job.followUpAt ?? null,
      form_key: job.formKey ?? null,
      form_ref: input.formRef ?? null,
      variables: JSON.stringify(input.variables),
      milestone: job.milestone ?? null,
      milestone_on_complete: job.milestoneOnComplete ?? null,
      job_deadline: job.deadline,
    };
    return this.knex.transaction(async (trx) => {
      const [stored] = (
        await trx.raw(
          `insert into public.tasks as t (${Object.keys(row).join(', ')})
           values (${Object.keys(row)
             .map((column) => (column.startsWith('candidate_') ? '?::text[]' : '?'))
             .join(', ')})
           on conflict (job_key) do update set
             job_deadline = excluded.job_deadline, variables = excluded.variables, updated_at = now()
           where t.status = 'open'
           returning t.id, (t.xmax = 0) as inserted, t.due_sort, t.created_at`,
          Object.values(row),
        )
      ).rows as { id: string; inserted: boolean; due_sort: Date; created_at: Date }[];
      if (!stored) return undefined;
      if (stored.inserted && job.audience === 'staff') {
        const candidates = candidatesOf(job);
        if (candidates.length) {
          await trx('public.task_candidates').insert(
            candidates.map((candidate) => ({
              task_id: stored.id,
              tenant_id: input.tenantId,
              candidate,
              assignee: row.assignee,
              due_sort: stored.due_sort,
              created_at: stored.created_at,
            })),
          );
        }
      }
      return { id: stored.id, inserted: stored.inserted };
    });
  }

  async get(id: string, db: Knex = this.knex): Promise<TaskRow | undefined> {
    return (await db('public.tasks').where({ id }).first()) as TaskRow | undefined;
  }

  /**
   * Sets the assignee of an open task, if it still has `expected` (null: unassigned) — the
   * condition makes concurrent claims safe. Returns whether it changed.
   */
  async setAssignee(
    id: string,
    expected: string | null | 'any',
    assignee: string | null,
    audit: (trx: Knex.Transaction) => Promise<unknown>,
  ): Promise<boolean> {
    return this.knex.transaction(async (trx) => {
      const query = trx('public.tasks').where({ id, status: 'open' });
      if (expected === null) query.whereNull('assignee');
      else if (expected !== 'any') query.where({ assignee: expected });
      const changed = Number(await query.update({ assignee, updated_at: trx.fn.now() }));
      if (!changed) return false;
      await trx('public.task_candidates').where({ task_id: id }).update({ assignee });
      await audit(trx);
      return true;
    });
  }

  /**
   * Takes the completion lease of an open task (so a double click completes once); `assignee`
   * restricts it to the task's assignee. Returns false when the task is not open, not theirs,
   * or someone is completing it right now.
   */
  async beginCompletion(id: string, assignee?: string): Promise<boolean> {
    const query = this.knex('public.tasks')
      .where({ id, status: 'open' })
      .andWhere((w) =>
        w
          .whereNull('completing_since')
          .orWhere('completing_since', '<', new Date(Date.now() - COMPLETION_LEASE_MS)),
      );
    if (assignee !== undefined) query.where({ assignee });
    return Number(await query.update({ completing_since: new Date() })) > 0;
  }

  /** The completion failed before the engine took it: others may try again. */
  async abandonCompletion(id: string): Promise<void> {
    await this.knex('public.tasks').where({ id }).update({ completing_since: null });
  }

  /** The engine acknowledged CompleteJob: completed, with whatever else the caller records. */
  async markCompleted(
    id: string,
    completedBy: string,
    also: (trx: Knex.Transaction) => Promise<unknown>,
  ): Promise<void> {
    await this.knex.transaction(async (trx) => {
      await trx('public.tasks')
        .where({ id })
        .update({
          status: 'completed',
          completed_at: trx.fn.now(),
          completed_by: completedBy.slice(0, 160),
          completing_since: null,
          updated_at: trx.fn.now(),
        });
      await trx('public.task_candidates').where({ task_id: id }).delete();
      await also(trx);
    });
  }

  /** The engine no longer has the job: the element was left (boundary event, cancellation). */
  async markCanceled(id: string): Promise<void> {
    await this.knex.transaction(async (trx) => {
      await trx('public.tasks').where({ id, status: 'open' }).update({
        status: 'canceled',
        completing_since: null,
        updated_at: trx.fn.now(),
      });
      await trx('public.task_candidates').where({ task_id: id }).delete();
    });
  }

  /** Open tasks whose job deadline comes before `before`, soonest first. */
  async leasesDue(before: Date, limit: number): Promise<Pick<TaskRow, 'id' | 'job_key'>[]> {
    return (await this.knex('public.tasks')
      .where('status', 'open')
      .andWhere('job_deadline', '<', before)
      .orderBy('job_deadline')
      .limit(limit)
      .select('id', 'job_key')) as Pick<TaskRow, 'id' | 'job_key'>[];
  }

  async renewedLease(id: string, deadline: Date): Promise<void> {
    await this.knex('public.tasks')
      .where({ id, status: 'open' })
      .update({ job_deadline: deadline, updated_at: this.knex.fn.now() });
  }
}

/** A text[] literal: knex would spread a JavaScript array binding into a list. */
function textArray(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;
}

interface CaseRowPart {
  id: string;
  tenant_id: string;
  reference: string;
  service_id: string;
  applicant_name: string | null;
}

function toCaseOfTask(row: CaseRowPart): CaseOfTask {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    reference: row.reference,
    serviceId: row.service_id,
    applicantName: row.applicant_name,
  };
}
