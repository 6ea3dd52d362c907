/**
 * Jobs of job worker elements (Zeebe's BpmnJobBehavior): evaluates type, retries and the user
 * task properties at activation, creates the job, cancels it when the element is left.
 */
import type { ExecutableFlowNode, ResourceBinding, UserTaskDefinition } from '../../../model/types';
import type { EngineState } from '../../../state/EngineState';
import type { Job } from '../../../state/JobState';
import type { JobValue } from '../../../state/protocol/values';
import { left, right, type Either } from '../../Either';
import type { ProcessingContext } from '../../ProcessingContext';
import type { BpmnElementContext } from '../BpmnElementContext';
import type { ExpressionBehavior } from './ExpressionBehavior';
import { isExpression } from '../../../feel';
import { formatZonedDateTime } from './dates';

export const USER_TASK_JOB_TYPE = 'io.camunda.zeebe:userTask';

export const HEADERS = {
  assignee: 'io.camunda.zeebe:assignee',
  candidateGroups: 'io.camunda.zeebe:candidateGroups',
  candidateUsers: 'io.camunda.zeebe:candidateUsers',
  dueDate: 'io.camunda.zeebe:dueDate',
  followUpDate: 'io.camunda.zeebe:followUpDate',
  formKey: 'io.camunda.zeebe:formKey',
} as const;

export interface JobProperties {
  type: string;
  retries: number;
  headers: Record<string, string>;
}

const CANCELABLE = new Set(['ACTIVATABLE', 'ACTIVATED', 'FAILED', 'ERROR_THROWN']);

export class BpmnJobBehavior {
  constructor(
    private readonly state: EngineState,
    private readonly ctx: ProcessingContext,
    private readonly expressions: ExpressionBehavior,
  ) {}

  evaluateJobExpressions(
    element: ExecutableFlowNode,
    context: BpmnElementContext,
  ): Either<JobProperties> {
    const job = element.job;
    if (!job) throw new Error(`Element '${element.id}' has no job definition`);
    const scope = context.key;
    const type = this.expressions.evaluateString(job.type, scope);
    if (!type.ok) return type;
    if (type.value === '') {
      return left(
        `Expected result of the expression '${expressionText(job.type)}' to be a not-empty string, but was an empty string.`,
        'EXTRACT_VALUE_ERROR',
        scope,
      );
    }
    const retries = this.expressions.evaluateNumber(job.retries, scope);
    if (!retries.ok) return retries;
    const headers: Record<string, string> = { ...job.headers };
    if (element.userTask) {
      const userTaskHeaders = this.evaluateUserTask(element.userTask, context);
      if (!userTaskHeaders.ok) return userTaskHeaders;
      Object.assign(headers, userTaskHeaders.value);
    }
    return right({ type: type.value, retries: Math.trunc(retries.value), headers });
  }

  private evaluateUserTask(
    userTask: UserTaskDefinition,
    context: BpmnElementContext,
  ): Either<Record<string, string>> {
    const scope = context.key;
    const headers: Record<string, string> = {};
    if (userTask.assignee !== undefined) {
      const assignee = this.expressions.evaluateString(userTask.assignee, scope);
      if (!assignee.ok) return assignee;
      if (assignee.value !== '') headers[HEADERS.assignee] = assignee.value;
    }
    for (const [property, header] of [
      [userTask.candidateGroups, HEADERS.candidateGroups],
      [userTask.candidateUsers, HEADERS.candidateUsers],
    ] as const) {
      if (property === undefined) continue;
      const list = this.expressions.evaluateStringList(property, scope);
      if (!list.ok) return list;
      headers[header] = JSON.stringify(list.value);
    }
    for (const [property, header] of [
      [userTask.dueDate, HEADERS.dueDate],
      [userTask.followUpDate, HEADERS.followUpDate],
    ] as const) {
      if (property === undefined || property === '') continue;
      if (!isExpression(property)) {
        headers[header] = property;
        continue;
      }
      const date = this.expressions.evaluateDateTime(property, scope);
      if (!date.ok) return date;
      headers[header] = formatZonedDateTime(date.value);
    }
    const formKey = this.formKey(userTask, context);
    if (!formKey.ok) return formKey;
    if (formKey.value !== undefined) headers[HEADERS.formKey] = formKey.value;
    return right(headers);
  }

  private formKey(
    userTask: UserTaskDefinition,
    context: BpmnElementContext,
  ): Either<string | undefined> {
    if (userTask.formId !== undefined) {
      const formId = this.expressions.evaluateString(userTask.formId, context.key);
      if (!formId.ok) return formId;
      return this.linkedForm(formId.value, userTask.formBinding, context);
    }
    return right(userTask.formKey);
  }

  /** The key of the linked form its binding type names (Zeebe 8.6: latest, deployment, versionTag). */
  private linkedForm(
    formId: string,
    binding: ResourceBinding | undefined,
    context: BpmnElementContext,
  ): Either<string> {
    const processes = this.state.processes;
    const tenantId = context.value.tenantId;
    if (binding?.type === 'deployment') {
      const deploymentKey =
        processes.definitions.get(context.value.processDefinitionKey)?.deploymentKey ?? '-1';
      const form = processes.getFormInDeployment(formId, deploymentKey, tenantId);
      if (form) return right(form.key);
      return left(
        `Expected to use a form with id '${formId}' with binding type 'deployment', but no such form found in the deployment with key ${deploymentKey} which contained the current process. To resolve this incident, migrate the process instance to a process definition that is deployed together with the intended form to use.`,
        'FORM_NOT_FOUND',
        context.key,
      );
    }
    if (binding?.type === 'versionTag') {
      const form = processes.getLatestFormWithVersionTag(formId, binding.versionTag, tenantId);
      if (form) return right(form.key);
      return left(
        `Expected to use a form with id '${formId}' and version tag '${binding.versionTag}', but no such form found. To resolve the incident, deploy a form with the given id and version tag.`,
        'FORM_NOT_FOUND',
        context.key,
      );
    }
    const form = processes.getLatestForm(formId, tenantId);
    if (form) return right(form.key);
    return left(
      `Expected to find a form with id '${formId}', but no form with this id is found, at least a form with this id should be available. To resolve the Incident please deploy a form with the same id`,
      'FORM_NOT_FOUND',
      context.key,
    );
  }

  createNewJob(context: BpmnElementContext, properties: JobProperties): void {
    const value: JobValue = {
      type: properties.type,
      worker: '',
      retries: properties.retries,
      retryBackoff: 0,
      recurringTime: -1,
      deadline: -1,
      timeout: -1,
      errorMessage: '',
      errorCode: '',
      customHeaders: properties.headers,
      variables: {},
      elementId: context.value.elementId,
      elementInstanceKey: context.key,
      processInstanceKey: context.value.processInstanceKey,
      bpmnProcessId: context.value.bpmnProcessId,
      processDefinitionVersion: context.value.version,
      processDefinitionKey: context.value.processDefinitionKey,
      tenantId: context.value.tenantId,
      jobKind: 'BPMN_ELEMENT',
    };
    this.ctx.writers.appendEvent(this.state.keys.nextKey(), 'JOB', 'CREATED', value);
    this.ctx.afterCommit(() => this.ctx.notifications.jobsAvailable(properties.type));
  }

  cancelJob(context: BpmnElementContext): void {
    const jobKey = this.state.elementInstances.get(context.key)?.runtime.jobKey;
    const job = jobKey === undefined ? undefined : this.state.jobs.get(jobKey);
    if (!job || !CANCELABLE.has(job.state)) return;
    this.ctx.writers.appendEvent(job.key, 'JOB', 'CANCELED', jobValueOf(job));
  }
}

export function jobValueOf(job: Job): JobValue {
  return {
    type: job.type,
    worker: job.worker,
    retries: job.retries,
    retryBackoff: job.retryBackoff,
    recurringTime: job.recurringTime,
    deadline: job.deadline,
    timeout: -1,
    errorMessage: job.errorMessage,
    errorCode: job.errorCode,
    customHeaders: job.customHeaders,
    variables: {},
    elementId: job.elementId,
    elementInstanceKey: job.elementInstanceKey,
    processInstanceKey: job.processInstanceKey,
    bpmnProcessId: job.bpmnProcessId,
    processDefinitionVersion: job.processDefinitionVersion,
    processDefinitionKey: job.processDefinitionKey,
    tenantId: job.tenantId,
    jobKind: 'BPMN_ELEMENT',
  };
}

/** The expression as Zeebe quotes it in messages: without the leading '='. */
export function expressionText(raw: string): string {
  return isExpression(raw) ? raw.trimStart().slice(1) : raw;
}
