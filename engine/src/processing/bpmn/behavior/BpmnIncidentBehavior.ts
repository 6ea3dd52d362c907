/** Raises and resolves incidents of element instances (Zeebe's BpmnIncidentBehavior). */
import type { EngineState } from '../../../state/EngineState';
import type { IncidentValue } from '../../../state/protocol/values';
import type { Failure } from '../../Either';
import type { Writers } from '../../Writers';
import type { BpmnElementContext } from '../BpmnElementContext';

export class BpmnIncidentBehavior {
  constructor(
    private readonly state: EngineState,
    private readonly writers: Writers,
  ) {}

  createIncident(failure: Failure, context: BpmnElementContext, jobKey = '-1'): void {
    const value: IncidentValue = {
      errorType: failure.errorType,
      errorMessage: failure.message,
      bpmnProcessId: context.value.bpmnProcessId,
      processDefinitionKey: context.value.processDefinitionKey,
      processInstanceKey: context.value.processInstanceKey,
      elementId: context.value.elementId,
      elementInstanceKey: context.key,
      jobKey,
      variableScopeKey: failure.variableScopeKey ?? context.key,
      tenantId: context.value.tenantId,
    };
    this.writers.appendEvent(this.state.keys.nextKey(), 'INCIDENT', 'CREATED', value);
  }

  /** Resolves the open incidents of an element instance (it is being terminated). */
  resolveIncidents(context: BpmnElementContext): void {
    for (const incident of this.state.incidents.ofElementInstance(context.key)) {
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
      this.writers.appendEvent(incident.key, 'INCIDENT', 'RESOLVED', value);
    }
  }
}
