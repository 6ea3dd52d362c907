/**
 * At start (and after a failed flush): parse the BPMN of every deployed process definition, and
 * the DMN of every deployed decision requirements graph (loadDecisionModels).
 */
import type { Knex } from 'knex';
import type pino from 'pino';
import { transformBpmn } from '../model';
import type { EngineState } from '../state/EngineState';
import { loadDecisionModels } from './loadDecisionModels';

export async function loadProcessModels(
  knex: Knex,
  state: EngineState,
  logger: pino.Logger,
): Promise<void> {
  await loadDecisionModels(knex, state, logger);
  const byResource = new Map<string, string[]>();
  for (const definition of state.processes.definitions.values()) {
    const keys = byResource.get(definition.resourceKey) ?? [];
    keys.push(definition.key);
    byResource.set(definition.resourceKey, keys);
  }
  if (byResource.size === 0) return;
  const rows = (await knex
    .withSchema('engine')
    .from('resources')
    .whereIn('key', [...byResource.keys()])
    .select('key', 'resource_name', 'content')) as {
    key: string;
    resource_name: string;
    content: string;
  }[];
  for (const row of rows) {
    const result = await transformBpmn(row.resource_name, row.content);
    if (!result.ok) {
      logger.error(
        { resource: row.resource_name, errors: result.errors },
        'a deployed resource no longer parses',
      );
      continue;
    }
    for (const definitionKey of byResource.get(String(row.key)) ?? []) {
      const definition = state.processes.definitions.get(definitionKey);
      const process = result.processes.find((p) => p.bpmnProcessId === definition?.bpmnProcessId);
      if (process) state.processes.setModel(definitionKey, process);
    }
  }
  state.journal.clear();
}
