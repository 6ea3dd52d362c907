import { attr, extension } from '../moddle/ModdleElement';
import type { ElementTransformer } from './TransformContext';

/** zeebe:calledDecision of a business rule task (the alternative to a job worker). */
export const transformCalledDecision: ElementTransformer = (element, node) => {
  const calledDecision = extension(element, 'zeebe:CalledDecision');
  if (calledDecision === undefined) return;
  node.calledDecision = {
    decisionId: attr(calledDecision, 'decisionId') ?? '',
    resultVariable: attr(calledDecision, 'resultVariable') ?? '',
  };
};

/** zeebe:script of a script task (the alternative to a job worker). */
export const transformScript: ElementTransformer = (element, node) => {
  const script = extension(element, 'zeebe:Script');
  if (script === undefined) return;
  node.script = {
    expression: attr(script, 'expression') ?? '',
    resultVariable: attr(script, 'resultVariable') ?? '',
  };
};
