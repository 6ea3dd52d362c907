/**
 * The executable model: what a deployed BPMN process becomes after parsing and validation
 * (engine/src/model/transform). Processing reads only these types, never moddle objects.
 *
 * Expressions are kept as raw strings exactly as written in the XML: a value starting with '='
 * is FEEL (evaluated with engine/src/feel at run time), anything else is static.
 */

export type ElementType =
  | 'PROCESS'
  | 'START_EVENT'
  | 'END_EVENT'
  | 'INTERMEDIATE_CATCH_EVENT'
  | 'INTERMEDIATE_THROW_EVENT'
  | 'BOUNDARY_EVENT'
  | 'SERVICE_TASK'
  | 'SEND_TASK'
  | 'SCRIPT_TASK'
  | 'USER_TASK'
  | 'RECEIVE_TASK'
  | 'BUSINESS_RULE_TASK'
  | 'MANUAL_TASK'
  | 'TASK'
  | 'EXCLUSIVE_GATEWAY'
  | 'PARALLEL_GATEWAY'
  | 'INCLUSIVE_GATEWAY'
  | 'EVENT_BASED_GATEWAY'
  | 'SUB_PROCESS'
  | 'EVENT_SUB_PROCESS'
  | 'CALL_ACTIVITY'
  | 'SEQUENCE_FLOW'
  /** Records only: the body of a multi-instance activity (its inner instances carry the activity's own type). */
  | 'MULTI_INSTANCE_BODY';

/** Zeebe's BpmnEventType, as it appears in records. */
export type EventType =
  | 'NONE'
  | 'MESSAGE'
  | 'TIMER'
  | 'ERROR'
  | 'SIGNAL'
  | 'ESCALATION'
  | 'TERMINATE'
  | 'LINK'
  | 'COMPENSATION'
  | 'CONDITIONAL'
  | 'UNSPECIFIED';

export interface Mapping {
  /** FEEL expression (with leading '=') or a static value. */
  source: string;
  /** Variable name, possibly a dotted path ("a.b.c") as Zeebe allows. */
  target: string;
}

export interface JobDefinition {
  /** Job type: static or '=FEEL'. */
  type: string;
  /** Retries: static number as string, or '=FEEL'. Default '3'. */
  retries: string;
  /** zeebe:taskHeaders, static strings. */
  headers: Record<string, string>;
}

export interface UserTaskDefinition {
  assignee?: string;
  candidateGroups?: string;
  candidateUsers?: string;
  dueDate?: string;
  followUpDate?: string;
  /** zeebe:formDefinition formKey, or 'camunda-forms:bpmn:<userTaskForm id>' for an embedded form. */
  formKey?: string;
  /** zeebe:formDefinition formId (linked form deployed as a .form resource). */
  formId?: string;
  /** Embedded zeebe:userTaskForm body, when present. */
  embeddedForm?: string;
  /** Which version of the linked form (formId) is used; absent means latest. */
  formBinding?: ResourceBinding;
}

/** zeebe:calledElement / zeebe:formDefinition bindingType (Camunda 8.6), with its versionTag. */
export type ResourceBinding =
  { type: 'latest' } | { type: 'deployment' } | { type: 'versionTag'; versionTag: string };

export interface TimerDefinition {
  kind: 'duration' | 'date' | 'cycle';
  /** Static ISO 8601 / cron text or '=FEEL'. */
  expression: string;
}

export interface MessageDefinition {
  /** Message name: static or '=FEEL'. */
  name: string;
  /** zeebe:subscription correlationKey: '=FEEL' (required on catch events, optional on message start events). */
  correlationKey?: string;
}

export interface ErrorDefinition {
  /** Error code: static or '=FEEL' (on throw). Undefined on a catch event means catch-all. */
  errorCode?: string;
}

export interface SignalDefinition {
  name: string;
}

export interface EscalationDefinition {
  escalationCode?: string;
}

/** Link events (added by the model engineer): a throw event jumps to the catch event of the same name in its scope. */
export interface LinkDefinition {
  name: string;
  /** On a link throw event: the id of the link catch event with the same name in the same flow scope. */
  targetId?: string;
}

/** Compensation throw / end events (added by the model engineer). */
export interface CompensationDefinition {
  /** bpmn:compensateEventDefinition activityRef: the activity to compensate; undefined means the whole scope. */
  activityId?: string;
  /** waitForCompletion (Zeebe only supports true). */
  waitForCompletion: boolean;
}

/** zeebe:executionListener (added by the model engineer). */
export interface ExecutionListenerDefinition {
  eventType: 'start' | 'end';
  /** Job type: static or '=FEEL'. */
  type: string;
  /** Retries: static number as string, or '=FEEL'. Default '3'. */
  retries: string;
}

export interface MultiInstanceDefinition {
  isSequential: boolean;
  inputCollection: string;
  inputElement?: string;
  outputCollection?: string;
  outputElement?: string;
  completionCondition?: string;
}

export interface CalledElementDefinition {
  processId: string;
  /** Which version of the called process is instantiated; absent means latest. */
  binding?: ResourceBinding;
  propagateAllChildVariables: boolean;
  propagateAllParentVariables: boolean;
}

export interface CalledDecisionDefinition {
  decisionId: string;
  resultVariable: string;
}

export interface ScriptDefinition {
  expression: string;
  resultVariable: string;
}

export interface ExecutableSequenceFlow {
  id: string;
  sourceId: string;
  targetId: string;
  /** '=FEEL' condition; undefined when unconditional. */
  condition?: string;
}

export interface ExecutableFlowNode {
  id: string;
  name?: string;
  elementType: ElementType;
  eventType: EventType;
  /** Id of the flow scope: the process id or the id of the enclosing (event) subprocess. */
  flowScopeId: string;
  incoming: string[];
  outgoing: string[];
  /** Exclusive / inclusive gateway default flow id. */
  defaultFlowId?: string;
  inputMappings: Mapping[];
  outputMappings: Mapping[];

  /** Set for job-based elements (service, send, job-based script, business rule with job worker, user task, message throw/end). */
  job?: JobDefinition;
  userTask?: UserTaskDefinition;

  /** Events. */
  message?: MessageDefinition;
  timer?: TimerDefinition;
  error?: ErrorDefinition;
  signal?: SignalDefinition;
  escalation?: EscalationDefinition;
  terminate?: boolean;
  /** Link throw / catch events (optional field added by the model engineer). */
  link?: LinkDefinition;
  /** Compensation throw / end events (optional field added by the model engineer). */
  compensation?: CompensationDefinition;

  /** Boundary events: the activity they are attached to and whether they interrupt it. */
  attachedToId?: string;
  cancelActivity?: boolean;
  /** Ids of the boundary events attached to this activity. */
  boundaryEventIds: string[];
  /** Compensation boundary events: the id of the compensation handler activity (via bpmn:association). Added by the model engineer. */
  compensationHandlerId?: string;
  /** Activities marked isForCompensation="true" (compensation handlers). Added by the model engineer. */
  isForCompensation?: boolean;

  /** Event subprocess start events: whether they interrupt the enclosing scope. */
  interrupting?: boolean;

  /** Containers (subprocess, event subprocess, process): their direct children. */
  childIds?: string[];
  /** Containers: their none start event (subprocess/process) or event start events (event subprocess). */
  startEventIds?: string[];
  /** Containers: ids of their event subprocesses. */
  eventSubProcessIds?: string[];

  multiInstance?: MultiInstanceDefinition;
  calledElement?: CalledElementDefinition;
  calledDecision?: CalledDecisionDefinition;
  script?: ScriptDefinition;
  /** Event-based gateway: ids of the catch events that follow it. */
  eventBasedTargets?: string[];
  /** zeebe:executionListeners, in document order (optional field added by the model engineer). */
  executionListeners?: ExecutionListenerDefinition[];
}

export interface ExecutableProcess {
  bpmnProcessId: string;
  name?: string;
  versionTag?: string;
  /** Every flow node of the process, including the PROCESS root (id === bpmnProcessId). */
  elements: Map<string, ExecutableFlowNode>;
  flows: Map<string, ExecutableSequenceFlow>;
  /** The process's none start event (undefined when it has only event start events). */
  noneStartEventId?: string;
  /** Process-level message, timer and signal start events. */
  messageStartEventIds: string[];
  timerStartEventIds: string[];
  signalStartEventIds: string[];
}

/** Result of parsing one .bpmn resource. */
export type TransformResult =
  { ok: true; processes: ExecutableProcess[] } | { ok: false; errors: ModelError[] };

export interface ModelError {
  /** The element the problem is at (or the process id). */
  elementId: string;
  message: string;
  /**
   * Zeebe's element identifier when the problem sits inside an element without an id, e.g.
   * 'task > extensionElements > taskDefinition' (optional field added by the model engineer;
   * absent when it equals elementId).
   */
  path?: string;
  /**
   * 'resource': the resource as a whole is unusable (XML not well-formed, not valid BPMN);
   * Zeebe reports this as "'<resource>': <message>" without an element (optional field added by
   * the model engineer).
   */
  kind?: 'resource';
}
