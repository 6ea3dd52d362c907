import { attr, bool, extension, hasOwnAttr, type ModdleElement } from '../moddle/ModdleElement';
import type { ResourceBinding } from '../types';
import type { ElementTransformer } from './TransformContext';

/** zeebe:calledElement of a call activity; both propagation flags default to true, as in Zeebe. */
export const transformCalledElement: ElementTransformer = (element, node) => {
  const calledElement = extension(element, 'zeebe:CalledElement');
  if (element.$type !== 'bpmn:CallActivity' || calledElement === undefined) return;
  node.calledElement = {
    processId: attr(calledElement, 'processId') ?? '',
    propagateAllChildVariables: bool(calledElement, 'propagateAllChildVariables', true),
    propagateAllParentVariables: bool(calledElement, 'propagateAllParentVariables', true),
    ...(hasOwnAttr(calledElement, 'bindingType') ? { binding: bindingOf(calledElement) } : {}),
  };
};

/** bindingType (default latest) and versionTag, as validated by ZeebeBindingTypeValidator. */
export function bindingOf(element: ModdleElement): ResourceBinding {
  const type = attr(element, 'bindingType');
  if (type === 'deployment') return { type };
  if (type === 'versionTag') return { type, versionTag: attr(element, 'versionTag') ?? '' };
  return { type: 'latest' };
}
