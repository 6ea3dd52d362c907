import {
  type ModdleElement,
  attr,
  child,
  eventDefinitions,
  extensions,
  is,
} from '../moddle/ModdleElement';
import type { ElementValidator, ValidationContext } from './ValidationContext';

/** How the executable processes use a bpmn:message (Zeebe's MessageValidator). */
function usesOf(message: ModdleElement, context: ValidationContext) {
  const uses = { subscribing: false, throwing: false, processStarts: 0 };
  for (const element of context.index.flowElements) {
    if (element.$type === 'bpmn:ReceiveTask' && child(element, 'messageRef') === message)
      uses.subscribing = true;
    if (element.$type === 'bpmn:SendTask' && child(element, 'messageRef') === message)
      uses.throwing = true;
    const refersToMessage = eventDefinitions(element).some(
      (definition) =>
        definition.$type === 'bpmn:MessageEventDefinition' &&
        child(definition, 'messageRef') === message,
    );
    if (!refersToMessage) continue;
    if (element.$type === 'bpmn:IntermediateCatchEvent' || element.$type === 'bpmn:BoundaryEvent') {
      uses.subscribing = true;
    } else if (
      element.$type === 'bpmn:IntermediateThrowEvent' ||
      element.$type === 'bpmn:EndEvent'
    ) {
      uses.throwing = true;
    } else if (element.$type === 'bpmn:StartEvent') {
      if (element.$parent?.$type === 'bpmn:Process') uses.processStarts += 1;
      else uses.subscribing = true; // event subprocess start: needs a correlation key
    }
  }
  return uses;
}

export const MessageValidator: ElementValidator = {
  type: 'bpmn:Message',
  validate(message, context) {
    const uses = usesOf(message, context);
    const validateName = () => {
      const name = attr(message, 'name');
      if (name === undefined || name === '')
        context.error(message, 'Name must be present and not empty');
    };
    if (uses.subscribing) {
      validateName();
      if (extensions(message, 'zeebe:Subscription').length !== 1) {
        context.error(message, 'Must have exactly one zeebe:subscription extension element');
      }
    } else if (uses.throwing) {
      validateName();
    } else if (uses.processStarts > 1) {
      context.error(message, 'A message cannot be referred by more than one start event');
    } else if (uses.processStarts === 1) {
      validateName();
    }
  },
};

/** Catch events must reference a message; throw events are job workers and need none. */
export const MessageEventDefinitionValidator: ElementValidator = {
  type: 'bpmn:MessageEventDefinition',
  validate(definition, context) {
    if (is(definition.$parent, 'bpmn:ThrowEvent')) return;
    if (child(definition, 'messageRef') === undefined)
      context.error(definition, 'Must reference a message');
  },
};

export const ReceiveTaskValidator: ElementValidator = {
  type: 'bpmn:ReceiveTask',
  validate(task, context) {
    const message = child(task, 'messageRef');
    if (message === undefined) {
      context.error(task, 'Must reference a message');
      return;
    }
    const name = attr(message, 'name');
    const boundaryNames = context.index
      .boundaryEvents(task)
      .flatMap(eventDefinitions)
      .filter((definition) => definition.$type === 'bpmn:MessageEventDefinition')
      .map((definition) => child(definition, 'messageRef'))
      .map((ref) => (ref === undefined ? undefined : attr(ref, 'name')))
      .filter((boundaryName) => boundaryName !== undefined && boundaryName !== '');
    if (name !== undefined && boundaryNames.includes(name)) {
      context.error(task, 'Cannot reference the same message name as a boundary event');
    }
  },
};
