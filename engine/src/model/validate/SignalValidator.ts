import { attr, child, eventDefinitions } from '../moddle/ModdleElement';
import type { ElementValidator } from './ValidationContext';

export const SignalEventDefinitionValidator: ElementValidator = {
  type: 'bpmn:SignalEventDefinition',
  validate(definition, context) {
    if (child(definition, 'signalRef') === undefined)
      context.error(definition, 'Must reference a signal');
  },
};

/** A signal used by an executable process needs a name (Zeebe's SignalValidator). */
export const SignalValidator: ElementValidator = {
  type: 'bpmn:Signal',
  validate(signal, context) {
    const used = context.index.flowElements.some((element) =>
      eventDefinitions(element).some(
        (definition) =>
          definition.$type === 'bpmn:SignalEventDefinition' &&
          child(definition, 'signalRef') === signal,
      ),
    );
    const name = attr(signal, 'name');
    if (used && (name === undefined || name === ''))
      context.error(signal, 'Name must be present and not empty');
  },
};
