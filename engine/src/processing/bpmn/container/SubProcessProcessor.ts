/**
 * Embedded subprocess (Zeebe's SubProcessProcessor): a scope with its own variables (input
 * mappings) and boundary events; completes when no token is left inside.
 */
import type { ExecutableFlowNode } from '../../../model/types';
import type { BpmnElementContext } from '../BpmnElementContext';
import type { BpmnContainerProcessor } from '../BpmnElementProcessor';
import type { BpmnBehaviors } from '../behavior/BpmnBehaviors';
import { completeActivity, terminateActivity } from '../activitySteps';
import { onChildCompleted, onChildTerminated } from './containerSteps';

export class SubProcessProcessor implements BpmnContainerProcessor {
  constructor(private readonly b: BpmnBehaviors) {}

  onActivate(element: ExecutableFlowNode, context: BpmnElementContext): void {
    const b = this.b;
    const input = b.variableMappings.applyInputMappings(context, element);
    if (!input.ok) return b.incidents.createIncident(input.failure, context);
    const subscribed = b.eventSubscriptions.subscribeToEvents(element, context, b.ctx.now);
    if (!subscribed.ok) return b.incidents.createIncident(subscribed.failure, context);
    b.transitions.transitionToActivated(context);
    const process = b.state.processes.getModel(context.value.processDefinitionKey);
    const startId = element.startEventIds?.[0];
    const startEvent = startId === undefined ? undefined : process?.elements.get(startId);
    if (startEvent) b.transitions.activateChildInstance(context, startEvent);
    else b.transitions.completeElement(context);
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
