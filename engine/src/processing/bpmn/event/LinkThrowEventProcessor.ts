/**
 * Link intermediate throw events (Zeebe's IntermediateThrowEventProcessor link behaviour): the
 * token jumps to the link catch event with the same name in the same flow scope. The throw event
 * completes without taking a sequence flow or ending its path, and the catch event is activated
 * in its place (the catch event then passes through like a none event).
 */
import type { ExecutableFlowNode } from '../../../model/types';
import type { BpmnElementContext } from '../BpmnElementContext';
import type { BpmnElementProcessor } from '../BpmnElementProcessor';
import type { BpmnBehaviors } from '../behavior/BpmnBehaviors';
import { terminateActivity } from '../activitySteps';

export class LinkThrowEventProcessor implements BpmnElementProcessor {
  constructor(private readonly b: BpmnBehaviors) {}

  onActivate(element: ExecutableFlowNode, context: BpmnElementContext): void {
    const input = this.b.variableMappings.applyInputMappings(context, element);
    if (!input.ok) return this.b.incidents.createIncident(input.failure, context);
    this.b.transitions.transitionToActivated(context);
    this.b.transitions.completeElement(context);
  }

  onComplete(element: ExecutableFlowNode, context: BpmnElementContext): void {
    const output = this.b.variableMappings.applyOutputMappings(context, element);
    if (!output.ok) return this.b.incidents.createIncident(output.failure, context);
    const targetId = element.link?.targetId;
    const process = this.b.state.processes.getModel(context.value.processDefinitionKey);
    const target = targetId === undefined ? undefined : process?.elements.get(targetId);
    // deployment validation guarantees the catch event (LinkEventDefinitionValidator)
    if (!target) throw new Error(`Link catch event of '${element.id}' not found`);
    this.b.transitions.transitionToCompleted(context);
    this.b.transitions.activateInFlowScopeOf(context, target);
  }

  onTerminate(element: ExecutableFlowNode, context: BpmnElementContext): void {
    terminateActivity(this.b, element, context);
  }
}
