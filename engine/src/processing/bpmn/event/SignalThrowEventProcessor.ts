/**
 * Signal intermediate throw and end events (Zeebe's IntermediateThrowEventProcessor and
 * EndEventProcessor signal behaviours): broadcast the signal with the element's local variables
 * (its input mappings) in the tenant of the instance, then complete.
 */
import type { ExecutableFlowNode } from '../../../model/types';
import type { BpmnElementContext } from '../BpmnElementContext';
import type { BpmnElementProcessor } from '../BpmnElementProcessor';
import type { BpmnBehaviors } from '../behavior/BpmnBehaviors';
import { completeActivity, terminateActivity } from '../activitySteps';

export class SignalThrowEventProcessor implements BpmnElementProcessor {
  constructor(private readonly b: BpmnBehaviors) {}

  onActivate(element: ExecutableFlowNode, context: BpmnElementContext): void {
    const b = this.b;
    const input = b.variableMappings.applyInputMappings(context, element);
    if (!input.ok) return b.incidents.createIncident(input.failure, context);
    const broadcast = b.signals.broadcastNewSignal(element, context);
    if (!broadcast.ok) return b.incidents.createIncident(broadcast.failure, context);
    b.transitions.transitionToActivated(context);
    b.transitions.completeElement(context);
  }

  onComplete(element: ExecutableFlowNode, context: BpmnElementContext): void {
    completeActivity(this.b, element, context);
  }

  onTerminate(element: ExecutableFlowNode, context: BpmnElementContext): void {
    terminateActivity(this.b, element, context);
  }
}
