import { bool, child, eventDefinitions, idOf } from '../moddle/ModdleElement';
import type { ElementTransformer } from './TransformContext';

/** attachedToId / cancelActivity; a compensation boundary event also names its handler. */
export const transformBoundaryEvent: ElementTransformer = (element, node, context) => {
  if (element.$type !== 'bpmn:BoundaryEvent') return;
  const attachedTo = child(element, 'attachedToRef');
  node.attachedToId = attachedTo === undefined ? '' : (idOf(attachedTo) ?? '');
  node.cancelActivity = bool(element, 'cancelActivity', true);
  if (eventDefinitions(element).some((d) => d.$type === 'bpmn:CompensateEventDefinition')) {
    const handler = context.index
      .associatedTo(element)
      .find((target) => target['isForCompensation'] === true);
    const handlerId = handler === undefined ? undefined : idOf(handler);
    if (handlerId !== undefined) node.compensationHandlerId = handlerId;
  }
};

/** Event subprocess start events: whether they interrupt the enclosing scope (default true). */
export const transformStartEvent: ElementTransformer = (element, node) => {
  if (element.$type !== 'bpmn:StartEvent' || element.$parent?.['triggeredByEvent'] !== true) return;
  node.interrupting = bool(element, 'isInterrupting', true);
};
