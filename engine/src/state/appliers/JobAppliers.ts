/** Appliers of JOB and JOB_BATCH events. */
import type { Job } from '../JobState';
import type { JobBatchValue, JobValue } from '../protocol/values';
import type { Applier } from './Applier';

export const jobCreated: Applier<JobValue> = (state, key, value) => {
  const job: Job = {
    key,
    type: value.type,
    state: 'ACTIVATABLE',
    retries: value.retries,
    worker: '',
    deadline: -1,
    recurringTime: -1,
    retryBackoff: 0,
    errorMessage: '',
    errorCode: '',
    customHeaders: value.customHeaders,
    elementInstanceKey: value.elementInstanceKey,
    elementId: value.elementId,
    processInstanceKey: value.processInstanceKey,
    processDefinitionKey: value.processDefinitionKey,
    bpmnProcessId: value.bpmnProcessId,
    processDefinitionVersion: value.processDefinitionVersion,
    tenantId: value.tenantId,
  };
  state.jobs.jobs.put(job);
  const instance = state.elementInstances.get(value.elementInstanceKey);
  if (instance) {
    state.elementInstances.instances.put({
      ...instance,
      runtime: { ...instance.runtime, jobKey: key },
    });
  }
};

export const jobBatchActivated: Applier<JobBatchValue> = (state, _key, value) => {
  value.jobKeys.forEach((jobKey, i) => {
    const job = state.jobs.get(jobKey);
    const activated = value.jobs[i];
    if (!job || !activated) return;
    state.jobs.jobs.put({
      ...job,
      state: 'ACTIVATED',
      worker: activated.worker,
      deadline: activated.deadline,
    });
  });
};

function updateJob(change: (job: Job, value: JobValue) => Job): Applier<JobValue> {
  return (state, key, value) => {
    const job = state.jobs.get(key);
    if (job) state.jobs.jobs.put(change(job, value));
  };
}

export const jobCompleted: Applier<JobValue> = (state, key, value) => {
  state.jobs.jobs.delete(key);
  if (!state.elementInstances.get(value.elementInstanceKey)) return;
  state.eventTriggers.triggers.put({
    elementInstanceKey: value.elementInstanceKey,
    eventKey: key,
    elementId: value.elementId,
    variables: value.variables,
    processInstanceKey: value.processInstanceKey,
  });
};

export const jobFailed = updateJob((job, value) => {
  const backoff = value.retries > 0 && value.retryBackoff > 0;
  return {
    ...job,
    state: value.retries > 0 && !backoff ? 'ACTIVATABLE' : 'FAILED',
    retries: value.retries,
    retryBackoff: value.retryBackoff,
    recurringTime: backoff ? value.recurringTime : -1,
    errorMessage: value.errorMessage,
    deadline: -1,
  };
});

export const jobRecurredAfterBackoff = updateJob((job) => ({
  ...job,
  state: 'ACTIVATABLE',
  recurringTime: -1,
}));

export const jobTimedOut = updateJob((job) => ({ ...job, state: 'ACTIVATABLE', deadline: -1 }));

export const jobRetriesUpdated = updateJob((job, value) => ({ ...job, retries: value.retries }));

export const jobTimeoutUpdated = updateJob((job, value) => ({ ...job, deadline: value.deadline }));

export const jobErrorThrown = updateJob((job, value) => ({
  ...job,
  state: 'ERROR_THROWN',
  errorCode: value.errorCode,
  errorMessage: value.errorMessage,
  deadline: -1,
}));

export const jobCanceled: Applier<JobValue> = (state, key) => {
  state.jobs.jobs.delete(key);
};
