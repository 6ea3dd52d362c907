/** Steps shared by the element processors of activities and catch events. */
import type { ExecutableFlowNode } from '../../model/types';
import type { BpmnElementContext } from './BpmnElementContext';
import type { BpmnBehaviors } from './behavior/BpmnBehaviors';

/** Output mappings, close subscriptions, complete, take the outgoing flows. */
export function completeActivity(
  b: BpmnBehaviors,
  element: ExecutableFlowNode,
  context: BpmnElementContext,
): void {
  const output = b.variableMappings.applyOutputMappings(context, element);
  if (!output.ok) {
    b.incidents.createIncident(output.failure, context);
    return;
  }
  const pathEnd = b.transitions.beforeExecutionPathCompleted(element, context);
  if (!pathEnd.ok) {
    b.incidents.createIncident(pathEnd.failure, context);
    return;
  }
  b.eventSubscriptions.unsubscribeFromEvents(context);
  // a completed activity with a compensation handler can be compensated later
  b.compensations.createSubscription(element, context);
  b.transitions.transitionToCompleted(context);
  b.compensations.completeHandler(context);
  b.transitions.takeOutgoingSequenceFlows(element, context, pathEnd.value);
}

/**
 * Close subscriptions, resolve incidents, terminate; then activate the interrupting boundary
 * event that caused it, or tell the flow scope.
 */
export function terminateActivity(
  b: BpmnBehaviors,
  element: ExecutableFlowNode,
  context: BpmnElementContext,
): void {
  b.eventSubscriptions.unsubscribeFromEvents(context);
  b.incidents.resolveIncidents(context);
  const boundaryActivated = b.eventTriggers.activateTriggeredBoundaryEvent(element, context);
  b.transitions.transitionToTerminated(context);
  if (!boundaryActivated) b.transitions.onElementTerminated(element, context);
}

/** For elements without a wait state: terminate and tell the flow scope. */
export function terminateElement(
  b: BpmnBehaviors,
  element: ExecutableFlowNode,
  context: BpmnElementContext,
): void {
  b.incidents.resolveIncidents(context);
  b.transitions.transitionToTerminated(context);
  b.transitions.onElementTerminated(element, context);
}
