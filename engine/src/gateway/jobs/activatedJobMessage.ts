import type { ActivatedJob } from '../../api';
import type { ActivatedJobMessage } from '../messages';

export function activatedJobMessage(job: ActivatedJob): ActivatedJobMessage {
  return {
    key: job.key,
    type: job.type,
    processInstanceKey: job.processInstanceKey,
    bpmnProcessId: job.bpmnProcessId,
    processDefinitionVersion: job.processDefinitionVersion,
    processDefinitionKey: job.processDefinitionKey,
    elementId: job.elementId,
    elementInstanceKey: job.elementInstanceKey,
    customHeaders: JSON.stringify(job.customHeaders),
    worker: job.worker,
    retries: job.retries,
    deadline: String(job.deadline),
    variables: JSON.stringify(job.variables),
    tenantId: job.tenantId,
  };
}

/** Jobs with the same type and tenant set compete for the same activatable jobs. */
export function tenantKey(tenantIds: string[]): string {
  return [...tenantIds].sort().join('\u0000');
}
