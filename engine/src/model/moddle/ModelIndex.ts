/**
 * Lookups over the flow elements of the executable processes, built once per resource and shared
 * by validation and transformation: incoming/outgoing sequence flows (computed from
 * sourceRef/targetRef, as bpmn:incoming/outgoing children are optional), boundary events per
 * activity and compensation associations.
 */
import { type ModdleElement, child, children, is } from './ModdleElement';

export class ModelIndex {
  readonly executableProcesses: ModdleElement[];
  /** Every flow element (nodes and sequence flows) of the executable processes, depth first. */
  readonly flowElements: ModdleElement[] = [];
  private readonly outgoingFlows = new Map<ModdleElement, ModdleElement[]>();
  private readonly incomingFlows = new Map<ModdleElement, ModdleElement[]>();
  private readonly boundaries = new Map<ModdleElement, ModdleElement[]>();
  private readonly associationTargets = new Map<ModdleElement, ModdleElement[]>();

  constructor(readonly definitions: ModdleElement) {
    this.executableProcesses = children(definitions, 'rootElements').filter(
      (element) => element.$type === 'bpmn:Process' && element['isExecutable'] === true,
    );
    for (const process of this.executableProcesses) this.indexContainer(process);
  }

  outgoing(node: ModdleElement): ModdleElement[] {
    return this.outgoingFlows.get(node) ?? [];
  }

  incoming(node: ModdleElement): ModdleElement[] {
    return this.incomingFlows.get(node) ?? [];
  }

  boundaryEvents(activity: ModdleElement): ModdleElement[] {
    return this.boundaries.get(activity) ?? [];
  }

  /** Targets of bpmn:association elements whose source is `element`. */
  associatedTo(element: ModdleElement): ModdleElement[] {
    return this.associationTargets.get(element) ?? [];
  }

  /** Whether the element belongs to an executable process. */
  isExecutable(element: ModdleElement): boolean {
    let current: ModdleElement | undefined = element;
    while (current !== undefined && current.$type !== 'bpmn:Process') current = current.$parent;
    return current !== undefined && this.executableProcesses.includes(current);
  }

  private indexContainer(container: ModdleElement): void {
    for (const element of children(container, 'flowElements')) {
      this.flowElements.push(element);
      if (element.$type === 'bpmn:SequenceFlow') {
        const source = child(element, 'sourceRef');
        const target = child(element, 'targetRef');
        if (source !== undefined) push(this.outgoingFlows, source, element);
        if (target !== undefined) push(this.incomingFlows, target, element);
      } else if (element.$type === 'bpmn:BoundaryEvent') {
        const attachedTo = child(element, 'attachedToRef');
        if (attachedTo !== undefined) push(this.boundaries, attachedTo, element);
      }
      if (is(element, 'bpmn:FlowElementsContainer')) this.indexContainer(element);
    }
    for (const artifact of children(container, 'artifacts')) {
      if (artifact.$type !== 'bpmn:Association') continue;
      const source = child(artifact, 'sourceRef');
      const target = child(artifact, 'targetRef');
      if (source !== undefined && target !== undefined)
        push(this.associationTargets, source, target);
    }
  }
}

function push(
  map: Map<ModdleElement, ModdleElement[]>,
  key: ModdleElement,
  value: ModdleElement,
): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
