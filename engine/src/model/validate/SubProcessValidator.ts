import { bool, children, eventDefinitions } from '../moddle/ModdleElement';
import {
  eventSubProcessStartDefinitions,
  verifyInterruptingBehaviour,
  verifyLinkEvents,
  verifyNoDuplicatedEventDefinitions,
  verifyNoDuplicatedHandlers,
} from './eventDefinitions';
import type { ElementValidator } from './ValidationContext';

const EVENT_SUBPROCESS_START_TYPES = new Set(
  ['Timer', 'Message', 'Error', 'Signal', 'Escalation'].map(
    (name) => `bpmn:${name}EventDefinition`,
  ),
);
const EVENT_SUBPROCESS_START_MESSAGE =
  'Start events in event subprocesses must be one of: message, timer, error, signal or escalation';

/** Embedded and event subprocesses: exactly one start event of the right kind (Zeebe's SubProcessValidator). */
export const SubProcessValidator: ElementValidator = {
  type: 'bpmn:SubProcess',
  validate(subProcess, context) {
    const report = (message: string) => context.error(subProcess, message);
    const startEvents = children(subProcess, 'flowElements').filter(
      (e) => e.$type === 'bpmn:StartEvent',
    );
    if (startEvents.length !== 1) report('Must have exactly one start event');

    const [start] = startEvents;
    if (start !== undefined) {
      const definitions = eventDefinitions(start);
      if (subProcess['triggeredByEvent'] !== true) {
        if (definitions.length > 0) report('Start events in subprocesses must be of type none');
      } else {
        if (definitions.length === 0) report(EVENT_SUBPROCESS_START_MESSAGE);
        const interrupting = bool(start, 'isInterrupting', true);
        for (const definition of definitions) {
          if (!EVENT_SUBPROCESS_START_TYPES.has(definition.$type))
            report(EVENT_SUBPROCESS_START_MESSAGE);
          verifyInterruptingBehaviour(definition, interrupting, report);
        }
      }
    }

    const nested = eventSubProcessStartDefinitions(subProcess);
    verifyNoDuplicatedEventDefinitions(nested, report);
    verifyNoDuplicatedHandlers(nested, report);
    verifyLinkEvents(subProcess, report);
  },
};
