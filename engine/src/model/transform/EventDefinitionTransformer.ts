import type { ExecutableFlowNode, TimerDefinition } from '../types';
import {
  type ModdleElement,
  attr,
  bodyOf,
  bool,
  child,
  eventDefinitions,
  extension,
  idOf,
} from '../moddle/ModdleElement';
import type { ElementTransformer } from './TransformContext';

/**
 * Event definitions → message / timer / error / signal / escalation / terminate / link /
 * compensation. Receive and send tasks get `message` from their messageRef.
 */
export const transformEventDefinition: ElementTransformer = (element, node) => {
  if (element.$type === 'bpmn:ReceiveTask' || element.$type === 'bpmn:SendTask') {
    setMessage(node, child(element, 'messageRef'));
    return;
  }
  const [definition] = eventDefinitions(element);
  if (definition === undefined) return;
  switch (definition.$type) {
    case 'bpmn:MessageEventDefinition':
      setMessage(node, child(definition, 'messageRef'));
      break;
    case 'bpmn:TimerEventDefinition': {
      const timer = timerOf(definition);
      if (timer !== undefined) node.timer = timer;
      break;
    }
    case 'bpmn:ErrorEventDefinition': {
      const errorCode = codeOf(child(definition, 'errorRef'), 'errorCode');
      node.error = errorCode === undefined ? {} : { errorCode };
      break;
    }
    case 'bpmn:SignalEventDefinition': {
      const signal = child(definition, 'signalRef');
      node.signal = { name: signal === undefined ? '' : (attr(signal, 'name') ?? '') };
      break;
    }
    case 'bpmn:EscalationEventDefinition': {
      const escalationCode = codeOf(child(definition, 'escalationRef'), 'escalationCode');
      node.escalation = escalationCode === undefined ? {} : { escalationCode };
      break;
    }
    case 'bpmn:TerminateEventDefinition':
      node.terminate = true;
      break;
    case 'bpmn:LinkEventDefinition':
      node.link = { name: attr(definition, 'name') ?? '' };
      break;
    case 'bpmn:CompensateEventDefinition': {
      if (element.$type === 'bpmn:BoundaryEvent') break;
      const activity = child(definition, 'activityRef');
      const activityId = activity === undefined ? undefined : idOf(activity);
      node.compensation = {
        waitForCompletion: bool(definition, 'waitForCompletion', true),
        ...(activityId === undefined ? {} : { activityId }),
      };
      break;
    }
  }
};

function setMessage(node: ExecutableFlowNode, message: ModdleElement | undefined): void {
  if (message === undefined) return;
  const subscription = extension(message, 'zeebe:Subscription');
  const correlationKey =
    subscription === undefined ? undefined : attr(subscription, 'correlationKey');
  node.message = {
    name: attr(message, 'name') ?? '',
    ...(correlationKey === undefined || correlationKey === '' ? {} : { correlationKey }),
  };
}

function timerOf(definition: ModdleElement): TimerDefinition | undefined {
  const kinds = [
    ['timeDuration', 'duration'],
    ['timeCycle', 'cycle'],
    ['timeDate', 'date'],
  ] as const;
  for (const [property, kind] of kinds) {
    const expression = bodyOf(child(definition, property));
    if (expression !== undefined) return { kind, expression };
  }
  return undefined;
}

/** An error/escalation code; an empty code on a catch event means catch-all, like no reference. */
function codeOf(reference: ModdleElement | undefined, property: string): string | undefined {
  const code = reference === undefined ? undefined : attr(reference, property);
  return code === undefined || code === '' ? undefined : code;
}
