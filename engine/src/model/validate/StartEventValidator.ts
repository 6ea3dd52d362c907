import { eventDefinitions } from '../moddle/ModdleElement';
import type { ElementValidator } from './ValidationContext';

export const StartEventValidator: ElementValidator = {
  type: 'bpmn:StartEvent',
  validate(start, context) {
    if (eventDefinitions(start).length > 1)
      context.error(start, "Start event can't have more than one type");
  },
};
