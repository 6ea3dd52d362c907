/** What containers (process, embedded and event subprocess) do when a child ends. */
import type { ExecutableFlowNode } from '../../../model/types';
import type { BpmnElementContext } from '../BpmnElementContext';
import type { BpmnBehaviors } from '../behavior/BpmnBehaviors';

export function onChildCompleted(b: BpmnBehaviors, flowScope: BpmnElementContext): void {
  const instance = b.state.elementInstances.get(flowScope.key);
  // a path ended: a joining inclusive gateway may not have to wait for it any more
  if (instance?.state === 'ELEMENT_ACTIVATED') b.inclusiveGateways.activateReadyJoins(flowScope);
  if (instance?.state === 'ELEMENT_ACTIVATED' && b.transitions.canBeCompleted(flowScope.key)) {
    b.transitions.completeElement(flowScope);
  }
}

/**
 * A child was terminated: a terminating container finishes its own termination when it was
 * the last one; an active one (terminate end event) completes when nothing is left.
 */
export function onChildTerminated(
  b: BpmnBehaviors,
  element: ExecutableFlowNode,
  flowScope: BpmnElementContext,
  finishTermination: (element: ExecutableFlowNode, context: BpmnElementContext) => void,
): void {
  const instance = b.state.elementInstances.get(flowScope.key);
  if (!instance) return;
  if (instance.state === 'ELEMENT_TERMINATING') {
    if (b.state.elementInstances.childCount(flowScope.key) === 0)
      finishTermination(element, flowScope);
    return;
  }
  // an interrupting event subprocess starts once the other children are terminated
  if (b.eventSubProcesses.activatePending(flowScope)) return;
  onChildCompleted(b, flowScope);
}
