/** PROCESS_INSTANCE CANCEL: terminates a running root process instance. */
import type { ProcessInstanceValue } from '../../state/protocol/values';
import { contextOf } from '../bpmn/BpmnElementContext';
import type { CommandProcessor } from '../CommandProcessor';
import type { ProcessingContext } from '../ProcessingContext';
import type { TypedCommand } from '../Writers';

const TERMINABLE = new Set(['ELEMENT_ACTIVATING', 'ELEMENT_ACTIVATED', 'ELEMENT_COMPLETING']);

export class ProcessInstanceCancelProcessor implements CommandProcessor<
  Partial<ProcessInstanceValue>
> {
  process(command: TypedCommand<Partial<ProcessInstanceValue>>, ctx: ProcessingContext): void {
    const instance = ctx.state.elementInstances.get(command.key);
    if (!instance || instance.elementType !== 'PROCESS' || !TERMINABLE.has(instance.state)) {
      return ctx.reject(
        'NOT_FOUND',
        `Expected to cancel a process instance with key '${command.key}', but no such process was found`,
      );
    }
    if (instance.parentProcessInstanceKey !== '-1') {
      return ctx.reject(
        'INVALID_STATE',
        `Expected to cancel a process instance with key '${command.key}', but it is created by a parent process instance. Cancel the root process instance '${instance.parentProcessInstanceKey}' instead.`,
      );
    }
    const context = contextOf(instance);
    ctx.writers.appendFollowUpCommand(
      command.key,
      'PROCESS_INSTANCE',
      'TERMINATE_ELEMENT',
      context.value,
    );
    ctx.respond(undefined);
  }
}
