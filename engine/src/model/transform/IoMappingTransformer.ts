import type { Mapping } from '../types';
import { type ModdleElement, attr, children, extension } from '../moddle/ModdleElement';
import type { ElementTransformer } from './TransformContext';

/** zeebe:ioMapping → inputMappings / outputMappings. */
export const transformIoMapping: ElementTransformer = (element, node) => {
  const ioMapping = extension(element, 'zeebe:IoMapping');
  if (ioMapping === undefined) return;
  node.inputMappings = children(ioMapping, 'inputParameters').map(toMapping);
  node.outputMappings = children(ioMapping, 'outputParameters').map(toMapping);
};

function toMapping(parameter: ModdleElement): Mapping {
  return { source: attr(parameter, 'source') ?? '', target: attr(parameter, 'target') ?? '' };
}
