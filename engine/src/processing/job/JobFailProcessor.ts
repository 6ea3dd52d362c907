/**
 * JOB FAIL: retries left → activatable again (after the back-off, if any); no retries left →
 * a JOB_NO_RETRIES incident. The variables are set locally on the job's element.
 */
import type { IncidentValue } from '../../state/protocol/values';
import { jobValueOf } from '../bpmn/behavior/BpmnJobBehavior';
import type { BpmnBehaviors } from '../bpmn/behavior/BpmnBehaviors';
import type { CommandProcessor } from '../CommandProcessor';
import type { ProcessingContext } from '../ProcessingContext';
import type { TypedCommand } from '../Writers';
import { ACTIVE_JOB_STATES, checkJob } from './jobPreconditions';

export interface JobFailValue {
  retries: number;
  errorMessage: string;
  retryBackoff: number;
  variables: Record<string, unknown>;
}

export class JobFailProcessor implements CommandProcessor<JobFailValue> {
  constructor(private readonly b: BpmnBehaviors) {}

  process(command: TypedCommand<JobFailValue>, ctx: ProcessingContext): void {
    const job = checkJob(command, ctx, 'fail', ACTIVE_JOB_STATES);
    if (!job) return;
    const { retries, retryBackoff, errorMessage, variables } = command.value;
    const backoff = retries > 0 && retryBackoff > 0;
    ctx.writers.appendEvent(job.key, 'JOB', 'FAILED', {
      ...jobValueOf(job),
      retries,
      retryBackoff,
      errorMessage,
      recurringTime: backoff ? ctx.now + retryBackoff : -1,
      variables,
    });
    const instance = ctx.state.elementInstances.get(job.elementInstanceKey);
    if (instance && Object.keys(variables).length > 0) {
      this.b.variables.mergeLocalDocument(instance.key, variables, job);
    }
    if (retries > 0 && !backoff) ctx.afterCommit(() => ctx.notifications.jobsAvailable(job.type));
    if (retries <= 0) {
      const incident: IncidentValue = {
        errorType: 'JOB_NO_RETRIES',
        errorMessage: errorMessage === '' ? 'No more retries left.' : errorMessage,
        bpmnProcessId: job.bpmnProcessId,
        processDefinitionKey: job.processDefinitionKey,
        processInstanceKey: job.processInstanceKey,
        elementId: job.elementId,
        elementInstanceKey: job.elementInstanceKey,
        jobKey: job.key,
        variableScopeKey: job.elementInstanceKey,
        tenantId: job.tenantId,
      };
      ctx.writers.appendEvent(ctx.state.keys.nextKey(), 'INCIDENT', 'CREATED', incident);
    }
    ctx.respond(undefined);
  }
}
