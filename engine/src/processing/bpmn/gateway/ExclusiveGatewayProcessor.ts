/**
 * Exclusive gateway: the first outgoing flow whose condition holds (in the order of the model),
 * else the default flow, else an incident (Zeebe's ExclusiveGatewayProcessor).
 */
import type { ExecutableFlowNode } from '../../../model/types';
import { left, right, type Either } from '../../Either';
import type { BpmnElementContext } from '../BpmnElementContext';
import type { BpmnElementProcessor } from '../BpmnElementProcessor';
import type { BpmnBehaviors } from '../behavior/BpmnBehaviors';
import { terminateElement } from '../activitySteps';

const NO_OUTGOING_FLOW_CHOSEN_ERROR =
  'Expected at least one condition to evaluate to true, or to have a default flow';

export class ExclusiveGatewayProcessor implements BpmnElementProcessor {
  constructor(private readonly b: BpmnBehaviors) {}

  onActivate(element: ExecutableFlowNode, context: BpmnElementContext): void {
    const flow = this.findSequenceFlowToTake(element, context);
    if (!flow.ok) return this.b.incidents.createIncident(flow.failure, context);
    const t = this.b.transitions;
    t.transitionToActivated(context);
    t.transitionToCompleting(context);
    t.transitionToCompleted(context);
    if (flow.value === undefined) t.onElementCompleted(element, context);
    else t.takeSequenceFlow(context, flow.value);
  }

  onComplete(): void {
    throw new Error('An exclusive gateway has no wait state to complete');
  }

  onTerminate(element: ExecutableFlowNode, context: BpmnElementContext): void {
    terminateElement(this.b, element, context);
  }

  private findSequenceFlowToTake(
    element: ExecutableFlowNode,
    context: BpmnElementContext,
  ): Either<string | undefined> {
    if (element.outgoing.length === 0) return right(undefined);
    const flows = element.outgoing.map((id) => this.b.transitions.flowOf(context, id));
    const only = flows[0];
    if (flows.length === 1 && only && only.condition === undefined) return right(only.id);
    for (const flow of flows) {
      if (!flow || flow.condition === undefined || flow.id === element.defaultFlowId) continue;
      const fulfilled = this.b.expressions.evaluateBoolean(flow.condition, context.key);
      if (!fulfilled.ok) return fulfilled;
      if (fulfilled.value) return right(flow.id);
    }
    if (element.defaultFlowId !== undefined) return right(element.defaultFlowId);
    return left(NO_OUTGOING_FLOW_CHOSEN_ERROR, 'CONDITION_ERROR', context.key);
  }
}
