/**
 * TypeScript shapes of the gateway_protocol messages as @grpc/proto-loader hands them to us
 * (keepCase, int64 as decimal strings, defaults filled in). Only the fields the gateway reads or
 * writes are listed; the .proto itself is loaded at run time (proto.ts).
 */

/** int64 on the wire, as a decimal string. */
export type Int64 = string;

export interface ActivateJobsRequestMessage {
  type: string;
  worker: string;
  timeout: Int64;
  maxJobsToActivate: number;
  fetchVariable: string[];
  requestTimeout: Int64;
  tenantIds: string[];
}

export interface StreamActivatedJobsRequestMessage {
  type: string;
  worker: string;
  timeout: Int64;
  fetchVariable: string[];
  tenantIds: string[];
}

export interface ActivatedJobMessage {
  key: Int64;
  type: string;
  processInstanceKey: Int64;
  bpmnProcessId: string;
  processDefinitionVersion: number;
  processDefinitionKey: Int64;
  elementId: string;
  elementInstanceKey: Int64;
  customHeaders: string;
  worker: string;
  retries: number;
  deadline: Int64;
  variables: string;
  tenantId: string;
}

export interface CreateProcessInstanceRequestMessage {
  processDefinitionKey: Int64;
  bpmnProcessId: string;
  version: number;
  variables: string;
  startInstructions: { elementId: string }[];
  tenantId: string;
  operationReference?: Int64;
}

export interface CreateProcessInstanceWithResultRequestMessage {
  request: CreateProcessInstanceRequestMessage | null;
  requestTimeout: Int64;
  fetchVariables: string[];
}

export interface ResourceMessage {
  name: string;
  content: Buffer;
}

export interface DeployResourceRequestMessage {
  resources: ResourceMessage[];
  tenantId: string;
}

export interface DeployProcessRequestMessage {
  processes: { name: string; definition: Buffer }[];
}

export interface CancelProcessInstanceRequestMessage {
  processInstanceKey: Int64;
}

export interface ModifyProcessInstanceRequestMessage {
  processInstanceKey: Int64;
  activateInstructions: {
    elementId: string;
    ancestorElementInstanceKey: Int64;
    variableInstructions: { variables: string; scopeId: string }[];
  }[];
  terminateInstructions: { elementInstanceKey: Int64 }[];
  operationReference?: Int64;
}

export interface CompleteJobRequestMessage {
  jobKey: Int64;
  variables: string;
}

export interface FailJobRequestMessage {
  jobKey: Int64;
  retries: number;
  errorMessage: string;
  retryBackOff: Int64;
  variables: string;
}

export interface ThrowErrorRequestMessage {
  jobKey: Int64;
  errorCode: string;
  errorMessage: string;
  variables: string;
}

export interface UpdateJobRetriesRequestMessage {
  jobKey: Int64;
  retries: number;
}

export interface UpdateJobTimeoutRequestMessage {
  jobKey: Int64;
  timeout: Int64;
}

export interface SetVariablesRequestMessage {
  elementInstanceKey: Int64;
  variables: string;
  local: boolean;
}

export interface ResolveIncidentRequestMessage {
  incidentKey: Int64;
}

export interface PublishMessageRequestMessage {
  name: string;
  correlationKey: string;
  timeToLive: Int64;
  messageId: string;
  variables: string;
  tenantId: string;
}

export interface BroadcastSignalRequestMessage {
  signalName: string;
  variables: string;
  tenantId: string;
}

export interface DeleteResourceRequestMessage {
  resourceKey: Int64;
}

export interface EvaluateDecisionRequestMessage {
  decisionKey: Int64;
  decisionId: string;
  variables: string;
  tenantId: string;
}
