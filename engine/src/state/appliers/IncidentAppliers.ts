/** Appliers of INCIDENT events. */
import type { IncidentValue } from '../protocol/values';
import type { Applier } from './Applier';

export const incidentCreated: Applier<IncidentValue> = (state, key, value, record) => {
  state.incidents.incidents.put({
    key,
    errorType: value.errorType,
    errorMessage: value.errorMessage,
    elementInstanceKey: value.elementInstanceKey,
    elementId: value.elementId,
    processInstanceKey: value.processInstanceKey,
    processDefinitionKey: value.processDefinitionKey,
    bpmnProcessId: value.bpmnProcessId,
    jobKey: value.jobKey,
    variableScopeKey: value.variableScopeKey,
    tenantId: value.tenantId,
    createdAt: record.timestamp,
  });
};

/** A resolved job incident makes its job activatable again (Zeebe's IncidentResolvedApplier). */
export const incidentResolved: Applier<IncidentValue> = (state, key, value) => {
  state.incidents.incidents.delete(key);
  if (value.jobKey === '-1') return;
  const job = state.jobs.get(value.jobKey);
  if (job && (job.state === 'FAILED' || job.state === 'ERROR_THROWN')) {
    state.jobs.jobs.put({ ...job, state: 'ACTIVATABLE', recurringTime: -1 });
  }
};
