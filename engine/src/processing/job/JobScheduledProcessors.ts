/**
 * Commands the due-date scheduler writes: JOB TIME_OUT (deadline passed: activatable again, no
 * retry lost) and JOB RECUR_AFTER_BACKOFF (back-off over). Stale ones are rejected quietly.
 */
import { jobValueOf } from '../bpmn/behavior/BpmnJobBehavior';
import type { CommandProcessor } from '../CommandProcessor';
import type { ProcessingContext } from '../ProcessingContext';
import type { TypedCommand } from '../Writers';

export class JobTimeOutProcessor implements CommandProcessor {
  process(command: TypedCommand, ctx: ProcessingContext): void {
    const job = ctx.state.jobs.get(command.key);
    if (!job || job.state !== 'ACTIVATED' || job.deadline > ctx.now) {
      return ctx.reject(
        'NOT_FOUND',
        `Expected to time out activated job with key '${command.key}', but no such job was found`,
      );
    }
    ctx.writers.appendEvent(job.key, 'JOB', 'TIMED_OUT', jobValueOf(job));
    ctx.afterCommit(() => ctx.notifications.jobsAvailable(job.type));
  }
}

export class JobRecurProcessor implements CommandProcessor {
  process(command: TypedCommand, ctx: ProcessingContext): void {
    const job = ctx.state.jobs.get(command.key);
    if (!job || job.state !== 'FAILED' || job.recurringTime < 0 || job.recurringTime > ctx.now) {
      return ctx.reject(
        'NOT_FOUND',
        `Expected to make job with key '${command.key}' activatable after back-off, but no such job was found`,
      );
    }
    ctx.writers.appendEvent(job.key, 'JOB', 'RECURRED_AFTER_BACKOFF', jobValueOf(job));
    ctx.afterCommit(() => ctx.notifications.jobsAvailable(job.type));
  }
}
