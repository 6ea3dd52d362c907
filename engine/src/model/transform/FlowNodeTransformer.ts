import type { ElementType, EventType, ExecutableFlowNode } from '../types';
import { type ModdleElement, attr, child, eventDefinitions, idOf } from '../moddle/ModdleElement';
import type { TransformContext } from './TransformContext';

const ELEMENT_TYPES: Record<string, ElementType> = {
  'bpmn:StartEvent': 'START_EVENT',
  'bpmn:EndEvent': 'END_EVENT',
  'bpmn:IntermediateCatchEvent': 'INTERMEDIATE_CATCH_EVENT',
  'bpmn:IntermediateThrowEvent': 'INTERMEDIATE_THROW_EVENT',
  'bpmn:BoundaryEvent': 'BOUNDARY_EVENT',
  'bpmn:ServiceTask': 'SERVICE_TASK',
  'bpmn:SendTask': 'SEND_TASK',
  'bpmn:ScriptTask': 'SCRIPT_TASK',
  'bpmn:UserTask': 'USER_TASK',
  'bpmn:ReceiveTask': 'RECEIVE_TASK',
  'bpmn:BusinessRuleTask': 'BUSINESS_RULE_TASK',
  'bpmn:ManualTask': 'MANUAL_TASK',
  'bpmn:Task': 'TASK',
  'bpmn:ExclusiveGateway': 'EXCLUSIVE_GATEWAY',
  'bpmn:ParallelGateway': 'PARALLEL_GATEWAY',
  'bpmn:InclusiveGateway': 'INCLUSIVE_GATEWAY',
  'bpmn:EventBasedGateway': 'EVENT_BASED_GATEWAY',
  'bpmn:SubProcess': 'SUB_PROCESS',
  'bpmn:CallActivity': 'CALL_ACTIVITY',
};

const EVENT_TYPES: Record<string, EventType> = {
  'bpmn:MessageEventDefinition': 'MESSAGE',
  'bpmn:TimerEventDefinition': 'TIMER',
  'bpmn:ErrorEventDefinition': 'ERROR',
  'bpmn:SignalEventDefinition': 'SIGNAL',
  'bpmn:EscalationEventDefinition': 'ESCALATION',
  'bpmn:TerminateEventDefinition': 'TERMINATE',
  'bpmn:LinkEventDefinition': 'LINK',
  'bpmn:CompensateEventDefinition': 'COMPENSATION',
  'bpmn:ConditionalEventDefinition': 'CONDITIONAL',
};

export function isFlowNode(element: ModdleElement): boolean {
  return element.$type in ELEMENT_TYPES;
}

export function elementTypeOf(element: ModdleElement): ElementType {
  if (element.$type === 'bpmn:SubProcess' && element['triggeredByEvent'] === true)
    return 'EVENT_SUB_PROCESS';
  const type = ELEMENT_TYPES[element.$type];
  if (type === undefined) throw new Error(`Unexpected element type ${element.$type}`);
  return type;
}

/** Zeebe's BpmnEventType: NONE for events without definition, UNSPECIFIED for non-events. */
export function eventTypeOf(element: ModdleElement): EventType {
  if (!element.$instanceOf('bpmn:Event')) return 'UNSPECIFIED';
  const [definition] = eventDefinitions(element);
  if (definition === undefined) return 'NONE';
  return EVENT_TYPES[definition.$type] ?? 'UNSPECIFIED';
}

/** The common part of every flow node: identity, type, scope and sequence flows. */
export function createFlowNode(
  element: ModdleElement,
  flowScopeId: string,
  context: TransformContext,
): ExecutableFlowNode {
  const node: ExecutableFlowNode = {
    id: idOf(element) ?? '',
    elementType: elementTypeOf(element),
    eventType: eventTypeOf(element),
    flowScopeId,
    incoming: context.index.incoming(element).map((flow) => idOf(flow) ?? ''),
    outgoing: context.index.outgoing(element).map((flow) => idOf(flow) ?? ''),
    inputMappings: [],
    outputMappings: [],
    boundaryEventIds: [],
  };
  const name = attr(element, 'name');
  if (name !== undefined) node.name = name;
  if (element['isForCompensation'] === true) node.isForCompensation = true;
  const defaultFlow = child(element, 'default');
  if (defaultFlow !== undefined) node.defaultFlowId = idOf(defaultFlow) ?? '';
  return node;
}
