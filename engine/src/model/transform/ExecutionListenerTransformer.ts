import type { ExecutionListenerDefinition } from '../types';
import { attr, children, extension } from '../moddle/ModdleElement';
import type { ElementTransformer } from './TransformContext';

/** zeebe:executionListeners (Zeebe 8.6): job workers run before ('start') or after ('end') the element. */
export const transformExecutionListeners: ElementTransformer = (element, node) => {
  const container = extension(element, 'zeebe:ExecutionListeners');
  if (container === undefined) return;
  const listeners: ExecutionListenerDefinition[] = children(container, 'listeners').map(
    (listener) => {
      const retries = attr(listener, 'retries');
      return {
        eventType: attr(listener, 'eventType') === 'end' ? 'end' : 'start',
        type: attr(listener, 'type') ?? '',
        retries: retries === undefined || retries === '' ? '3' : retries,
      };
    },
  );
  if (listeners.length > 0) node.executionListeners = listeners;
};
