import { attr } from '../moddle/ModdleElement';
import type { ElementValidator } from './ValidationContext';

export const LinkEventDefinitionValidator: ElementValidator = {
  type: 'bpmn:LinkEventDefinition',
  validate(definition, context) {
    const name = attr(definition, 'name');
    if (name === undefined || name === '')
      context.error(definition, 'Link name must be present and not empty.');
  },
};
