import { apiFetch } from '../api/apiFetch';

/** Retry an incident: the job gets `retries` again, then the incident is resolved. */
export function retryIncident(instanceKey: string, incidentKey: string, retries = 1) {
  return apiFetch(
    `/api/operations/process-instances/${instanceKey}/incidents/${incidentKey}/retry`,
    { method: 'POST', body: { retries } },
  );
}

export function cancelInstance(instanceKey: string) {
  return apiFetch(`/api/operations/process-instances/${instanceKey}/cancel`, { method: 'POST' });
}
