/**
 * The two parts of a multi-instance activity (Zeebe's ExecutableMultiInstanceBody and its inner
 * activity), derived from the one executable element that carries `multiInstance`:
 *
 * - the body (records: bpmnElementType MULTI_INSTANCE_BODY) has the activity's sequence flows
 *   and boundary events, the loop characteristics, and no variable mappings;
 * - the inner activity (records: the activity's own type, flow scope = the body) has the
 *   variable mappings and the task, subprocess or call behaviour, but no sequence flows and no
 *   boundary events: when it ends, it tells the body.
 *
 * Processing reads the executable model by element id; a record's bpmnElementType says which
 * part it is (`elementOfRecord`).
 */
import type { ElementType, ExecutableFlowNode } from '../../../model/types';

const bodies = new WeakMap<ExecutableFlowNode, ExecutableFlowNode>();
const inners = new WeakMap<ExecutableFlowNode, ExecutableFlowNode>();
/** Each derived part → the model element it was derived from. */
const origins = new WeakMap<ExecutableFlowNode, ExecutableFlowNode>();

export function multiInstanceBodyOf(part: ExecutableFlowNode): ExecutableFlowNode {
  const element = origins.get(part) ?? part;
  let body = bodies.get(element);
  if (!body) {
    // the event subprocesses of a multi-instance subprocess belong to its inner instances
    const { eventSubProcessIds: _inside, ...activity } = element;
    body = {
      ...activity,
      elementType: 'MULTI_INSTANCE_BODY',
      eventType: 'UNSPECIFIED',
      inputMappings: [],
      outputMappings: [],
    };
    bodies.set(element, body);
    origins.set(body, element);
  }
  return body;
}

export function innerActivityOf(part: ExecutableFlowNode): ExecutableFlowNode {
  const element = origins.get(part) ?? part;
  let inner = inners.get(element);
  if (!inner) {
    const { multiInstance: _loop, ...activity } = element;
    inner = {
      ...activity,
      flowScopeId: element.id,
      incoming: [],
      outgoing: [],
      boundaryEventIds: [],
    };
    inners.set(element, inner);
    origins.set(inner, element);
  }
  return inner;
}

/** The part of `element` an instance (or record) with `bpmnElementType` stands for. */
export function elementOfRecord(
  element: ExecutableFlowNode,
  bpmnElementType: ElementType,
): ExecutableFlowNode {
  if (!element.multiInstance) return element;
  return bpmnElementType === 'MULTI_INSTANCE_BODY'
    ? multiInstanceBodyOf(element)
    : innerActivityOf(element);
}
