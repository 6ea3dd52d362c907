/**
 * INCIDENT RESOLVE (Zeebe's IncidentResolveProcessor): a job incident makes the job activatable
 * again (it needs retries); any other incident re-runs the step that failed — the activation or
 * completion of its element instance.
 */
import type { IncidentValue } from '../../state/protocol/values';
import { contextOf } from '../bpmn/BpmnElementContext';
import type { CommandProcessor } from '../CommandProcessor';
import type { ProcessingContext } from '../ProcessingContext';
import type { TypedCommand } from '../Writers';

export class IncidentResolveProcessor implements CommandProcessor {
  process(command: TypedCommand, ctx: ProcessingContext): void {
    const incident = ctx.state.incidents.get(command.key);
    if (!incident) {
      return ctx.reject(
        'NOT_FOUND',
        `Expected to resolve incident with key '${command.key}', but no such incident was found`,
      );
    }
    const job = incident.jobKey === '-1' ? undefined : ctx.state.jobs.get(incident.jobKey);
    if (job && job.retries <= 0) {
      return ctx.reject(
        'INVALID_STATE',
        `Expected to resolve incident with key '${command.key}', but job with key '${job.key}' has no retries left. Please update the job retries and retry resolving the incident`,
      );
    }
    const value: IncidentValue = {
      errorType: incident.errorType,
      errorMessage: incident.errorMessage,
      bpmnProcessId: incident.bpmnProcessId,
      processDefinitionKey: incident.processDefinitionKey,
      processInstanceKey: incident.processInstanceKey,
      elementId: incident.elementId,
      elementInstanceKey: incident.elementInstanceKey,
      jobKey: incident.jobKey,
      variableScopeKey: incident.variableScopeKey,
      tenantId: incident.tenantId,
    };
    ctx.writers.appendEvent(incident.key, 'INCIDENT', 'RESOLVED', value);
    ctx.respond(undefined);
    if (job) {
      ctx.afterCommit(() => ctx.notifications.jobsAvailable(job.type));
      return;
    }
    const instance = ctx.state.elementInstances.get(incident.elementInstanceKey);
    if (!instance) return;
    const context = contextOf(instance);
    if (instance.state === 'ELEMENT_ACTIVATING') {
      ctx.writers.appendFollowUpCommand(
        context.key,
        'PROCESS_INSTANCE',
        'ACTIVATE_ELEMENT',
        context.value,
      );
    } else if (instance.state === 'ELEMENT_COMPLETING') {
      ctx.writers.appendFollowUpCommand(
        context.key,
        'PROCESS_INSTANCE',
        'COMPLETE_ELEMENT',
        context.value,
      );
    }
  }
}
