/** Record values (Zeebe's *Record classes) the engine writes and its appliers read. */
import type { ElementType, EventType } from '../../model/types';

export interface ProcessInstanceValue {
  bpmnProcessId: string;
  version: number;
  processDefinitionKey: string;
  processInstanceKey: string;
  elementId: string;
  flowScopeKey: string;
  bpmnElementType: ElementType;
  bpmnEventType: EventType;
  parentProcessInstanceKey: string;
  parentElementInstanceKey: string;
  tenantId: string;
}

export interface ProcessInstanceCreationValue {
  bpmnProcessId: string;
  processDefinitionKey: string;
  version: number;
  variables: Record<string, unknown>;
  startInstructions: { elementId: string }[];
  processInstanceKey: string;
  tenantId: string;
  fetchVariables: string[];
}

/** Zeebe's ProcessInstanceModificationRecord (ancestorScopeKeys filled in on MODIFIED). */
export interface ProcessInstanceModificationValue {
  processInstanceKey: string;
  activateInstructions: {
    elementId: string;
    ancestorScopeKey: string;
    variableInstructions: { variables: Record<string, unknown>; elementId: string }[];
    ancestorScopeKeys: string[];
  }[];
  terminateInstructions: { elementInstanceKey: string }[];
  tenantId: string;
}

export type JobKind = 'BPMN_ELEMENT';

export interface JobValue {
  type: string;
  worker: string;
  retries: number;
  retryBackoff: number;
  recurringTime: number;
  /** Epoch ms; -1 when not activated. */
  deadline: number;
  timeout: number;
  errorMessage: string;
  errorCode: string;
  customHeaders: Record<string, string>;
  variables: Record<string, unknown>;
  elementId: string;
  elementInstanceKey: string;
  processInstanceKey: string;
  bpmnProcessId: string;
  processDefinitionVersion: number;
  processDefinitionKey: string;
  tenantId: string;
  jobKind: JobKind;
}

export interface JobBatchValue {
  type: string;
  worker: string;
  timeout: number;
  maxJobsToActivate: number;
  tenantIds: string[];
  jobKeys: string[];
  jobs: JobValue[];
  truncated: boolean;
}

export interface VariableValue {
  name: string;
  /** JSON text, as in Zeebe's exporter records. */
  value: string;
  scopeKey: string;
  processInstanceKey: string;
  processDefinitionKey: string;
  bpmnProcessId: string;
  tenantId: string;
}

export interface VariableDocumentValue {
  scopeKey: string;
  updateSemantics: 'LOCAL' | 'PROPAGATE';
  variables: Record<string, unknown>;
  tenantId: string;
}

export type ErrorType =
  | 'UNKNOWN'
  | 'IO_MAPPING_ERROR'
  | 'JOB_NO_RETRIES'
  | 'CONDITION_ERROR'
  | 'EXTRACT_VALUE_ERROR'
  | 'CALLED_ELEMENT_ERROR'
  | 'UNHANDLED_ERROR_EVENT'
  | 'MESSAGE_SIZE_EXCEEDED'
  | 'CALLED_DECISION_ERROR'
  | 'DECISION_EVALUATION_ERROR'
  | 'FORM_NOT_FOUND'
  | 'RESOURCE_NOT_FOUND';

export interface IncidentValue {
  errorType: ErrorType;
  errorMessage: string;
  bpmnProcessId: string;
  processDefinitionKey: string;
  processInstanceKey: string;
  elementId: string;
  elementInstanceKey: string;
  jobKey: string;
  variableScopeKey: string;
  tenantId: string;
}

export interface MessageValue {
  name: string;
  correlationKey: string;
  messageId: string;
  timeToLive: number;
  deadline: number;
  variables: Record<string, unknown>;
  tenantId: string;
}

export interface MessageSubscriptionValue {
  processInstanceKey: string;
  elementInstanceKey: string;
  processDefinitionKey: string;
  bpmnProcessId: string;
  elementId: string;
  messageName: string;
  correlationKey: string;
  messageKey: string;
  variables: Record<string, unknown>;
  interrupting: boolean;
  tenantId: string;
}

export interface TimerValue {
  elementInstanceKey: string;
  processInstanceKey: string;
  processDefinitionKey: string;
  targetElementId: string;
  dueDate: number;
  repetitions: number;
  tenantId: string;
}

export interface ProcessEventValue {
  /** The element instance that consumes the trigger. */
  scopeKey: string;
  /** When the trigger activates a new element (a boundary event): its flow scope, else -1. */
  flowScopeKey: string;
  targetElementId: string;
  variables: Record<string, unknown>;
  processDefinitionKey: string;
  processInstanceKey: string;
  tenantId: string;
}

export interface ErrorValue {
  exceptionMessage: string;
  stacktrace: string;
  errorEventPosition: number;
  processInstanceKey: string;
}

export interface ProcessValue {
  bpmnProcessId: string;
  version: number;
  processDefinitionKey: string;
  resourceName: string;
  checksum: string;
  resource: string;
  tenantId: string;
  deploymentKey: string;
  versionTag: string;
}

export interface FormValue {
  formId: string;
  /** The form JSON's `versionTag`, '' without one (bindingType versionTag). */
  versionTag: string;
  version: number;
  formKey: string;
  resourceName: string;
  checksum: string;
  resource: string;
  tenantId: string;
  deploymentKey: string;
}

export interface DecisionRequirementsValue {
  decisionRequirementsId: string;
  decisionRequirementsName: string;
  decisionRequirementsVersion: number;
  decisionRequirementsKey: string;
  namespace: string;
  resourceName: string;
  checksum: string;
  resource: string;
  tenantId: string;
  deploymentKey: string;
}

export interface DecisionValue {
  decisionId: string;
  decisionName: string;
  version: number;
  decisionKey: string;
  decisionRequirementsId: string;
  decisionRequirementsKey: string;
  tenantId: string;
  deploymentKey: string;
}

/** Metadata of a deployed resource in the DEPLOYMENT record: the record value without content. */
export type ProcessMetadataValue = Omit<ProcessValue, 'resource' | 'versionTag'> & {
  isDuplicate: boolean;
};
export type DecisionRequirementsMetadataValue = Omit<DecisionRequirementsValue, 'resource'> & {
  isDuplicate: boolean;
};
export type DecisionMetadataValue = DecisionValue & { isDuplicate: boolean };
export type FormMetadataValue = Omit<FormValue, 'resource'> & { isDuplicate: boolean };

export interface DeploymentValue {
  resources: { resourceName: string; resource?: string }[];
  processesMetadata: ProcessMetadataValue[];
  decisionsMetadata: DecisionMetadataValue[];
  decisionRequirementsMetadata: DecisionRequirementsMetadataValue[];
  formMetadata: FormMetadataValue[];
  tenantId: string;
  deploymentKey: string;
}

export interface ResourceDeletionValue {
  resourceKey: string;
  tenantId: string;
}

export interface SignalSubscriptionValue {
  signalName: string;
  catchEventId: string;
  catchEventInstanceKey: string;
  processInstanceKey: string;
  processDefinitionKey: string;
  bpmnProcessId: string;
  tenantId: string;
}

/** Zeebe's MessageStartEventSubscriptionRecord (processInstanceKey -1 until a message correlates). */
export interface MessageStartEventSubscriptionValue {
  processDefinitionKey: string;
  bpmnProcessId: string;
  startEventId: string;
  messageName: string;
  processInstanceKey: string;
  messageKey: string;
  correlationKey: string;
  variables: Record<string, unknown>;
  tenantId: string;
}

/** Zeebe's EscalationRecord (catchElementId empty when nothing caught it). */
export interface EscalationValue {
  processInstanceKey: string;
  escalationCode: string;
  throwElementId: string;
  catchElementId: string;
}

/** Zeebe's CompensationSubscriptionRecord. */
export interface CompensationSubscriptionValue {
  tenantId: string;
  processInstanceKey: string;
  processDefinitionKey: string;
  compensableActivityId: string;
  compensableActivityInstanceKey: string;
  compensableActivityScopeKey: string;
  compensationHandlerId: string;
  compensationHandlerInstanceKey: string;
  throwEventId: string;
  throwEventInstanceKey: string;
  variables: Record<string, unknown>;
}

/** Zeebe's EvaluatedDecisionRecord (values are JSON texts, as the exporter writes them). */
export interface EvaluatedDecisionValue {
  decisionId: string;
  decisionName: string;
  decisionKey: string;
  decisionVersion: number;
  decisionType: string;
  decisionOutput: string;
  tenantId: string;
  evaluatedInputs: { inputId: string; inputName: string; inputValue: string }[];
  matchedRules: {
    ruleId: string;
    ruleIndex: number;
    evaluatedOutputs: { outputId: string; outputName: string; outputValue: string }[];
  }[];
}

/**
 * Zeebe's DecisionEvaluationRecord: DECISION_EVALUATION EVALUATED or FAILED (and the EVALUATE
 * command of the EvaluateDecision RPC, with its `variables`). Process fields are -1 / '' when the
 * decision was not called by a business rule task.
 */
export interface DecisionEvaluationValue {
  decisionKey: string;
  decisionId: string;
  decisionName: string;
  decisionVersion: number;
  decisionRequirementsId: string;
  decisionRequirementsKey: string;
  /** JSON text of the result; "null" when the evaluation failed. */
  decisionOutput: string;
  bpmnProcessId: string;
  processDefinitionKey: string;
  processInstanceKey: string;
  elementId: string;
  elementInstanceKey: string;
  evaluatedDecisions: EvaluatedDecisionValue[];
  evaluationFailureMessage: string;
  failedDecisionId: string;
  variables: Record<string, unknown>;
  tenantId: string;
}
