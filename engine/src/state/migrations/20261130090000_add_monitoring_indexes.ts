/**
 * Indexes for the monitoring queries (`src/monitor`), so that each is an index scan on a large
 * record log:
 *
 * - records (process_instance_key, position): one instance's records in order (detail, history
 *   paged by position). It replaces the single-column index on process_instance_key, which it
 *   covers, so the engine's insert into the log keeps the same number of full indexes.
 * - records (key) of INCIDENT CREATED events (partial): the incident list across instances, newest
 *   first; the RESOLVED event of each is found through the existing records (key) index.
 * - records (value->>'processDefinitionKey') of ELEMENT_COMPLETED / ELEMENT_TERMINATED events
 *   (partial): completed and canceled counts of the per-element statistics (heatmap).
 * - process_instances: (bpmn_process_id, key), (bpmn_process_id, version, key),
 *   (process_definition_key, key), (state, key), (tenant_id, key) — each filter of the instance
 *   search, ordered by key for keyset pagination. (state, key) replaces the index on state (the
 *   engine's start-up read of the active instances uses it as well).
 * - element_instances (process_definition_key, element_id): active counts of the statistics.
 * - incidents (process_instance_key): the INCIDENT state of an instance.
 */
import type { Knex } from 'knex';

const INDEXES: { name: string; definition: string }[] = [
  {
    name: 'records_process_instance_position',
    definition: 'engine.records (process_instance_key, position)',
  },
  {
    name: 'records_incident_created',
    definition:
      "engine.records (key) where record_type = 'EVENT' and value_type = 'INCIDENT' and intent = 'CREATED'",
  },
  {
    name: 'records_element_finished_by_definition',
    definition:
      "engine.records ((value ->> 'processDefinitionKey')) where record_type = 'EVENT' " +
      "and value_type = 'PROCESS_INSTANCE' and intent in ('ELEMENT_COMPLETED', 'ELEMENT_TERMINATED')",
  },
  {
    name: 'process_instances_process_id_key',
    definition: 'engine.process_instances (bpmn_process_id, key)',
  },
  {
    name: 'process_instances_process_id_version_key',
    definition: 'engine.process_instances (bpmn_process_id, version, key)',
  },
  {
    name: 'process_instances_definition_key',
    definition: 'engine.process_instances (process_definition_key, key)',
  },
  { name: 'process_instances_state_key', definition: 'engine.process_instances (state, key)' },
  { name: 'process_instances_tenant_key', definition: 'engine.process_instances (tenant_id, key)' },
  {
    name: 'element_instances_definition_element',
    definition: 'engine.element_instances (process_definition_key, element_id)',
  },
  {
    name: 'incidents_process_instance',
    definition: 'engine.incidents (process_instance_key)',
  },
];

/** Single-column indexes of the first migration (knex's names) that a composite one covers. */
const REPLACED: { name: string; definition: string }[] = [
  {
    name: 'records_process_instance_key_index',
    definition: 'engine.records (process_instance_key)',
  },
  { name: 'process_instances_state_index', definition: 'engine.process_instances (state)' },
];

export async function up(knex: Knex): Promise<void> {
  for (const index of INDEXES) {
    await knex.raw(`create index ${index.name} on ${index.definition}`);
  }
  for (const index of REPLACED) {
    await knex.raw(`drop index if exists engine.${index.name}`);
  }
  await knex.raw('analyze engine.records');
}

export async function down(knex: Knex): Promise<void> {
  for (const index of REPLACED) {
    await knex.raw(`create index if not exists ${index.name} on ${index.definition}`);
  }
  for (const index of INDEXES) {
    await knex.raw(`drop index if exists engine.${index.name}`);
  }
}
