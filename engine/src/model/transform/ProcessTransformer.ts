/**
 * Stage 3: an executable bpmn:process → ExecutableProcess (Zeebe's BpmnTransformer). Runs only on
 * models that passed validation, so it can rely on references being there.
 */
import type { ExecutableFlowNode, ExecutableProcess } from '../types';
import {
  type ModdleElement,
  attr,
  children,
  eventDefinitions,
  extension,
  idOf,
} from '../moddle/ModdleElement';
import type { ModelIndex } from '../moddle/ModelIndex';
import { transformBoundaryEvent, transformStartEvent } from './BoundaryEventTransformer';
import { transformCalledElement } from './CalledElementTransformer';
import { transformEventDefinition } from './EventDefinitionTransformer';
import { transformExecutionListeners } from './ExecutionListenerTransformer';
import { createFlowNode, isFlowNode } from './FlowNodeTransformer';
import { transformEventBasedGateway } from './GatewayTransformer';
import { transformIoMapping } from './IoMappingTransformer';
import { transformJobWorker } from './JobWorkerTransformer';
import { transformMultiInstance } from './MultiInstanceTransformer';
import { transformSequenceFlow } from './SequenceFlowTransformer';
import { transformCalledDecision, transformScript } from './TaskImplementationTransformer';
import { type ElementTransformer, TransformContext } from './TransformContext';
import { transformUserTask } from './UserTaskTransformer';

const ELEMENT_TRANSFORMERS: readonly ElementTransformer[] = [
  transformEventDefinition,
  transformIoMapping,
  transformJobWorker,
  transformUserTask,
  transformBoundaryEvent,
  transformStartEvent,
  transformMultiInstance,
  transformCalledElement,
  transformCalledDecision,
  transformScript,
  transformEventBasedGateway,
  transformExecutionListeners,
];

export function transformProcess(process: ModdleElement, index: ModelIndex): ExecutableProcess {
  const context = new TransformContext(index, process);
  const bpmnProcessId = idOf(process) ?? '';
  const root: ExecutableFlowNode = {
    id: bpmnProcessId,
    elementType: 'PROCESS',
    eventType: 'UNSPECIFIED',
    flowScopeId: '',
    incoming: [],
    outgoing: [],
    inputMappings: [],
    outputMappings: [],
    boundaryEventIds: [],
  };
  const name = attr(process, 'name');
  if (name !== undefined) root.name = name;
  transformExecutionListeners(process, root, context);
  context.elements.set(bpmnProcessId, root);
  transformContainer(process, root, context);
  linkBoundaryEvents(context);
  linkLinkEvents(context);

  const processStarts = children(process, 'flowElements').filter(
    (element) => element.$type === 'bpmn:StartEvent',
  );
  const startsWith = (type: string) =>
    processStarts
      .filter((start) => eventDefinitions(start).some((definition) => definition.$type === type))
      .map((start) => idOf(start) ?? '');

  const executable: ExecutableProcess = {
    bpmnProcessId,
    elements: context.elements,
    flows: context.flows,
    messageStartEventIds: startsWith('bpmn:MessageEventDefinition'),
    timerStartEventIds: startsWith('bpmn:TimerEventDefinition'),
    signalStartEventIds: startsWith('bpmn:SignalEventDefinition'),
  };
  if (name !== undefined) executable.name = name;
  const versionTag = extension(process, 'zeebe:VersionTag');
  const tag = versionTag === undefined ? undefined : attr(versionTag, 'value');
  if (tag !== undefined && tag !== '') executable.versionTag = tag;
  const noneStart = processStarts.find((start) => eventDefinitions(start).length === 0);
  if (noneStart !== undefined) executable.noneStartEventId = idOf(noneStart) ?? '';
  return executable;
}

/** Children, start events and event subprocesses of a process or (event) subprocess. */
function transformContainer(
  container: ModdleElement,
  scope: ExecutableFlowNode,
  context: TransformContext,
): void {
  const childIds: string[] = [];
  const startEventIds: string[] = [];
  const eventSubProcessIds: string[] = [];
  const isEventSubProcess = scope.elementType === 'EVENT_SUB_PROCESS';

  for (const element of children(container, 'flowElements')) {
    if (element.$type === 'bpmn:SequenceFlow') {
      const flow = transformSequenceFlow(element);
      context.flows.set(flow.id, flow);
      continue;
    }
    if (!isFlowNode(element)) continue; // data objects and stores are accepted and ignored
    const node = createFlowNode(element, scope.id, context);
    for (const transform of ELEMENT_TRANSFORMERS) transform(element, node, context);
    context.elements.set(node.id, node);
    childIds.push(node.id);

    if (node.elementType === 'START_EVENT' && (isEventSubProcess || node.eventType === 'NONE')) {
      startEventIds.push(node.id);
    }
    if (node.elementType === 'EVENT_SUB_PROCESS') eventSubProcessIds.push(node.id);
    if (node.elementType === 'SUB_PROCESS' || node.elementType === 'EVENT_SUB_PROCESS') {
      transformContainer(element, node, context);
    }
  }
  scope.childIds = childIds;
  scope.startEventIds = startEventIds;
  scope.eventSubProcessIds = eventSubProcessIds;
}

function linkBoundaryEvents(context: TransformContext): void {
  for (const node of context.elements.values()) {
    if (node.elementType !== 'BOUNDARY_EVENT' || node.attachedToId === undefined) continue;
    context.elements.get(node.attachedToId)?.boundaryEventIds.push(node.id);
  }
}

/** A link throw event jumps to the catch event with the same name in its flow scope. */
function linkLinkEvents(context: TransformContext): void {
  const nodes = [...context.elements.values()];
  for (const node of nodes) {
    if (node.elementType !== 'INTERMEDIATE_THROW_EVENT' || node.link === undefined) continue;
    const target = nodes.find(
      (candidate) =>
        candidate.elementType === 'INTERMEDIATE_CATCH_EVENT' &&
        candidate.flowScopeId === node.flowScopeId &&
        candidate.link?.name === node.link?.name,
    );
    if (target !== undefined) node.link.targetId = target.id;
  }
}
