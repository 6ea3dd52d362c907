/**
 * The contract between the gRPC gateway (engine/src/gateway) and the engine's processing
 * (engine/src/processing). The gateway turns protobuf requests into these calls and maps a
 * Rejection to a gRPC status (see gateway/status.ts); processing never knows about gRPC.
 *
 * Keys are Zeebe int64 keys as decimal strings. Variables are plain JSON objects.
 */

export type Key = string;
export type Variables = Record<string, unknown>;

/** Zeebe's RejectionType; the gateway maps it to a gRPC status. */
export type RejectionType =
  | 'INVALID_ARGUMENT'
  | 'NOT_FOUND'
  | 'ALREADY_EXISTS'
  | 'INVALID_STATE'
  | 'PROCESSING_ERROR'
  | 'EXCEEDED_BATCH_RECORD_SIZE';

export interface Rejection {
  /** The rejected command's intent as Zeebe names it, e.g. 'COMPLETE', 'CREATE', 'PUBLISH'. */
  intent: string;
  type: RejectionType;
  /** Zeebe's reason text, e.g. "Expected to complete job with key '1', but no such job was found". */
  reason: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; rejection: Rejection };

/**
 * Thrown only for backpressure (processing/RequestLimiter.ts): the command was refused before it
 * was queued. The message is the broker's; the gateway answers RESOURCE_EXHAUSTED.
 */
export class BackpressureError extends Error {
  constructor(
    /** The refused command, e.g. { valueType: 'MESSAGE', intent: 'PUBLISH' }. */
    readonly command: { valueType: string; intent: string },
  ) {
    super('Reached maximum capacity of requests handled');
    this.name = 'BackpressureError';
  }
}

export const DEFAULT_TENANT = '<default>';

export interface DeployResourceRequest {
  resources: { name: string; content: Buffer }[];
  tenantId: string;
}

export interface ProcessMetadata {
  bpmnProcessId: string;
  version: number;
  processDefinitionKey: Key;
  resourceName: string;
  tenantId: string;
}
export interface DecisionMetadata {
  dmnDecisionId: string;
  dmnDecisionName: string;
  version: number;
  decisionKey: Key;
  dmnDecisionRequirementsId: string;
  decisionRequirementsKey: Key;
  tenantId: string;
}
export interface DecisionRequirementsMetadata {
  dmnDecisionRequirementsId: string;
  dmnDecisionRequirementsName: string;
  version: number;
  decisionRequirementsKey: Key;
  resourceName: string;
  tenantId: string;
}
export interface FormMetadata {
  formId: string;
  version: number;
  formKey: Key;
  resourceName: string;
  tenantId: string;
}
export interface DeploymentResult {
  key: Key;
  tenantId: string;
  processes: ProcessMetadata[];
  decisions: DecisionMetadata[];
  decisionRequirements: DecisionRequirementsMetadata[];
  forms: FormMetadata[];
}

export interface StartInstruction {
  elementId: string;
}

export interface CreateProcessInstanceRequest {
  /** Either processDefinitionKey, or bpmnProcessId with version (-1 = latest). */
  processDefinitionKey?: Key;
  bpmnProcessId?: string;
  version?: number;
  variables: Variables;
  startInstructions: StartInstruction[];
  tenantId: string;
  operationReference?: string;
}

export interface ProcessInstanceCreated {
  processDefinitionKey: Key;
  bpmnProcessId: string;
  version: number;
  processInstanceKey: Key;
  tenantId: string;
}

/** ModifyProcessInstance (Zeebe 8.6): activate elements, terminate element instances. */
export interface ModifyProcessInstanceRequest {
  processInstanceKey: Key;
  activateInstructions: {
    elementId: string;
    /** The flow scope instance to activate in (or above it); -1 = the only existing one. */
    ancestorElementInstanceKey: Key;
    /** scopeId '' = the process instance (global variables). */
    variableInstructions: { variables: Variables; scopeId: string }[];
  }[];
  terminateInstructions: { elementInstanceKey: Key }[];
}

export interface ProcessInstanceResult extends ProcessInstanceCreated {
  variables: Variables;
}

export interface ActivateJobsRequest {
  type: string;
  worker: string;
  /** Job lock time in ms. */
  timeout: number;
  maxJobsToActivate: number;
  /** Empty = all variables visible at the job's element. */
  fetchVariable: string[];
  tenantIds: string[];
}

export interface ActivatedJob {
  key: Key;
  type: string;
  processInstanceKey: Key;
  bpmnProcessId: string;
  processDefinitionVersion: number;
  processDefinitionKey: Key;
  elementId: string;
  elementInstanceKey: Key;
  /** Custom headers (zeebe:taskHeaders and the io.camunda.zeebe:* user task headers). */
  customHeaders: Record<string, string>;
  worker: string;
  retries: number;
  /** Epoch milliseconds. */
  deadline: number;
  variables: Variables;
  tenantId: string;
}

export interface PublishMessageRequest {
  name: string;
  correlationKey: string;
  /** Milliseconds; 0 = correlate only to open subscriptions. */
  timeToLive: number;
  messageId: string;
  variables: Variables;
  tenantId: string;
}

export interface TopologyInfo {
  clusterSize: number;
  partitionsCount: number;
  replicationFactor: number;
  gatewayVersion: string;
  brokers: { nodeId: number; host: string; port: number; version: string }[];
}

/** EvaluateDecision: the latest decision by id, or the decision by key (`-1`: none). */
export interface EvaluateDecisionRequest {
  decisionId: string;
  decisionKey: Key;
  variables: Variables;
  tenantId: string;
}

/** A decision evaluated within an EvaluateDecision call; values are JSON texts. */
export interface EvaluatedDecisionResult {
  decisionKey: Key;
  decisionId: string;
  decisionName: string;
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

/** The answer of EvaluateDecision (a failed evaluation is an answer too, with failureMessage). */
export interface EvaluateDecisionResponse {
  decisionKey: Key;
  decisionId: string;
  decisionName: string;
  decisionVersion: number;
  decisionRequirementsId: string;
  decisionRequirementsKey: Key;
  /** JSON text; "null" when the evaluation failed. */
  decisionOutput: string;
  evaluatedDecisions: EvaluatedDecisionResult[];
  /** '' unless the evaluation failed. */
  failedDecisionId: string;
  failureMessage: string;
  tenantId: string;
  /** The key of the DECISION_EVALUATION record. */
  decisionInstanceKey: Key;
}

export interface EngineApi {
  topology(): TopologyInfo;

  deployResources(req: DeployResourceRequest): Promise<Result<DeploymentResult>>;
  deleteResource(resourceKey: Key): Promise<Result<void>>;

  createProcessInstance(req: CreateProcessInstanceRequest): Promise<Result<ProcessInstanceCreated>>;
  /** Resolves when the instance completes; rejects with a TimeoutError-like Result when requestTimeout (ms) passes. */
  createProcessInstanceWithResult(
    req: CreateProcessInstanceRequest,
    opts: { requestTimeout: number; fetchVariables: string[] },
  ): Promise<Result<ProcessInstanceResult>>;
  cancelProcessInstance(processInstanceKey: Key): Promise<Result<void>>;
  modifyProcessInstance(req: ModifyProcessInstanceRequest): Promise<Result<void>>;

  /** Activates up to maxJobsToActivate jobs right now; never waits (the gateway does long polling). */
  activateJobs(req: ActivateJobsRequest): Promise<Result<ActivatedJob[]>>;
  /**
   * Calls `listener` (after commit) whenever jobs of this type may have become activatable
   * (created, timed out, retries updated, backoff elapsed). Returns an unsubscribe function.
   */
  onJobsAvailable(type: string, listener: () => void): () => void;

  completeJob(jobKey: Key, variables: Variables): Promise<Result<void>>;
  failJob(
    jobKey: Key,
    req: { retries: number; errorMessage: string; retryBackOff: number; variables: Variables },
  ): Promise<Result<void>>;
  throwError(
    jobKey: Key,
    req: { errorCode: string; errorMessage: string; variables: Variables },
  ): Promise<Result<void>>;
  updateJobRetries(jobKey: Key, retries: number): Promise<Result<void>>;
  updateJobTimeout(jobKey: Key, timeout: number): Promise<Result<void>>;

  setVariables(
    elementInstanceKey: Key,
    variables: Variables,
    local: boolean,
  ): Promise<Result<{ key: Key }>>;
  resolveIncident(incidentKey: Key): Promise<Result<void>>;

  publishMessage(req: PublishMessageRequest): Promise<Result<{ key: Key; tenantId: string }>>;
  broadcastSignal(req: {
    signalName: string;
    variables: Variables;
    tenantId: string;
  }): Promise<Result<{ key: Key; tenantId: string }>>;

  evaluateDecision(req: EvaluateDecisionRequest): Promise<Result<EvaluateDecisionResponse>>;
}
