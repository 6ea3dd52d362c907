import { child, is } from '../moddle/ModdleElement';
import type { ElementValidator } from './ValidationContext';

/**
 * The default flow of an exclusive or inclusive gateway must start at that gateway. It may carry
 * a condition: Zeebe (since 8.2) accepts that and never evaluates it.
 */
export const DefaultFlowValidator: ElementValidator = {
  type: 'bpmn:Gateway',
  validate(gateway, context) {
    if (!is(gateway, 'bpmn:ExclusiveGateway') && !is(gateway, 'bpmn:InclusiveGateway')) return;
    const defaultFlow = child(gateway, 'default');
    if (defaultFlow !== undefined && child(defaultFlow, 'sourceRef') !== gateway) {
      context.error(gateway, 'Default flow must start at gateway');
    }
  },
};

/** Conditions belong on flows leaving exclusive or inclusive gateways only (Zeebe's FlowNodeValidator). */
export const ConditionalFlowSourceValidator: ElementValidator = {
  type: 'bpmn:FlowNode',
  validate(node, context) {
    if (is(node, 'bpmn:ExclusiveGateway') || is(node, 'bpmn:InclusiveGateway')) return;
    if (
      context.index.outgoing(node).some((flow) => child(flow, 'conditionExpression') !== undefined)
    ) {
      context.error(
        node,
        'Conditional sequence flows are only supported at exclusive or inclusive gateway',
      );
    }
  },
};
