/** JOB COMPLETE: the job's variables travel to its element, which completes. */
import { contextOf } from '../bpmn/BpmnElementContext';
import { jobValueOf } from '../bpmn/behavior/BpmnJobBehavior';
import type { CommandProcessor } from '../CommandProcessor';
import type { ProcessingContext } from '../ProcessingContext';
import type { TypedCommand } from '../Writers';
import { ACTIVE_JOB_STATES, checkJob } from './jobPreconditions';

export class JobCompleteProcessor implements CommandProcessor<{
  variables: Record<string, unknown>;
}> {
  process(
    command: TypedCommand<{ variables: Record<string, unknown> }>,
    ctx: ProcessingContext,
  ): void {
    const job = checkJob(command, ctx, 'complete', ACTIVE_JOB_STATES);
    if (!job) return;
    ctx.writers.appendEvent(job.key, 'JOB', 'COMPLETED', {
      ...jobValueOf(job),
      variables: command.value.variables,
    });
    const instance = ctx.state.elementInstances.get(job.elementInstanceKey);
    if (instance?.state === 'ELEMENT_ACTIVATED') {
      const context = contextOf(instance);
      ctx.writers.appendFollowUpCommand(
        context.key,
        'PROCESS_INSTANCE',
        'COMPLETE_ELEMENT',
        context.value,
      );
    }
    ctx.respond(undefined);
  }
}
