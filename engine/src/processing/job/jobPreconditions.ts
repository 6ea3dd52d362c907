/** Zeebe's JobCommandPreconditionChecker: the job exists and is in a state the command allows. */
import type { Job, JobLifecycle } from '../../state/JobState';
import type { ProcessingContext } from '../ProcessingContext';
import type { TypedCommand } from '../Writers';

/** The job, or undefined after rejecting the command. */
export function checkJob(
  command: TypedCommand,
  ctx: ProcessingContext,
  action: string,
  validStates: readonly JobLifecycle[],
): Job | undefined {
  const job = ctx.state.jobs.get(command.key);
  if (!job) {
    ctx.reject(
      'NOT_FOUND',
      `Expected to ${action} job with key '${command.key}', but no such job was found`,
    );
    return undefined;
  }
  if (!validStates.includes(job.state)) {
    ctx.reject(
      'INVALID_STATE',
      `Expected to ${action} job with key '${command.key}', but it is in state '${job.state}'`,
    );
    return undefined;
  }
  return job;
}

export const ACTIVE_JOB_STATES: readonly JobLifecycle[] = ['ACTIVATABLE', 'ACTIVATED'];
