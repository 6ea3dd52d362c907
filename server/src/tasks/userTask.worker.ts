/**
 * The inbox worker: activates `io.camunda.zeebe:userTask` jobs with a long timeout
 * (TASK_JOB_TIMEOUT, 7 days by default; `TaskLeaseSweeper` extends it before it runs out) and
 * stores each as a task. The job stays activated — `job.forward()` frees the worker's slot
 * without answering — until a clerk or the citizen completes the task (`CompleteJob`).
 *
 * Per job: a duplicate process instance of a case (see `cases/caseInstanceGuard.ts`) is left
 * alone; otherwise the case (by process instance, or the `caseId` variable) gives tenant,
 * reference, applicant and service; without a case, the job's tenant or the `tenantId`
 * variable. Candidate groups written `<tenant>:<group>` put the task into that tenant (a
 * consultation of a cantonal office). The `portal:milestone` header is recorded on the case
 * when the task is stored (`portal:milestoneOnComplete` when it is completed); a citizen task
 * moves the case to `waiting_for_citizen`.
 *
 * Outcomes: malformed headers or no known tenant → incident (retrying cannot help); the
 * database unreachable → failure with one retry fewer (STYLE.md).
 */
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { CaseService } from '../cases/case.service';
import type { CaseInstanceGuard } from '../cases/caseInstanceGuard';
import { incident, outcomeOfError, type JobOutcome } from '../workers/job';
import { applyOutcome, toWorkerJob, type SdkJob } from '../workers/zeebeAdapter';
import type { TaskStore } from './taskStore';
import type { TaskDefinitionSource } from './catalogTaskDefinitions';
import {
  formRefOf,
  formVariableNames,
  rememberForm,
  taskForm,
  userTaskName,
} from './userTaskDefinitions';
import { groupsOfOtherTenant, parseUserTaskJob, type UserTaskJob } from './userTaskJob';

export interface UserTaskWorkerDeps {
  knex: Knex;
  store: TaskStore;
  cases?: Pick<CaseService, 'recordMilestone' | 'setStatus'> | undefined;
  guard?: Pick<CaseInstanceGuard, 'checkJob'> | undefined;
  /** Names and forms from the service catalog, for deployments that were not recorded. */
  definitions?: TaskDefinitionSource | undefined;
  logger?: Logger | undefined;
}

export type UserTaskOutcome = { kind: 'stored'; taskId: string } | { kind: 'ignored' } | JobOutcome;

const DEFAULT_TENANT = '<default>';

export async function storeUserTask(
  job: SdkJob,
  deps: UserTaskWorkerDeps,
): Promise<UserTaskOutcome> {
  const parsed = parseUserTaskJob(job);
  if (!parsed.ok) return incident(`user task ${job.elementId}: ${parsed.problem}`);
  const consulted = groupsOfOtherTenant(parsed.task.candidateGroups);
  const task = consulted ? { ...parsed.task, candidateGroups: consulted.groups } : parsed.task;
  try {
    if ((await deps.guard?.checkJob(job)) === 'duplicate') return { kind: 'ignored' };
    const found = await deps.store.caseOf(job);
    const tenantId = consulted?.tenantId ?? found?.tenantId ?? tenantOfJob(task);
    if (!tenantId) return incident(`user task ${task.elementId}: no case and no tenantId`);
    if (tenantId !== found?.tenantId && !(await deps.store.tenantExists(tenantId))) {
      return incident(`user task ${task.elementId}: unknown tenant ${tenantId}`);
    }
    const formRef = formRefOf(task);
    let form = await taskForm(deps.knex, formRef ?? null);
    let name = await userTaskName(deps.knex, task);
    if (!name || (formRef && !form)) {
      // The deployment was not recorded: the service catalog's files know the model.
      const fromCatalog = deps.definitions?.(task);
      name ??= fromCatalog?.name;
      if (formRef && !form && fromCatalog?.form) {
        form = await rememberForm(deps.knex, formRef, fromCatalog.form, task.engineTenantId);
      }
    }
    const stored = await deps.store.upsert({
      job: task,
      tenantId,
      case: found,
      ...(found ? {} : shownWithoutCase(task.variables)),
      name: name ?? task.elementId,
      formRef,
      variables: form ? pick(task.variables, formVariableNames(form.schema)) : {},
    });
    if (!stored) return { kind: 'ignored' };
    // Again on a delivery of a known job: a failure here is retried with the job, and both
    // effects are idempotent.
    if (found) await caseEffects(task, found.id, stored.id, deps);
    return { kind: 'stored', taskId: stored.id };
  } catch (error) {
    return outcomeOfError(toWorkerJob(job), error);
  }
}

/** The SDK task handler: store, then keep the job activated (forward) or answer the outcome. */
export function userTaskHandler(deps: UserTaskWorkerDeps) {
  return async (job: SdkJob) => {
    const outcome = await storeUserTask(job, deps);
    if (outcome.kind === 'stored' || outcome.kind === 'ignored') return job.forward();
    deps.logger?.warn(
      {
        jobKey: job.key,
        elementId: job.elementId,
        outcome: outcome.kind,
        message: 'message' in outcome ? outcome.message : undefined,
      },
      'user task not stored',
    );
    return applyOutcome(job, outcome);
  };
}

async function caseEffects(
  task: UserTaskJob,
  caseId: string,
  taskId: string,
  deps: UserTaskWorkerDeps,
) {
  if (task.milestone) {
    await deps.cases?.recordMilestone({
      caseId,
      milestoneId: task.milestone,
      source: `task:${taskId}`,
    });
  }
  if (task.audience === 'citizen') await deps.cases?.setStatus(caseId, 'waiting_for_citizen');
}

/** Reference and applicant a consultation's variables carry (its case is another tenant's). */
function shownWithoutCase(variables: Readonly<Record<string, unknown>>) {
  const { caseReference, applicantName } = variables;
  return {
    caseReference:
      typeof caseReference === 'string' && /^[A-Z]{2}-\d{4}-\d{6,12}$/.test(caseReference)
        ? caseReference
        : undefined,
    applicantName: typeof applicantName === 'string' ? applicantName : undefined,
  };
}

function tenantOfJob(task: UserTaskJob): string | undefined {
  if (task.engineTenantId && task.engineTenantId !== DEFAULT_TENANT) return task.engineTenantId;
  const variable = task.variables.tenantId;
  return typeof variable === 'string' && variable ? variable : undefined;
}

function pick(
  variables: Readonly<Record<string, unknown>>,
  names: Set<string>,
): Record<string, unknown> {
  return Object.fromEntries(Object.entries(variables).filter(([name]) => names.has(name)));
}
