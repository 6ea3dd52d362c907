/** Terminate end event: completes, then terminates everything else in its flow scope. */
import type { ExecutableFlowNode } from '../../../model/types';
import { contextOf, type BpmnElementContext } from '../BpmnElementContext';
import type { BpmnElementProcessor } from '../BpmnElementProcessor';
import type { BpmnBehaviors } from '../behavior/BpmnBehaviors';
import { terminateElement } from '../activitySteps';

export class TerminateEndEventProcessor implements BpmnElementProcessor {
  constructor(private readonly b: BpmnBehaviors) {}

  onActivate(_element: ExecutableFlowNode, context: BpmnElementContext): void {
    this.b.transitions.transitionToActivated(context);
    this.b.transitions.completeElement(context);
  }

  onComplete(element: ExecutableFlowNode, context: BpmnElementContext): void {
    const t = this.b.transitions;
    t.transitionToCompleted(context);
    const flowScope = this.b.state.elementInstances.get(context.value.flowScopeKey);
    if (!flowScope) return;
    // the flow scope completes once its last child is terminated (see the container processors)
    if (t.terminateChildInstances(contextOf(flowScope))) t.onElementCompleted(element, context);
  }

  onTerminate(element: ExecutableFlowNode, context: BpmnElementContext): void {
    terminateElement(this.b, element, context);
  }
}
