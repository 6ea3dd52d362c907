import { child, idOf } from '../moddle/ModdleElement';
import type { ElementTransformer } from './TransformContext';

/** Event-based gateway: the catch events that follow it, in the order of its outgoing flows. */
export const transformEventBasedGateway: ElementTransformer = (element, node, context) => {
  if (element.$type !== 'bpmn:EventBasedGateway') return;
  node.eventBasedTargets = context.index
    .outgoing(element)
    .map((flow) => child(flow, 'targetRef'))
    .map((target) => (target === undefined ? '' : (idOf(target) ?? '')));
};
