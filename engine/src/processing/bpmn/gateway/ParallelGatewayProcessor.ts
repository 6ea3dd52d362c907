/**
 * Parallel gateway: a fork takes every outgoing flow; a join is activated only when each
 * incoming flow was taken (see BpmnStateTransitionBehavior.takeSequenceFlow).
 */
import type { ExecutableFlowNode } from '../../../model/types';
import type { BpmnElementContext } from '../BpmnElementContext';
import type { BpmnElementProcessor } from '../BpmnElementProcessor';
import type { BpmnBehaviors } from '../behavior/BpmnBehaviors';
import { terminateElement } from '../activitySteps';

export class ParallelGatewayProcessor implements BpmnElementProcessor {
  constructor(private readonly b: BpmnBehaviors) {}

  onActivate(element: ExecutableFlowNode, context: BpmnElementContext): void {
    const t = this.b.transitions;
    t.transitionToActivated(context);
    t.transitionToCompleting(context);
    t.transitionToCompleted(context);
    t.takeOutgoingSequenceFlows(element, context);
  }

  onComplete(): void {
    throw new Error('A parallel gateway has no wait state to complete');
  }

  onTerminate(element: ExecutableFlowNode, context: BpmnElementContext): void {
    terminateElement(this.b, element, context);
  }
}
