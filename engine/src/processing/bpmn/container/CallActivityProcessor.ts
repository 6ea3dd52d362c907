/**
 * Call activity (Zeebe's CallActivityProcessor): creates an instance of the latest version of
 * the called process and waits for it. It is the "container" of that instance: when the child
 * completes, the call activity completes (taking over the child's variables as Zeebe does —
 * all of them, or through its output mappings); when the call activity is terminated (cancel,
 * boundary event), the child is terminated first.
 */
import type { ExecutableFlowNode } from '../../../model/types';
import type { BpmnElementContext } from '../BpmnElementContext';
import type { BpmnContainerProcessor } from '../BpmnElementProcessor';
import type { BpmnBehaviors } from '../behavior/BpmnBehaviors';
import { CalledProcessBehavior } from '../behavior/CalledProcessBehavior';
import { completeActivity, terminateActivity } from '../activitySteps';

export class CallActivityProcessor implements BpmnContainerProcessor {
  private readonly calls: CalledProcessBehavior;

  constructor(private readonly b: BpmnBehaviors) {
    this.calls = new CalledProcessBehavior(b);
  }

  onActivate(element: ExecutableFlowNode, context: BpmnElementContext): void {
    const b = this.b;
    const input = b.variableMappings.applyInputMappings(context, element);
    if (!input.ok) return b.incidents.createIncident(input.failure, context);
    const process = this.calls.findCalledProcess(element, context);
    if (!process.ok) return b.incidents.createIncident(process.failure, context);
    const subscribed = b.eventSubscriptions.subscribeToEvents(element, context, b.ctx.now);
    if (!subscribed.ok) return b.incidents.createIncident(subscribed.failure, context);
    b.transitions.transitionToActivated(context);
    this.calls.createChildProcessInstance(process.value, element, context);
  }

  /** The child's variables came as an event trigger: output mappings or propagation apply. */
  onComplete(element: ExecutableFlowNode, context: BpmnElementContext): void {
    completeActivity(this.b, element, context);
  }

  onTerminate(element: ExecutableFlowNode, context: BpmnElementContext): void {
    this.b.eventSubscriptions.unsubscribeFromEvents(context);
    if (!this.calls.terminateChildProcessInstance(context)) {
      terminateActivity(this.b, element, context);
    }
  }

  /** The called process instance completed. */
  onChildCompleted(element: ExecutableFlowNode, context: BpmnElementContext): void {
    const state = this.b.state.elementInstances.get(context.key)?.state;
    if (state === 'ELEMENT_ACTIVATED') this.b.transitions.completeElement(context);
    // interrupted while the child completed (e.g. by a boundary event)
    else if (state === 'ELEMENT_TERMINATING') terminateActivity(this.b, element, context);
  }

  /** The called process instance was terminated because the call activity is. */
  onChildTerminated(element: ExecutableFlowNode, context: BpmnElementContext): void {
    const state = this.b.state.elementInstances.get(context.key)?.state;
    if (state === 'ELEMENT_TERMINATING') terminateActivity(this.b, element, context);
  }
}
