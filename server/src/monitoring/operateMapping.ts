/**
 * The mapping between the Monitoring interface and Operate's v1 API (Camunda 8.6): request
 * bodies for the `/v1/<object>/search` endpoints, and response objects to our shapes. Pure
 * functions; OperateMonitoring only sends what these build.
 *
 * Response objects arrive as Operate's JSON parsed by @camunda8/sdk: keys it declares are
 * strings, other numbers are numbers (`processDefinitionKey` of a flow node instance,
 * `parentProcessInstanceKey`), fields it does not declare (`incident`, `flowNodeId`) pass
 * through, and `sortValues` hold lossless-json numbers. Raw JSON (numbers for keys) maps alike.
 */
import {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  MonitoringQueryError,
  type FlowNodeInstance,
  type FlowNodeState,
  type FlowNodeStatistics,
  type HistoryEntry,
  type Incident,
  type IncidentQuery,
  type PageRequest,
  type ProcessInstance,
  type ProcessInstanceQuery,
  type ProcessInstanceState,
  type Variable,
} from './Monitoring';

type OperateKey = string | number;

export interface OperateProcessInstance {
  key: OperateKey;
  processVersion: number;
  bpmnProcessId: string;
  parentKey?: OperateKey | null;
  parentProcessInstanceKey?: OperateKey | null;
  parentFlowNodeInstanceKey?: OperateKey | null;
  startDate: string;
  endDate?: string | null;
  state: 'ACTIVE' | 'COMPLETED' | 'CANCELED';
  /** Since Operate 8.5: the instance has an open incident. */
  incident?: boolean;
  processDefinitionKey: OperateKey;
  tenantId?: string;
}

export interface OperateFlowNodeInstance {
  key: OperateKey;
  processInstanceKey: OperateKey;
  processDefinitionKey?: OperateKey;
  startDate: string;
  endDate?: string | null;
  flowNodeId: string;
  flowNodeName?: string;
  incidentKey?: OperateKey | null;
  type: string;
  state: FlowNodeState;
  incident?: boolean;
  tenantId?: string;
}

export interface OperateVariable {
  key: OperateKey;
  processInstanceKey: OperateKey;
  scopeKey: OperateKey;
  name: string;
  value: string;
  truncated?: boolean;
  tenantId?: string;
}

export interface OperateIncident {
  key: OperateKey;
  processDefinitionKey: OperateKey;
  processInstanceKey: OperateKey;
  type: string;
  message: string;
  creationTime: string;
  state: 'ACTIVE' | 'RESOLVED' | 'PENDING';
  jobKey?: OperateKey | null;
  tenantId?: string;
}

export interface OperateResults<T> {
  items: T[];
  sortValues?: unknown[];
}

/** The body of a `POST /v1/<object>/search`. */
export interface OperateQuery {
  filter: Record<string, unknown>;
  size: number;
  sort: { field: string; order: 'ASC' | 'DESC' }[];
  searchAfter?: unknown[];
}

/** Operate's tenant of a single-tenant installation. */
export const DEFAULT_TENANT = '<default>';

// --- requests ---------------------------------------------------------------------------

/**
 * Operate filters by one tenant at most: with several, the search is not filtered by tenant
 * and the page is filtered afterwards (`keepTenants`). The key `tenantId` is always present so
 * that the SDK does not put its configured tenant in.
 */
function tenantFilter(tenantIds: readonly string[] | undefined): { tenantId: string | undefined } {
  return { tenantId: tenantIds?.length === 1 ? tenantIds[0] : undefined };
}

export function keepTenants<T extends { tenantId: string }>(
  items: T[],
  tenantIds: readonly string[] | undefined,
): T[] {
  if (!tenantIds || tenantIds.length <= 1) return items;
  return items.filter((item) => tenantIds.includes(item.tenantId));
}

export function processInstanceSearch(query: ProcessInstanceQuery): OperateQuery {
  const filter: Record<string, unknown> = { ...tenantFilter(query.tenantIds) };
  if (query.bpmnProcessId !== undefined) filter.bpmnProcessId = query.bpmnProcessId;
  if (query.processVersion !== undefined) filter.processVersion = query.processVersion;
  if (query.processDefinitionKey !== undefined) {
    filter.processDefinitionKey = checkKey('processDefinitionKey', query.processDefinitionKey);
  }
  if (query.state !== undefined) Object.assign(filter, stateFilter(query.state));
  return newestFirst(filter, query);
}

function stateFilter(state: ProcessInstanceState): Record<string, unknown> {
  switch (state) {
    case 'ACTIVE':
      return { state: 'ACTIVE', incident: false };
    case 'INCIDENT':
      return { state: 'ACTIVE', incident: true };
    case 'COMPLETED':
    case 'CANCELED':
      return { state };
    default:
      throw new MonitoringQueryError('state must be ACTIVE, INCIDENT, COMPLETED or CANCELED');
  }
}

export function incidentSearch(query: IncidentQuery): OperateQuery {
  const filter: Record<string, unknown> = { ...tenantFilter(query.tenantIds) };
  if (query.state !== undefined) filter.state = query.state;
  if (query.processInstanceKey !== undefined) {
    filter.processInstanceKey = checkKey('processInstanceKey', query.processInstanceKey);
  }
  if (query.processDefinitionKey !== undefined) {
    filter.processDefinitionKey = checkKey('processDefinitionKey', query.processDefinitionKey);
  }
  if (query.type !== undefined) filter.type = query.type;
  return newestFirst(filter, query);
}

function newestFirst(filter: Record<string, unknown>, page: PageRequest): OperateQuery {
  return withCursor({ filter, size: sizeOf(page), sort: [{ field: 'key', order: 'DESC' }] }, page);
}

/** All objects of one process instance (or definition), oldest first, `size` at a time. */
export function searchBy(
  field: 'processInstanceKey' | 'processDefinitionKey',
  key: string,
  page: PageRequest,
): OperateQuery {
  return withCursor(
    {
      filter: { [field]: checkKey(field, key), tenantId: undefined },
      size: sizeOf(page),
      sort: [{ field: 'key', order: 'ASC' }],
    },
    page,
  );
}

function withCursor(query: OperateQuery, page: PageRequest): OperateQuery {
  if (page.after === undefined || page.after === null) return query;
  return { ...query, searchAfter: decodeCursor(page.after) };
}

export function sizeOf(page: PageRequest): number {
  const size = page.size ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw new MonitoringQueryError(`size must be a whole number from 1 to ${MAX_PAGE_SIZE}`);
  }
  return size;
}

export function checkKey(field: string, key: string): string {
  if (!/^\d{1,19}$/.test(key)) throw new MonitoringQueryError(`${field} must be a decimal key`);
  return key;
}

// --- cursors ----------------------------------------------------------------------------

const CURSOR_PREFIX = 'o1.';

/**
 * The next cursor of a page: Operate's `sortValues` of its last item, or null when the page
 * was not full (the last one). lossless-json numbers become numbers (keys of partitions 1–3
 * are below 2^53) or decimal strings.
 */
export function nextCursor(results: OperateResults<unknown>, size: number): string | null {
  if (results.items.length < size || !results.sortValues?.length) return null;
  const values = results.sortValues.map(plainSortValue);
  return CURSOR_PREFIX + Buffer.from(JSON.stringify(values)).toString('base64url');
}

function plainSortValue(value: unknown): unknown {
  if (typeof value === 'object' && value !== null && 'isLosslessNumber' in value) {
    const text = String((value as { value?: unknown }).value);
    const number = Number(text);
    return Number.isSafeInteger(number) ? number : text;
  }
  return value;
}

export function decodeCursor(cursor: string): unknown[] {
  if (cursor.startsWith(CURSOR_PREFIX)) {
    try {
      const values: unknown = JSON.parse(
        Buffer.from(cursor.slice(CURSOR_PREFIX.length), 'base64url').toString('utf8'),
      );
      if (
        Array.isArray(values) &&
        values.length > 0 &&
        values.every((v) => typeof v === 'string' || typeof v === 'number')
      ) {
        return values;
      }
    } catch {
      // malformed: refused below
    }
  }
  throw new MonitoringQueryError('after is not a cursor of this search');
}

// --- responses --------------------------------------------------------------------------

export function toProcessInstance(
  json: OperateProcessInstance,
  hasOpenIncident = json.incident === true,
): ProcessInstance {
  return {
    key: String(json.key),
    processDefinitionKey: String(json.processDefinitionKey),
    bpmnProcessId: json.bpmnProcessId,
    processVersion: json.processVersion,
    state: json.state === 'ACTIVE' && hasOpenIncident ? 'INCIDENT' : json.state,
    startDate: instant(json.startDate),
    endDate: json.endDate ? instant(json.endDate) : null,
    tenantId: json.tenantId ?? DEFAULT_TENANT,
    parentKey: optionalKey(json.parentKey ?? json.parentProcessInstanceKey),
  };
}

export function toFlowNodeInstance(json: OperateFlowNodeInstance): FlowNodeInstance {
  const incidentKey = optionalKey(json.incidentKey);
  return {
    key: String(json.key),
    processInstanceKey: String(json.processInstanceKey),
    flowNodeId: json.flowNodeId,
    type: json.type,
    state: json.state,
    incident: json.incident ?? incidentKey !== null,
    incidentKey,
    flowScopeKey: null,
    startDate: instant(json.startDate),
    endDate: json.endDate ? instant(json.endDate) : null,
  };
}

export function toVariable(json: OperateVariable): Variable {
  return {
    key: String(json.key),
    processInstanceKey: String(json.processInstanceKey),
    scopeKey: String(json.scopeKey),
    name: json.name,
    value: json.value,
    truncated: json.truncated ?? false,
  };
}

/**
 * Operate's incident names no element; a flow node instance that points at the incident
 * (`incidentKey`, open incidents only) tells it.
 */
export function toIncident(
  json: OperateIncident,
  flowNodes: readonly FlowNodeInstance[] = [],
): Incident {
  const key = String(json.key);
  const flowNode = flowNodes.find((node) => node.incidentKey === key);
  return {
    key,
    processInstanceKey: String(json.processInstanceKey),
    processDefinitionKey: String(json.processDefinitionKey),
    type: json.type,
    message: json.message,
    state: json.state === 'RESOLVED' ? 'RESOLVED' : 'ACTIVE',
    flowNodeId: flowNode?.flowNodeId ?? null,
    flowNodeInstanceKey: flowNode?.key ?? null,
    jobKey: optionalKey(json.jobKey),
    creationTime: instant(json.creationTime),
    tenantId: json.tenantId ?? DEFAULT_TENANT,
  };
}

/** Per-element counts from flow node instances (the process and multi-instance bodies not counted). */
export function countFlowNodes(
  flowNodes: readonly OperateFlowNodeInstance[],
  into = new Map<string, FlowNodeStatistics>(),
): Map<string, FlowNodeStatistics> {
  for (const node of flowNodes) {
    if (node.type === 'PROCESS' || node.type === 'MULTI_INSTANCE_BODY') continue;
    let stats = into.get(node.flowNodeId);
    if (!stats) {
      stats = { activityId: node.flowNodeId, active: 0, canceled: 0, incidents: 0, completed: 0 };
      into.set(node.flowNodeId, stats);
    }
    if (node.state === 'COMPLETED') stats.completed++;
    else if (node.state === 'TERMINATED') stats.canceled++;
    else if (node.incident === true || optionalKey(node.incidentKey) !== null) stats.incidents++;
    else stats.active++;
  }
  return into;
}

/** A page of flow node instances as history: activated, then completed or terminated. */
export function toHistory(flowNodes: readonly FlowNodeInstance[]): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  for (const node of flowNodes) {
    const entry = { recordType: 'EVENT', valueType: 'PROCESS_INSTANCE', key: node.key };
    entries.push({
      ...entry,
      timestamp: node.startDate,
      intent: 'ELEMENT_ACTIVATED',
      flowNodeId: node.flowNodeId,
      detail: null,
    });
    if (node.endDate !== null && node.state !== 'ACTIVE') {
      entries.push({
        ...entry,
        timestamp: node.endDate,
        intent: node.state === 'COMPLETED' ? 'ELEMENT_COMPLETED' : 'ELEMENT_TERMINATED',
        flowNodeId: node.flowNodeId,
        detail: null,
      });
    }
  }
  return entries.sort((a, b) =>
    a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : 0,
  );
}

/** Operate's "2022-03-17T11:53:41.758+0000" as ISO 8601 UTC (kept as is if unreadable). */
export function instant(text: string): string {
  const time = Date.parse(text);
  return Number.isNaN(time) ? text : new Date(time).toISOString();
}

function optionalKey(value: OperateKey | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  const key = String(value);
  return key === '-1' || key === '' ? null : key;
}
