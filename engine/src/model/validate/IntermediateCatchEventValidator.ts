import { child, eventDefinitions } from '../moddle/ModdleElement';
import type { ElementValidator } from './ValidationContext';

const SUPPORTED = new Set(
  ['Message', 'Timer', 'Signal', 'Link'].map((name) => `bpmn:${name}EventDefinition`),
);

export const IntermediateCatchEventValidator: ElementValidator = {
  type: 'bpmn:IntermediateCatchEvent',
  validate(event, context) {
    const definitions = eventDefinitions(event);
    const [definition] = definitions;
    if (definitions.length !== 1 || definition === undefined) {
      context.error(event, 'Must have exactly one event definition');
    } else if (!SUPPORTED.has(definition.$type)) {
      context.error(event, 'Event definition must be one of: message, timer, signal, link');
    } else if (
      definition.$type === 'bpmn:TimerEventDefinition' &&
      child(definition, 'timeDuration') === undefined &&
      child(definition, 'timeDate') === undefined
    ) {
      context.error(
        event,
        'Intermediate timer catch event must have either a time duration or a time date.',
      );
    }
  },
};
