/**
 * At start (and after a failed flush): parse the BPMN of every deployed process definition, and
 * the DMN of every deployed decision requirements graph (loadDecisionModels).
 */
import type { Knex } from 'knex';
import type pino from 'pino';
import { transformBpmn } from '../model';
import type { EngineState } from '../state/EngineState';
import { loadDecisionModels } from './loadDecisionModels';
import { readDeployedResources } from './readDeployedResources';

export async function loadProcessModels(
  knex: Knex,
  state: EngineState,
  logger: pino.Logger,
): Promise<void> {
  await loadDecisionModels(knex, state, logger);
  const { resources, keysOf } = await readDeployedResources(
    knex,
    state.processes.definitions.values(),
  );
  for (const resource of resources) {
    const result = await transformBpmn(resource.resource_name, resource.content);
    if (!result.ok) {
      logger.error(
        { resource: resource.resource_name, errors: result.errors },
        'a deployed resource no longer parses',
      );
      continue;
    }
    for (const definitionKey of keysOf(resource.key)) {
      const definition = state.processes.definitions.get(definitionKey);
      const process = result.processes.find((p) => p.bpmnProcessId === definition?.bpmnProcessId);
      if (process) state.processes.setModel(definitionKey, process);
    }
  }
  state.journal.clear();
}
