/**
 * What a user task job (`io.camunda.zeebe:userTask`) says about its task, read from the job's
 * headers as Zeebe sets them: assignee, candidate groups and users (a JSON list, or a
 * comma-separated list from older clients), due and follow-up date (ISO 8601), form key —
 * plus our custom headers:
 *
 *   portal:milestone            public milestone reached when the task becomes open — or
 *                               when it is completed, with `portal:milestoneOn = completed`
 *                               (the convention of `cases/caseJobHook.ts` for all jobs)
 *   portal:milestoneOnComplete  public milestone reached when the task is completed (both
 *                               headers may be used on one task)
 *   portal:audience = citizen   a request to the citizen instead of a staff task (so is a task
 *                               whose candidate groups include `citizen`)
 */
import type { SdkJob } from '../workers/zeebeAdapter';

export const USER_TASK_JOB_TYPE = 'io.camunda.zeebe:userTask';
export const CITIZEN_GROUP = 'citizen';

export const USER_TASK_HEADERS = {
  assignee: 'io.camunda.zeebe:assignee',
  candidateGroups: 'io.camunda.zeebe:candidateGroups',
  candidateUsers: 'io.camunda.zeebe:candidateUsers',
  dueDate: 'io.camunda.zeebe:dueDate',
  followUpDate: 'io.camunda.zeebe:followUpDate',
  formKey: 'io.camunda.zeebe:formKey',
  milestone: 'portal:milestone',
  milestoneOnComplete: 'portal:milestoneOnComplete',
  milestoneOn: 'portal:milestoneOn',
  audience: 'portal:audience',
} as const;

/** Prefix of an embedded form's key: `camunda-forms:bpmn:<userTaskForm id>`. */
export const EMBEDDED_FORM_PREFIX = 'camunda-forms:bpmn:';

export type TaskAudience = 'staff' | 'citizen';

export interface UserTaskJob {
  jobKey: string;
  /** The job's Zeebe tenant ('<default>' without multi-tenancy). */
  engineTenantId: string;
  bpmnProcessId: string;
  processDefinitionVersion: number;
  /** The process definition (for the task's diagram). */
  processDefinitionKey?: string | undefined;
  processInstanceKey: string;
  elementId: string;
  elementInstanceKey: string;
  /** When the engine takes the job back unless its timeout is updated. */
  deadline: Date;
  audience: TaskAudience;
  assignee: string | undefined;
  candidateGroups: string[];
  candidateUsers: string[];
  dueAt: Date | undefined;
  followUpAt: Date | undefined;
  formKey: string | undefined;
  milestone: string | undefined;
  milestoneOnComplete: string | undefined;
  variables: Readonly<Record<string, unknown>>;
}

export type ParsedUserTaskJob = { ok: true; task: UserTaskJob } | { ok: false; problem: string };

const MAX_NAME = 64;

export function parseUserTaskJob(job: SdkJob): ParsedUserTaskJob {
  const headers = job.customHeaders as Readonly<Record<string, unknown>>;
  const text = (name: string): string | undefined => {
    const value = headers[name];
    if (value === undefined || value === null) return undefined;
    const string = String(value).trim();
    return string === '' ? undefined : string;
  };
  const problems: string[] = [];
  const date = (name: string): Date | undefined => {
    const value = text(name);
    if (value === undefined) return undefined;
    const parsed = parseZonedDateTime(value);
    if (!parsed) problems.push(`header ${name} is not a date and time: ${value.slice(0, 60)}`);
    return parsed;
  };
  const list = (name: string): string[] => {
    const value = text(name);
    if (value === undefined) return [];
    const parsed = parseList(value);
    if (!parsed) problems.push(`header ${name} is not a list of names`);
    return parsed ?? [];
  };

  const candidateGroups = list(USER_TASK_HEADERS.candidateGroups);
  const candidateUsers = list(USER_TASK_HEADERS.candidateUsers);
  const assignee = text(USER_TASK_HEADERS.assignee);
  const dueAt = date(USER_TASK_HEADERS.dueDate);
  const followUpAt = date(USER_TASK_HEADERS.followUpDate);
  const onCompletion = text(USER_TASK_HEADERS.milestoneOn) === 'completed';
  const milestone = onCompletion ? undefined : text(USER_TASK_HEADERS.milestone);
  const milestoneOnComplete =
    text(USER_TASK_HEADERS.milestoneOnComplete) ??
    (onCompletion ? text(USER_TASK_HEADERS.milestone) : undefined);
  for (const name of [assignee, ...candidateGroups, ...candidateUsers, milestone]) {
    if (name !== undefined && name.length > MAX_NAME) {
      problems.push(`${name.slice(0, 20)}… is longer than ${MAX_NAME} characters`);
    }
  }
  if (milestoneOnComplete !== undefined && milestoneOnComplete.length > MAX_NAME) {
    problems.push(`header ${USER_TASK_HEADERS.milestoneOnComplete} is too long`);
  }
  const deadline = new Date(Number(job.deadline));
  if (Number.isNaN(deadline.getTime())) problems.push('the job has no deadline');
  if (problems.length) return { ok: false, problem: problems.join('; ') };

  const citizen =
    text(USER_TASK_HEADERS.audience) === 'citizen' || candidateGroups.includes(CITIZEN_GROUP);
  return {
    ok: true,
    task: {
      jobKey: job.key,
      engineTenantId: job.tenantId,
      bpmnProcessId: job.bpmnProcessId,
      processDefinitionVersion: job.processDefinitionVersion,
      processDefinitionKey: definitionKeyOf(job),
      processInstanceKey: job.processInstanceKey,
      elementId: job.elementId,
      elementInstanceKey: job.elementInstanceKey,
      deadline,
      audience: citizen ? 'citizen' : 'staff',
      assignee,
      candidateGroups: citizen ? [] : candidateGroups,
      candidateUsers: citizen ? [] : candidateUsers,
      dueAt,
      followUpAt,
      formKey: text(USER_TASK_HEADERS.formKey),
      milestone,
      milestoneOnComplete,
      variables: job.variables,
    },
  };
}

/**
 * Candidate groups of another tenant, written `<tenant>:<group>` (a municipality's process
 * consulting a cantonal office: `kanton:raum-und-wirtschaft`): when every group names the same
 * tenant, the task belongs to that tenant's groups.
 */
export function groupsOfOtherTenant(
  groups: readonly string[],
): { tenantId: string; groups: string[] } | undefined {
  const parts = groups.map((group) => /^([a-z0-9][a-z0-9-]{0,30}):(.+)$/.exec(group));
  const tenantId = parts[0]?.[1];
  if (!tenantId || parts.some((part) => part?.[1] !== tenantId)) return undefined;
  return { tenantId, groups: parts.map((part) => part![2]!) };
}

/** `["a","b"]` (Zeebe) or `a, b`; undefined when it is neither. Duplicates and blanks dropped. */
export function parseList(value: string): string[] | undefined {
  let items: unknown;
  if (value.startsWith('[')) {
    try {
      items = JSON.parse(value);
    } catch {
      return undefined;
    }
  } else {
    items = value.split(',');
  }
  if (!Array.isArray(items) || items.some((item) => typeof item !== 'string')) return undefined;
  return [...new Set((items as string[]).map((item) => item.trim()).filter(Boolean))];
}

/**
 * An ISO 8601 date-time with offset, as Zeebe formats dates (`2026-01-20T10:00:00Z`,
 * `2026-01-20T11:00+01:00`, also with a zone id in brackets: `…+01:00[Europe/Zurich]`).
 */
export function parseZonedDateTime(value: string): Date | undefined {
  const match =
    /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))(?:\[[^\]]+\])?$/.exec(
      value,
    );
  if (!match) return undefined;
  const date = new Date(match[1]!.replace(/(\.\d{3})\d+/, '$1'));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * The job's process definition key. ActivatedJob carries it (gateway.proto), and the SDK hands
 * the message through, but its `Job` type omits the field: read it as what it is, optional.
 */
function definitionKeyOf(job: SdkJob): string | undefined {
  const key = (job as { processDefinitionKey?: unknown }).processDefinitionKey;
  return typeof key === 'string' && /^\d{1,19}$/.test(key) ? key : undefined;
}
