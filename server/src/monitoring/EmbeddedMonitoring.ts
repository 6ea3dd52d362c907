/**
 * Monitoring with the embedded engine: the engine's monitoring queries (EngineMonitor, over its
 * record log and state tables, read-only) mapped to the Monitoring shapes.
 *
 *   const monitoring = new EmbeddedMonitoring(new EngineMonitor(knex));
 *
 * `knex` is the engine's own (with PGlite there is one connection; see engine/src/state/db.ts).
 */
import {
  MonitorQueryError,
  type EngineMonitor,
  type MonitoredElementInstance,
  type MonitoredIncident,
  type MonitoredProcessInstance,
  type MonitoredRecord,
  type MonitoredVariable,
} from '@serviceportal/engine';
import {
  MonitoringQueryError,
  type ElementStatistics,
  type FlowNodeInstance,
  type HistoryEntry,
  type Incident,
  type IncidentQuery,
  type Monitoring,
  type Page,
  type PageRequest,
  type ProcessDefinition,
  type ProcessInstance,
  type ProcessInstanceDetail,
  type ProcessInstanceQuery,
  type Variable,
} from './Monitoring';

export class EmbeddedMonitoring implements Monitoring {
  constructor(private readonly monitor: EngineMonitor) {}

  async searchProcessInstances(query: ProcessInstanceQuery): Promise<Page<ProcessInstance>> {
    const page = await refused(() =>
      this.monitor.searchProcessInstances({
        limit: query.size,
        after: query.after,
        bpmnProcessId: query.bpmnProcessId,
        version: query.processVersion,
        processDefinitionKey: query.processDefinitionKey,
        state: query.state,
        tenantIds: query.tenantIds,
      }),
    );
    return { items: page.items.map(toProcessInstance), next: page.next };
  }

  async getProcessInstance(key: string): Promise<ProcessInstanceDetail | undefined> {
    const detail = await refused(() => this.monitor.getProcessInstance(key));
    if (!detail) return undefined;
    const { instance } = detail;
    return {
      instance: toProcessInstance(instance),
      flowNodeInstances: detail.elementInstances.map((e) => toFlowNodeInstance(e, instance.key)),
      variables: detail.variables.map((v) => toVariable(v, instance.key)),
      incidents: detail.incidents.map(toIncident),
    };
  }

  async getProcessInstanceHistory(
    key: string,
    page: PageRequest = {},
  ): Promise<Page<HistoryEntry>> {
    const records = await refused(() =>
      this.monitor.getHistory(key, { limit: page.size, after: page.after }),
    );
    return { items: records.items.map(toHistoryEntry), next: records.next };
  }

  async getElementStatistics(processDefinitionKey: string): Promise<ElementStatistics> {
    const stats = await refused(() => this.monitor.getElementStatistics(processDefinitionKey));
    return {
      items: stats.map((e) => ({
        activityId: e.elementId,
        active: e.active,
        canceled: e.canceled,
        incidents: e.incidents,
        completed: e.completed,
      })),
      complete: true,
    };
  }

  async getProcessDefinition(key: string): Promise<ProcessDefinition | undefined> {
    const definition = await refused(() => this.monitor.getProcessDefinition(key));
    if (!definition) return undefined;
    const { resourceName: _resourceName, ...rest } = definition;
    return rest;
  }

  async searchIncidents(query: IncidentQuery): Promise<Page<Incident>> {
    const page = await refused(() =>
      this.monitor.searchIncidents({
        limit: query.size,
        after: query.after,
        state: query.state,
        processInstanceKey: query.processInstanceKey,
        processDefinitionKey: query.processDefinitionKey,
        errorType: query.type as MonitoredIncident['errorType'] | undefined,
        tenantIds: query.tenantIds,
      }),
    );
    return { items: page.items.map(toIncident), next: page.next };
  }
}

/** The engine's refusal of a query as the Monitoring one. */
async function refused<T>(query: () => Promise<T>): Promise<T> {
  try {
    return await query();
  } catch (error) {
    if (error instanceof MonitorQueryError) throw new MonitoringQueryError(error.message);
    throw error;
  }
}

const iso = (epochMillis: number) => new Date(epochMillis).toISOString();

export function toProcessInstance(instance: MonitoredProcessInstance): ProcessInstance {
  return {
    key: instance.key,
    processDefinitionKey: instance.processDefinitionKey,
    bpmnProcessId: instance.bpmnProcessId,
    processVersion: instance.version,
    state: instance.state,
    startDate: iso(instance.startDate),
    endDate: instance.endDate === null ? null : iso(instance.endDate),
    tenantId: instance.tenantId,
    parentKey: instance.parentProcessInstanceKey,
  };
}

function toFlowNodeInstance(
  element: MonitoredElementInstance,
  processInstanceKey: string,
): FlowNodeInstance {
  return {
    key: element.key,
    processInstanceKey,
    flowNodeId: element.elementId,
    type: element.elementType,
    state: element.state,
    incident: element.incidentKey !== null,
    incidentKey: element.incidentKey,
    flowScopeKey: element.flowScopeKey,
    startDate: iso(element.startDate),
    endDate: element.endDate === null ? null : iso(element.endDate),
  };
}

function toVariable(variable: MonitoredVariable, processInstanceKey: string): Variable {
  return {
    key: variable.key,
    processInstanceKey,
    scopeKey: variable.scopeKey,
    name: variable.name,
    value: variable.value,
    truncated: false,
  };
}

function toIncident(incident: MonitoredIncident): Incident {
  return {
    key: incident.key,
    processInstanceKey: incident.processInstanceKey,
    processDefinitionKey: incident.processDefinitionKey,
    type: incident.errorType,
    message: incident.errorMessage,
    state: incident.state,
    flowNodeId: incident.elementId,
    flowNodeInstanceKey: incident.elementInstanceKey,
    jobKey: incident.jobKey,
    creationTime: iso(incident.creationTime),
    tenantId: incident.tenantId,
  };
}

function toHistoryEntry(record: MonitoredRecord): HistoryEntry {
  const value = record.value as { elementId?: unknown; errorMessage?: unknown; name?: unknown };
  const text = (field: unknown) => (typeof field === 'string' ? field : null);
  return {
    timestamp: iso(record.timestamp),
    recordType: record.recordType,
    valueType: record.valueType,
    intent: record.intent,
    key: record.key,
    flowNodeId: text(value.elementId),
    detail:
      record.rejectionReason ??
      (record.valueType === 'INCIDENT' ? text(value.errorMessage) : null) ??
      (record.valueType === 'VARIABLE' ? text(value.name) : null),
  };
}
