/**
 * Inclusive gateway (Zeebe's InclusiveGatewayProcessor): takes every outgoing flow whose
 * condition holds, else the default flow, else an incident. As a join it is activated only when
 * BpmnInclusiveGatewayBehavior lets it (checked in BpmnStreamProcessor).
 */
import type { ExecutableFlowNode } from '../../../model/types';
import { left, right, type Either } from '../../Either';
import type { BpmnElementContext } from '../BpmnElementContext';
import type { BpmnElementProcessor } from '../BpmnElementProcessor';
import type { BpmnBehaviors } from '../behavior/BpmnBehaviors';
import { terminateElement } from '../activitySteps';

const NO_OUTGOING_FLOW_CHOSEN_ERROR =
  'Expected at least one condition to evaluate to true, or to have a default flow';

export class InclusiveGatewayProcessor implements BpmnElementProcessor {
  constructor(private readonly b: BpmnBehaviors) {}

  onActivate(element: ExecutableFlowNode, context: BpmnElementContext): void {
    const flows = this.findSequenceFlowsToTake(element, context);
    if (!flows.ok) return this.b.incidents.createIncident(flows.failure, context);
    const t = this.b.transitions;
    t.transitionToActivated(context);
    t.transitionToCompleting(context);
    t.transitionToCompleted(context);
    if (flows.value.length === 0) t.onElementCompleted(element, context);
    for (const flowId of flows.value) t.takeSequenceFlow(context, flowId);
  }

  onComplete(): void {
    throw new Error('An inclusive gateway has no wait state to complete');
  }

  onTerminate(element: ExecutableFlowNode, context: BpmnElementContext): void {
    terminateElement(this.b, element, context);
  }

  private findSequenceFlowsToTake(
    element: ExecutableFlowNode,
    context: BpmnElementContext,
  ): Either<string[]> {
    if (element.outgoing.length === 0) return right([]);
    const flows = element.outgoing.map((id) => this.b.transitions.flowOf(context, id));
    const only = flows[0];
    if (flows.length === 1 && only && only.condition === undefined) return right([only.id]);
    const taken: string[] = [];
    for (const flow of flows) {
      if (!flow || flow.condition === undefined || flow.id === element.defaultFlowId) continue;
      const fulfilled = this.b.expressions.evaluateBoolean(flow.condition, context.key);
      if (!fulfilled.ok) return fulfilled;
      if (fulfilled.value) taken.push(flow.id);
    }
    if (taken.length > 0) return right(taken);
    if (element.defaultFlowId !== undefined) return right([element.defaultFlowId]);
    return left(NO_OUTGOING_FLOW_CHOSEN_ERROR, 'CONDITION_ERROR', context.key);
  }
}
