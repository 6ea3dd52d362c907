/**
 * JOB_BATCH ACTIVATE: hands up to maxJobsToActivate activatable jobs of a type to a worker, with
 * a deadline and the variables visible at each job's element instance (Zeebe's
 * JobBatchActivateProcessor).
 */
import type { ActivatedJob } from '../../api';
import type { JobBatchValue, JobValue } from '../../state/protocol/values';
import { jobValueOf } from '../bpmn/behavior/BpmnJobBehavior';
import type { CommandProcessor } from '../CommandProcessor';
import type { ProcessingContext } from '../ProcessingContext';
import type { TypedCommand } from '../Writers';

export interface JobBatchCommandValue {
  type: string;
  worker: string;
  timeout: number;
  maxJobsToActivate: number;
  tenantIds: string[];
  fetchVariable: string[];
}

export class JobBatchActivateProcessor implements CommandProcessor<JobBatchCommandValue> {
  process(command: TypedCommand<JobBatchCommandValue>, ctx: ProcessingContext): void {
    const request = command.value;
    const tenants = new Set(request.tenantIds);
    const deadline = ctx.now + request.timeout;
    const jobs: JobValue[] = [];
    const jobKeys: string[] = [];
    const activated: ActivatedJob[] = [];
    for (const key of ctx.state.jobs.activatableOfType(request.type)) {
      if (jobs.length >= request.maxJobsToActivate) break;
      const job = ctx.state.jobs.get(key);
      if (!job || !tenants.has(job.tenantId)) continue;
      const variables = ctx.state.variables.getVisible(
        job.elementInstanceKey,
        request.fetchVariable,
      );
      jobKeys.push(key);
      jobs.push({
        ...jobValueOf(job),
        worker: request.worker,
        deadline,
        timeout: request.timeout,
        variables,
      });
      activated.push({
        key,
        type: job.type,
        processInstanceKey: job.processInstanceKey,
        bpmnProcessId: job.bpmnProcessId,
        processDefinitionVersion: job.processDefinitionVersion,
        processDefinitionKey: job.processDefinitionKey,
        elementId: job.elementId,
        elementInstanceKey: job.elementInstanceKey,
        customHeaders: job.customHeaders,
        worker: request.worker,
        retries: job.retries,
        deadline,
        variables,
        tenantId: job.tenantId,
      });
    }
    if (jobs.length > 0) {
      const value: JobBatchValue = {
        type: request.type,
        worker: request.worker,
        timeout: request.timeout,
        maxJobsToActivate: request.maxJobsToActivate,
        tenantIds: request.tenantIds,
        jobKeys,
        jobs,
        truncated: false,
      };
      ctx.writers.appendEvent(ctx.state.keys.nextKey(), 'JOB_BATCH', 'ACTIVATED', value);
    }
    ctx.respond(activated);
  }
}
