/**
 * Monitoring on a Camunda 8 cluster: Operate's v1 API through @camunda8/sdk's Operate client.
 * A thin layer over `operateMapping.ts`; what Operate's v1 API cannot answer directly:
 *
 * - per-definition statistics: counted from the definition's flow node instances, at most
 *   `maxFlowNodeInstances` of them (`complete: false` beyond);
 * - several tenants at once: searched without a tenant filter, the page filtered afterwards;
 * - history: the instance's flow node instances as activated / completed / terminated entries.
 *
 *   const operate = new Camunda8({ ... }).getOperateApiClient();
 *   const monitoring = new OperateMonitoring(operateClient(operate));
 */
import type { Operate } from '@camunda8/sdk';
import type {
  ElementStatistics,
  FlowNodeInstance,
  HistoryEntry,
  Incident,
  IncidentQuery,
  Monitoring,
  Page,
  PageRequest,
  ProcessDefinition,
  ProcessInstance,
  ProcessInstanceDetail,
  ProcessInstanceQuery,
  FlowNodeStatistics,
} from './Monitoring';
import {
  checkKey,
  countFlowNodes,
  incidentSearch,
  keepTenants,
  nextCursor,
  processInstanceSearch,
  searchBy,
  toFlowNodeInstance,
  toHistory,
  toIncident,
  toProcessInstance,
  toVariable,
  type OperateFlowNodeInstance,
  type OperateIncident,
  type OperateProcessInstance,
  type OperateQuery,
  type OperateResults,
  type OperateVariable,
} from './operateMapping';

/** The calls of Operate's v1 API this adapter makes. */
export interface OperateClient {
  searchProcessInstances(query: OperateQuery): Promise<OperateResults<OperateProcessInstance>>;
  /** Rejects with an error whose `statusCode` is 404 for an unknown key. */
  getProcessInstance(key: string): Promise<OperateProcessInstance>;
  searchFlownodeInstances(query: OperateQuery): Promise<OperateResults<OperateFlowNodeInstance>>;
  searchVariables(query: OperateQuery): Promise<OperateResults<OperateVariable>>;
  searchIncidents(query: OperateQuery): Promise<OperateResults<OperateIncident>>;
  /** Rejects with an error whose `statusCode` is 404 for an unknown key. */
  getProcessDefinition(key: string): Promise<OperateProcessDefinition>;
  getProcessDefinitionXML(key: string): Promise<string>;
}

/** Operate's ProcessDefinition (the fields we read). */
export interface OperateProcessDefinition {
  key: number | string;
  bpmnProcessId: string;
  version: number;
  tenantId?: string;
}

/** The SDK's client as an OperateClient (its DTO typings lack `incident` and `flowNodeId`). */
export function operateClient(api: Operate.OperateApiClient): OperateClient {
  const loose = api as unknown as OperateClient;
  return {
    searchProcessInstances: (query) => loose.searchProcessInstances(query),
    getProcessInstance: (key) => loose.getProcessInstance(key),
    searchFlownodeInstances: (query) => loose.searchFlownodeInstances(query),
    searchVariables: (query) => loose.searchVariables(query),
    searchIncidents: (query) => loose.searchIncidents(query),
    getProcessDefinition: (key) => loose.getProcessDefinition(key),
    getProcessDefinitionXML: (key) => loose.getProcessDefinitionXML(key),
  };
}

const BATCH = 1000;

export interface OperateMonitoringOptions {
  /** Flow node instances read for one definition's statistics; default 10 000. */
  maxFlowNodeInstances?: number;
  /** Flow node instances, variables and incidents read for one instance; default 10 000 each. */
  maxPerInstance?: number;
}

export class OperateMonitoring implements Monitoring {
  private readonly maxFlowNodeInstances: number;
  private readonly maxPerInstance: number;

  constructor(
    private readonly client: OperateClient,
    options: OperateMonitoringOptions = {},
  ) {
    this.maxFlowNodeInstances = options.maxFlowNodeInstances ?? 10_000;
    this.maxPerInstance = options.maxPerInstance ?? 10_000;
  }

  async searchProcessInstances(query: ProcessInstanceQuery): Promise<Page<ProcessInstance>> {
    if (query.tenantIds?.length === 0) return { items: [], next: null };
    const request = processInstanceSearch(query);
    const results = await this.client.searchProcessInstances(request);
    return {
      items: keepTenants(
        results.items.map((item) => toProcessInstance(item)),
        query.tenantIds,
      ),
      next: nextCursor(results, request.size),
    };
  }

  async getProcessInstance(key: string): Promise<ProcessInstanceDetail | undefined> {
    checkKey('key', key);
    const instance = await this.client.getProcessInstance(key).catch(notFoundAsUndefined);
    if (!instance) return undefined;
    const [flowNodes, variables, incidents] = await Promise.all([
      this.readAll((q) => this.client.searchFlownodeInstances(q), key, this.maxPerInstance),
      this.readAll((q) => this.client.searchVariables(q), key, this.maxPerInstance),
      this.readAll((q) => this.client.searchIncidents(q), key, this.maxPerInstance),
    ]);
    const flowNodeInstances = flowNodes.items.map(toFlowNodeInstance);
    const mappedIncidents = incidents.items.map((item) => toIncident(item, flowNodeInstances));
    return {
      instance: toProcessInstance(
        instance,
        instance.incident ?? mappedIncidents.some((incident) => incident.state === 'ACTIVE'),
      ),
      flowNodeInstances,
      variables: variables.items.map(toVariable),
      incidents: mappedIncidents,
    };
  }

  async getProcessInstanceHistory(
    key: string,
    page: PageRequest = {},
  ): Promise<Page<HistoryEntry>> {
    const request = searchBy('processInstanceKey', key, page);
    const results = await this.client.searchFlownodeInstances(request);
    const flowNodes: FlowNodeInstance[] = results.items.map(toFlowNodeInstance);
    return { items: toHistory(flowNodes), next: nextCursor(results, request.size) };
  }

  async getElementStatistics(processDefinitionKey: string): Promise<ElementStatistics> {
    const counts = new Map<string, FlowNodeStatistics>();
    const read = await this.readAll(
      (q) => this.client.searchFlownodeInstances(q),
      processDefinitionKey,
      this.maxFlowNodeInstances,
      'processDefinitionKey',
      (items) => countFlowNodes(items, counts),
    );
    const items = [...counts.values()].sort((a, b) =>
      a.activityId < b.activityId ? -1 : a.activityId > b.activityId ? 1 : 0,
    );
    return { items, complete: read.complete };
  }

  async getProcessDefinition(key: string): Promise<ProcessDefinition | undefined> {
    checkKey('key', key);
    const definition = await this.client.getProcessDefinition(key).catch(notFoundAsUndefined);
    if (!definition) return undefined;
    return {
      key: String(definition.key),
      bpmnProcessId: definition.bpmnProcessId,
      version: definition.version,
      tenantId: definition.tenantId ?? '<default>',
      bpmnXml: await this.client.getProcessDefinitionXML(key),
    };
  }

  async searchIncidents(query: IncidentQuery): Promise<Page<Incident>> {
    if (query.tenantIds?.length === 0) return { items: [], next: null };
    const request = incidentSearch(query);
    const results = await this.client.searchIncidents(request);
    return {
      items: keepTenants(
        results.items.map((item) => toIncident(item)),
        query.tenantIds,
      ),
      next: nextCursor(results, request.size),
    };
  }

  /** Reads all objects of an instance (or definition) in batches, up to `max`. */
  private async readAll<T>(
    search: (query: OperateQuery) => Promise<OperateResults<T>>,
    key: string,
    max: number,
    field: 'processInstanceKey' | 'processDefinitionKey' = 'processInstanceKey',
    onBatch?: (items: T[]) => void,
  ): Promise<{ items: T[]; complete: boolean }> {
    const items: T[] = [];
    let after: string | null = null;
    let read = 0;
    for (;;) {
      const size = Math.min(BATCH, max - read);
      if (size <= 0) return { items, complete: false };
      const results = await search(searchBy(field, key, { size, after }));
      read += results.items.length;
      if (onBatch) onBatch(results.items);
      else items.push(...results.items);
      after = nextCursor(results, size);
      if (after === null) return { items, complete: true };
    }
  }
}

function notFoundAsUndefined(error: unknown): undefined {
  const status =
    (error as { statusCode?: unknown }).statusCode ??
    (error as { response?: { statusCode?: unknown } }).response?.statusCode;
  if (status === 404) return undefined;
  throw error;
}
