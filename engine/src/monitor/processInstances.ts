/**
 * Process instances from `engine.process_instances` (rows stay with their final state), newest
 * first. An active instance with an open incident (`engine.incidents`) is in state INCIDENT.
 */
import type { Knex } from 'knex';
import { keyColumn, numberColumn, textColumn } from '../state/store/columns';
import { afterOf, checkKey, limitOf, MonitorQueryError, toPage } from './page';
import type {
  MonitoredInstanceState,
  MonitoredProcessInstance,
  MonitorPage,
  ProcessInstanceQuery,
} from './types';

const HAS_OPEN_INCIDENT = 'select 1 from engine.incidents i where i.process_instance_key = p.key';

function selectInstances(knex: Knex | Knex.Transaction): Knex.QueryBuilder {
  return knex
    .withSchema('engine')
    .from('process_instances as p')
    .select(
      'p.*',
      knex.raw(`(p.state = 'ACTIVE' and exists (${HAS_OPEN_INCIDENT})) as has_incident`),
    );
}

export async function searchProcessInstances(
  knex: Knex,
  query: ProcessInstanceQuery,
): Promise<MonitorPage<MonitoredProcessInstance>> {
  const limit = limitOf(query);
  const after = afterOf(query);
  if (query.tenantIds?.length === 0) return { items: [], next: null };
  const q = selectInstances(knex);
  if (query.bpmnProcessId !== undefined) q.where('p.bpmn_process_id', query.bpmnProcessId);
  if (query.version !== undefined) {
    if (!Number.isInteger(query.version) || query.version < 1) {
      throw new MonitorQueryError('version', 'must be a positive whole number');
    }
    q.where('p.version', query.version);
  }
  if (query.processDefinitionKey !== undefined) {
    q.where(
      'p.process_definition_key',
      checkKey('processDefinitionKey', query.processDefinitionKey),
    );
  }
  if (query.tenantIds?.length === 1) q.where('p.tenant_id', query.tenantIds[0]!);
  else if (query.tenantIds) q.whereIn('p.tenant_id', [...query.tenantIds]);
  if (query.state !== undefined) filterState(q, query.state);
  if (after !== undefined) q.where('p.key', '<', after);
  const rows = (await q.orderBy('p.key', 'desc').limit(limit + 1)) as Record<string, unknown>[];
  return toPage(rows.map(toInstance), limit, (instance) => instance.key);
}

function filterState(q: Knex.QueryBuilder, state: MonitoredInstanceState): void {
  switch (state) {
    case 'ACTIVE':
      q.where('p.state', 'ACTIVE').whereRaw(`not exists (${HAS_OPEN_INCIDENT})`);
      return;
    case 'INCIDENT':
      q.where('p.state', 'ACTIVE').whereRaw(`exists (${HAS_OPEN_INCIDENT})`);
      return;
    case 'COMPLETED':
      q.where('p.state', 'COMPLETED');
      return;
    case 'CANCELED':
      q.where('p.state', 'TERMINATED');
      return;
    default:
      throw new MonitorQueryError('state', 'must be ACTIVE, INCIDENT, COMPLETED or CANCELED');
  }
}

export async function findProcessInstance(
  knex: Knex | Knex.Transaction,
  key: string,
): Promise<MonitoredProcessInstance | undefined> {
  const row = (await selectInstances(knex).where('p.key', checkKey('key', key)).first()) as
    Record<string, unknown> | undefined;
  return row ? toInstance(row) : undefined;
}

function toInstance(row: Record<string, unknown>): MonitoredProcessInstance {
  return {
    key: keyColumn(row.key),
    bpmnProcessId: textColumn(row.bpmn_process_id),
    processDefinitionKey: keyColumn(row.process_definition_key),
    version: numberColumn(row.version),
    tenantId: textColumn(row.tenant_id),
    state: stateOf(textColumn(row.state), row.has_incident === true),
    parentProcessInstanceKey: optionalKey(row.parent_process_instance_key),
    parentElementInstanceKey: optionalKey(row.parent_element_instance_key),
    startDate: numberColumn(row.start_date),
    endDate: row.end_date === null ? null : numberColumn(row.end_date),
  };
}

function stateOf(stored: string, hasIncident: boolean): MonitoredInstanceState {
  if (stored === 'COMPLETED') return 'COMPLETED';
  if (stored === 'TERMINATED') return 'CANCELED';
  return hasIncident ? 'INCIDENT' : 'ACTIVE';
}

/** -1 (Zeebe's "none") as null. */
export function optionalKey(value: unknown): string | null {
  const key = keyColumn(value);
  return key === '-1' ? null : key;
}
