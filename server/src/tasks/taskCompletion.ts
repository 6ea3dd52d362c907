/**
 * Completing a task, for clerks and citizens alike: validate the data against the task's form,
 * take the completion lease, send CompleteJob, and mark the task completed only once the
 * engine acknowledged. Then the case learns what happened: `portal:milestoneOnComplete`,
 * the task's output as case variables, and a citizen request's end (`in_progress` again).
 *
 * No database transaction is held across the gRPC call: with PGlite the embedded engine
 * shares the one connection and could not process the command. The lease (`completing_since`)
 * keeps a double click from completing twice instead. An engine that does not answer within
 * COMPLETE_TIMEOUT_MS leaves the call running (the Zeebe client retries while the gateway is
 * unreachable): the caller hears "pending" (503), the task is completed when the answer
 * comes. NOT_FOUND means the job is gone (a boundary event left the task, the instance was
 * cancelled): the task is cancelled.
 */
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { CaseService } from '../cases/case.service';
import type { ZeebeClient } from '../engine/zeebeClient';
import {
  NotReadyError,
  TaskCompletionPendingError,
  TaskFormUnavailableError,
  TaskNotOpenError,
  ValidationError,
} from '../http/errors';
import type { Locale } from '../http/messages';
import { validateFormData, type FormData } from '../services/formValidator';
import { variablesOf, type TaskRow } from './task.model';
import type { TaskStore } from './taskStore';
import { taskForm } from './userTaskDefinitions';

export const COMPLETE_TIMEOUT_MS = 10_000;
const GRPC_NOT_FOUND = 5;

export type TaskEngine = Pick<ZeebeClient, 'completeJob'>;
export type TaskCaseEffects = Pick<
  CaseService,
  'recordMilestone' | 'recordVariables' | 'setStatus'
>;

export interface CompletionDeps {
  knex: Knex;
  store: TaskStore;
  engine: () => TaskEngine | undefined;
  cases?: TaskCaseEffects | undefined;
  logger?: Logger | undefined;
}

export interface Completion {
  task: TaskRow;
  data: unknown;
  locale: Locale;
  /** `staff:<id>` or `citizen`. */
  completedBy: string;
  /** Only this assignee may complete (staff); undefined: anyone who reached here (citizen). */
  assignee?: string | undefined;
  /** Written in the transaction that marks the task completed (the audit entry). */
  record(trx: Knex.Transaction): Promise<unknown>;
  /** Turns the lease refusal into the caller's error (not open / not yours). */
  refused(): Error;
}

/** The task's form data, validated and cut to the form's fields (ValidationError otherwise). */
export async function validatedData(
  knex: Knex,
  task: Pick<TaskRow, 'form_key' | 'form_ref' | 'variables'>,
  data: unknown,
  locale: Locale,
): Promise<FormData> {
  const form = await taskForm(knex, task.form_ref);
  if (!form) {
    if (task.form_key) throw new TaskFormUnavailableError(`no form recorded for ${task.form_key}`);
    const empty =
      typeof data === 'object' &&
      data !== null &&
      !Array.isArray(data) &&
      !Object.keys(data).length;
    if (data === undefined || empty) return {};
    throw new ValidationError([{ field: 'data', message: 'the task has no form: send no data' }]);
  }
  const result = validateFormData(form.schema, data ?? {}, locale, variablesOf(task));
  if (!result.ok) throw new ValidationError(result.errors);
  return result.data;
}

export async function completeTask(deps: CompletionDeps, completion: Completion): Promise<void> {
  const { task } = completion;
  const variables = await validatedData(deps.knex, task, completion.data, completion.locale);
  const engine = deps.engine();
  if (!engine) throw new NotReadyError('no engine client');
  if (!(await deps.store.beginCompletion(task.id, completion.assignee))) throw completion.refused();

  // Validated form data are JSON; the SDK's JSON type merely leaves out null.
  const jobVariables = variables as Parameters<TaskEngine['completeJob']>[0]['variables'];
  const call = engine.completeJob({ jobKey: task.job_key, variables: jobVariables }).then(
    async () => {
      await deps.store.markCompleted(task.id, completion.completedBy, completion.record);
      await afterCompletion(deps, task, variables).catch((error: unknown) =>
        deps.logger?.error({ err: error, taskId: task.id }, 'case not updated after a task'),
      );
    },
    async (error: unknown) => {
      if ((error as { code?: unknown }).code === GRPC_NOT_FOUND) {
        await deps.store.markCanceled(task.id);
        throw new TaskNotOpenError('the job is gone');
      }
      await deps.store.abandonCompletion(task.id);
      throw error;
    },
  );
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), COMPLETE_TIMEOUT_MS);
  });
  try {
    const first = await Promise.race([call, timeout]);
    if (first === 'timeout') {
      call.catch((error: unknown) =>
        deps.logger?.error({ err: error, taskId: task.id }, 'task completion failed late'),
      );
      throw new TaskCompletionPendingError('CompleteJob not answered yet');
    }
  } finally {
    clearTimeout(timer);
  }
}

async function afterCompletion(deps: CompletionDeps, task: TaskRow, variables: FormData) {
  if (!task.case_id || !deps.cases) return;
  if (Object.keys(variables).length) {
    await deps.cases.recordVariables(task.case_id, variables, `task:${task.id}`);
  }
  if (task.milestone_on_complete) {
    await deps.cases.recordMilestone({
      caseId: task.case_id,
      milestoneId: task.milestone_on_complete,
      source: `task:${task.id}`,
    });
  }
  if (task.audience === 'citizen') {
    const waiting = await deps
      .knex('public.tasks')
      .where({ case_id: task.case_id, audience: 'citizen', status: 'open' })
      .first('id');
    if (!waiting) await deps.cases.setStatus(task.case_id, 'in_progress');
  }
}
