/**
 * Stage 2: validation, like Zeebe's BpmnValidator (design-time + runtime validators). Walks the
 * definitions and every executable process (non-executable pools are not validated, as in
 * Zeebe since 8.2) and runs each validator on the elements of its type; collects all errors.
 */
import type { ModelError } from '../types';
import { type ModdleElement, containedElements, propertiesOf } from '../moddle/ModdleElement';
import type { ModelIndex } from '../moddle/ModelIndex';
import { ActivityValidator } from './ActivityValidator';
import { BoundaryEventValidator } from './BoundaryEventValidator';
import { CompensationHandlerValidator } from './CompensationHandlerValidator';
import { DefinitionsValidator } from './DefinitionsValidator';
import { EndEventValidator } from './EndEventValidator';
import { ErrorEventDefinitionValidator } from './ErrorEventValidator';
import { EscalationEventDefinitionValidator, EscalationValidator } from './EscalationValidator';
import { EventBasedGatewayValidator } from './EventBasedGatewayValidator';
import { EventDefinitionValidator } from './EventDefinitionValidator';
import { ExpressionValidators } from './ExpressionValidators';
import { ExtensionElementsValidators } from './ExtensionElementsValidator';
import { FlowElementValidator } from './FlowElementValidator';
import { ConditionalFlowSourceValidator, DefaultFlowValidator } from './GatewayValidator';
import { IntermediateCatchEventValidator } from './IntermediateCatchEventValidator';
import { IntermediateThrowEventValidator } from './IntermediateThrowEventValidator';
import { LinkEventDefinitionValidator } from './LinkEventDefinitionValidator';
import {
  MessageEventDefinitionValidator,
  MessageValidator,
  ReceiveTaskValidator,
} from './MessageValidator';
import { ProcessValidator } from './ProcessValidator';
import { SequenceFlowValidator } from './SequenceFlowValidator';
import { SignalEventDefinitionValidator, SignalValidator } from './SignalValidator';
import { StartEventValidator } from './StartEventValidator';
import { SubProcessValidator } from './SubProcessValidator';
import { TimerEventDefinitionValidator, TimerValueValidator } from './TimerValidator';
import { ZeebeUserTaskValidator } from './UserTaskValidator';
import { type ElementValidator, ValidationContext } from './ValidationContext';
import { ZeebeAttributesValidators } from './ZeebeAttributesValidator';

const VALIDATORS: readonly ElementValidator[] = [
  DefinitionsValidator,
  ProcessValidator,
  FlowElementValidator,
  EventDefinitionValidator,
  StartEventValidator,
  EndEventValidator,
  IntermediateCatchEventValidator,
  IntermediateThrowEventValidator,
  BoundaryEventValidator,
  SubProcessValidator,
  ActivityValidator,
  CompensationHandlerValidator,
  DefaultFlowValidator,
  ConditionalFlowSourceValidator,
  SequenceFlowValidator,
  EventBasedGatewayValidator,
  ...ExtensionElementsValidators,
  ZeebeUserTaskValidator,
  ...ZeebeAttributesValidators,
  MessageValidator,
  MessageEventDefinitionValidator,
  ReceiveTaskValidator,
  SignalEventDefinitionValidator,
  SignalValidator,
  ErrorEventDefinitionValidator,
  EscalationEventDefinitionValidator,
  EscalationValidator,
  LinkEventDefinitionValidator,
  TimerEventDefinitionValidator,
  TimerValueValidator,
  ...ExpressionValidators,
];

/** Properties not walked: diagram interchange, and non-executable pools (filtered below). */
const SKIPPED_PROPERTIES = new Set(['diagrams']);

export function validateModel(index: ModelIndex): ModelError[] {
  const context = new ValidationContext(index);
  const visit = (element: ModdleElement): void => {
    for (const validator of VALIDATORS) {
      if (element.$instanceOf(validator.type)) validator.validate(element, context);
    }
    for (const contained of walkable(element, index)) visit(contained);
  };
  visit(index.definitions);
  return context.errors.toModelErrors();
}

function walkable(element: ModdleElement, index: ModelIndex): ModdleElement[] {
  const skipped = new Set(
    propertiesOf(element)
      .filter((p) => SKIPPED_PROPERTIES.has(p.name))
      .flatMap((p) => {
        const value = element[p.name];
        return Array.isArray(value) ? value : [value];
      }),
  );
  return containedElements(element).filter(
    (contained) =>
      !skipped.has(contained) &&
      !(contained.$type === 'bpmn:Process' && !index.executableProcesses.includes(contained)),
  );
}
