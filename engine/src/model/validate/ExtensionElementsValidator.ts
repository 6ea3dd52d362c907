import { type ModdleElement, eventDefinitions, extensions } from '../moddle/ModdleElement';
import type { ElementValidator, ValidationContext } from './ValidationContext';

/**
 * Which zeebe: extension element each element needs (Zeebe 8.6's ExtensionElementsValidator and
 * the job worker validators). Send tasks and message throw/end events are job workers in 8.6.
 */
function exactlyOne(type: string, extension: string): ElementValidator {
  return {
    type,
    validate(element, context) {
      if (extensions(element, `zeebe:${upperFirst(extension)}`).length !== 1) {
        context.error(element, `Must have exactly one 'zeebe:${extension}' extension element`);
      }
    },
  };
}

function eitherOne(type: string, extension: string): ElementValidator {
  return {
    type,
    validate(element, context) {
      const alternative = extensions(element, `zeebe:${upperFirst(extension)}`).length;
      const taskDefinitions = extensions(element, 'zeebe:TaskDefinition').length;
      if (!(
        (alternative === 1 && taskDefinitions === 0) ||
        (alternative === 0 && taskDefinitions === 1)
      )) {
        context.error(
          element,
          `Must have either one 'zeebe:${extension}' or one 'zeebe:taskDefinition' extension element`,
        );
      }
    },
  };
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const MessageThrowEventValidator: ElementValidator = {
  type: 'bpmn:ThrowEvent',
  validate(event: ModdleElement, context: ValidationContext) {
    if (!eventDefinitions(event).some((d) => d.$type === 'bpmn:MessageEventDefinition')) return;
    if (extensions(event, 'zeebe:TaskDefinition').length !== 1) {
      context.error(event, "Must have exactly one 'zeebe:taskDefinition' extension element");
    }
  },
};

/** Extension elements that may appear at most once (Zeebe's ExtensionElementsDuplicationValidator). */
const SINGLE_EXTENSIONS = [
  'ioMapping',
  'taskHeaders',
  'assignmentDefinition',
  'formDefinition',
  'taskSchedule',
  'executionListeners',
  'versionTag',
];

const DuplicateExtensionValidator: ElementValidator = {
  type: 'bpmn:BaseElement',
  validate(element, context) {
    for (const name of SINGLE_EXTENSIONS) {
      if (extensions(element, `zeebe:${upperFirst(name)}`).length > 1) {
        context.error(
          element,
          `Must have exactly one 'zeebe:${name}' extension element when exists. ` +
            'Please check process definition XML and retain only one extension element.',
        );
      }
    }
  },
};

export const ExtensionElementsValidators: ElementValidator[] = [
  exactlyOne('bpmn:ServiceTask', 'taskDefinition'),
  exactlyOne('bpmn:SendTask', 'taskDefinition'),
  MessageThrowEventValidator,
  eitherOne('bpmn:BusinessRuleTask', 'calledDecision'),
  eitherOne('bpmn:ScriptTask', 'script'),
  exactlyOne('bpmn:CallActivity', 'calledElement'),
  exactlyOne('bpmn:MultiInstanceLoopCharacteristics', 'loopCharacteristics'),
  DuplicateExtensionValidator,
];
