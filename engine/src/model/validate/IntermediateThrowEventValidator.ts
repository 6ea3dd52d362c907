import { eventDefinitions } from '../moddle/ModdleElement';
import type { ElementValidator } from './ValidationContext';

export const IntermediateThrowEventValidator: ElementValidator = {
  type: 'bpmn:IntermediateThrowEvent',
  validate(event, context) {
    const compensation = eventDefinitions(event).find(
      (d) => d.$type === 'bpmn:CompensateEventDefinition',
    );
    if (compensation !== undefined && compensation['waitForCompletion'] === false) {
      context.error(
        event,
        'A compensation intermediate throwing event waitForCompletion attribute must be true or not present',
      );
    }
  },
};
