/**
 * Opens and closes the event subscriptions of a waiting element (Zeebe's
 * BpmnEventSubscriptionBehavior / CatchEventBehavior): message and signal subscriptions and
 * timers of a catch event or receive task, and of the boundary events of an activity.
 * Everything is evaluated first, so a failing expression opens nothing (it becomes an incident).
 */
import type { ExecutableFlowNode } from '../../../model/types';
import type { EngineState } from '../../../state/EngineState';
import type {
  MessageSubscriptionValue,
  SignalSubscriptionValue,
  TimerValue,
} from '../../../state/protocol/values';
import { RIGHT_VOID, left, right, type Either } from '../../Either';
import type { Writers } from '../../Writers';
import type { BpmnElementContext } from '../BpmnElementContext';
import type { ExpressionBehavior } from './ExpressionBehavior';
import { expressionText } from './BpmnJobBehavior';
import type { TimerBehavior } from './TimerBehavior';

type Opening =
  | {
      kind: 'message';
      catchElement: ExecutableFlowNode;
      name: string;
      correlationKey: string;
      interrupting: boolean;
    }
  | { kind: 'timer'; catchElement: ExecutableFlowNode; dueDate: number; repetitions: number }
  | { kind: 'signal'; catchElement: ExecutableFlowNode; name: string };

const waitsForEvent = (element: ExecutableFlowNode) =>
  Boolean(element.message || element.timer || element.signal);

export class BpmnEventSubscriptionBehavior {
  constructor(
    private readonly state: EngineState,
    private readonly writers: Writers,
    private readonly expressions: ExpressionBehavior,
    private readonly timers: TimerBehavior,
  ) {}

  /**
   * The catch elements an instance of `element` waits for: itself and/or its boundary events, or
   * the catch events after an event-based gateway.
   */
  catchElementsOf(element: ExecutableFlowNode, processDefinitionKey: string): ExecutableFlowNode[] {
    const process = this.state.processes.getModel(processDefinitionKey);
    const found: ExecutableFlowNode[] = [];
    for (const id of element.eventBasedTargets ?? []) {
      const target = process?.elements.get(id);
      if (target && waitsForEvent(target)) found.push(target);
    }
    if (
      (element.elementType === 'INTERMEDIATE_CATCH_EVENT' ||
        element.elementType === 'RECEIVE_TASK') &&
      waitsForEvent(element)
    ) {
      found.push(element);
    }
    for (const id of element.boundaryEventIds) {
      const boundary = process?.elements.get(id);
      if (boundary && waitsForEvent(boundary)) found.push(boundary);
    }
    return found;
  }

  subscribeToEvents(
    element: ExecutableFlowNode,
    context: BpmnElementContext,
    now: number,
  ): Either<void> {
    return this.open(
      this.catchElementsOf(element, context.value.processDefinitionKey),
      context,
      now,
    );
  }

  /**
   * The message, timer and signal start events of the event subprocesses of a container (the
   * process, a subprocess or an event subprocess), opened on the container instance `context`
   * when its start event completes — so they see the variables the start event brought (Zeebe's
   * StartEventProcessor).
   */
  subscribeToEventSubProcesses(
    container: ExecutableFlowNode,
    context: BpmnElementContext,
    now: number,
  ): Either<void> {
    const process = this.state.processes.getModel(context.value.processDefinitionKey);
    const startEvents: ExecutableFlowNode[] = [];
    for (const id of container.eventSubProcessIds ?? []) {
      const startId = process?.elements.get(id)?.startEventIds?.[0];
      const start = startId === undefined ? undefined : process?.elements.get(startId);
      if (start && waitsForEvent(start)) startEvents.push(start);
    }
    return this.open(startEvents, context, now);
  }

  private open(
    catchElements: ExecutableFlowNode[],
    context: BpmnElementContext,
    now: number,
  ): Either<void> {
    const openings: Opening[] = [];
    for (const catchElement of catchElements) {
      const opening = this.evaluate(catchElement, context, now);
      if (!opening.ok) return opening;
      openings.push(opening.value);
    }
    for (const opening of openings) {
      if (opening.kind === 'message') this.openMessageSubscription(opening, context);
      else if (opening.kind === 'signal') this.openSignalSubscription(opening, context);
      else this.createTimer(opening.catchElement.id, opening.dueDate, opening.repetitions, context);
    }
    return RIGHT_VOID;
  }

  private evaluate(
    catchElement: ExecutableFlowNode,
    context: BpmnElementContext,
    now: number,
  ): Either<Opening> {
    if (catchElement.timer) {
      const timer = this.timers.evaluate(catchElement.timer, context.key, now);
      if (!timer.ok) return timer;
      return right({
        kind: 'timer',
        catchElement,
        dueDate: timer.value.dueDate,
        repetitions: timer.value.repetitions,
      });
    }
    if (catchElement.signal) {
      const name = this.expressions.evaluateString(catchElement.signal.name, context.key);
      if (!name.ok) return name;
      return right({ kind: 'signal', catchElement, name: name.value });
    }
    const message = catchElement.message!;
    const name = this.expressions.evaluateString(message.name, context.key);
    if (!name.ok) return name;
    const correlationKey = this.correlationKey(
      message.correlationKey ?? '',
      catchElement,
      context.key,
    );
    if (!correlationKey.ok) return correlationKey;
    const interrupting =
      catchElement.elementType === 'START_EVENT'
        ? catchElement.interrupting !== false
        : catchElement.elementType !== 'BOUNDARY_EVENT' || catchElement.cancelActivity !== false;
    return right({
      kind: 'message',
      catchElement,
      name: name.value,
      correlationKey: correlationKey.value,
      interrupting,
    });
  }

  private correlationKey(
    raw: string,
    catchElement: ExecutableFlowNode,
    scopeKey: string,
  ): Either<string> {
    const value = this.expressions.evaluateAny(raw, scopeKey);
    if (!value.ok) return value;
    if (typeof value.value === 'string') return right(value.value);
    if (typeof value.value === 'number') return right(String(value.value));
    const type =
      value.value === null
        ? 'NULL'
        : Array.isArray(value.value)
          ? 'ARRAY'
          : typeof value.value === 'boolean'
            ? 'BOOLEAN'
            : 'OBJECT';
    return left(
      `Failed to extract the correlation key for '${expressionText(raw)}': The value must be either a string or a number, but was '${type}'.`,
      'EXTRACT_VALUE_ERROR',
      scopeKey,
    );
  }

  private openMessageSubscription(
    opening: Extract<Opening, { kind: 'message' }>,
    context: BpmnElementContext,
  ): void {
    const key = this.state.keys.nextKey();
    const value: MessageSubscriptionValue = {
      processInstanceKey: context.value.processInstanceKey,
      elementInstanceKey: context.key,
      processDefinitionKey: context.value.processDefinitionKey,
      bpmnProcessId: context.value.bpmnProcessId,
      elementId: opening.catchElement.id,
      messageName: opening.name,
      correlationKey: opening.correlationKey,
      messageKey: '-1',
      variables: {},
      interrupting: opening.interrupting,
      tenantId: context.value.tenantId,
    };
    this.writers.appendEvent(key, 'PROCESS_MESSAGE_SUBSCRIPTION', 'CREATED', value);
    this.writers.appendEvent(key, 'MESSAGE_SUBSCRIPTION', 'CREATED', value);
    // A buffered message correlates after the element is activated (as on Zeebe's message partition).
    if (
      this.state.messages.buffered(value.tenantId, value.messageName, value.correlationKey).length >
      0
    ) {
      this.writers.appendFollowUpCommand(key, 'PROCESS_MESSAGE_SUBSCRIPTION', 'CORRELATE', value);
    }
  }

  private openSignalSubscription(
    opening: Extract<Opening, { kind: 'signal' }>,
    context: BpmnElementContext,
  ): void {
    this.writers.appendEvent(this.state.keys.nextKey(), 'SIGNAL_SUBSCRIPTION', 'CREATED', {
      signalName: opening.name,
      catchEventId: opening.catchElement.id,
      catchEventInstanceKey: context.key,
      processInstanceKey: context.value.processInstanceKey,
      processDefinitionKey: context.value.processDefinitionKey,
      bpmnProcessId: context.value.bpmnProcessId,
      tenantId: context.value.tenantId,
    } satisfies SignalSubscriptionValue);
  }

  createTimer(
    targetElementId: string,
    dueDate: number,
    repetitions: number,
    context: BpmnElementContext,
  ): void {
    const value: TimerValue = {
      elementInstanceKey: context.key,
      processInstanceKey: context.value.processInstanceKey,
      processDefinitionKey: context.value.processDefinitionKey,
      targetElementId,
      dueDate,
      repetitions,
      tenantId: context.value.tenantId,
    };
    this.writers.appendEvent(this.state.keys.nextKey(), 'TIMER', 'CREATED', value);
  }

  /**
   * Closes every subscription and timer the element instance waits with — or only those of the
   * catch elements `only` accepts (an interrupting event subprocess closes the other event
   * subprocesses' start events, not the boundary events of its scope).
   */
  unsubscribeFromEvents(
    context: BpmnElementContext,
    only: (catchElementId: string) => boolean = () => true,
  ): void {
    for (const subscription of this.state.subscriptions.ofElementInstance(context.key)) {
      if (!only(subscription.elementId)) continue;
      const value: MessageSubscriptionValue = {
        processInstanceKey: subscription.processInstanceKey,
        elementInstanceKey: subscription.elementInstanceKey,
        processDefinitionKey: subscription.processDefinitionKey,
        bpmnProcessId: subscription.bpmnProcessId,
        elementId: subscription.elementId,
        messageName: subscription.messageName,
        correlationKey: subscription.correlationKey,
        messageKey: '-1',
        variables: {},
        interrupting: subscription.interrupting,
        tenantId: subscription.tenantId,
      };
      this.writers.appendEvent(subscription.key, 'PROCESS_MESSAGE_SUBSCRIPTION', 'DELETED', value);
      this.writers.appendEvent(subscription.key, 'MESSAGE_SUBSCRIPTION', 'DELETED', value);
    }
    for (const subscription of this.state.signals.ofElementInstance(context.key)) {
      if (!only(subscription.catchEventId)) continue;
      this.writers.appendEvent(subscription.key, 'SIGNAL_SUBSCRIPTION', 'DELETED', {
        signalName: subscription.signalName,
        catchEventId: subscription.catchEventId,
        catchEventInstanceKey: subscription.elementInstanceKey,
        processInstanceKey: subscription.processInstanceKey,
        processDefinitionKey: subscription.processDefinitionKey,
        bpmnProcessId: subscription.bpmnProcessId,
        tenantId: subscription.tenantId,
      } satisfies SignalSubscriptionValue);
    }
    for (const timer of this.state.timers.ofElementInstance(context.key)) {
      if (!only(timer.targetElementId)) continue;
      const value: TimerValue = {
        elementInstanceKey: timer.elementInstanceKey,
        processInstanceKey: timer.processInstanceKey,
        processDefinitionKey: timer.processDefinitionKey,
        targetElementId: timer.targetElementId,
        dueDate: timer.dueDate,
        repetitions: timer.repetitions,
        tenantId: timer.tenantId,
      };
      this.writers.appendEvent(timer.key, 'TIMER', 'CANCELED', value);
    }
  }
}
