/**
 * TIMER TRIGGER (written by the due-date scheduler): the timer catch event completes or the
 * timer boundary event is activated; a cycle on a non-interrupting boundary event is scheduled
 * again while repetitions remain (Zeebe's TriggerTimerProcessor).
 */
import type { TimerValue } from '../../state/protocol/values';
import { contextOf } from '../bpmn/BpmnElementContext';
import type { BpmnBehaviors } from '../bpmn/behavior/BpmnBehaviors';
import type { CommandProcessor } from '../CommandProcessor';
import type { ProcessingContext } from '../ProcessingContext';
import type { TypedCommand } from '../Writers';

export class TimerTriggerProcessor implements CommandProcessor<TimerValue> {
  constructor(private readonly b: BpmnBehaviors) {}

  process(command: TypedCommand<TimerValue>, ctx: ProcessingContext): void {
    const timer = ctx.state.timers.get(command.key);
    if (!timer) {
      return ctx.reject(
        'NOT_FOUND',
        `Expected to trigger timer with key '${command.key}', but no such timer was found`,
      );
    }
    if (!this.b.eventTriggers.canTrigger(timer.elementInstanceKey, timer.targetElementId)) {
      return ctx.reject(
        'INVALID_STATE',
        `Expected to trigger event for element instance with key '${timer.elementInstanceKey}', but it is not active`,
      );
    }
    const value: TimerValue = {
      elementInstanceKey: timer.elementInstanceKey,
      processInstanceKey: timer.processInstanceKey,
      processDefinitionKey: timer.processDefinitionKey,
      targetElementId: timer.targetElementId,
      dueDate: timer.dueDate,
      repetitions: timer.repetitions,
      tenantId: timer.tenantId,
    };
    ctx.writers.appendEvent(timer.key, 'TIMER', 'TRIGGERED', value);
    this.b.eventTriggers.triggerCatchEvent(
      timer.elementInstanceKey,
      timer.targetElementId,
      {},
      timer.key,
    );
    this.rescheduleCycle(timer, ctx);
  }

  private rescheduleCycle(timer: TimerValue & { key: string }, ctx: ProcessingContext): void {
    if (timer.repetitions === 1) return;
    const instance = ctx.state.elementInstances.get(timer.elementInstanceKey);
    const catchEvent = instance
      ? ctx.state.processes
          .getModel(instance.processDefinitionKey)
          ?.elements.get(timer.targetElementId)
      : undefined;
    if (!instance || !catchEvent?.timer || catchEvent.cancelActivity !== false) return;
    if (instance.state !== 'ELEMENT_ACTIVATED') return;
    const evaluated = this.b.timers.evaluate(catchEvent.timer, instance.key, ctx.now);
    if (!evaluated.ok) return;
    const next = this.b.timers.next(evaluated.value.spec, timer.dueDate, ctx.now);
    if (next === undefined) return;
    const repetitions = timer.repetitions === -1 ? -1 : timer.repetitions - 1;
    this.b.eventSubscriptions.createTimer(
      timer.targetElementId,
      next,
      repetitions,
      contextOf(instance),
    );
  }
}
