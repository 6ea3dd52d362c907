import { idOf } from '../moddle/ModdleElement';
import type { ElementValidator } from './ValidationContext';

/** The BPMN elements Zeebe 8.6 executes, plus data elements it accepts and ignores. */
const SUPPORTED = new Set(
  [
    'BoundaryEvent',
    'BusinessRuleTask',
    'CallActivity',
    'EndEvent',
    'EventBasedGateway',
    'ExclusiveGateway',
    'InclusiveGateway',
    'IntermediateCatchEvent',
    'IntermediateThrowEvent',
    'ManualTask',
    'ParallelGateway',
    'ReceiveTask',
    'ScriptTask',
    'SendTask',
    'SequenceFlow',
    'ServiceTask',
    'StartEvent',
    'SubProcess',
    'Task',
    'UserTask',
    'DataObject',
    'DataObjectReference',
    'DataStoreReference',
  ].map((name) => `bpmn:${name}`),
);

/** Unsupported element types, e.g. complex gateway, transaction, ad-hoc subprocess (Zeebe's FlowElementValidator). */
export const FlowElementValidator: ElementValidator = {
  type: 'bpmn:FlowElement',
  validate(element, context) {
    if (idOf(element) === undefined)
      context.error(element, 'Link id must be present and not empty.');
    if (!SUPPORTED.has(element.$type)) {
      context.error(
        element,
        `Elements of type '${element.$type.replace(/^bpmn:/, '')}' are currently not supported. ` +
          'Please refer to the documentation for a list of supported elements: ' +
          'https://docs.camunda.io/docs/components/modeler/bpmn/bpmn-coverage/',
      );
    }
  },
};
