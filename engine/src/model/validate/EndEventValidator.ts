import { eventDefinitions } from '../moddle/ModdleElement';
import type { ElementValidator } from './ValidationContext';

const SUPPORTED = new Set(
  ['Error', 'Message', 'Terminate', 'Signal', 'Escalation', 'Compensate'].map(
    (name) => `bpmn:${name}EventDefinition`,
  ),
);

export const EndEventValidator: ElementValidator = {
  type: 'bpmn:EndEvent',
  validate(end, context) {
    if (context.index.outgoing(end).length > 0) {
      context.error(end, 'End events must not have outgoing sequence flows to other elements.');
    }
    const definitions = eventDefinitions(end);
    if (definitions.length > 1) context.error(end, 'Must have at most one event definition');
    for (const definition of definitions) {
      if (!SUPPORTED.has(definition.$type)) {
        context.error(
          end,
          'End events must be one of: none, error, message, terminate, signal, escalation or compensation',
        );
      }
      if (
        definition.$type === 'bpmn:CompensateEventDefinition' &&
        definition['waitForCompletion'] === false
      ) {
        context.error(
          end,
          'A compensation end event waitForCompletion attribute must be true or not present',
        );
      }
    }
  },
};
