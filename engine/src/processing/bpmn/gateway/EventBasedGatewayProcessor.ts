/**
 * Event-based gateway (Zeebe's EventBasedGatewayProcessor): waits with the subscriptions and
 * timers of the catch events after it. The first event wins: the gateway completes, closes the
 * others and activates the catch event that was triggered — without taking the sequence flow to
 * it, as the BPMN specification says — which completes at once with the event's variables.
 */
import type { ExecutableFlowNode } from '../../../model/types';
import type { ProcessEventValue } from '../../../state/protocol/values';
import { siblingValue, type BpmnElementContext } from '../BpmnElementContext';
import type { BpmnElementProcessor } from '../BpmnElementProcessor';
import type { BpmnBehaviors } from '../behavior/BpmnBehaviors';
import { terminateActivity } from '../activitySteps';

export class EventBasedGatewayProcessor implements BpmnElementProcessor {
  constructor(private readonly b: BpmnBehaviors) {}

  onActivate(element: ExecutableFlowNode, context: BpmnElementContext): void {
    const b = this.b;
    const subscribed = b.eventSubscriptions.subscribeToEvents(element, context, b.ctx.now);
    if (!subscribed.ok) return b.incidents.createIncident(subscribed.failure, context);
    b.transitions.transitionToActivated(context);
  }

  onComplete(_element: ExecutableFlowNode, context: BpmnElementContext): void {
    const b = this.b;
    const trigger = b.state.eventTriggers.get(context.key);
    const target = trigger
      ? b.state.processes
          .getModel(context.value.processDefinitionKey)
          ?.elements.get(trigger.elementId)
      : undefined;
    if (!trigger || !target) {
      throw new Error(
        'Expected an event trigger to complete the event-based gateway but not found.',
      );
    }
    b.eventSubscriptions.unsubscribeFromEvents(context);
    b.transitions.transitionToCompleted(context);
    const targetKey = b.state.keys.nextKey();
    const event = (scopeKey: string, flowScopeKey: string): ProcessEventValue => ({
      scopeKey,
      flowScopeKey,
      targetElementId: target.id,
      variables: trigger.variables,
      processDefinitionKey: context.value.processDefinitionKey,
      processInstanceKey: context.value.processInstanceKey,
      tenantId: context.value.tenantId,
    });
    b.ctx.writers.appendEvent(
      trigger.eventKey,
      'PROCESS_EVENT',
      'TRIGGERED',
      event(context.key, '-1'),
    );
    b.ctx.writers.appendEvent(
      trigger.eventKey,
      'PROCESS_EVENT',
      'TRIGGERING',
      event(targetKey, context.value.flowScopeKey),
    );
    b.transitions.activateElement(targetKey, siblingValue(context, target));
  }

  onTerminate(element: ExecutableFlowNode, context: BpmnElementContext): void {
    terminateActivity(this.b, element, context);
  }
}
