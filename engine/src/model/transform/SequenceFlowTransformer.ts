import type { ExecutableSequenceFlow } from '../types';
import { type ModdleElement, bodyOf, child, idOf } from '../moddle/ModdleElement';

/** A sequence flow; the condition of a gateway's default flow is dropped, as Zeebe never evaluates it. */
export function transformSequenceFlow(flow: ModdleElement): ExecutableSequenceFlow {
  const source = child(flow, 'sourceRef');
  const target = child(flow, 'targetRef');
  const executable: ExecutableSequenceFlow = {
    id: idOf(flow) ?? '',
    sourceId: source === undefined ? '' : (idOf(source) ?? ''),
    targetId: target === undefined ? '' : (idOf(target) ?? ''),
  };
  const condition = bodyOf(child(flow, 'conditionExpression'));
  const isDefault = source !== undefined && child(source, 'default') === flow;
  if (condition !== undefined && condition !== '' && !isDefault) executable.condition = condition;
  return executable;
}
