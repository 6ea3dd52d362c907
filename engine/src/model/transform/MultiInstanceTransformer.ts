import type { MultiInstanceDefinition } from '../types';
import { attr, bodyOf, child, extension } from '../moddle/ModdleElement';
import type { ElementTransformer } from './TransformContext';

/** bpmn:multiInstanceLoopCharacteristics + zeebe:loopCharacteristics. */
export const transformMultiInstance: ElementTransformer = (element, node) => {
  const loop = child(element, 'loopCharacteristics');
  if (loop?.$type !== 'bpmn:MultiInstanceLoopCharacteristics') return;
  const zeebeLoop = extension(loop, 'zeebe:LoopCharacteristics');
  const multiInstance: MultiInstanceDefinition = {
    isSequential: loop['isSequential'] === true,
    inputCollection: zeebeLoop === undefined ? '' : (attr(zeebeLoop, 'inputCollection') ?? ''),
  };
  const optional = (key: 'inputElement' | 'outputCollection' | 'outputElement') => {
    const value = zeebeLoop === undefined ? undefined : attr(zeebeLoop, key);
    if (value !== undefined && value !== '') multiInstance[key] = value;
  };
  optional('inputElement');
  optional('outputCollection');
  optional('outputElement');
  const completionCondition = bodyOf(child(loop, 'completionCondition'));
  if (completionCondition !== undefined && completionCondition !== '') {
    multiInstance.completionCondition = completionCondition;
  }
  node.multiInstance = multiInstance;
};
