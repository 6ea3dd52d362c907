/**
 * Elements that wait for an event of their own: receive tasks and message/timer intermediate
 * catch events. They open their subscriptions (and those of their boundary events) on
 * activation and complete when the event is triggered.
 */
import type { ExecutableFlowNode } from '../../../model/types';
import type { BpmnElementContext } from '../BpmnElementContext';
import type { BpmnElementProcessor } from '../BpmnElementProcessor';
import type { BpmnBehaviors } from '../behavior/BpmnBehaviors';
import { completeActivity, terminateActivity } from '../activitySteps';

export class CatchEventWaitProcessor implements BpmnElementProcessor {
  constructor(private readonly b: BpmnBehaviors) {}

  onActivate(element: ExecutableFlowNode, context: BpmnElementContext): void {
    const b = this.b;
    if (b.state.eventTriggers.get(context.key)?.elementId === element.id) {
      // after an event-based gateway: the event already occurred, its variables come along
      b.transitions.transitionToActivated(context);
      return b.transitions.completeElement(context);
    }
    const input = b.variableMappings.applyInputMappings(context, element);
    if (!input.ok) return b.incidents.createIncident(input.failure, context);
    const subscribed = b.eventSubscriptions.subscribeToEvents(element, context, b.ctx.now);
    if (!subscribed.ok) return b.incidents.createIncident(subscribed.failure, context);
    b.transitions.transitionToActivated(context);
  }

  onComplete(element: ExecutableFlowNode, context: BpmnElementContext): void {
    completeActivity(this.b, element, context);
  }

  onTerminate(element: ExecutableFlowNode, context: BpmnElementContext): void {
    terminateActivity(this.b, element, context);
  }
}
