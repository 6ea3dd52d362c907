/**
 * JOB THROW_ERROR: the BPMN error is caught by the nearest matching error boundary event up the
 * scopes, or becomes an UNHANDLED_ERROR_EVENT incident on the job (Zeebe's JobThrowErrorProcessor).
 */
import type { IncidentValue } from '../../state/protocol/values';
import { jobValueOf } from '../bpmn/behavior/BpmnJobBehavior';
import type { BpmnBehaviors } from '../bpmn/behavior/BpmnBehaviors';
import type { CommandProcessor } from '../CommandProcessor';
import type { ProcessingContext } from '../ProcessingContext';
import type { TypedCommand } from '../Writers';
import { ACTIVE_JOB_STATES, checkJob } from './jobPreconditions';

export interface JobThrowErrorValue {
  errorCode: string;
  errorMessage: string;
  variables: Record<string, unknown>;
}

export class JobThrowErrorProcessor implements CommandProcessor<JobThrowErrorValue> {
  constructor(private readonly b: BpmnBehaviors) {}

  process(command: TypedCommand<JobThrowErrorValue>, ctx: ProcessingContext): void {
    const job = checkJob(command, ctx, 'throw an error for', ACTIVE_JOB_STATES);
    if (!job) return;
    const { errorCode, errorMessage, variables } = command.value;
    const instance = ctx.state.elementInstances.get(job.elementInstanceKey);
    const found = this.b.errors.findErrorCatchEvent(errorCode, instance, errorMessage);
    const thrown = { ...jobValueOf(job), errorCode, errorMessage, variables };
    if (!found.ok) {
      ctx.writers.appendEvent(job.key, 'JOB', 'ERROR_THROWN', thrown);
      const incident: IncidentValue = {
        errorType: 'UNHANDLED_ERROR_EVENT',
        errorMessage: found.failure.message,
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
      return ctx.respond(undefined);
    }
    if (instance?.state !== 'ELEMENT_ACTIVATED') {
      return ctx.reject(
        'INVALID_STATE',
        `Expected to find active element instance, but was ${instance?.state ?? 'not found'}`,
      );
    }
    ctx.writers.appendEvent(job.key, 'JOB', 'ERROR_THROWN', thrown);
    this.b.errors.throwErrorEvent(found.value, variables);
    ctx.respond(undefined);
  }
}
