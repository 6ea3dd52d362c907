/**
 * What happens when an awaited event occurs (a message correlates, a timer fires, an error is
 * thrown): the waiting catch event completes, or a boundary event is activated — an
 * interrupting one after its activity is terminated. The event's variables travel as an event
 * trigger (PROCESS_EVENT) to the element instance that applies them on completion.
 */
import type { ExecutableFlowNode } from '../../../model/types';
import type { ElementInstance } from '../../../state/ElementInstanceState';
import type { EngineState } from '../../../state/EngineState';
import type { ProcessEventValue } from '../../../state/protocol/values';
import type { Writers } from '../../Writers';
import { contextOf, type BpmnElementContext } from '../BpmnElementContext';
import type { BpmnEventSubProcessBehavior } from './BpmnEventSubProcessBehavior';
import type { BpmnStateTransitionBehavior } from './BpmnStateTransitionBehavior';

type Variables = Record<string, unknown>;

export class BpmnEventTriggerBehavior {
  constructor(
    private readonly state: EngineState,
    private readonly writers: Writers,
    private readonly transitions: BpmnStateTransitionBehavior,
    private readonly eventSubProcesses: BpmnEventSubProcessBehavior,
  ) {}

  /** Whether the instance waiting with `waitingKey` accepts the event of `catchElementId` now. */
  canTrigger(waitingKey: string, catchElementId: string): boolean {
    const instance = this.state.elementInstances.get(waitingKey);
    if (!instance || instance.state !== 'ELEMENT_ACTIVATED') return false;
    if (catchElementId === instance.elementId) return !this.state.eventTriggers.get(waitingKey);
    const boundary = this.state.processes
      .getModel(instance.processDefinitionKey)
      ?.elements.get(catchElementId);
    if (!boundary) return false;
    if (this.eventSubProcesses.eventSubProcessOf(instance.processDefinitionKey, boundary)) {
      return this.eventSubProcesses.canTrigger(instance);
    }
    if (instance.elementType === 'EVENT_BASED_GATEWAY')
      return !this.state.eventTriggers.get(waitingKey);
    const interrupting = boundary.eventType === 'ERROR' || boundary.cancelActivity !== false;
    return !interrupting || !this.state.eventTriggers.get(waitingKey);
  }

  /**
   * The event awaited by `waitingKey` (an element instance) for the catch element
   * `catchElementId` occurred. Returns false when the instance no longer accepts it.
   */
  triggerCatchEvent(
    waitingKey: string,
    catchElementId: string,
    variables: Variables,
    eventKey: string,
  ): boolean {
    const instance = this.state.elementInstances.get(waitingKey);
    if (!instance || instance.state !== 'ELEMENT_ACTIVATED') return false;
    if (catchElementId === instance.elementId) {
      if (this.state.eventTriggers.get(waitingKey)) return false;
      this.trigger(eventKey, instance, waitingKey, '-1', catchElementId, variables);
      this.transitions.completeElement(contextOf(instance));
      return true;
    }
    const boundary = this.state.processes
      .getModel(instance.processDefinitionKey)
      ?.elements.get(catchElementId);
    if (!boundary) return false;
    if (this.eventSubProcesses.eventSubProcessOf(instance.processDefinitionKey, boundary)) {
      return this.eventSubProcesses.trigger(instance, boundary, variables, eventKey);
    }
    if (instance.elementType === 'EVENT_BASED_GATEWAY') {
      // the first event wins: the gateway completes and activates that catch event
      if (this.state.eventTriggers.get(waitingKey)) return false;
      this.trigger(eventKey, instance, waitingKey, '-1', catchElementId, variables);
      this.transitions.completeElement(contextOf(instance));
      return true;
    }
    return this.triggerBoundaryEvent(instance, boundary, variables, eventKey);
  }

  /** A caught error or escalation: activates the boundary event or the event subprocess. */
  triggerCatchElement(
    instance: ElementInstance,
    catchElement: ExecutableFlowNode,
    variables: Variables,
  ): boolean {
    if (this.eventSubProcesses.eventSubProcessOf(instance.processDefinitionKey, catchElement)) {
      return this.eventSubProcesses.trigger(instance, catchElement, variables);
    }
    return this.triggerBoundaryEvent(instance, catchElement, variables);
  }

  triggerBoundaryEvent(
    activity: ElementInstance,
    boundary: ExecutableFlowNode,
    variables: Variables,
    eventKey: string = this.state.keys.nextKey(),
  ): boolean {
    const interrupting = boundary.eventType === 'ERROR' || boundary.cancelActivity !== false;
    if (activity.state !== 'ELEMENT_ACTIVATED') return false;
    if (interrupting) {
      // An activity is interrupted once: the first interrupting event wins.
      if (this.state.eventTriggers.get(activity.key)) return false;
      this.trigger(eventKey, activity, activity.key, '-1', boundary.id, variables);
      this.transitions.terminateElement(contextOf(activity));
      return true;
    }
    const boundaryKey = this.state.keys.nextKey();
    this.trigger(eventKey, activity, boundaryKey, activity.flowScopeKey, boundary.id, variables);
    this.transitions.activateInFlowScopeOf(contextOf(activity), boundary, boundaryKey);
    return true;
  }

  /** Hands variables (a script result) to the element instance for its completion. */
  triggerWithVariables(context: BpmnElementContext, variables: Variables): void {
    const instance = this.state.elementInstances.get(context.key);
    if (!instance) return;
    this.trigger(
      this.state.keys.nextKey(),
      instance,
      context.key,
      '-1',
      instance.elementId,
      variables,
    );
  }

  /**
   * Called while an activity terminates: if an interrupting boundary event is why, activates
   * it (in the activity's flow scope) and returns true; the flow scope is then not notified.
   */
  activateTriggeredBoundaryEvent(
    element: ExecutableFlowNode,
    context: BpmnElementContext,
  ): boolean {
    const trigger = this.state.eventTriggers.get(context.key);
    if (!trigger || !element.boundaryEventIds.includes(trigger.elementId)) return false;
    const boundary = this.state.processes
      .getModel(context.value.processDefinitionKey)
      ?.elements.get(trigger.elementId);
    if (!boundary) return false;
    const activity = this.state.elementInstances.get(context.key);
    if (!activity) return false;
    this.writers.appendEvent(
      trigger.eventKey,
      'PROCESS_EVENT',
      'TRIGGERED',
      this.eventValue(activity, context.key, '-1', boundary.id, trigger.variables),
    );
    const boundaryKey = this.state.keys.nextKey();
    this.trigger(
      trigger.eventKey,
      activity,
      boundaryKey,
      activity.flowScopeKey,
      boundary.id,
      trigger.variables,
    );
    this.transitions.activateInFlowScopeOf(context, boundary, boundaryKey);
    return true;
  }

  private trigger(
    eventKey: string,
    instance: ElementInstance,
    scopeKey: string,
    flowScopeKey: string,
    targetElementId: string,
    variables: Variables,
  ): void {
    this.writers.appendEvent(
      eventKey,
      'PROCESS_EVENT',
      'TRIGGERING',
      this.eventValue(instance, scopeKey, flowScopeKey, targetElementId, variables),
    );
  }

  private eventValue(
    instance: ElementInstance,
    scopeKey: string,
    flowScopeKey: string,
    targetElementId: string,
    variables: Variables,
  ): ProcessEventValue {
    return {
      scopeKey,
      flowScopeKey,
      targetElementId,
      variables,
      processDefinitionKey: instance.processDefinitionKey,
      processInstanceKey: instance.processInstanceKey,
      tenantId: instance.tenantId,
    };
  }
}
