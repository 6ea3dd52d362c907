/**
 * Incidents, open and resolved. Open ones are rows of `engine.incidents` (deleted when
 * resolved); every incident is an INCIDENT CREATED event in the log, and a resolved one also
 * has its RESOLVED event (same key). Newest first.
 */
import type { Knex } from 'knex';
import type { ErrorType, IncidentValue } from '../state/protocol/values';
import { jsonColumn, keyColumn, numberColumn, textColumn } from '../state/store/columns';
import type { LoggedEvent } from './instanceEvents';
import { afterOf, checkKey, limitOf, MonitorQueryError, toPage } from './page';
import { optionalKey } from './processInstances';
import type { IncidentQuery, MonitoredIncident, MonitorPage } from './types';

/** The incidents of one process instance from its events, in creation order. */
export function foldIncidents(events: readonly LoggedEvent[]): MonitoredIncident[] {
  const byKey = new Map<string, MonitoredIncident>();
  for (const event of events) {
    if (event.valueType !== 'INCIDENT') continue;
    if (event.intent === 'CREATED') {
      byKey.set(event.key, fromValue(event.key, event.value, event.timestamp, null));
    } else if (event.intent === 'RESOLVED') {
      const incident = byKey.get(event.key);
      if (incident) {
        incident.state = 'RESOLVED';
        incident.resolutionTime = event.timestamp;
      }
    }
  }
  return [...byKey.values()];
}

/** Element instance key → its open incident, from folded incidents. */
export function openIncidentsByElement(
  incidents: readonly MonitoredIncident[],
): Map<string, string> {
  const open = new Map<string, string>();
  for (const incident of incidents) {
    if (incident.state === 'ACTIVE') open.set(incident.elementInstanceKey, incident.key);
  }
  return open;
}

export async function searchIncidents(
  knex: Knex,
  query: IncidentQuery,
): Promise<MonitorPage<MonitoredIncident>> {
  const limit = limitOf(query);
  const after = afterOf(query);
  if (query.tenantIds?.length === 0) return { items: [], next: null };
  if (query.state !== undefined && query.state !== 'ACTIVE' && query.state !== 'RESOLVED') {
    throw new MonitorQueryError('state', 'must be ACTIVE or RESOLVED');
  }
  const items =
    query.state === 'ACTIVE'
      ? await searchOpen(knex, query, limit, after)
      : await searchLogged(knex, query, limit, after);
  return toPage(items, limit, (incident) => incident.key);
}

/** Open incidents: the live table, by primary key. */
async function searchOpen(
  knex: Knex,
  query: IncidentQuery,
  limit: number,
  after: string | undefined,
): Promise<MonitoredIncident[]> {
  const q = knex.withSchema('engine').from('incidents').select('*');
  if (query.processInstanceKey !== undefined) {
    q.where('process_instance_key', checkKey('processInstanceKey', query.processInstanceKey));
  }
  if (query.processDefinitionKey !== undefined) {
    q.where('process_definition_key', checkKey('processDefinitionKey', query.processDefinitionKey));
  }
  if (query.bpmnProcessId !== undefined) q.where('bpmn_process_id', query.bpmnProcessId);
  if (query.errorType !== undefined) q.where('error_type', query.errorType);
  if (query.elementId !== undefined) q.where('element_id', query.elementId);
  if (query.tenantIds) q.whereIn('tenant_id', [...query.tenantIds]);
  if (after !== undefined) q.where('key', '<', after);
  const rows = (await q.orderBy('key', 'desc').limit(limit + 1)) as Record<string, unknown>[];
  return rows.map((row) => ({
    key: keyColumn(row.key),
    errorType: textColumn(row.error_type) as ErrorType,
    errorMessage: textColumn(row.error_message),
    state: 'ACTIVE',
    elementId: textColumn(row.element_id),
    elementInstanceKey: keyColumn(row.element_instance_key),
    jobKey: optionalKey(row.job_key),
    processInstanceKey: keyColumn(row.process_instance_key),
    processDefinitionKey: keyColumn(row.process_definition_key),
    bpmnProcessId: textColumn(row.bpmn_process_id),
    tenantId: textColumn(row.tenant_id),
    creationTime: numberColumn(row.created_at),
    resolutionTime: null,
  }));
}

/**
 * All incidents (or the resolved ones): the CREATED events through their partial index, each
 * with its RESOLVED event looked up by key.
 */
async function searchLogged(
  knex: Knex,
  query: IncidentQuery,
  limit: number,
  after: string | undefined,
): Promise<MonitoredIncident[]> {
  const q = knex
    .withSchema('engine')
    .from('records as c')
    .select('c.key', 'c.value', 'c.timestamp', 'r.resolved_at')
    .joinRaw(
      `left join lateral (select x.timestamp as resolved_at from engine.records x
        where x.key = c.key and x.record_type = 'EVENT' and x.value_type = 'INCIDENT'
          and x.intent = 'RESOLVED' limit 1) r on true`,
    )
    // the predicate of the partial index records_incident_created, as literals
    .whereRaw("c.record_type = 'EVENT' and c.value_type = 'INCIDENT' and c.intent = 'CREATED'");
  if (query.processInstanceKey !== undefined) {
    q.where('c.process_instance_key', checkKey('processInstanceKey', query.processInstanceKey));
  }
  if (query.processDefinitionKey !== undefined) {
    q.whereRaw("c.value ->> 'processDefinitionKey' = ?", [
      checkKey('processDefinitionKey', query.processDefinitionKey),
    ]);
  }
  if (query.bpmnProcessId !== undefined) {
    q.whereRaw("c.value ->> 'bpmnProcessId' = ?", [query.bpmnProcessId]);
  }
  if (query.errorType !== undefined) q.whereRaw("c.value ->> 'errorType' = ?", [query.errorType]);
  if (query.elementId !== undefined) q.whereRaw("c.value ->> 'elementId' = ?", [query.elementId]);
  if (query.tenantIds) q.whereIn('c.tenant_id', [...query.tenantIds]);
  if (query.state === 'RESOLVED') q.whereNotNull('r.resolved_at');
  if (after !== undefined) q.where('c.key', '<', after);
  const rows = (await q.orderBy('c.key', 'desc').limit(limit + 1)) as Record<string, unknown>[];
  return rows.map((row) =>
    fromValue(
      keyColumn(row.key),
      jsonColumn<Record<string, unknown>>(row.value),
      numberColumn(row.timestamp),
      row.resolved_at === null || row.resolved_at === undefined
        ? null
        : numberColumn(row.resolved_at),
    ),
  );
}

function fromValue(
  key: string,
  raw: Record<string, unknown>,
  creationTime: number,
  resolutionTime: number | null,
): MonitoredIncident {
  const value = raw as unknown as IncidentValue;
  return {
    key,
    errorType: value.errorType,
    errorMessage: value.errorMessage,
    state: resolutionTime === null ? 'ACTIVE' : 'RESOLVED',
    elementId: value.elementId,
    elementInstanceKey: value.elementInstanceKey,
    jobKey: value.jobKey === '-1' ? null : value.jobKey,
    processInstanceKey: value.processInstanceKey,
    processDefinitionKey: value.processDefinitionKey,
    bpmnProcessId: value.bpmnProcessId,
    tenantId: value.tenantId,
    creationTime,
    resolutionTime,
  };
}
