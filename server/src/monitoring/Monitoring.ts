/**
 * What the monitoring views (instance list, instance diagram with tokens, incidents, variables,
 * history, heatmap) read, whichever engine runs the processes:
 *
 * ```
 *                 ┌─ EmbeddedMonitoring ─► EngineMonitor (@serviceportal/engine): record log + state tables
 *  Monitoring ────┤
 *                 └─ OperateMonitoring ──► Operate API v1 (@camunda8/sdk OperateApiClient)
 * ```
 *
 * Shapes follow Operate's v1 API (ProcessInstance, FlowNodeInstance, Variable, Incident,
 * FlowNodeStatistics) with three deliberate differences: keys are always decimal strings,
 * instants are ISO 8601 strings, and a running instance with an open incident has the state
 * INCIDENT (Operate: state ACTIVE with `incident: true`). Lists are keyset pages without a
 * total.
 */

export type ProcessInstanceState = 'ACTIVE' | 'INCIDENT' | 'COMPLETED' | 'CANCELED';

export interface ProcessInstance {
  key: string;
  processDefinitionKey: string;
  bpmnProcessId: string;
  processVersion: number;
  state: ProcessInstanceState;
  startDate: string;
  endDate: string | null;
  tenantId: string;
  /** The parent process instance (call activity), null for a root instance. */
  parentKey: string | null;
}

export type FlowNodeState = 'ACTIVE' | 'COMPLETED' | 'TERMINATED';

export interface FlowNodeInstance {
  key: string;
  processInstanceKey: string;
  flowNodeId: string;
  /** Zeebe's BPMN element type: PROCESS, START_EVENT, SERVICE_TASK, … */
  type: string;
  state: FlowNodeState;
  /** Has an open incident (then `incidentKey` names it). */
  incident: boolean;
  incidentKey: string | null;
  /** The enclosing flow node instance; null for the process itself and where unknown (Operate). */
  flowScopeKey: string | null;
  startDate: string;
  endDate: string | null;
}

export interface Variable {
  key: string;
  processInstanceKey: string;
  /** The element instance (or the process instance) the variable belongs to. */
  scopeKey: string;
  name: string;
  /** JSON text. */
  value: string;
  /** Operate shortens long values; the embedded engine never does. */
  truncated: boolean;
}

export type IncidentState = 'ACTIVE' | 'RESOLVED';

export interface Incident {
  key: string;
  processInstanceKey: string;
  processDefinitionKey: string;
  /** Zeebe's ErrorType: JOB_NO_RETRIES, IO_MAPPING_ERROR, CONDITION_ERROR, … */
  type: string;
  message: string;
  state: IncidentState;
  /** The element of the incident; null where the source cannot tell (Operate's incident search). */
  flowNodeId: string | null;
  flowNodeInstanceKey: string | null;
  jobKey: string | null;
  creationTime: string;
  tenantId: string;
}

export interface FlowNodeStatistics {
  /** The element id. */
  activityId: string;
  active: number;
  canceled: number;
  incidents: number;
  completed: number;
}

export interface ElementStatistics {
  items: FlowNodeStatistics[];
  /** false when the source stopped counting at a limit (Operate: counted from flow node pages). */
  complete: boolean;
}

export interface HistoryEntry {
  timestamp: string;
  /** COMMAND, EVENT or COMMAND_REJECTION (Operate: always EVENT). */
  recordType: string;
  /** Zeebe's value type and intent: PROCESS_INSTANCE ELEMENT_COMPLETED, JOB CREATED, … */
  valueType: string;
  intent: string;
  /** What the record is about: an element instance, job, incident, variable … */
  key: string;
  flowNodeId: string | null;
  /** Rejection reason, incident message or variable name, when there is one. */
  detail: string | null;
}

/** A deployed process definition with the BPMN XML it was parsed from (the diagrams). */
export interface ProcessDefinition {
  key: string;
  bpmnProcessId: string;
  version: number;
  tenantId: string;
  bpmnXml: string;
}

export interface ProcessInstanceDetail {
  instance: ProcessInstance;
  flowNodeInstances: FlowNodeInstance[];
  variables: Variable[];
  incidents: Incident[];
}

/**
 * A keyset page: `next` is the cursor of the following page (pass it back as `after`), null on
 * the last page. A page may hold fewer items than asked for without being the last one.
 */
export interface Page<T> {
  items: T[];
  next: string | null;
}

export interface PageRequest {
  /** 1 … 1000; 50 when not given. */
  size?: number;
  after?: string | null;
}

export interface ProcessInstanceQuery extends PageRequest {
  bpmnProcessId?: string;
  processVersion?: number;
  processDefinitionKey?: string;
  state?: ProcessInstanceState;
  /** Only these tenants (a staff member's); an empty list matches nothing. */
  tenantIds?: readonly string[];
}

export interface IncidentQuery extends PageRequest {
  state?: IncidentState;
  processInstanceKey?: string;
  processDefinitionKey?: string;
  /** Error type, e.g. JOB_NO_RETRIES. */
  type?: string;
  /** Only these tenants (a staff member's); an empty list matches nothing. */
  tenantIds?: readonly string[];
}

export interface Monitoring {
  /** Newest first. */
  searchProcessInstances(query: ProcessInstanceQuery): Promise<Page<ProcessInstance>>;
  /** undefined when there is no such instance. */
  getProcessInstance(key: string): Promise<ProcessInstanceDetail | undefined>;
  /** What happened to the instance, oldest first. */
  getProcessInstanceHistory(key: string, page?: PageRequest): Promise<Page<HistoryEntry>>;
  /** Per-element counts over all instances of the process definition (the heatmap). */
  getElementStatistics(processDefinitionKey: string): Promise<ElementStatistics>;
  /** undefined when there is no such definition. */
  getProcessDefinition(key: string): Promise<ProcessDefinition | undefined>;
  /** Newest first. */
  searchIncidents(query: IncidentQuery): Promise<Page<Incident>>;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 1000;

/** A query a monitoring source refuses (malformed key, cursor, size); maps to HTTP 400. */
export class MonitoringQueryError extends Error {
  readonly code = 'INVALID_ARGUMENT';
  constructor(message: string) {
    super(message);
    this.name = 'MonitoringQueryError';
  }
}
