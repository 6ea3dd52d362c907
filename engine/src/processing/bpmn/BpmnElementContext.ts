/**
 * The element instance a BPMN step works on (Zeebe's BpmnElementContext): its key and its
 * PROCESS_INSTANCE record value. The executable element comes with it.
 */
import type { ElementType, ExecutableFlowNode, ExecutableProcess } from '../../model/types';
import type { ElementInstance } from '../../state/ElementInstanceState';
import type { ProcessInstanceValue } from '../../state/protocol/values';

export interface BpmnElementContext {
  key: string;
  value: ProcessInstanceValue;
}

export interface BpmnElement {
  element: ExecutableFlowNode;
  process: ExecutableProcess;
}

/** The record value of a new instance of `element` inside the flow scope `flowScope`. */
export function childValue(
  flowScope: BpmnElementContext,
  element: ExecutableFlowNode,
): ProcessInstanceValue {
  return {
    ...flowScope.value,
    elementId: element.id,
    flowScopeKey: flowScope.key,
    bpmnElementType: recordElementType(element),
    bpmnEventType: element.eventType,
  };
}

/** The record value of an element in the same flow scope as `sibling`. */
export function siblingValue(
  sibling: BpmnElementContext,
  element: ExecutableFlowNode,
): ProcessInstanceValue {
  return {
    ...sibling.value,
    elementId: element.id,
    bpmnElementType: recordElementType(element),
    bpmnEventType: element.eventType,
  };
}

/** A multi-instance activity is entered at its body (see container/multiInstanceElements.ts). */
function recordElementType(element: ExecutableFlowNode): ElementType {
  return element.multiInstance ? 'MULTI_INSTANCE_BODY' : element.elementType;
}

/** The context of a live element instance from the state. */
export function contextOf(instance: ElementInstance): BpmnElementContext {
  return {
    key: instance.key,
    value: {
      bpmnProcessId: instance.bpmnProcessId,
      version: instance.version,
      processDefinitionKey: instance.processDefinitionKey,
      processInstanceKey: instance.processInstanceKey,
      elementId: instance.elementId,
      flowScopeKey: instance.flowScopeKey,
      bpmnElementType: instance.elementType,
      bpmnEventType: instance.eventType,
      parentProcessInstanceKey: instance.parentProcessInstanceKey,
      parentElementInstanceKey: instance.parentElementInstanceKey,
      tenantId: instance.tenantId,
    },
  };
}
