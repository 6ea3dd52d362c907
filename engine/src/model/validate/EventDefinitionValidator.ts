import type { ElementValidator } from './ValidationContext';

/** Event definitions Zeebe 8.6 supports; conditional and cancel events are not among them. */
const SUPPORTED = new Set(
  ['Message', 'Timer', 'Error', 'Terminate', 'Signal', 'Link', 'Escalation', 'Compensate'].map(
    (name) => `bpmn:${name}EventDefinition`,
  ),
);

export const EventDefinitionValidator: ElementValidator = {
  type: 'bpmn:EventDefinition',
  validate(definition, context) {
    if (!SUPPORTED.has(definition.$type)) {
      context.error(definition, 'Event definition of this type is not supported');
    }
  },
};
