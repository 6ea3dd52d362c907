import { child, children, eventDefinitions } from '../moddle/ModdleElement';
import {
  definitionsOfType,
  eventSubProcessStartDefinitions,
  verifyLinkEvents,
  verifyNoDuplicatedEventDefinitions,
  verifyNoDuplicatedHandlers,
} from './eventDefinitions';
import type { ElementValidator } from './ValidationContext';

/**
 * A process needs a start event (at most one none start event); its start events and event
 * subprocesses must not wait for the same message/signal twice (Zeebe's ProcessValidator).
 */
export const ProcessValidator: ElementValidator = {
  type: 'bpmn:Process',
  validate(process, context) {
    const report = (message: string) => context.error(process, message);
    const startEvents = children(process, 'flowElements').filter(
      (e) => e.$type === 'bpmn:StartEvent',
    );
    if (startEvents.length === 0) {
      report('Must have at least one start event');
    } else if (startEvents.filter((start) => eventDefinitions(start).length === 0).length > 1) {
      report('Multiple none start events are not allowed');
    }

    const eventSubProcessStarts = eventSubProcessStartDefinitions(process);
    verifyNoDuplicatedEventDefinitions(eventSubProcessStarts, report);
    verifyNoDuplicatedHandlers(eventSubProcessStarts, report);

    const startDefinitions = startEvents.flatMap(eventDefinitions);
    verifyNoDuplicatedEventDefinitions(
      definitionsOfType(startDefinitions, 'bpmn:SignalEventDefinition'),
      report,
    );

    // distinct messages with the same name; one message used twice is MessageValidator's case
    const seenMessages = new Set<unknown>();
    const distinctMessageDefinitions = definitionsOfType(
      startDefinitions,
      'bpmn:MessageEventDefinition',
    ).filter((definition) => {
      const message = child(definition, 'messageRef');
      if (seenMessages.has(message)) return false;
      seenMessages.add(message);
      return true;
    });
    verifyNoDuplicatedEventDefinitions(distinctMessageDefinitions, report);

    verifyLinkEvents(process, report);
  },
};
