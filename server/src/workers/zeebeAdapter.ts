/**
 * Connects a pure worker handler to the Zeebe client of @camunda8/sdk: turns the SDK's job into
 * a `WorkerJob`, runs the handler, and answers with job.complete / job.error / job.fail. An
 * exception escaping a handler (a bug) fails the job with one retry fewer.
 *
 * Wiring (done where the server starts its workers, not here):
 *
 *   zeebe.createWorker({
 *     taskType: REGISTER_LOOKUP,
 *     taskHandler: zeebeTaskHandler(registerLookup, { register }),
 *   });
 */
import type {
  IOutputVariables,
  JOB_ACTION_ACKNOWLEDGEMENT,
  JSONDoc,
  ZeebeJob,
} from '@camunda8/sdk/dist/zeebe/lib/interfaces-1.0';
import { retryLater, type JobHandler, type JobOutcome, type WorkerJob } from './job';

/** The job object the SDK hands a task handler (ZBWorkerTaskHandler's first argument). */
export type SdkJob = Readonly<ZeebeJob>;

export function toWorkerJob(job: SdkJob): WorkerJob {
  return {
    key: job.key,
    type: job.type,
    processInstanceKey: job.processInstanceKey,
    bpmnProcessId: job.bpmnProcessId,
    elementId: job.elementId,
    retries: job.retries,
    tenantId: job.tenantId,
    variables: job.variables,
    customHeaders: job.customHeaders,
  };
}

export function applyOutcome(
  job: SdkJob,
  outcome: JobOutcome,
): Promise<JOB_ACTION_ACKNOWLEDGEMENT> {
  switch (outcome.kind) {
    case 'complete':
      // Zeebe variables are JSON; the SDK's JSON type merely omits null.
      return job.complete(outcome.variables as IOutputVariables);
    case 'bpmnError':
      return job.error({
        errorCode: outcome.errorCode,
        errorMessage: outcome.message,
        variables: (outcome.variables ?? {}) as JSONDoc,
      });
    case 'fail':
      return job.fail({
        errorMessage: outcome.message,
        retries: outcome.retries,
        ...(outcome.retryBackOffMs !== undefined ? { retryBackOff: outcome.retryBackOffMs } : {}),
      });
  }
}

export function zeebeTaskHandler<Deps>(
  handler: JobHandler<Deps>,
  deps: Deps,
): (job: SdkJob) => Promise<JOB_ACTION_ACKNOWLEDGEMENT> {
  return async (job) => {
    const workerJob = toWorkerJob(job);
    let outcome: JobOutcome;
    try {
      outcome = await handler(workerJob, deps);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      outcome = retryLater(workerJob, `${job.type}: unexpected error: ${message}`);
    }
    return applyOutcome(job, outcome);
  };
}
