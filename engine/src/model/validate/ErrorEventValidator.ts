import { attr, child, is } from '../moddle/ModdleElement';
import type { ElementValidator } from './ValidationContext';

/**
 * An error end event must reference an error with a code; a catching error event may omit the
 * error (catch-all) but its code must not be an expression (Zeebe's ErrorEventDefinitionValidator).
 */
export const ErrorEventDefinitionValidator: ElementValidator = {
  type: 'bpmn:ErrorEventDefinition',
  validate(definition, context) {
    const error = child(definition, 'errorRef');
    const code = error === undefined ? undefined : attr(error, 'errorCode');
    if (is(definition.$parent, 'bpmn:EndEvent')) {
      if (error === undefined) context.error(definition, 'Must reference an error');
      else if (code === undefined || code === '')
        context.error(definition, 'ErrorCode must be present and not empty');
    } else if (code?.startsWith('=')) {
      context.error(
        definition,
        'The errorCode of the error catch event is not allowed to be an expression',
      );
    }
  },
};
