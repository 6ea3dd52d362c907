/**
 * Error end event: throws the error to the nearest catching boundary event up the scopes, or
 * raises an UNHANDLED_ERROR_EVENT incident. It never completes: the catch terminates its scope.
 */
import type { ExecutableFlowNode } from '../../../model/types';
import type { BpmnElementContext } from '../BpmnElementContext';
import type { BpmnElementProcessor } from '../BpmnElementProcessor';
import type { BpmnBehaviors } from '../behavior/BpmnBehaviors';
import { terminateElement } from '../activitySteps';

export class ErrorEndEventProcessor implements BpmnElementProcessor {
  constructor(private readonly b: BpmnBehaviors) {}

  onActivate(element: ExecutableFlowNode, context: BpmnElementContext): void {
    const b = this.b;
    const input = b.variableMappings.applyInputMappings(context, element);
    if (!input.ok) return b.incidents.createIncident(input.failure, context);
    const code = b.expressions.evaluateString(element.error?.errorCode ?? '', context.key);
    if (!code.ok) return b.incidents.createIncident(code.failure, context);
    const found = b.errors.findErrorCatchEvent(
      code.value,
      b.state.elementInstances.get(context.key),
    );
    if (!found.ok) return b.incidents.createIncident(found.failure, context);
    b.transitions.transitionToActivated(context);
    b.errors.throwErrorEvent(found.value, {});
  }

  onComplete(): void {
    throw new Error('An error end event does not complete');
  }

  onTerminate(element: ExecutableFlowNode, context: BpmnElementContext): void {
    terminateElement(this.b, element, context);
  }
}
