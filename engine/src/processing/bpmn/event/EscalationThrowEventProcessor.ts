/**
 * Escalation intermediate throw and end events (Zeebe's escalation behaviours of
 * IntermediateThrowEventProcessor and EndEventProcessor): throw the escalation to the nearest
 * escalation boundary event or event subprocess up the scopes. The event completes unless the
 * catch interrupts its scope (then it is terminated with the scope); an escalation nobody
 * catches is no incident.
 */
import type { ExecutableFlowNode } from '../../../model/types';
import type { BpmnElementContext } from '../BpmnElementContext';
import type { BpmnElementProcessor } from '../BpmnElementProcessor';
import type { BpmnBehaviors } from '../behavior/BpmnBehaviors';
import { completeActivity, terminateActivity } from '../activitySteps';

export class EscalationThrowEventProcessor implements BpmnElementProcessor {
  constructor(private readonly b: BpmnBehaviors) {}

  onActivate(element: ExecutableFlowNode, context: BpmnElementContext): void {
    const b = this.b;
    const input = b.variableMappings.applyInputMappings(context, element);
    if (!input.ok) return b.incidents.createIncident(input.failure, context);
    const code = b.expressions.evaluateString(
      element.escalation?.escalationCode ?? '',
      context.key,
    );
    if (!code.ok) return b.incidents.createIncident(code.failure, context);
    b.transitions.transitionToActivated(context);
    if (b.escalations.throwEscalationEvent(element, code.value, context)) {
      b.transitions.completeElement(context);
    }
  }

  onComplete(element: ExecutableFlowNode, context: BpmnElementContext): void {
    completeActivity(this.b, element, context);
  }

  onTerminate(element: ExecutableFlowNode, context: BpmnElementContext): void {
    terminateActivity(this.b, element, context);
  }
}
