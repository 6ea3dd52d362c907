import { child } from '../moddle/ModdleElement';
import type { ElementValidator } from './ValidationContext';

/** Flows leaving a splitting exclusive/inclusive gateway need a condition (Zeebe's SequenceFlowValidator). */
export const SequenceFlowValidator: ElementValidator = {
  type: 'bpmn:SequenceFlow',
  validate(flow, context) {
    const source = child(flow, 'sourceRef');
    if (source === undefined) {
      context.error(flow, 'SequenceFlow is missing required attribute sourceRef');
    }
    if (child(flow, 'targetRef') === undefined) {
      context.error(flow, 'SequenceFlow is missing required attribute targetRef');
    }
    if (source === undefined) return;

    const splitting = context.index.outgoing(source).length > 1;
    const isDefault = child(source, 'default') === flow;
    const hasCondition = child(flow, 'conditionExpression') !== undefined;
    if (source.$type === 'bpmn:ExclusiveGateway' && splitting && !isDefault && !hasCondition) {
      context.error(flow, 'Must have a condition or be default flow');
    }
    if (source.$type === 'bpmn:InclusiveGateway' && splitting && !isDefault && !hasCondition) {
      context.error(flow, 'Must have a condition');
    }
  },
};
