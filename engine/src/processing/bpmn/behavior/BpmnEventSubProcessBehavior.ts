/**
 * Triggers event subprocesses (Zeebe's EventTriggerBehavior.triggerEventSubProcess): the start
 * event of an event subprocess caught an event in its scope (the process or a subprocess
 * instance). A non-interrupting one is activated beside the other children, as often as the
 * event comes; an interrupting one closes the other event subprocesses' subscriptions,
 * terminates every child of the scope and is activated once the last one is gone. The event's
 * variables travel as an event trigger with the event subprocess instance's key.
 */
import type { ExecutableFlowNode } from '../../../model/types';
import type { ElementInstance } from '../../../state/ElementInstanceState';
import type { EngineState } from '../../../state/EngineState';
import type { ProcessEventValue } from '../../../state/protocol/values';
import type { Writers } from '../../Writers';
import { childValue, contextOf, type BpmnElementContext } from '../BpmnElementContext';
import type { BpmnEventSubscriptionBehavior } from './BpmnEventSubscriptionBehavior';
import type { BpmnStateTransitionBehavior } from './BpmnStateTransitionBehavior';

type Variables = Record<string, unknown>;

export class BpmnEventSubProcessBehavior {
  constructor(
    private readonly state: EngineState,
    private readonly writers: Writers,
    private readonly transitions: BpmnStateTransitionBehavior,
    private readonly subscriptions: BpmnEventSubscriptionBehavior,
  ) {}

  /** The event subprocess whose start event `element` is, if it is one. */
  eventSubProcessOf(
    processDefinitionKey: string,
    element: ExecutableFlowNode,
  ): ExecutableFlowNode | undefined {
    if (element.elementType !== 'START_EVENT') return undefined;
    const scope = this.state.processes
      .getModel(processDefinitionKey)
      ?.elements.get(element.flowScopeId);
    return scope?.elementType === 'EVENT_SUB_PROCESS' ? scope : undefined;
  }

  /** An interrupted scope accepts no more events; an active one accepts them all. */
  canTrigger(scope: ElementInstance): boolean {
    return scope.state === 'ELEMENT_ACTIVATED' && scope.runtime.interruptingKey === undefined;
  }

  /** The start event `startEvent` of an event subprocess of `scope` caught an event. */
  trigger(
    scope: ElementInstance,
    startEvent: ExecutableFlowNode,
    variables: Variables,
    eventKey: string = this.state.keys.nextKey(),
  ): boolean {
    const eventSubProcess = this.eventSubProcessOf(scope.processDefinitionKey, startEvent);
    if (!eventSubProcess || !this.canTrigger(scope)) return false;
    const eventSubProcessKey = this.state.keys.nextKey();
    this.writers.appendEvent(eventKey, 'PROCESS_EVENT', 'TRIGGERING', {
      scopeKey: eventSubProcessKey,
      flowScopeKey: scope.key,
      targetElementId: startEvent.id,
      variables,
      processDefinitionKey: scope.processDefinitionKey,
      processInstanceKey: scope.processInstanceKey,
      tenantId: scope.tenantId,
    } satisfies ProcessEventValue);
    const scopeContext = contextOf(scope);
    if (startEvent.interrupting !== false) {
      this.subscriptions.unsubscribeFromEvents(scopeContext, (catchElementId) =>
        this.isEventSubProcessStart(scope.processDefinitionKey, catchElementId),
      );
      // the event subprocess starts when the last child is terminated (see activatePending)
      if (!this.transitions.terminateChildInstances(scopeContext)) return true;
    }
    this.transitions.activateElement(eventSubProcessKey, childValue(scopeContext, eventSubProcess));
    return true;
  }

  /**
   * Called by a container when a child ended: activates the interrupting event subprocess that
   * waited for the children to be terminated. True when it did.
   */
  activatePending(scope: BpmnElementContext): boolean {
    const instance = this.state.elementInstances.get(scope.key);
    const pendingKey = instance?.runtime.interruptingKey;
    if (!instance || pendingKey === undefined || instance.state !== 'ELEMENT_ACTIVATED')
      return false;
    if (this.state.elementInstances.get(pendingKey)) return false;
    if (this.writers.pendingFollowUps().some((command) => command.key === pendingKey)) return false;
    if (this.state.elementInstances.childCount(scope.key) > 0) return false;
    const trigger = this.state.eventTriggers.get(pendingKey);
    const startEvent = trigger
      ? this.state.processes
          .getModel(instance.processDefinitionKey)
          ?.elements.get(trigger.elementId)
      : undefined;
    const eventSubProcess = startEvent
      ? this.eventSubProcessOf(instance.processDefinitionKey, startEvent)
      : undefined;
    if (!eventSubProcess) return false;
    this.transitions.activateElement(pendingKey, childValue(scope, eventSubProcess));
    return true;
  }

  private isEventSubProcessStart(processDefinitionKey: string, elementId: string): boolean {
    const element = this.state.processes.getModel(processDefinitionKey)?.elements.get(elementId);
    return (
      element !== undefined && this.eventSubProcessOf(processDefinitionKey, element) !== undefined
    );
  }
}
