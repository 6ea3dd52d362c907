/**
 * Compensation intermediate throw and end events (Zeebe 8.6's compensation behaviours of
 * IntermediateThrowEventProcessor and EndEventProcessor): trigger the compensation of the
 * completed activities of the flow scope — or of the activity named by activityRef — and wait
 * until their handlers completed (waitForCompletion is always true in Zeebe); with nothing to
 * compensate, complete at once.
 */
import type { ExecutableFlowNode } from '../../../model/types';
import type { BpmnElementContext } from '../BpmnElementContext';
import type { BpmnElementProcessor } from '../BpmnElementProcessor';
import type { BpmnBehaviors } from '../behavior/BpmnBehaviors';
import { completeActivity, terminateActivity } from '../activitySteps';

export class CompensationThrowEventProcessor implements BpmnElementProcessor {
  constructor(private readonly b: BpmnBehaviors) {}

  onActivate(element: ExecutableFlowNode, context: BpmnElementContext): void {
    const b = this.b;
    const input = b.variableMappings.applyInputMappings(context, element);
    if (!input.ok) return b.incidents.createIncident(input.failure, context);
    b.transitions.transitionToActivated(context);
    const waits = b.compensations.triggerCompensation(context, element.compensation?.activityId);
    if (!waits) b.transitions.completeElement(context);
  }

  onComplete(element: ExecutableFlowNode, context: BpmnElementContext): void {
    completeActivity(this.b, element, context);
  }

  onTerminate(element: ExecutableFlowNode, context: BpmnElementContext): void {
    terminateActivity(this.b, element, context);
  }
}
