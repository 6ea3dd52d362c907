/**
 * A process definition's BPMN XML (for the instance diagram and the heatmap), from
 * `engine.process_definitions` and the deployed resource it was parsed from — what Operate
 * answers at `GET /v1/process-definitions/{key}/xml`. Primary-key lookups only.
 */
import type { Knex } from 'knex';
import { keyColumn, numberColumn, textColumn } from '../state/store/columns';
import type { MonitoredProcessDefinition } from './types';

export async function readProcessDefinition(
  knex: Knex,
  key: string,
): Promise<MonitoredProcessDefinition | undefined> {
  const row = (await knex
    .from('engine.process_definitions as d')
    .join('engine.resources as r', 'r.key', 'd.resource_key')
    .where('d.key', key)
    .first(
      'd.key',
      'd.bpmn_process_id',
      'd.version',
      'd.tenant_id',
      'd.resource_name',
      'r.content',
    )) as Record<string, unknown> | undefined;
  if (!row) return undefined;
  return {
    key: keyColumn(row.key),
    bpmnProcessId: textColumn(row.bpmn_process_id),
    version: numberColumn(row.version),
    tenantId: textColumn(row.tenant_id),
    resourceName: textColumn(row.resource_name),
    bpmnXml: textColumn(row.content),
  };
}
