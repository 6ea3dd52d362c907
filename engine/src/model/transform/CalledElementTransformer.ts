import { attr, bool, extension } from '../moddle/ModdleElement';
import type { ElementTransformer } from './TransformContext';

/** zeebe:calledElement of a call activity; both propagation flags default to true, as in Zeebe. */
export const transformCalledElement: ElementTransformer = (element, node) => {
  const calledElement = extension(element, 'zeebe:CalledElement');
  if (element.$type !== 'bpmn:CallActivity' || calledElement === undefined) return;
  node.calledElement = {
    processId: attr(calledElement, 'processId') ?? '',
    propagateAllChildVariables: bool(calledElement, 'propagateAllChildVariables', true),
    propagateAllParentVariables: bool(calledElement, 'propagateAllParentVariables', true),
  };
};
