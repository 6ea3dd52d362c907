/**
 * What the monitoring queries answer, in the engine's vocabulary: keys as decimal strings,
 * instants as epoch milliseconds, Zeebe's element types and intents.
 */
import type { ElementType } from '../model/types';
import type { ErrorType } from '../state/protocol/values';

/** A running instance with an open incident is INCIDENT, not ACTIVE (as in Operate's list). */
export type MonitoredInstanceState = 'ACTIVE' | 'INCIDENT' | 'COMPLETED' | 'CANCELED';

export interface MonitoredProcessInstance {
  key: string;
  bpmnProcessId: string;
  processDefinitionKey: string;
  version: number;
  tenantId: string;
  state: MonitoredInstanceState;
  /** null for a root instance. */
  parentProcessInstanceKey: string | null;
  parentElementInstanceKey: string | null;
  startDate: number;
  endDate: number | null;
}

export type MonitoredElementState = 'ACTIVE' | 'COMPLETED' | 'TERMINATED';

export interface MonitoredElementInstance {
  key: string;
  elementId: string;
  elementType: ElementType;
  /** The enclosing element instance (null for the process instance itself). */
  flowScopeKey: string | null;
  state: MonitoredElementState;
  /** The open incident of this element instance, if any. */
  incidentKey: string | null;
  startDate: number;
  endDate: number | null;
}

/** The current value of a variable: its last CREATED or UPDATED event. */
export interface MonitoredVariable {
  key: string;
  name: string;
  /** JSON text, as in the record log. */
  value: string;
  scopeKey: string;
  /** Element id of the scope (the process id for instance variables); null if unknown. */
  scopeElementId: string | null;
}

export type MonitoredIncidentState = 'ACTIVE' | 'RESOLVED';

export interface MonitoredIncident {
  key: string;
  errorType: ErrorType;
  errorMessage: string;
  state: MonitoredIncidentState;
  elementId: string;
  elementInstanceKey: string;
  /** null when the incident is not about a job. */
  jobKey: string | null;
  processInstanceKey: string;
  processDefinitionKey: string;
  bpmnProcessId: string;
  tenantId: string;
  creationTime: number;
  resolutionTime: number | null;
}

/** One record of the log, as written (commands and rejections included). */
export interface MonitoredRecord {
  position: number;
  sourceRecordPosition: number;
  key: string;
  recordType: string;
  valueType: string;
  intent: string;
  rejectionType: string | null;
  rejectionReason: string | null;
  timestamp: number;
  value: Record<string, unknown>;
}

export interface ProcessInstanceDetail {
  instance: MonitoredProcessInstance;
  /** In activation order. */
  elementInstances: MonitoredElementInstance[];
  /** By scope key, then name. */
  variables: MonitoredVariable[];
  /** Open and resolved, in creation order. */
  incidents: MonitoredIncident[];
}

/** Per-element counts of a process definition over all its instances (for a heatmap). */
export interface ElementStatistics {
  elementId: string;
  /** Live element instances without an open incident. */
  active: number;
  /** Live element instances with an open incident. */
  incidents: number;
  completed: number;
  /** Terminated element instances (cancelled instance, interrupting event, terminate end). */
  canceled: number;
}

/**
 * One page of a keyset-paginated query. There is no total: counting would read every row.
 * `next` is the cursor of the following page (pass it as `after`), null on the last page.
 */
export interface MonitorPage<T> {
  items: T[];
  next: string | null;
}

export interface PageQuery {
  /** 1 … 1000; 50 when not given. */
  limit?: number;
  /** The `next` cursor of the previous page. */
  after?: string | null;
}

export interface ProcessInstanceQuery extends PageQuery {
  bpmnProcessId?: string;
  version?: number;
  processDefinitionKey?: string;
  state?: MonitoredInstanceState;
  /** Only instances of these tenants; an empty list matches nothing. */
  tenantIds?: readonly string[];
}

export interface IncidentQuery extends PageQuery {
  state?: MonitoredIncidentState;
  processInstanceKey?: string;
  processDefinitionKey?: string;
  bpmnProcessId?: string;
  errorType?: ErrorType;
  elementId?: string;
  /** Only incidents of these tenants; an empty list matches nothing. */
  tenantIds?: readonly string[];
}

/** A deployed process definition with the BPMN XML it was parsed from. */
export interface MonitoredProcessDefinition {
  key: string;
  bpmnProcessId: string;
  version: number;
  tenantId: string;
  resourceName: string;
  bpmnXml: string;
}
