/** JOB UPDATE_RETRIES and UPDATE_TIMEOUT (the wording of Zeebe 8.6's JobUpdateBehaviour). */
import { jobValueOf } from '../bpmn/behavior/BpmnJobBehavior';
import type { CommandProcessor } from '../CommandProcessor';
import type { ProcessingContext } from '../ProcessingContext';
import type { TypedCommand } from '../Writers';

export class JobUpdateRetriesProcessor implements CommandProcessor<{ retries: number }> {
  process(command: TypedCommand<{ retries: number }>, ctx: ProcessingContext): void {
    const job = ctx.state.jobs.get(command.key);
    if (!job) {
      return ctx.reject(
        'NOT_FOUND',
        `Expected to update retries for job with key '${command.key}', but no such job was found`,
      );
    }
    const retries = command.value.retries;
    if (retries < 1) {
      return ctx.reject(
        'INVALID_ARGUMENT',
        `Expected to update retries for job with key '${command.key}' with a positive amount of retries, but the amount given was '${retries}'`,
      );
    }
    ctx.writers.appendEvent(job.key, 'JOB', 'RETRIES_UPDATED', { ...jobValueOf(job), retries });
    if (job.state === 'ACTIVATABLE')
      ctx.afterCommit(() => ctx.notifications.jobsAvailable(job.type));
    ctx.respond(undefined);
  }
}

export class JobUpdateTimeoutProcessor implements CommandProcessor<{ timeout: number }> {
  process(command: TypedCommand<{ timeout: number }>, ctx: ProcessingContext): void {
    const job = ctx.state.jobs.get(command.key);
    if (!job) {
      return ctx.reject(
        'NOT_FOUND',
        `Expected to update job deadline with key '${command.key}', but no such job was found`,
      );
    }
    if (job.state !== 'ACTIVATED') {
      return ctx.reject(
        'INVALID_STATE',
        `Expected to update the timeout of job with key '${command.key}', but it is not active`,
      );
    }
    const deadline = ctx.now + command.value.timeout;
    ctx.writers.appendEvent(job.key, 'JOB', 'TIMEOUT_UPDATED', {
      ...jobValueOf(job),
      deadline,
      timeout: command.value.timeout,
    });
    ctx.respond(undefined);
  }
}
