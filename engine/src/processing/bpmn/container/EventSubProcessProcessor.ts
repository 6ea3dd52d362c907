/**
 * Event subprocess (Zeebe's EventSubProcessProcessor): activated in its scope when its start
 * event caught an event (see BpmnEventSubProcessBehavior); it hands the event's variables to
 * its start event and completes, like an embedded subprocess, when no token is left inside.
 */
import type { ExecutableFlowNode } from '../../../model/types';
import type { ProcessEventValue } from '../../../state/protocol/values';
import { childValue, type BpmnElementContext } from '../BpmnElementContext';
import type { BpmnContainerProcessor } from '../BpmnElementProcessor';
import type { BpmnBehaviors } from '../behavior/BpmnBehaviors';
import { completeActivity, terminateActivity } from '../activitySteps';
import { onChildCompleted, onChildTerminated } from './containerSteps';

export class EventSubProcessProcessor implements BpmnContainerProcessor {
  constructor(private readonly b: BpmnBehaviors) {}

  onActivate(element: ExecutableFlowNode, context: BpmnElementContext): void {
    const b = this.b;
    const input = b.variableMappings.applyInputMappings(context, element);
    if (!input.ok) return b.incidents.createIncident(input.failure, context);
    b.transitions.transitionToActivated(context);
    const startId = element.startEventIds?.[0];
    const startEvent =
      startId === undefined
        ? undefined
        : b.state.processes.getModel(context.value.processDefinitionKey)?.elements.get(startId);
    if (!startEvent) return b.transitions.completeElement(context);
    const startKey = b.state.keys.nextKey();
    const trigger = b.state.eventTriggers.get(context.key);
    if (trigger) {
      // the start event's output mappings apply the event's variables
      const event = (scopeKey: string, variables: Record<string, unknown>): ProcessEventValue => ({
        scopeKey,
        flowScopeKey: '-1',
        targetElementId: startEvent.id,
        variables,
        processDefinitionKey: context.value.processDefinitionKey,
        processInstanceKey: context.value.processInstanceKey,
        tenantId: context.value.tenantId,
      });
      b.ctx.writers.appendEvent(
        trigger.eventKey,
        'PROCESS_EVENT',
        'TRIGGERED',
        event(context.key, {}),
      );
      b.ctx.writers.appendEvent(
        trigger.eventKey,
        'PROCESS_EVENT',
        'TRIGGERING',
        event(startKey, trigger.variables),
      );
    }
    b.transitions.activateElement(startKey, childValue(context, startEvent));
  }

  onComplete(element: ExecutableFlowNode, context: BpmnElementContext): void {
    completeActivity(this.b, element, context);
  }

  onTerminate(element: ExecutableFlowNode, context: BpmnElementContext): void {
    this.b.eventSubscriptions.unsubscribeFromEvents(context);
    if (this.b.transitions.terminateChildInstances(context))
      terminateActivity(this.b, element, context);
  }

  onChildCompleted(_element: ExecutableFlowNode, flowScope: BpmnElementContext): void {
    onChildCompleted(this.b, flowScope);
  }

  onChildTerminated(element: ExecutableFlowNode, flowScope: BpmnElementContext): void {
    onChildTerminated(this.b, element, flowScope, (e, c) => terminateActivity(this.b, e, c));
  }
}
