import { attr, child, eventDefinitions, is } from '../moddle/ModdleElement';
import type { ElementValidator } from './ValidationContext';

export const EscalationEventDefinitionValidator: ElementValidator = {
  type: 'bpmn:EscalationEventDefinition',
  validate(definition, context) {
    const escalation = child(definition, 'escalationRef');
    const parent = definition.$parent;
    if (
      (is(parent, 'bpmn:IntermediateThrowEvent') || is(parent, 'bpmn:EndEvent')) &&
      escalation === undefined
    ) {
      context.error(definition, 'Must reference an escalation');
    }
    if (
      is(parent, 'bpmn:CatchEvent') &&
      escalation !== undefined &&
      attr(escalation, 'escalationCode')?.startsWith('=')
    ) {
      context.error(
        definition,
        'The escalationCode of the escalation catch event is not allowed to be an expression',
      );
    }
  },
};

/** An escalation thrown by an executable process needs a code (Zeebe's EscalationValidator). */
export const EscalationValidator: ElementValidator = {
  type: 'bpmn:Escalation',
  validate(escalation, context) {
    const thrown = context.index.flowElements.some(
      (element) =>
        is(element, 'bpmn:ThrowEvent') &&
        eventDefinitions(element).some(
          (definition) =>
            definition.$type === 'bpmn:EscalationEventDefinition' &&
            child(definition, 'escalationRef') === escalation,
        ),
    );
    const code = attr(escalation, 'escalationCode');
    if (thrown && (code === undefined || code === '')) {
      context.error(escalation, 'EscalationCode must be present and not empty');
    }
  },
};
