/**
 * Business rule task with a called decision (zeebe:calledDecision; Zeebe's
 * BusinessRuleTaskProcessor.CalledDecisionBehavior): input mappings, then the decision is
 * evaluated on activation and the task completes at once; its result variable is applied with
 * the output mappings. A failure is an incident; resolving it activates the task again, which
 * evaluates the decision again. (With a job worker instead, JobWorkerTaskProcessor runs it.)
 */
import type { ExecutableFlowNode } from '../../../model/types';
import type { BpmnElementContext } from '../BpmnElementContext';
import type { BpmnElementProcessor } from '../BpmnElementProcessor';
import type { BpmnBehaviors } from '../behavior/BpmnBehaviors';
import { completeActivity, terminateActivity } from '../activitySteps';

export class BusinessRuleTaskProcessor implements BpmnElementProcessor {
  constructor(private readonly b: BpmnBehaviors) {}

  onActivate(element: ExecutableFlowNode, context: BpmnElementContext): void {
    const b = this.b;
    const input = b.variableMappings.applyInputMappings(context, element);
    if (!input.ok) return b.incidents.createIncident(input.failure, context);
    const evaluated = b.decisions.evaluateDecision(element, context);
    if (!evaluated.ok) return b.incidents.createIncident(evaluated.failure, context);
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
