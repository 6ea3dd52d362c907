import { eventDefinitions } from '../moddle/ModdleElement';
import { verifyNoDuplicatedEventDefinitions, verifyNoDuplicatedHandlers } from './eventDefinitions';
import type { ElementValidator } from './ValidationContext';

/** Boundary events of one activity must not wait for the same message/signal/error/escalation. */
export const ActivityValidator: ElementValidator = {
  type: 'bpmn:Activity',
  validate(activity, context) {
    const report = (message: string) => context.error(activity, message);
    const definitions = context.index.boundaryEvents(activity).flatMap(eventDefinitions);
    verifyNoDuplicatedEventDefinitions(definitions, report);
    verifyNoDuplicatedHandlers(definitions, report);
  },
};
