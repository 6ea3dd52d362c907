import { bool, child, eventDefinitions, is } from '../moddle/ModdleElement';
import { verifyInterruptingBehaviour } from './eventDefinitions';
import type { ElementValidator } from './ValidationContext';

const SUPPORTED = new Set(
  ['Timer', 'Message', 'Error', 'Signal', 'Escalation', 'Compensate'].map(
    (name) => `bpmn:${name}EventDefinition`,
  ),
);

/**
 * Zeebe's BoundaryEventValidator. Note: a boundary event without outgoing sequence flow is valid
 * in Zeebe (its path just ends there), so it is not rejected.
 */
export const BoundaryEventValidator: ElementValidator = {
  type: 'bpmn:BoundaryEvent',
  validate(boundary, context) {
    const report = (message: string) => context.error(boundary, message);
    const attachedTo = child(boundary, 'attachedToRef');
    if (attachedTo === undefined || !is(attachedTo, 'bpmn:Activity'))
      report('Must be attached to an activity');
    if (context.index.incoming(boundary).length > 0) report('Cannot have incoming sequence flows');

    const definitions = eventDefinitions(boundary);
    const compensation = definitions.some((d) => d.$type === 'bpmn:CompensateEventDefinition');
    if (
      compensation &&
      (context.index.outgoing(boundary).length > 0 ||
        context.index.associatedTo(boundary).length === 0)
    ) {
      report(
        'Compensation boundary events must have a compensation association and no outgoing sequence flows',
      );
    }

    if (definitions.length !== 1) report('Must have exactly one event definition');
    const interrupting = bool(boundary, 'cancelActivity', true);
    for (const definition of definitions) {
      if (!SUPPORTED.has(definition.$type)) {
        report('Boundary events must be one of: timer, message, error, signal, escalation');
      }
      if (
        definition.$type === 'bpmn:EscalationEventDefinition' &&
        !(is(attachedTo, 'bpmn:SubProcess') || is(attachedTo, 'bpmn:CallActivity'))
      ) {
        report(
          'An escalation boundary event should only be attached to a subprocess, or a call activity.',
        );
      }
      verifyInterruptingBehaviour(definition, interrupting, report);
    }
  },
};
