/**
 * Start events (Zeebe's StartEventProcessor): pass the token on. On completing — after the
 * output mappings applied the variables of the event that started the instance — the event
 * subprocesses of the flow scope start listening, so their correlation keys can use them.
 */
import type { ExecutableFlowNode } from '../../../model/types';
import { contextOf, type BpmnElementContext } from '../BpmnElementContext';
import type { BpmnElementProcessor } from '../BpmnElementProcessor';
import type { BpmnBehaviors } from '../behavior/BpmnBehaviors';
import { terminateActivity } from '../activitySteps';

export class StartEventProcessor implements BpmnElementProcessor {
  constructor(private readonly b: BpmnBehaviors) {}

  onActivate(element: ExecutableFlowNode, context: BpmnElementContext): void {
    const input = this.b.variableMappings.applyInputMappings(context, element);
    if (!input.ok) return this.b.incidents.createIncident(input.failure, context);
    this.b.transitions.transitionToActivated(context);
    this.b.transitions.completeElement(context);
  }

  onComplete(element: ExecutableFlowNode, context: BpmnElementContext): void {
    const b = this.b;
    const output = b.variableMappings.applyOutputMappings(context, element);
    if (!output.ok) return b.incidents.createIncident(output.failure, context);
    const pathEnd = b.transitions.beforeExecutionPathCompleted(element, context);
    if (!pathEnd.ok) return b.incidents.createIncident(pathEnd.failure, context);
    const scope = b.state.elementInstances.get(context.value.flowScopeKey);
    const scopeElement = scope
      ? b.state.processes.getModel(scope.processDefinitionKey)?.elements.get(scope.elementId)
      : undefined;
    if (scope && scopeElement) {
      const subscribed = b.eventSubscriptions.subscribeToEventSubProcesses(
        scopeElement,
        contextOf(scope),
        b.ctx.now,
      );
      if (!subscribed.ok) return b.incidents.createIncident(subscribed.failure, context);
    }
    b.transitions.transitionToCompleted(context);
    b.transitions.takeOutgoingSequenceFlows(element, context, pathEnd.value);
  }

  onTerminate(element: ExecutableFlowNode, context: BpmnElementContext): void {
    terminateActivity(this.b, element, context);
  }
}
