import { child, eventDefinitions } from '../moddle/ModdleElement';
import { verifyNoDuplicatedEventDefinitions } from './eventDefinitions';
import type { ElementValidator } from './ValidationContext';

const TARGET_EVENT_TYPES = new Set(
  ['Timer', 'Message', 'Signal'].map((name) => `bpmn:${name}EventDefinition`),
);

/** Zeebe's EventBasedGatewayValidator. */
export const EventBasedGatewayValidator: ElementValidator = {
  type: 'bpmn:EventBasedGateway',
  validate(gateway, context) {
    const report = (message: string) => context.error(gateway, message);
    const outgoing = context.index.outgoing(gateway);
    if (outgoing.length < 2)
      report('Event-based gateway must have at least 2 outgoing sequence flows.');

    const targets = outgoing.map((flow) => child(flow, 'targetRef'));
    const validTarget = (target: (typeof targets)[number]) => {
      if (target?.$type !== 'bpmn:IntermediateCatchEvent') return false;
      const definitions = eventDefinitions(target);
      return definitions.length === 1 && definitions.every((d) => TARGET_EVENT_TYPES.has(d.$type));
    };
    if (!targets.every(validTarget)) {
      report(
        'Event-based gateway must not have an outgoing sequence flow to other elements than message/timer/signal intermediate catch events.',
      );
    }

    const catchDefinitions = targets
      .filter((target) => target?.$type === 'bpmn:IntermediateCatchEvent')
      .flatMap((target) => (target === undefined ? [] : eventDefinitions(target)));
    verifyNoDuplicatedEventDefinitions(
      catchDefinitions.filter((d) => d.$type !== 'bpmn:LinkEventDefinition'),
      report,
    );

    const onlyFromGateway = targets.every(
      (target) =>
        target === undefined ||
        context.index.incoming(target).every((flow) => child(flow, 'sourceRef') === gateway),
    );
    if (!onlyFromGateway) {
      report(
        'Target elements of an event gateway must not have any additional incoming sequence flows other than that from the event gateway.',
      );
    }
  },
};
