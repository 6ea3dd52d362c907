/**
 * TIMER TRIGGER (written by the due-date scheduler): the timer catch event completes, the timer
 * boundary event or event subprocess is activated, or — for a timer start event — a new process
 * instance starts; a cycle on a non-interrupting boundary event or event subprocess or on a start
 * event is scheduled again while repetitions remain (Zeebe's TriggerTimerProcessor). An overdue
 * cycle (the engine was down) fires once and goes on from now.
 */
import type { TimerValue } from '../../state/protocol/values';
import type { Timer } from '../../state/TimerState';
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
    if (timer.elementInstanceKey === '-1') return this.triggerStartEvent(timer, ctx);
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
    const nonInterrupting =
      catchEvent?.elementType === 'START_EVENT'
        ? catchEvent.interrupting === false
        : catchEvent?.cancelActivity === false;
    if (!instance || !catchEvent?.timer || !nonInterrupting) return;
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

  /** A timer start event: a new instance of the process, and the cycle's next timer. */
  private triggerStartEvent(timer: Timer, ctx: ProcessingContext): void {
    const deployed = ctx.state.processes.getProcessByKey(timer.processDefinitionKey);
    const startEvent = deployed?.process.elements.get(timer.targetElementId);
    if (!deployed || !startEvent?.timer) {
      return ctx.reject(
        'NOT_FOUND',
        `Expected to trigger timer with key '${timer.key}', but no process definition with key '${timer.processDefinitionKey}' was found`,
      );
    }
    const processInstanceKey = ctx.state.keys.nextKey();
    ctx.writers.appendEvent(timer.key, 'TIMER', 'TRIGGERED', {
      ...timerValueOf(timer),
      processInstanceKey,
    });
    this.b.startEvents.startProcessInstance(deployed, startEvent.id, {}, processInstanceKey);
    if (timer.repetitions === 1) return;
    const evaluated = this.b.timers.evaluate(startEvent.timer, '-1', ctx.now);
    if (!evaluated.ok) return;
    const next = this.b.timers.next(evaluated.value.spec, timer.dueDate, ctx.now);
    if (next === undefined) return;
    ctx.writers.appendEvent(ctx.state.keys.nextKey(), 'TIMER', 'CREATED', {
      ...timerValueOf(timer),
      dueDate: next,
      repetitions: timer.repetitions === -1 ? -1 : timer.repetitions - 1,
    });
  }
}

function timerValueOf(timer: Timer): TimerValue {
  return {
    elementInstanceKey: timer.elementInstanceKey,
    processInstanceKey: timer.processInstanceKey,
    processDefinitionKey: timer.processDefinitionKey,
    targetElementId: timer.targetElementId,
    dueDate: timer.dueDate,
    repetitions: timer.repetitions,
    tenantId: timer.tenantId,
  };
}
